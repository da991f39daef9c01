"""Summaries of a list of expenses (name, amount)."""

from decimal import Decimal

from ledger.core import CENT, format_amount, total


def average_expense(expenses):
    """The mean amount of the expenses, two decimals."""
    amounts = [amount for _, amount in expenses]
    return (total(amounts) / len(amounts)).quantize(CENT)


def summary(expenses):
    """One line per expense, then the total: 'rent: $900.00' ... 'total: $950.00'."""
    lines = ["%s: %s" % (name, format_amount(amount)) for name, amount in expenses]
    lines.append("total: %s" % format_amount(total([amount for _, amount in expenses])))
    return "\n".join(lines)
