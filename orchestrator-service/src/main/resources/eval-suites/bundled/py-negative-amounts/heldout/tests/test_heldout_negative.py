import unittest
from decimal import Decimal

from ledger import format_amount


class HeldOutNegativeTest(unittest.TestCase):

    def test_negative(self):
        self.assertEqual(format_amount(Decimal("-5")), "-$5.00")

    def test_negative_with_separators(self):
        self.assertEqual(format_amount(Decimal("-1234.5")), "-$1,234.50")

    def test_positive_unchanged(self):
        self.assertEqual(format_amount(Decimal("0.5")), "$0.50")
