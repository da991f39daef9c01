import unittest
from decimal import Decimal

from ledger import format_amount, parse_amount, total
from ledger.report import average_expense, summary


class CoreTest(unittest.TestCase):

    def test_parse_plain_dollar_and_separators(self):
        self.assertEqual(parse_amount("12.5"), Decimal("12.50"))
        self.assertEqual(parse_amount(" $1,234.50 "), Decimal("1234.50"))

    def test_parse_rejects_text(self):
        with self.assertRaises(ValueError):
            parse_amount("twelve")

    def test_format(self):
        self.assertEqual(format_amount(Decimal("1234.5")), "$1,234.50")

    def test_total(self):
        self.assertEqual(total([Decimal("1.10"), Decimal("2.20")]), Decimal("3.30"))

    def test_average(self):
        self.assertEqual(average_expense([("a", Decimal("10")), ("b", Decimal("20"))]), Decimal("15.00"))

    def test_summary(self):
        self.assertEqual(summary([("rent", Decimal("900")), ("food", Decimal("50"))]),
                         "rent: $900.00\nfood: $50.00\ntotal: $950.00")


if __name__ == "__main__":
    unittest.main()
