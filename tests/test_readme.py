"""The README is the user's manual: it must name every command and every rule the code has,
and its set-up and test commands must be the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

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
