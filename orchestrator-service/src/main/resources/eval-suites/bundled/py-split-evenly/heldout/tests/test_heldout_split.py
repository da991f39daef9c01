import unittest
from decimal import Decimal

from ledger import split_evenly


class HeldOutSplitTest(unittest.TestCase):

    def test_remainder_goes_to_the_first_parts(self):
        self.assertEqual(split_evenly(Decimal("10"), 3), [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")])

    def test_sum_is_exact(self):
        parts = split_evenly(Decimal("100.01"), 7)
        self.assertEqual(sum(parts), Decimal("100.01"))
        self.assertLessEqual(max(parts) - min(parts), Decimal("0.01"))

    def test_zero(self):
        self.assertEqual(split_evenly(Decimal("0"), 2), [Decimal("0.00"), Decimal("0.00")])

    def test_parts_below_one(self):
        with self.assertRaises(ValueError):
            split_evenly(Decimal("10"), 0)
