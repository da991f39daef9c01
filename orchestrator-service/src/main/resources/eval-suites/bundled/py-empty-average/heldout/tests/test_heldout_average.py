import unittest
from decimal import Decimal

from ledger import average_expense


class HeldOutAverageTest(unittest.TestCase):

    def test_no_expenses(self):
        self.assertEqual(average_expense([]), Decimal("0.00"))

    def test_no_expenses_is_two_decimals(self):
        self.assertEqual(str(average_expense([])), "0.00")

    def test_rounding(self):
        self.assertEqual(average_expense([("a", Decimal("1")), ("b", Decimal("2"))]), Decimal("1.50"))
