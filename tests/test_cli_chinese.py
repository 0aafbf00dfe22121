"""The command line speaks Chinese: help, usage line, click's own error words (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govreport.cli import cli
from govreport.fonts import ROLES
from govreport.terminal import display_width, wrap

COMMANDS = tuple(cli.commands)
ENGLISH = re.compile(r"Usage|Options|Commands|Show this|Did you mean|is not one of|is a file|INTEGER|Error")
# what click writes into a help page by itself: its type names as metavars and the notes after an option
CLICK_WORDS = re.compile(
    r"\b(TEXT|INTEGER|FLOAT|BOOLEAN|PATH|FILE|FILENAME|DIRECTORY|RANGE|CHOICE|UUID)\b"
    r"|\[required\]|required|x[<>]=?|[<>]=?x|default:|env var"
)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="govreport")


def test_bare_govreport_prints_the_help_and_exits_0() -> None:
    result = invoke()
    assert result.exit_code == 0
    assert result.output.startswith("用法：govreport [选项] 命令 [参数]...")
    assert all(name in result.output for name in COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_chinese_and_fits_80_columns(command: str) -> None:
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert not ENGLISH.search(result.output), result.output
    assert "选项：" in result.output and "显示本帮助并退出。" in result.output
    assert max(display_width(line) for line in result.output.splitlines()) <= 80


def test_every_command_and_option_is_named_in_chinese_in_help_and_usage() -> None:
    """Walks every command: no click type name, no parameter's name in capitals (click's default
    metavar), no "[required]" or "0<=x<=256" left in its help; a missing argument is named in Chinese."""
    assert {"template", "check", "build", "rollup", "import", "draft", "fonts"} <= set(COMMANDS)
    for name, command in cli.commands.items():
        output = invoke(name, "--help").output
        assert not CLICK_WORDS.search(output), (name, output)
        for param in command.params:
            assert not re.search(rf"\b{re.escape(param.name.upper())}\b", output), (name, param.name, output)
        if any(isinstance(p, click.Argument) and p.required for p in command.params):
            missing = invoke(name)
            assert missing.exit_code == 2 and "缺少参数 " in missing.output, (name, missing.output)
            assert not re.search(r"[A-Z]{3,}", missing.output.split("缺少参数")[1]), (name, missing.output)


def test_required_options_and_ranges_are_noted_in_chinese() -> None:
    output = " ".join(invoke("rollup", "--help").output.split())
    assert "写出的汇总工作簿（.xlsx）。（必填）" in output
    assert "（0–256）" in output


@pytest.mark.parametrize("command", ["build", "fonts"])
def test_font_help_lists_every_role(command: str) -> None:
    output = " ".join(invoke(command, "--help").output.split())
    assert all(role in output for role in ROLES)


@pytest.mark.parametrize("command", ["check", "build"])
def test_jobs_help_says_what_0_means(command: str) -> None:
    output = "".join(invoke(command, "--help").output.split())
    assert "0为默认，表示按本机CPU核数自动决定" in output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["chek"], "没有“chek”这个命令。您要输入的是不是 check？"),
        (["check", "x.xlsx", "--format", "xml"], "--format 的值无效：“xml”不是可选的值（可选：text, json"),
        (["build", "x.xlsx", "-o", "README.md"], "“README.md”是一个文件，这里要的是目录。"),
        (["check", "x.xlsx", "--jobs", "x"], "“x”不是整数。"),
        (["check", "x.xlsx", "--jobs", "999"], "999 不在允许的范围"),
        (["check"], "缺少参数 工作簿...。"),
        (["check", "x.xlsx", "--bogus"], "没有 --bogus 这个选项。"),
        (["check", "x.xlsx", "--output"], "选项 --output 后面要有一个值。"),
    ],
)
def test_click_errors_are_in_chinese_with_exit_2(args: list[str], said: str, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    args = [str(tmp_path / a) if a == "README.md" else a for a in args]
    result = invoke(*args)
    assert result.exit_code == 2
    assert said.replace("README.md", str(tmp_path / "README.md")) in result.output
    assert not ENGLISH.search(result.output), result.output


def test_template_standard_and_its_old_spelling_format(tmp_path: Path) -> None:
    new = invoke("template", str(tmp_path / "a.xlsx"), "--standard", "gb2019")
    old = invoke("template", str(tmp_path / "b.xlsx"), "--format", "gb2019")
    assert new.exit_code == old.exit_code == 0
    assert "gb2019" in new.output and "gb2019" in old.output
    clash = invoke("template", str(tmp_path / "c.xlsx"), "--standard", "gb2019", "--format", "gb2021")
    assert clash.exit_code == 2 and "矛盾" in clash.output
    assert "--format" not in invoke("template", "--help").output.split("选项：")[1]


def test_wrap_keeps_words_whole_and_punctuation_in_place() -> None:
    lines = wrap("指定字体，如 body=/path/simfang.ttf。角色：title 标题（小标宋）", 26)
    assert all(display_width(line) <= 28 for line in lines)
    assert any("body=/path/simfang.ttf。" in line for line in lines)
    assert not any(line[0] in "，。）" or line[-1] == "（" for line in lines)


def test_click_itself_is_left_in_english() -> None:
    """govreport's classes do the translating; click's own commands are unchanged."""

    @click.command()
    @click.option("--n", type=int)
    def plain(n: int) -> None: ...

    result = CliRunner().invoke(plain, ["--help"])
    assert "Usage:" in result.output and "Show this message and exit." in result.output
