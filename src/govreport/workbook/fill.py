"""Writing our template filled from plain Python data (scripted generation, batches, tests)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from ..formats import CellKey, Format, Kind, format_for_year, get_format
from ..model import DETAIL_LABELS
from . import names
from .figure_sheet import FigureCells
from .template import build_template, refuse_existing, save_new
from .values import to_decimal

_KEY_OF_LABEL = {label: key for key, label in DETAIL_LABELS.items()}


@dataclass
class ReportData:
    """What :func:`fill_workbook` writes. See its docstring for the accepted shapes."""

    details: Mapping[str, object] = field(default_factory=dict)
    narrative: Mapping[str, object] = field(default_factory=dict)
    values: Mapping[CellKey | tuple[str, str, str], object] = field(default_factory=dict)
    figures: Sequence[object] = ()
    # totals written as numbers instead of the template's formulas: a published report's totals that
    # disagree with their parts, kept as published so that ``check`` still sees them
    totals: Mapping[CellKey, object] = field(default_factory=dict)


def filled_template(data: ReportData | Mapping[str, object], *, fmt: Format | None = None) -> Workbook:
    """Our template filled from ``data``, as an openpyxl Workbook not yet saved.

    ``data`` is a ReportData or a mapping with the same keys, each optional:

    - ``details``: ``{"name": "××镇人民政府", "year": 2024, "portal_name": …, "portal_url": …,
      "contact_dept": …, "address": …, "postcode": …, "phone": …, "release_date": …}`` (keys of
      ``model.DETAIL_LABELS``; the Chinese labels such as ``"机关名称"`` are accepted too).
    - ``narrative``: ``"前言"``: text (optional; omitted means generated from the details);
      ``"一"``: text for the opening passage, or ``{"intro": text, "parts": [text per sub-heading]}``,
      or ``{"总述": text, "（一）主动公开": text, …}``; ``"五"``: text; ``"六"``: a list of
      ``(item name, text)`` pairs (or a mapping name -> text), written in order from the first row.
      Line breaks in a text separate paragraphs.
    - ``values``: ``{CellKey("t3", "一", "自然人"): 5, ("t2", "行政事业性收费", "本年收费金额"): "1.5", …}``:
      input cells only (totals stay formulas; the reader computes them). Numbers, numeric strings and
      Decimals are written as numbers; other strings as text (to script bad input). Input cells not
      given are written as 0.
    - ``published_items``: ``[("公告公示", 2), ("工作动态", 44), …]`` (or a mapping 栏目 -> 条数): the
      chart of items published on the portal by column, in that order (zero counts are kept).
    - ``figures``: a list of charts, each ``{"items": [(栏目, 条数), …], "caption": …, "place": "一（一）",
      "channel": "门户网站"}`` (all but ``items`` optional; an empty caption means the default).

    - a unit the format leaves to the workbook goes into ``details`` under its label
      (``{"采购金额单位": "元"}``).

    The format is ``fmt``, else the one for ``details["year"]``, else gb2021. Raises ValueError for a
    value key the format does not have or that is a total.
    """
    if not isinstance(data, ReportData):
        data = ReportData(
            data.get("details", {}),  # type: ignore[arg-type]
            data.get("narrative", {}),  # type: ignore[arg-type]
            data.get("values", {}),  # type: ignore[arg-type]
            _figures(data.get("figures"), data.get("published_items")),
        )
    details = {_KEY_OF_LABEL.get(k, k): v for k, v in data.details.items()}
    year = _year(details.get("year"))
    fmt = fmt or (format_for_year(year) if year else get_format("gb2021"))
    items = _items(data.narrative.get("六"))
    figures = [_figure(f) for f in data.figures]
    wb, where = build_template(
        fmt, year, other_rows=len(items), figure_rows=[len(f["items"]) for f in figures] or (0,)
    )
    for key, value in details.items():
        if key in where.details and value not in (None, ""):
            _put(wb, where.details[key], value)
    _narrative(wb, where, fmt, data.narrative, items)
    _values(wb, where.values, fmt, data.values)
    for key, value in data.totals.items():
        _put(wb, where.values[key], _number(value, fmt.kind_of(key)))
    for cells, figure in zip(where.figures, figures, strict=False):
        _write_figure(wb, cells, figure)
    return wb


def fill_workbook(
    path: str | Path,
    data: ReportData | Mapping[str, object],
    *,
    fmt: Format | None = None,
    force: bool = False,
) -> Path:
    """Write our template to ``path``, filled from ``data`` (see :func:`filled_template`); returns
    the path. Raises WorkbookExistsError (a FileExistsError) when ``path`` exists and ``force`` is
    false."""
    refuse_existing(path, force=force)  # before the work, not only after it
    return save_new(filled_template(data, fmt=fmt), path, force=force)


def _figures(figures: object, published_items: object) -> list[object]:
    out = list(figures or ())  # type: ignore[call-overload]
    if published_items:
        out.insert(0, {"items": published_items})
    return out


def _figure(figure: object) -> dict[str, object]:
    """A chart as ``{"items": [(栏目, 条数)], "caption", "place", "channel"}``; a bare list is its items."""
    if not isinstance(figure, Mapping):
        figure = {"items": figure}
    items = figure.get("items") or ()
    pairs = items.items() if isinstance(items, Mapping) else items
    out = dict(figure)
    out["items"] = [(str(label), count) for label, count in pairs]  # type: ignore[misc]
    return out


def _write_figure(wb: Workbook, cells: FigureCells, figure: Mapping[str, object]) -> None:
    sheet = names.FIGURES
    for key, cell in (("caption", cells.caption), ("place", cells.place), ("channel", cells.channel)):
        if figure.get(key) not in (None, ""):
            _put(wb, (sheet, cell), str(figure[key]))
    for (name_cell, count_cell), (label, count) in zip(cells.rows, figure["items"], strict=False):  # type: ignore[call-overload]
        _put(wb, (sheet, name_cell), label)
        _put(wb, (sheet, count_cell), _number(count, Kind.COUNT))


def _year(value: object) -> int | None:
    number = to_decimal(value) if value is not None else None
    return int(number) if number is not None and number == int(number) else None


def _put(wb: Workbook, where: tuple[str, str], value: object) -> None:
    sheet, cell = where
    wb[sheet][cell].value = value


def _narrative(wb: Workbook, where, fmt: Format, narrative: Mapping[str, object], items) -> None:
    if text := narrative.get("前言"):
        _put(wb, where.details[names.PREAMBLE], _text(text))
    overview = narrative.get("一")
    for label, text in _overview(fmt, overview).items():
        _put(wb, where.overview[label], _text(text))
    if text := narrative.get("五"):
        _put(wb, where.problems, _text(text))
    if items:
        for i, ((name_cell, text_cell), (name, text)) in enumerate(zip(where.others, items, strict=False)):
            _put(wb, name_cell, name)
            _put(wb, text_cell, _text(text) if text else None)
            del i


def _overview(fmt: Format, overview: object) -> dict[str, object]:
    if overview is None:
        return {}
    if isinstance(overview, str):
        return {names.INTRO: overview}
    if not isinstance(overview, Mapping):
        raise ValueError("narrative['一'] 应为文字或字典")
    out: dict[str, object] = {}
    subheadings = fmt.section("一").subheadings
    for key, text in overview.items():
        if key in ("intro", names.INTRO):
            out[names.INTRO] = text
        elif key == "parts":
            out.update(zip(subheadings, text, strict=False))  # type: ignore[call-overload]
        elif key in subheadings:
            out[key] = text
        else:
            raise ValueError(f"“{fmt.section('一').heading}”没有小标题“{key}”")
    return {k: v for k, v in out.items() if v}


def _items(others: object) -> list[tuple[str, object]]:
    if not others:
        return []
    if isinstance(others, str):
        return [("", others)]
    pairs = others.items() if isinstance(others, Mapping) else others
    return [(str(name), text) for name, text in pairs]  # type: ignore[misc]


def _text(value: object) -> str:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "\n".join(str(v) for v in value)
    return str(value)


def _values(
    wb: Workbook,
    where: dict[CellKey, tuple[str, str]],
    fmt: Format,
    values: Mapping[CellKey | tuple[str, str, str], object],
) -> None:
    totals = fmt.total_keys()
    given: dict[CellKey, object] = {}
    for key, value in values.items():
        cell_key = key if isinstance(key, CellKey) else CellKey(*key)
        if cell_key not in where:
            raise ValueError(f"格式{fmt.id}没有单元格{cell_key.table}/{cell_key.row}/{cell_key.column}")
        if cell_key in totals:
            raise ValueError(
                f"{cell_key.table}/{cell_key.row}/{cell_key.column}是总计单元格，由公式计算，不能填写"
            )
        given[cell_key] = value
    for key, place in where.items():
        if key not in totals:
            _put(wb, place, _number(given.get(key, 0), fmt.kind_of(key)))


def _number(value: object, kind: Kind) -> object:
    """Numbers as numbers (amounts keep their decimals exactly); anything else as written."""
    if value is None or isinstance(value, bool):
        return value
    number = to_decimal(value)
    if number is None:
        return value
    if number == number.to_integral_value() and kind is not Kind.AMOUNT:
        return int(number)
    return number
