"""The command line: parse arguments, call the library, print, exit. Nothing else lives here.

Exit codes: 0 fine (warnings allowed), 1 a rule is broken, 2 the input cannot be read or the command is
misused, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from .batch import (
    REFUSED,
    Job,
    NoWorkbooksError,
    Row,
    expand_inputs,
    inputs_of,
    missing_input,
    previous_index,
)
from .blocks import PAGE_NUMBER_PLACES, PageNumbers
from .cli_chinese import ChineseGroup, chinese_message
from .dates import last_report_year
from .fonts import ROLE_NAMES, ROLES
from .formats import FORMATS, UnknownFormatError, format_for_year, get_format

STANDARDS = click.Choice(sorted(FORMATS))
# a report's 年度 a workbook can be made for: a statutory format's, and no later than check's M1 allows
REPORT_YEARS = click.IntRange(min(f.first_year for f in FORMATS.values()), last_report_year())
INTERRUPTED = 130  # Ctrl-C, as shells report it
FONT_ROLES_HELP = "角色：" + "，".join(f"{role} {ROLE_NAMES[role]}" for role in ROLES) + "。"


class InputError(click.ClickException):
    """Unreadable input or impossible request: one Chinese line, exit code 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True)


def _utf8_console() -> None:
    """Chinese Windows encodes redirected output as GBK; we always write UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def _parse_fonts(values: tuple[str, ...]) -> dict[str, str]:
    from .fonts import FontError, parse_overrides

    try:
        return parse_overrides(values)
    except (FontError, ValueError) as exc:
        raise click.BadParameter(str(exc), param_hint="--font") from None


class _Cli(ChineseGroup):
    """Usage errors in Chinese, exit code 2; a bare ``govreport`` prints the help (exit 0)."""

    def main(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)  # type: ignore[arg-type]
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "govreport"
            detail = chinese_message(exc.format_message())
            click.echo(f"错误：命令用法不正确：{detail}（运行 {command} --help 查看用法）", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort as exc:
            if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
                click.echo("已中断（Ctrl-C）。", err=True)
                sys.exit(INTERRUPTED)
            click.echo("已中止。", err=True)
            sys.exit(1)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, prog_name="govreport", message="%(prog)s %(version)s", help="显示版本号并退出。"
)
def cli() -> None:
    """政府信息公开工作年度报告：生成模板，校验数据，排版成 Word、PDF 和网页，校验或导入已发布的报告，汇总下级机关的数据。

    Compile the 政府信息公开工作年度报告: write the workbook template, check the numbers, build .docx,
    PDF and the portal's HTML page, check or import published reports, roll up the bodies below.
    """


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path), metavar="工作簿.xlsx")
@click.option(
    "--standard", "standard", type=STANDARDS, help="报告格式；默认按年度选择（2021年度起为 gb2021）。"
)
@click.option("--format", "old_standard", type=STANDARDS, hidden=True)  # the old spelling of --standard
@click.option("--year", type=REPORT_YEARS, metavar="年度", help="报告年度，预先填入“基本信息”。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def template(
    out: Path, standard: str | None, old_standard: str | None, year: int | None, force: bool
) -> None:
    """写出空白工作簿模板。

    \b
    示例：govreport template 2024年报.xlsx --year 2024
    （报告格式用 --standard 指定；旧写法 --format 仍然有效。）
    """
    from .workbook.template import write_template

    if standard and old_standard and standard != old_standard:
        raise InputError(f"--standard {standard} 与 --format {old_standard} 矛盾，请只写 --standard")
    standard = standard or old_standard
    try:
        fmt = get_format(standard) if standard else format_for_year(year or 2021)
    except UnknownFormatError as exc:
        raise InputError(str(exc)) from None
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"{out}：模板是Excel工作簿，文件名应以 .xlsx 结尾（例如 2024年报.xlsx）")
    if out.exists() and not force:
        raise InputError(f"{out}：文件已存在；如需覆盖请加 --force")
    try:
        path = write_template(out, fmt, year, force=force)
    except OSError as exc:
        raise InputError(f"{out}：无法写入（{exc.strerror or exc}）") from None
    click.echo(f"已生成模板（{fmt.id}，{fmt.notice}）：{path}")


def _jobs_for(
    paths: list[Path],
    *,
    outdir: Path | None,
    build: bool,
    standard: str | None,
    previous: Path | None,
    previous_dir: Path | None,
    allow_errors: bool = False,
    kinds: tuple[str, ...] = ("docx", "pdf"),
    page_numbers: PageNumbers = "outer",
    children: Path | None = None,
    expect: Path | None = None,
    jobs: int = 0,
) -> list[Job]:
    if previous and len(paths) > 1:
        raise InputError("--previous 只能用于一个工作簿；多个工作簿请用 --previous-dir")
    below, expected = _children_of(paths, children, expect)
    if previous_dir and not previous_dir.is_dir():
        raise InputError(f"{previous_dir}：上年工作簿目录不存在")
    index = previous_index(_inputs((str(previous_dir),), published=True), standard) if previous_dir else {}
    return [
        Job(
            str(p),
            str(outdir or p.parent) if build else None,
            standard,
            str(previous) if previous else None,
            allow_errors,
            kinds,
            tuple((name, year, path) for (name, year), path in index.items()),
            page_numbers,
            children=below,
            expect=expected,
            children_jobs=jobs,
        )
        for p in paths
    ]


def _children_of(
    paths: list[Path], children: Path | None, expect: Path | None
) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The child workbooks of ``--children`` (the parent itself left out) and the names of
    ``--expect``; only for one parent."""
    if children is None:
        if expect is not None:
            raise InputError("--expect 要与 --children 一起使用（校验汇总报告时的应报名单）")
        return (), None
    if len(paths) > 1:
        raise InputError("--children 只能用于一个汇总工作簿；请逐个校验")
    found = [p for p in _inputs((str(children),)) if p.resolve() != paths[0].resolve()]
    if not found:
        raise InputError(f"{children}：除汇总工作簿本身外没有下级工作簿")
    return tuple(str(p) for p in found), _expected(expect)


def _expected(expect: Path | None) -> tuple[str, ...] | None:
    from .rollup import RollupError, read_expected

    if expect is None:
        return None
    try:
        return tuple(read_expected(expect))
    except RollupError as exc:
        raise InputError(str(exc)) from None


def batch_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options ``check`` and ``build`` share: last year's workbooks, parallel processes and a
    roll-up's children."""
    options = (
        click.option(
            "--previous",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            metavar="文件",
            help="上年度工作簿（跨年度校验）。",
        ),
        click.option(
            "--previous-dir",
            type=click.Path(path_type=Path),
            metavar="目录",
            help="上年度工作簿所在目录（按机关名称匹配）。",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(0, 256),
            default=0,
            metavar="N",
            help="并行进程数；0 为默认，表示按本机 CPU 核数自动决定，1 表示不并行。",
        ),
        click.option(
            "--children",
            type=click.Path(path_type=Path),
            metavar="目录",
            help="汇总报告的下级工作簿（目录或通配符）：逐格核对汇总数是否等于下级之和。",
        ),
        click.option(
            "--expect",
            type=click.Path(dir_okay=False, path_type=Path),
            help="应报名单（.txt 每行一个机关名称，或 .xlsx 第一列），与 --children 一起使用。",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="工作簿...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "junit"]),
    help="输出形式；在 GitHub Actions 中默认为 github。",
)
@click.option("--standard", type=STANDARDS, help="报告格式；默认按年度选择。")
@click.option("--strict", is_flag=True, help="有警告也视为不通过（退出码 1）。")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="文件",
    help="把结果写入文件而不是屏幕。",
)
@batch_options
def check(
    files: tuple[str, ...],
    output_format: str | None,
    standard: str | None,
    previous: Path | None,
    previous_dir: Path | None,
    strict: bool,
    output: Path | None,
    jobs: int,
    children: Path | None,
    expect: Path | None,
) -> None:
    """校验一个或多个工作簿或已发布的报告（.docx、.pdf、.html；文件、目录或通配符）。

    \b
    示例：govreport check 大水泊镇-2022.xlsx
          govreport check 各镇/ --format json -o 校验结果.json
          govreport check 全县汇总.xlsx --children 各乡镇/ --expect 应报名单.txt
          govreport check 洪泽区-2023.pdf --previous 洪泽区-2022.html
    """
    from . import findings_format as ff

    paths = _inputs(files, published=True)
    jobs_list = _jobs_for(
        paths,
        outdir=None,
        build=False,
        standard=standard,
        previous=previous,
        previous_dir=previous_dir,
        children=children,
        expect=expect,
        jobs=jobs,
    )
    _not_an_input(output, jobs_list, previous_dir, "-o", expect)
    rows = _run_batch(jobs_list, workers=jobs)
    results = [r.result for r in rows]
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    fmt = output_format or ("github" if in_actions else "text")
    if fmt == "github":
        annotations, summary = ff.to_github(results)
        text = annotations
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8") as fh:
                    fh.write(summary + "\n")
            except OSError as exc:  # the annotations still print: the summary is a convenience
                click.echo(
                    f"警告：无法写入 GitHub 步骤摘要 {step_summary}（{exc.strerror or exc}），注释照常输出",
                    err=True,
                )
    elif fmt == "json":
        text = ff.to_json(results)
    elif fmt == "junit":
        text = ff.to_junit(results, strict=strict)
    else:
        text = ff.to_text(results, strict=strict)
    _emit(text, output)
    sys.exit(ff.exit_code(results, strict=strict))


def _inputs(files: tuple[str, ...], *, published: bool = False) -> list[Path]:
    """Files, directories and patterns: workbooks, and with ``published`` also published reports (for
    reading only: check and --previous-dir; a directory's built reports are no children or inputs)."""
    try:
        return expand_inputs(files, published=published)
    except NoWorkbooksError as exc:
        raise InputError(str(exc)) from None


def _published_input(paths: list[Path]) -> None:
    """build writes reports: from a published one it would rebuild, and could overwrite, what was given."""
    from .published import is_published

    given = [p for p in paths if is_published(p)]
    if given:
        raise InputError(
            f"{given[0]}：build 只接受工作簿（.xlsx）；已发布的报告请先用 govreport import 导入为工作簿，"
            "或用 govreport check 检查"
        )


def _not_an_input(
    output: Path | None, jobs: list[Job], previous_dir: Path | None, option: str, *also: Path | None
) -> None:
    """Never write a result over a file the user gave: the workbooks checked, --previous, every
    workbook under --previous-dir, a roll-up's children and ``also`` (--expect)."""
    if output is None:
        return
    inputs = inputs_of(jobs) | inputs_of([Job(str(p)) for p in also if p is not None])
    if previous_dir is not None:
        inputs |= inputs_of([Job(str(p)) for p in _inputs((str(previous_dir),), published=True)])
    if inputs_of([Job(str(output))]) & inputs:
        raise InputError(f"{output}：{option} 指定的输出文件就是输入的工作簿，不能覆盖，请换一个文件名")


def _run_batch(job_list: list[Job], **options: object) -> list[Row]:
    """run_batch, and on Ctrl-C what was finished, then exit 130."""
    from .batch import Interrupted, run_batch
    from .summary import to_table

    try:
        return run_batch(job_list, **options)  # type: ignore[arg-type]
    except Interrupted as exc:
        if exc.rows:
            click.echo(to_table(exc.rows), err=True)
        click.echo(
            f"已中断（Ctrl-C）：完成 {len(exc.rows)}/{len(job_list)} 个工作簿，其余未处理；临时文件已清理。",
            err=True,
        )
        sys.exit(INTERRUPTED)


def _summary_suffix(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in (".json", ".csv", ".xlsx"):
        raise click.BadParameter(f"汇总文件只支持 .json、.csv、.xlsx：{value}")
    return value


def _output_kinds(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """``--only pdf,html`` -> ("pdf", "html") in the order of DOCUMENTS; no option -> all of them."""
    from .api import DOCUMENTS

    if value is None:
        return DOCUMENTS
    asked = {v.strip().lower().lstrip(".") for v in value.replace("，", ",").split(",") if v.strip()}
    unknown = sorted(asked - set(DOCUMENTS))
    if unknown or not asked:
        raise click.BadParameter(f"“{value}”不是可选的文件类型；可选 {','.join(DOCUMENTS)}，用逗号分隔")
    return tuple(k for k in DOCUMENTS if k in asked)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text)
        return
    from .files import write_text

    try:
        write_text(output, text + "\n")
    except OSError as exc:
        raise InputError(f"{output}：无法写入（{exc.strerror or exc}）") from None
    click.echo(f"结果已写入：{output}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="工作簿...")
@click.option(
    "-o",
    "--outdir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="目录",
    help="输出目录；默认与工作簿同一目录。",
)
@click.option("--standard", type=STANDARDS, help="报告格式；默认按年度选择。")
@click.option("--allow-errors", is_flag=True, help="数据有错误也生成，每页标注“数据未通过校验”（草稿）。")
@click.option(
    "--only",
    metavar="docx,pdf,html",
    callback=_output_kinds,
    help="只生成其中几种文件，逗号分隔；默认三种都生成。",
)
@click.option(
    "--html-fragment",
    is_flag=True,
    help="另写只含正文的 HTML 片段（-正文片段.html），供粘贴到网站内容管理系统。",
)
@click.option(
    "--open-data", is_flag=True, help="另写三张统计表的开放数据：每表一个 CSV（UTF-8 带 BOM）和一个 JSON。"
)
@click.option(
    "--font",
    "fonts",
    multiple=True,
    metavar="角色=字体文件",
    help=f"指定 PDF 某个角色的字体（可多次使用），如 body=/path/simfang.ttf。{FONT_ROLES_HELP}",
)
@click.option(
    "--page-numbers",
    type=click.Choice(PAGE_NUMBER_PLACES),
    default="outer",
    help="页码位置：outer（默认）按 GB/T 9704 单页居右、双页居左，各空一字；center 每页居中。",
)
@click.option(
    "--summary",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_summary_suffix,
    metavar="文件",
    help="把汇总表写入 .json/.csv/.xlsx 文件。",
)
@batch_options
def build(
    files: tuple[str, ...],
    outdir: Path | None,
    standard: str | None,
    allow_errors: bool,
    only: tuple[str, ...],
    html_fragment: bool,
    open_data: bool,
    fonts: tuple[str, ...],
    page_numbers: PageNumbers,
    previous: Path | None,
    previous_dir: Path | None,
    jobs: int,
    summary: Path | None,
    children: Path | None,
    expect: Path | None,
) -> None:
    """校验并生成报告（.docx、PDF 和网页 .html）。数据有错误时不生成，除非加 --allow-errors。

    \b
    示例：govreport build 大水泊镇-2022.xlsx -o 输出
          govreport build 大水泊镇-2022.xlsx -o 输出 --only html \\
            --html-fragment --open-data
          govreport build 各镇/*.xlsx -o 输出 --summary 汇总.xlsx
    """
    from . import findings_format as ff
    from .batch import Progress
    from .summary import to_table, write_summary

    overrides = _parse_fonts(fonts)
    kinds = only + (("fragment",) if html_fragment else ()) + (("data",) if open_data else ())
    if "pdf" in kinds:
        _require_fonts(overrides)
    paths = _inputs(files)  # workbooks only: a directory's built reports are outputs, not inputs
    _published_input(paths)
    job_list = _jobs_for(
        paths,
        outdir=outdir,
        build=True,
        standard=standard,
        previous=previous,
        previous_dir=previous_dir,
        allow_errors=allow_errors,
        kinds=kinds,
        page_numbers=page_numbers,
        children=children,
        expect=expect,
        jobs=jobs,
    )
    _not_an_input(summary, job_list, previous_dir, "--summary", expect)
    single = len(job_list) == 1
    rows = _run_batch(
        job_list, workers=jobs, font_overrides=overrides, progress=None if single else Progress()
    )
    results = [r.result for r in rows]
    if single:
        row = rows[0]
        if row.result.findings or row.result.error:
            click.echo(ff.to_text(results))
        for out in row.outputs:
            click.echo(f"已生成：{out}")
        if row.draft:
            click.echo("注意：数据未通过校验，已生成草稿，每页标注“数据未通过校验”。")
        elif row.status == REFUSED:
            click.echo("数据有错误，未生成报告；改正后重试，或加 --allow-errors 生成草稿。")
    if summary:  # written before the table, which then says where it is
        try:
            write_summary(rows, summary)
        except OSError as exc:
            raise InputError(f"{summary}：无法写入汇总（{exc.strerror or exc}）") from None
    if not single:
        click.echo(to_table(rows, summary))
    if summary:
        click.echo(f"汇总已写入：{summary}")
    code = ff.exit_code(results)
    if code == 0 and any(not r.outputs for r in rows):
        code = 1
    sys.exit(code)


def _require_fonts(overrides: dict[str, str]) -> None:
    from .fonts import FontError, resolve_fonts

    try:
        resolve_fonts(overrides)
    except FontError as exc:
        raise InputError(str(exc)) from None


@cli.command()
@click.argument("children", nargs=-1, required=True, metavar="工作簿...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="工作簿.xlsx",
    help="写出的汇总工作簿（.xlsx）。",
)
@click.option(
    "--name", required=True, metavar="机关名称", help="汇总机关名称，如“某某县人民政府”，填入“基本信息”。"
)
@click.option("--year", type=REPORT_YEARS, metavar="年度", help="汇总年度；默认为下级工作簿的年度。")
@click.option(
    "--expect",
    type=click.Path(dir_okay=False, path_type=Path),
    help="应报名单：.txt 每行一个机关名称，或 .xlsx 第一列；缺报的机关列入汇总来源并报错。",
)
@click.option("--allow-errors", is_flag=True, help="有错误的下级工作簿也照原样汇总，并在汇总来源中标注。")
@click.option("--force", is_flag=True, help="覆盖已存在的汇总工作簿。")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 256),
    default=0,
    metavar="N",
    help="并行进程数；0 为默认，表示按本机 CPU 核数自动决定，1 表示不并行。",
)
def rollup(
    children: tuple[str, ...],
    output: Path,
    name: str,
    year: int | None,
    expect: Path | None,
    allow_errors: bool,
    force: bool,
    jobs: int,
) -> None:
    """汇总：把下级机关的工作簿逐格相加，写成本级的工作簿（表二、表三、表四，附“汇总来源”表）。

    \b
    示例：govreport rollup 各乡镇/ -o 某某县-2024汇总.xlsx --name 某某县人民政府
          govreport rollup 各乡镇/ 各部门/ -o 汇总.xlsx --name 某某县人民政府 \\
              --expect 应报名单.txt
    """
    from . import findings_format as ff
    from .findings_format import FileResult
    from .rollup import RollupError, placed_findings, write_rollup
    from .rollup import rollup as roll_up
    from .workbook.template import WorkbookExistsError

    if not name.strip():
        raise InputError("--name 不能为空：请填写汇总机关的名称")
    if output.suffix.lower() != ".xlsx":
        raise InputError(f"{output}：汇总工作簿应为 .xlsx 文件")
    if output.exists() and not force:
        raise InputError(f"{output}：文件已存在；如需覆盖请加 --force")
    paths = _inputs(children)
    missing = next((p for p in paths if not os.path.lexists(p)), None)
    if missing is not None:  # a child that is not there is refused at once, as a missing folder is
        raise InputError(missing_input(str(missing)))
    _not_an_input(output, [Job(str(p)) for p in paths], None, "-o", expect)
    expected = list(_expected(expect)) if expect else None
    try:
        result = roll_up(paths, name.strip(), year, expect=expected, allow_errors=allow_errors, workers=jobs)
    except RollupError as exc:
        raise InputError(str(exc)) from None
    if not result.included:
        found = FileResult(str(output), result.name, result.year, tuple(result.findings))
        click.echo(ff.to_text([found]))
        click.echo("没有可以汇总的下级工作簿，未写出汇总工作簿。")
        sys.exit(1)
    try:
        write_rollup(result, output, force=force)
    except (WorkbookExistsError, OSError) as exc:
        raise InputError(f"{output}：无法写入（{getattr(exc, 'strerror', None) or exc}）") from None
    summary = FileResult(str(output), result.name, result.year, tuple(placed_findings(result)))
    if summary.findings:
        click.echo(ff.to_text([summary]))
    files = sum(1 for s in result.sources if s.child is not None)
    click.echo(f"已汇总 {len(result.included)} 个下级工作簿（共 {files} 个），写入：{output}")
    sys.exit(ff.exit_code([summary]))


@cli.command()
@click.option(
    "--font",
    "fonts",
    multiple=True,
    metavar="角色=字体文件",
    help=f"指定某个角色的字体文件（可多次使用）。{FONT_ROLES_HELP}",
)
def fonts(fonts: tuple[str, ...]) -> None:
    """列出 PDF 各排版角色（标题、一级标题、二级标题、正文、表格）选用的字体及原因。"""
    from .fonts import FontError, describe_fonts, resolve_fonts

    try:
        click.echo(describe_fonts(resolve_fonts(_parse_fonts(fonts))))
    except FontError as exc:
        raise InputError(str(exc)) from None


@cli.command("import")
@click.argument("report", type=click.Path(path_type=Path), metavar="报告.docx|.pdf|.html")
@click.option(
    "--output",
    "-o",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="工作簿.xlsx",
    help="要写出的工作簿（必填）。",
)
@click.option("--standard", type=STANDARDS, help="报告格式；默认按标题中的年度和统计表选择。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def import_(report: Path, out: Path | None, standard: str | None, force: bool) -> None:
    """把已发布的年度报告（.docx、.pdf、.html）读入模板格式的工作簿。

    读不出的单元格留空，并在下面列出原因。

    \b
    示例：govreport import 洪泽区-2023.pdf -o 洪泽区-2023.xlsx
    """
    from .findings_format.text import finding_line
    from .model import WorkbookError
    from .published import is_published
    from .published.export import import_report
    from .workbook.template import WorkbookExistsError

    if out is None:
        raise InputError("请用 -o 指定要写出的工作簿，如 -o 洪泽区-2023.xlsx")
    if not is_published(report):
        raise InputError(f"{report}：只能导入已发布的报告（.docx、.pdf、.html、.htm）")
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"{out}：导出的工作簿须以 .xlsx 结尾")
    if out.exists() and out.resolve() == report.resolve():
        raise InputError(f"{out}：输出文件就是要导入的报告，不能覆盖，请换一个文件名")
    if out.exists() and not force:
        raise InputError(f"{out}：文件已存在；如需覆盖请加 --force")
    try:
        read, findings, path = import_report(report, out, format_id=standard, force=force)
    except (WorkbookError, WorkbookExistsError) as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        raise InputError(f"{out}：无法写入（{exc.strerror or exc}）") from None
    for finding in findings:
        click.echo(f"  {finding_line(finding)}")
    click.echo(f"已导入（{read.format_id}）：{read.name or '未读出机关名称'} {read.year or ''}年 → {path}")


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path), metavar="工作簿.xlsx")
@click.option("--standard", type=STANDARDS, help="报告格式；默认按年度选择。")
def draft(workbook: Path, standard: str | None) -> None:
    """根据统计表生成可直接粘贴的标准表述（依申请公开、复议诉讼、文件制发等）。

    工作簿有错误时，依据出错单元格的句子前标“【待核实】”并说明原因，退出码为 1。
    """
    from . import api
    from .draft import draft_sentences
    from .findings_format.result import title_of

    try:
        checked = api.check_workbook(workbook, format_id=standard)
    except Exception as exc:  # a workbook nobody foresaw: one line, never a traceback
        raise InputError(
            f"{workbook}：读取时程序出错，请把此信息报告给维护人员（{type(exc).__name__}: {exc}）"
        ) from None
    if checked.report is None:
        raise InputError(checked.result.error or f"{workbook}：无法读取")
    errors = checked.result.errors
    for drafted in draft_sentences(checked.report, errors):
        if not drafted.broken:
            click.echo(drafted.sentence)
            continue
        click.echo(f"【待核实】{drafted.sentence}")
        for finding in drafted.broken:
            where = (
                f"{finding.sheet}!{finding.cell}" if finding.sheet and finding.cell else finding.sheet or ""
            )
            click.echo(f"    └ {finding.rule} {where} {title_of(finding)}：{finding.message}")
    if errors:
        click.echo(
            f"注意：工作簿有 {len(errors)} 个错误（运行 govreport check {workbook} 查看），"
            "标“【待核实】”的句子所依据的数字违反了规则，改正后请重新生成。",
            err=True,
        )
        sys.exit(1)


def main() -> None:
    _utf8_console()
    cli(prog_name="govreport")
