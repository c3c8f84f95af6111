"""CSV files we write (staff reports today, marketplace feeds later) go through here.

A spreadsheet program opening a CSV runs any cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula (``=HYPERLINK(...)``, ``=cmd|...``), and a leading tab or carriage return can hide
such a start. Producer names, product names and addresses are typed by people outside the
office, so every text cell is neutralised with a leading apostrophe (OWASP's advice), which the
spreadsheet shows as plain text. Numbers (int, Decimal) are written as they are: ``-5`` is a
number, not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def csv_safe_cell(value: object) -> object:
    """``value`` ready for a CSV cell: text that a spreadsheet would read as a formula gets a
    leading apostrophe; everything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_write(stream: _Writable, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    """Write ``header`` and ``rows`` to ``stream`` as CSV, every cell neutralised."""
    writer = csv.writer(stream)
    writer.writerow([csv_safe_cell(cell) for cell in header])
    writer.writerows([csv_safe_cell(cell) for cell in row] for row in rows)
