"""Amounts of money as Decimal, parsed from and formatted to text."""

from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")


def parse_amount(text):
    """Parse '12.50', '$12.50' or '1,234.50' into a Decimal; raises ValueError for anything else."""
    cleaned = text.strip().replace("$", "").replace(",", "")
    try:
        return Decimal(cleaned).quantize(CENT)
    except InvalidOperation:
        raise ValueError("not an amount: %r" % text)


def format_amount(amount):
    """Format a Decimal as dollars with two decimals and thousands separators: 1234.5 -> '$1,234.50'."""
    return "$" + "{:,.2f}".format(amount)


def total(amounts):
    """The sum of the amounts, as a Decimal with two decimals."""
    return sum(amounts, Decimal("0")).quantize(CENT)
