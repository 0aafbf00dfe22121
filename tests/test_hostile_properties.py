"""Property-based: random cell values, types, formulas, texts and sheet names thrown at the reader, the
checks and the build. Whatever comes in, the command ends within bounded time with a documented exit
code (0, 1 or 2) and never a traceback; nothing is left behind in the output folder but reports."""

from __future__ import annotations

import shutil
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from click.testing import CliRunner
from factories import workbook_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_edit import rewrite, set_cells

from govreport.cli import cli
from govreport.formats import CellKey
from govreport.workbook.fill import fill_workbook

SECONDS = 20  # per command; a normal workbook takes a fraction of a second

# Text a cell can hold in XML 1.0 (no surrogates, no control characters but tab and line feeds), with
# Excel's own _xHHHH_ escapes and the invisible characters that confuse readers mixed in.
_PIECES_OF_TEXT = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc")),
    st.sampled_from(
        ["\t", "\n", "\u200b", "\u202e", "\ufeff", "_x000D_", "_x0000_", "１", "〇", "—", "=SUM("]
    ),
)
_TEXT = st.lists(_PIECES_OF_TEXT, max_size=30).map("".join)
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1E+99999999", "-1e-400", "NaN", "INF", "-0", "9" * 400, "1.5E+29", "0x10", ""]),
)
_PIECES = [
    "A1", "E5", "$D$5", "D5:I5", "'表三'!E5", "'不存在'!A1", "[1]Sheet1!A1", "A1:XFD1048576",
    "SUM(", "IF(", "VLOOKUP(", ")", "(", ",", "+", "-", "*", "/", "^", "&", "1", "0", "1E308", '"文字"',
    "#REF!", "TRUE",
]  # fmt: skip
_FORMULAS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join)


@st.composite
def cells(draw: st.DrawFn, ref: str) -> str:
    """One ``<c>`` element of any type Excel (or a script, or an attacker) may write."""
    kind = draw(st.sampled_from(["number", "shared-less text", "inline", "formula", "bool", "error", "date"]))
    if kind == "number":
        return f'<c r="{ref}"><v>{escape(draw(_NUMBERS))}</v></c>'
    if kind == "formula":
        cached = draw(st.one_of(st.none(), _NUMBERS))
        value = "" if cached is None else f"<v>{escape(cached)}</v>"
        return f'<c r="{ref}"><f>{escape(draw(_FORMULAS))}</f>{value}</c>'
    if kind == "bool":
        return f'<c r="{ref}" t="b"><v>{draw(st.sampled_from(["0", "1", "2", "x"]))}</v></c>'
    if kind == "error":
        return f'<c r="{ref}" t="e"><v>{draw(st.sampled_from(["#DIV/0!", "#N/A", "#VALUE!"]))}</v></c>'
    if kind == "date":
        return f'<c r="{ref}" t="d"><v>{draw(st.sampled_from(["2024-01-01T00:00:00", "0001-01-01", "x"]))}</v></c>'
    if kind == "shared-less text":
        return f'<c r="{ref}" t="str"><v>{escape(draw(_TEXT))}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(draw(_TEXT))}</t></is></c>'


# Cells of the filled template: 表三's value and total cells, 基本信息's 机关名称 and 年度, the overview text.
TABLE_CELLS = [f"{col}{row}" for col in "DEFGHIJ" for row in (5, 6, 7, 12, 20, 28, 29)]


@st.composite
def spoilings(draw: st.DrawFn) -> dict[str, object]:
    table = draw(st.dictionaries(st.sampled_from(TABLE_CELLS), st.just(None), min_size=1, max_size=6))
    return {
        "表三": {ref: draw(cells(ref)) for ref in table},
        "基本信息": {
            ref: draw(cells(ref)) for ref in draw(st.sets(st.sampled_from(["B2", "B3"]), max_size=2))
        },
        "一、总体情况": {"B2": draw(cells("B2"))} if draw(st.booleans()) else {},
        "rename": draw(st.one_of(st.none(), _TEXT.filter(bool))),
    }


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = workbook_data(
        "测试镇人民政府", 2024, {CellKey("t3", "一", "自然人"): 3, CellKey("t3", "（一）", "自然人"): 3}
    )
    return fill_workbook(tmp_path_factory.mktemp("property") / "base.xlsx", data)


def _spoil(path: Path, spoiling: dict[str, object]) -> None:
    for sheet in ("表三", "基本信息", "一、总体情况"):
        if spoiling[sheet]:
            set_cells(path, sheet, spoiling[sheet])  # type: ignore[arg-type]
    if spoiling["rename"]:
        with zipfile.ZipFile(path) as zf:
            book = zf.read("xl/workbook.xml").decode()
        renamed = book.replace('name="&#34920;&#19977;"', f"name={quoteattr(str(spoiling['rename']))}", 1)
        rewrite(path, {"xl/workbook.xml": renamed.encode()})


def _run(*args: str) -> int:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, list(args))
    assert time.perf_counter() - started < SECONDS, args
    assert "Traceback" not in result.output, result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


@settings(
    max_examples=25,
    deadline=None,  # bounded by SECONDS per command instead: a loaded CI machine is not a failure
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(spoiling=spoilings())
def test_any_cells_end_in_a_documented_exit_code(base: Path, fonts, spoiling: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(shutil.copy(base, Path(folder) / "随机.xlsx"))
        _spoil(path, spoiling)
        assert _run("check", str(path)) in (0, 1, 2)
        assert _run("check", str(path), "--format", "json") in (0, 1, 2)
        out = Path(folder) / "out"
        assert _run("build", str(path), "-o", str(out), "--allow-errors") in (0, 1, 2)
        left = [p.name for p in out.iterdir()] if out.exists() else []
        assert all(name.endswith((".docx", ".pdf", ".html")) for name in left), left
