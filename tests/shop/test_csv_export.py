"""Every CSV we write neutralises cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from shop.csv_export import csv_safe_cell, csv_write


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")'],
)
def test_a_text_cell_starting_like_a_formula_gets_a_leading_apostrophe(text):
    assert csv_safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Cà phê Arabica", "", "a=b", "1-2", 5, -5, Decimal("-1250000")])
def test_ordinary_text_and_numbers_are_written_as_they_are(value):
    assert csv_safe_cell(value) == value


def test_csv_write_neutralises_header_and_every_row():
    out = io.StringIO()
    csv_write(out, ["=h", "b"], [["=x", -3], ["ok", "@y"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["'=h", "b"],
        ["'=x", "-3"],
        ["ok", "'@y"],
    ]
