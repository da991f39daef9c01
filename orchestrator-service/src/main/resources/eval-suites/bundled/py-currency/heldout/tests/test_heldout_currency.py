import unittest
from decimal import Decimal

from ledger import format_amount, summary


class HeldOutCurrencyTest(unittest.TestCase):

    def test_symbol(self):
        self.assertEqual(format_amount(Decimal("3"), symbol="€"), "€3.00")

    def test_summary_symbol(self):
        self.assertEqual(summary([("rent", Decimal("900"))], symbol="€"), "rent: €900.00\ntotal: €900.00")

    def test_default(self):
        self.assertEqual(summary([("rent", Decimal("900"))]), "rent: $900.00\ntotal: $900.00")
