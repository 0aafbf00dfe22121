"""The fast reader needs no openpyxl: its own cell addresses, date formats and Excel serial dates
agree with openpyxl's, and reading a workbook does not import openpyxl (a fifth of a second per process)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.styles.numbers import is_date_format as openpyxl_is_date_format
from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple, get_column_letter
from openpyxl.utils.datetime import from_excel as openpyxl_from_excel

from govreport.workbook.coords import address_to_tuple, column_index, column_letter
from govreport.workbook.xlsx import MAC_EPOCH, WINDOWS_EPOCH, from_excel, is_date_format

EXAMPLE = Path(__file__).parent.parent / "examples" / "大水泊镇-2022.xlsx"


def test_reading_a_workbook_does_not_import_openpyxl() -> None:
    code = (
        "import sys\n"
        "from govreport.api import check_workbook\n"
        f"checked = check_workbook({str(EXAMPLE)!r})\n"
        "assert checked.report is not None and checked.report.year == 2022, checked.result\n"
        "print(sorted(m for m in sys.modules if m.startswith('openpyxl')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_columns_and_addresses_match_openpyxl() -> None:
    for index in range(1, 18279):
        letters = get_column_letter(index)
        assert column_letter(index) == letters
        assert column_index(letters) == column_index(letters.lower()) == column_index_from_string(letters)
        address = f"{letters}{index}"
        assert address_to_tuple(address) == coordinate_to_tuple(address)


@pytest.mark.parametrize("bad", ["", "A", "1", "$A$1", "AAAA1", "A1B", "一1"])
def test_bad_addresses_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        address_to_tuple(bad)


CODES = [
    *BUILTIN_FORMATS.values(),
    'yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    "[$-F800]dddd, mmmm dd, yyyy",
    "[Red]0.00",
    "[h]:mm",
    "0.00_);[Red](0.00)",
    '"d"0',
    "\\d0",
    "_-* #,##0_-",
]


@pytest.mark.parametrize("code", CODES)
def test_date_formats_as_openpyxl_decides(code: str) -> None:
    assert is_date_format(code) == openpyxl_is_date_format(code)


def test_serial_dates_as_openpyxl_converts_them() -> None:
    rng = random.Random(5)
    serials = [0, 0.5, 0.99999999, 1, 59, 59.5, 60, 60.25, 61, 45000.123456, 2900000.5]
    serials += [rng.uniform(0, 80000) for _ in range(500)]
    for serial in serials:
        for epoch in (WINDOWS_EPOCH, MAC_EPOCH):
            assert from_excel(serial, epoch) == openpyxl_from_excel(serial, epoch), (serial, epoch)
