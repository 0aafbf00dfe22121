"""Load the narrative corpus (tests/corpus/*.toml) into Reports for the Q4 tests."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from factories import DETAILS, make_report

from govreport.formats import CellKey, get_format
from govreport.model import Passage, Place, Report

CORPUS = Path(__file__).parent / "corpus"
DEFAULT_TITLE = "（二）依申请公开工作情况"
PLACE = Place("一、总体情况", "B4")


@dataclass(frozen=True)
class Case:
    table: str
    kind: str
    text: str
    wrong: tuple[str, ...]
    title: str | None
    source: str | None = None  # where the sentence is quoted from, or how it was made


def tables() -> dict[str, dict]:
    return tomllib.loads((CORPUS / "tables.toml").read_text(encoding="utf-8"))


def cases() -> list[Case]:
    data = tomllib.loads((CORPUS / "claims.toml").read_text(encoding="utf-8"))
    return [
        Case(
            s["table"],
            s["kind"],
            s["text"],
            tuple(s.get("wrong", ())),
            s.get("title", DEFAULT_TITLE) or None,
            s.get("source"),
        )
        for s in data["s"]
    ]


def report_for(table: str, passages: tuple[Passage, ...]) -> Report:
    spec = tables()[table]
    fmt = get_format(spec["format"])
    inputs: dict[CellKey, int | Decimal] = {k: 0 for k in fmt.cell_keys() if k not in fmt.total_keys()}
    for key, value in spec["cells"].items():
        inputs[CellKey(*key.split("|"))] = Decimal(value) if isinstance(value, str) else value
    details = {**DETAILS, "year": str(spec["year"])}
    return make_report(spec["format"], inputs, details=details, narrative={"一": passages})


def report_with_text(table: str, text: str, title: str | None = DEFAULT_TITLE) -> Report:
    return report_for(table, (Passage(title, (text,), PLACE),))
