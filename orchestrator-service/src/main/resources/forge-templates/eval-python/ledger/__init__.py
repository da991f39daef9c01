from ledger.core import format_amount, parse_amount, total
from ledger.report import average_expense, summary

__all__ = ["average_expense", "format_amount", "parse_amount", "summary", "total"]
