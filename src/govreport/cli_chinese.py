"""click in Chinese: the help's headings and usage line, and click's own error messages.

click writes its few words (Usage, Options, "Did you mean", "is not one of" …) in English. govreport's
commands use the classes below, which override click's formatting hooks; click's modules are left as
they are, so a program that imports govreport and uses click itself sees click unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import click

from .terminal import display_width, wrap

HELP_OPTION_HELP = "显示本帮助并退出。"
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."
_HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}

# click's error wordings (click 8.1–8.3) and their Chinese; applied in order to the formatted message
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such command '([^']*)'\.", r"没有“\1”这个命令。"),
    (r"No such option: (\S+)", r"没有 \1 这个选项。"),
    (r"No such option '([^']*)'\.", r"没有 \1 这个选项。"),
    (r"\s*Did you mean '?([^'?]*)'?\?", r"您要输入的是不是 \1？"),
    (r"\s*\(Possible options: (.+?)\)", r"（可能是：\1）"),
    (r"'([^']*)' is not one of (.+?)\.$", r"“\1”不是可选的值（可选：\2）。"),
    (r"'([^']*)' is not a valid integer range\.", r"“\1”不是整数。"),
    (r"'([^']*)' is not a valid integer\.", r"“\1”不是整数。"),
    (r"'([^']*)' is not a valid float(?: range)?\.", r"“\1”不是数字。"),
    (r"'([^']*)' is not a valid boolean\.", r"“\1”不是是/否的值。"),
    (r"(-?\d+) is not in the range (-?\d+)<=x<=(-?\d+)\.", r"\1 不在允许的范围（\2–\3）内。"),
    (r"(-?\d+) is not in the range (.+?)\.", r"\1 不在允许的范围（\2）内。"),
    (r"(?:File|Directory|Path) '(.+?)' is a file\.", r"“\1”是一个文件，这里要的是目录。"),
    (r"(?:File|Directory|Path) '(.+?)' is a directory\.", r"“\1”是一个目录，这里要的是文件。"),
    (r"(?:File|Directory|Path) '(.+?)' does not exist\.", r"“\1”不存在。"),
    (r"(?:File|Directory|Path) '(.+?)' is not readable\.", r"“\1”无法读取（没有权限）。"),
    (r"(?:File|Directory|Path) '(.+?)' is not writable\.", r"“\1”无法写入（没有权限）。"),
    (r"Missing argument '(.+?)'\.", r"缺少参数 \1。"),
    (r"Missing option '(.+?)'\.", r"缺少选项 \1。"),
    (r"Got unexpected extra arguments? \((.+?)\)", r"多余的参数：\1"),
    (r"Option '(.+?)' requires an argument\.", r"选项 \1 后面要有一个值。"),
    (r"Option '(.+?)' requires (\d+) arguments\.", r"选项 \1 后面要有 \2 个值。"),
    (r"Option '(.+?)' does not take a value\.", r"选项 \1 后面不能跟值。"),
    (r"Invalid value for (.+?): ", r"\1 的值无效："),
    (r"Invalid value: ", r"值无效："),
    (r"Error: ", ""),
    (r"'(-{1,2}[\w-]+)'", r"\1"),  # option names need no quotes
    (r"'([\w.-]+)'(?=, |）)", r"\1"),  # nor the choices listed
)


# the notes click appends to an option's help ("[required]", "[0<=x<=256]" …) and their Chinese
_HELP_EXTRAS: tuple[tuple[str, str], ...] = (
    (r"^required$", "必填"),
    (r"^(-?[\d.]+)<=x<=(-?[\d.]+)$", r"\1–\2"),
    (r"^x>=(-?[\d.]+)$", r"至少 \1"),
    (r"^x<=(-?[\d.]+)$", r"至多 \1"),
    (r"^default: (.*)$", r"默认：\1"),
    (r"^env var: (.*)$", r"环境变量：\1"),
)
_HELP_EXTRA = re.compile(r"\s*\[([^\[\]]+)\]$")


def chinese_help_extra(help_text: str) -> str:
    """An option's help with click's trailing note (``[required]``, ``[2019<=x<=2100]``) in Chinese."""
    found = _HELP_EXTRA.search(help_text)
    if found is None:
        return help_text
    items = []
    for item in found.group(1).split("; "):
        for english, chinese in _HELP_EXTRAS:
            item = re.sub(english, chinese, item)
        items.append(item)
    return f"{help_text[: found.start()]}（{'；'.join(items)}）"


def chinese_metavar(param: click.Parameter) -> str | None:
    """The Chinese placeholder for a parameter's value, from its type (None: the type names its own,
    as a choice lists its values, or there is no value)."""
    kind = param.type
    if isinstance(param, click.Option) and param.is_flag:
        return None
    if isinstance(kind, click.Path):
        noun = "目录" if not kind.file_okay else "文件" if not kind.dir_okay else "路径"
    elif isinstance(kind, click.types.IntParamType):
        noun = "整数"
    elif isinstance(kind, click.types.FloatParamType):
        noun = "数字"
    elif isinstance(kind, click.types.BoolParamType):
        noun = "是|否"
    elif isinstance(kind, click.types.StringParamType):
        noun = "文字"
    else:
        return None
    if isinstance(param, click.Argument) and not param.required:
        noun = f"[{noun}]"
    return noun + ("..." if param.nargs != 1 else "")


def chinese_message(message: str) -> str:
    """click's English error message in Chinese (parts click did not write are left as they are)."""
    for english, chinese in _MESSAGES:
        message = re.sub(english, chinese, message)
    return message


class ChineseFormatter(click.HelpFormatter):
    """Usage line and section headings in Chinese; columns and wrapping measured in display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
        for n, paragraph in enumerate(paragraphs):
            if n:
                self.write("\n")
            if paragraph.lstrip().startswith("\b"):  # click's mark: keep the lines as written
                for line in paragraph.lstrip()[1:].lstrip("\n").splitlines():
                    self.write(f"{indent}{line}\n")
                continue
            for line in wrap(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(first, chinese_help_extra(second)) for first, second in rows]
        first_col = min(max((display_width(r[0]) for r in rows), default=0), col_max) + col_spacing
        text_width = max(self.width - first_col - self.current_indent, 10)
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + margin)
            lines = wrap(second, text_width)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(margin + line + "\n")


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class _Chinese:
    """What the command and the group share: the context, the help option, the usage metavar."""

    context_class = ChineseContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_HELP
        return option


class ChineseCommand(_Chinese, click.Command):
    """A command whose parameters without a metavar of their own get a Chinese one (文件, 目录, 整数 …)
    instead of click's FILE, PATH, INTEGER RANGE or the argument's name in capitals."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.metavar is None:
                param.metavar = chinese_metavar(param)


class ChineseGroup(_Chinese, click.Group):
    """A group whose commands are Chinese too; with no command at all it prints its help (exit 0)."""

    command_class = ChineseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)
