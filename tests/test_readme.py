"""The README is the user's manual: it must name every command and every rule the code has,
and its set-up and test commands must be the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from govreport.catalogue import FINDING_TYPES
from govreport.cli import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_opens_with_the_two_commands_and_ci_runs_the_test_command() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert re.search(r"^make demo\b", first_block, re.M)
    assert re.search(r"^make test\b", first_block, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    for name in cli.commands:
        assert f"govreport {name}" in README, name


def _documented_rules(table: str) -> set[str]:
    """Rule ids named in the README's rule table; ``M1–M3`` stands for M1, M2 and M3."""
    rules = set(re.findall(r"\b([A-Z]\d)\b", table))
    for letter, first, last in re.findall(r"\b([A-Z])(\d)–[A-Z](\d)\b", table):
        rules |= {f"{letter}{i}" for i in range(int(first), int(last) + 1)}
    return rules


def test_every_rule_is_documented() -> None:
    table = README.split("### 校验规则", 1)[1].split("###", 1)[0]
    rules = {t.rule for t in FINDING_TYPES.values()} - {"READ"}
    assert rules <= _documented_rules(table)


def test_the_check_example_is_what_check_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example output is a real run: the example workbook with a “无” and an unbalanced number in
    表三, checked as ``govreport check bad.xlsx``."""
    shown = re.search(r"```text\n(bad\.xlsx（.*?)```", README, re.S)
    assert shown, "README lost its check example"
    book = load_workbook(ROOT / "examples" / "大水泊镇-2022.xlsx")
    book["表三"]["D5"] = 3
    book["表三"]["E5"] = "无"
    book.save(tmp_path / "bad.xlsx")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "bad.xlsx"])
    assert result.exit_code == 1
    assert result.output.strip("\n") == shown.group(1).strip("\n")
