"""The outline: what the report says, for both formats, before any renderer is involved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import DETAILS, make_report

from govreport.blocks import Heading, Paragraph, TableBlock, Title
from govreport.document import outline
from govreport.document.phrases import NOTHING, PLACEHOLDER
from govreport.formats import CellKey, Kind, get_format
from govreport.formats.layout import layout
from govreport.model import Passage

FORMATS = ["gb2021", "gb2019"]


def distinct_inputs(format_id: str) -> dict[CellKey, int | Decimal]:
    """Every input cell a different non-zero number (amounts as decimals with a trailing zero)."""
    fmt = get_format(format_id)
    inputs: dict[CellKey, int | Decimal] = {}
    for i, key in enumerate(k for k in fmt.cell_keys() if k not in fmt.total_keys()):
        inputs[key] = Decimal(f"{i + 1}.50") if fmt.kind_of(key) is Kind.AMOUNT else 100 + i
    return inputs


def headings(doc, level: int) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == level]


def texts(doc) -> str:
    return "\n".join(b.text for b in doc.blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize("format_id", FORMATS)
def test_title_sections_and_metadata(format_id):
    fmt = get_format(format_id)
    doc = outline(make_report(format_id))
    assert doc.blocks[0] == Title(
        ("威海市文登区大水泊镇人民政府", "2022年政府信息公开工作年度报告"),
        (("威海市", "文登区", "大水泊镇", "人民政府"), ("2022年", "政府信息公开", "工作年度报告")),
    )
    assert doc.title == "威海市文登区大水泊镇人民政府2022年政府信息公开工作年度报告"
    assert doc.author == "威海市文登区大水泊镇人民政府"
    assert doc.date == "2023-01-20"
    assert headings(doc, 1) == [s.heading for s in fmt.sections]
    assert all(b.bookmark for b in doc.blocks if isinstance(b, Heading) and b.level == 1)
    assert [b.id for b in doc.blocks if isinstance(b, TableBlock)] == ["t2", "t3", "t4"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_generated_preamble_has_the_six_customary_elements(format_id):
    fmt = get_format(format_id)
    doc = outline(make_report(format_id))
    first_heading = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading))
    preamble = "".join(b.text for b in doc.blocks[1:first_heading])
    assert "《中华人民共和国政府信息公开条例》" in preamble and fmt.notice in preamble
    assert f"{DETAILS['name']}编制" in preamble
    for section in fmt.sections:
        assert section.heading.split("、", 1)[1] in preamble
    assert "自2022年1月1日起至2022年12月31日止" in preamble
    assert f"{DETAILS['portal_name']}（{DETAILS['portal_url']}）政府信息公开专栏" in preamble
    for key in ("contact_dept", "address", "postcode", "phone"):
        assert DETAILS[key] in preamble
    assert PLACEHOLDER not in preamble


def test_missing_details_print_placeholders_and_no_signature():
    details = {k: v for k, v in DETAILS.items() if k not in ("phone", "portal_url", "release_date")}
    doc = outline(make_report("gb2021", details=details))
    assert "（【待填写】）政府信息公开专栏" in texts(doc)
    assert "电话：【待填写】" in texts(doc)
    assert doc.date == "2023-01-31"  # no release date: the publication deadline, fixed
    assert not any(isinstance(b, Paragraph) and b.align == "right" for b in doc.blocks)


def test_missing_name_and_year_still_outline():
    details = {k: v for k, v in DETAILS.items() if k not in ("name", "year")}
    doc = outline(make_report("gb2021", details=details))
    assert doc.blocks[0] == Title(
        (PLACEHOLDER, f"{PLACEHOLDER}年政府信息公开工作年度报告"),
        ((PLACEHOLDER,), (f"{PLACEHOLDER}年", "政府信息公开", "工作年度报告")),
    )


def test_workbook_preamble_replaces_the_generated_one():
    narrative = make_report("gb2021").narrative | {"前言": (Passage(None, ("本机关自行撰写的前言。",)),)}
    doc = outline(make_report("gb2021", narrative=narrative))
    assert doc.blocks[1] == Paragraph("本机关自行撰写的前言。")
    assert isinstance(doc.blocks[2], Heading)


def test_signature_with_release_date():
    """Decided once for both renderers: a blank line above, the name two characters from the right edge,
    the date (6.5 characters: digits are half-width) starting two characters right of the name."""
    doc = outline(make_report("gb2021"))
    right = {"align": "right", "indent": False}
    assert doc.blocks[-2:] == (
        Paragraph(
            "威海市文登区大水泊镇人民政府", space_before=1.0, keep_with_next=True, right_indent=2.0, **right
        ),
        Paragraph("2023年1月20日", right_indent=14 - 2 - 6.5 + 2, **right),
    )


def five_digit_report(format_id: str, short: bool = False):
    """Every value of tables 三 and 四 has five digits (``short``: row 二 of table 三 two digits)."""
    fmt = get_format(format_id)
    over = {k: 10000 + 37 * i for i, k in enumerate(fmt.cell_keys()) if k.table in ("t3", "t4")}
    if short:
        over.update({k: 12 for k in fmt.cell_keys() if k.table == "t3" and k.row == "二"})
    return make_report(format_id, overrides=over)


def city_report(format_id: str):
    """A large city's year: five- and six-digit counts in the 自然人 and 总计 columns of table 三."""
    fmt = get_format(format_id)
    inputs = {k: 0 for k in fmt.cell_keys() if k not in fmt.total_keys()}
    natural = [k for k in inputs if k.table == "t3" and k.column == "自然人"]
    for i, key in enumerate(natural[:3]):  # new requests, carried over, made public
        inputs[key] = 241234 + 1000 * i
    return make_report(format_id, inputs)


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_wide_numbers_widen_their_columns_before_the_type_shrinks(format_id):
    from govreport.document.tables import CELL_PAD_PT, LATIN_EM, TEXT_WIDTH_PT

    plain = {b.id: b for b in outline(make_report(format_id)).blocks if isinstance(b, TableBlock)}
    city = {b.id: b for b in outline(city_report(format_id)).blocks if isinstance(b, TableBlock)}
    assert {b.text_size for b in (*plain.values(), *city.values())} == {10.5}  # 五号 in every table
    t3, before = city["t3"], plain["t3"]
    digits = max(len(c.text) for row in t3.body_rows for c in row if c.role == "number")
    assert digits == 6

    def size_fitting(share: float) -> float:
        return int((share * TEXT_WIDTH_PT - 2 * CELL_PAD_PT) / (digits * LATIN_EM) * 2) / 2

    grown = [i for i, (a, b) in enumerate(zip(t3.widths, before.widths, strict=True)) if a > b + 1e-9]
    assert len(grown) == 2  # 自然人 and 总计, the columns with the six-digit numbers
    assert t3.number_size == min(size_fitting(t3.widths[i]) for i in grown)
    assert t3.number_size >= size_fitting(before.widths[grown[0]]) + 1.5  # two sizes larger than unwidened
    assert t3.widths[2] == before.widths[2]  # the row labels keep their lines: table 三 keeps its height
    assert min(t3.widths[3:]) * 156 >= 10 - 1e-6  # count columns keep two header characters a line
    assert sum(t3.widths) == pytest.approx(1.0)


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_five_digits_everywhere_shrink_the_numbers_only_as_far_as_needed(format_id):
    from govreport.document.tables import CELL_PAD_PT, LATIN_EM, TEXT_WIDTH_PT

    tables = {b.id: b for b in outline(five_digit_report(format_id)).blocks if isinstance(b, TableBlock)}
    for tid in ("t3", "t4"):
        block = tables[tid]
        room = min(block.widths[-7:]) * TEXT_WIDTH_PT - 2 * CELL_PAD_PT  # the narrowest count column
        assert 5 * LATIN_EM * block.number_size <= room < 5 * LATIN_EM * (block.number_size + 0.5)
    # Table 三's row labels gave room, table 四 has none to give: its 15 columns stay the narrower.
    assert tables["t4"].number_size < tables["t3"].number_size < 10.5


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_table_two_label_column_holds_the_longest_label_on_one_line(format_id):
    from govreport.document.tables import CELL_PAD_PT, TEXT_WIDTH_PT

    block = next(b for b in outline(make_report(format_id)).blocks if isinstance(b, TableBlock))
    labels = [c.text for row in block.body_rows for c in row if c.role == "label"]
    longest = max(len(t) for t in labels)  # gb2019: 其他对外管理服务事项, ten characters
    room = block.widths[0] * TEXT_WIDTH_PT - 2 * CELL_PAD_PT
    assert longest * block.text_size <= room < (longest + 1) * block.text_size


@pytest.mark.parametrize("written", ["2023/1/20", "2023年1月20日", "2023-01-20 00:00:00"])
def test_release_date_as_clerks_write_it(written):
    doc = outline(make_report("gb2021", details=DETAILS | {"release_date": written}))
    assert doc.date == "2023-01-20"
    assert doc.blocks[-1].text == "2023年1月20日"


def test_draft_mark_is_carried():
    assert outline(make_report("gb2021"), draft_mark="数据未通过校验").draft_mark == "数据未通过校验"
    assert outline(make_report("gb2021")).draft_mark is None


# -- tables ------------------------------------------------------------------------------------------


def table(doc, table_id: str) -> TableBlock:
    return next(b for b in doc.blocks if isinstance(b, TableBlock) and b.id == table_id)


def grid_of(block: TableBlock) -> dict[tuple[int, int], str]:
    """(row, column) of each listed cell -> its text, placing cells around row spans from above."""
    covered: set[tuple[int, int]] = set()
    out = {}
    for r, row in enumerate((*block.header_rows, *block.body_rows)):
        col = 0
        for cell in row:
            while (r, col) in covered:
                col += 1
            out[(r, col)] = cell.text
            covered |= {(r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            col += cell.colspan
        while (r, col) in covered:
            col += 1
        assert col == block.columns, f"row {r} of {block.id} covers {col} of {block.columns} columns"
    return out


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_table_value_is_printed_where_the_template_has_it(format_id):
    fmt = get_format(format_id)
    report = make_report(format_id, distinct_inputs(format_id))
    doc = outline(report)
    for t in fmt.tables:
        cells = grid_of(table(doc, t.id))
        for value in layout(t).values():
            number = report.values[value.key].number
            expected = format(number, "f") if isinstance(number, Decimal) else str(number)
            assert cells[(value.row, value.col)] == expected, value.key


@pytest.mark.parametrize("format_id", FORMATS)
def test_tables_carry_the_official_labels_spans_and_note(format_id):
    fmt = get_format(format_id)
    doc = outline(make_report(format_id))
    for t in fmt.tables:
        grid = layout(t)
        block = table(doc, t.id)
        assert len(block.header_rows) == grid.header_rows
        assert block.columns == grid.width and sum(block.widths) == pytest.approx(1)
        cells = grid_of(block)
        for c in grid.cells:
            if c.role != "value":
                assert cells[(c.row, c.col)] == c.text
    t3 = table(doc, "t3")
    note = t3.header_rows[0][0]
    assert (note.role, note.text, note.rowspan, note.colspan) == (
        "note",
        fmt.table("t3").blocks[0].corner_note,
        3,
        3,
    )
    result_rows = [r for r in fmt.table("t3").blocks[0].rows if r.group]
    results = next(c for row in t3.body_rows for c in row if c.text == result_rows[0].group[0])
    assert results.rowspan == len(result_rows)
    assert len(table(doc, "t4").widths) == 15 and len(set(table(doc, "t4").widths)) == 1


def test_zero_prints_as_0_and_amounts_as_entered():
    fee = CellKey("t2", "行政事业性收费", "本年收费金额")
    report = make_report("gb2021", overrides={fee: Decimal("1.50")})
    cells = [c.text for row in table(outline(report), "t2").body_rows for c in row]
    assert "1.50" in cells and "0" in cells and "" not in cells


def test_unreadable_value_in_a_draft_prints_as_written():
    from dataclasses import replace

    key = CellKey("t3", "一", "自然人")
    report = make_report("gb2021")
    report = replace(
        report, values={**report.values, key: replace(report.values[key], number=None, raw="五")}
    )
    rows = table(outline(report), "t3").body_rows
    assert rows[0][1].text == "五"


# -- narrative ---------------------------------------------------------------------------------------


def test_overview_subheadings_and_empty_part():
    fmt = get_format("gb2021")
    subs = fmt.section("一").subheadings
    narrative = {
        "一": (
            Passage(None, ("总体概述。",)),
            Passage(subs[0], ("主动公开内容。",)),
            Passage(subs[1], ()),
        )
    }
    doc = outline(make_report("gb2021", narrative=narrative))
    i = doc.blocks.index(Heading("一、总体情况", 1, bookmark=True))
    assert doc.blocks[i + 1 : i + 6] == (
        Paragraph("总体概述。"),
        Heading(subs[0], 2),
        Paragraph("主动公开内容。"),
        Heading(subs[1], 2),
        Paragraph(PLACEHOLDER, placeholder=True),
    )


@pytest.mark.parametrize("format_id", FORMATS)
def test_empty_sections_show_placeholders(format_id):
    fmt = get_format(format_id)
    doc = outline(make_report(format_id, narrative={"一": (), "五": (), "六": ()}))
    assert headings(doc, 2) == [*fmt.section("一").subheadings, *(f"（一）{i}" for i in fmt.other_items)]
    placeholders = [b for b in doc.blocks if isinstance(b, Paragraph) and b.placeholder]
    assert len(placeholders) == len(fmt.section("一").subheadings) + 1 + max(1, len(fmt.other_items))
    assert all(p.text == PLACEHOLDER for p in placeholders)


def test_problems_lead_sentences_run_in():
    narrative = {
        "五": (Passage(None, ("（一）存在的主要问题。一是不够深入。", "（二）改进情况", "加强培训。")),)
    }
    doc = outline(make_report("gb2021", narrative=narrative))
    i = doc.blocks.index(Heading("五、存在的主要问题及改进情况", 1, bookmark=True))
    assert doc.blocks[i + 1 : i + 4] == (
        Paragraph("一是不够深入。", lead="（一）存在的主要问题。"),
        Heading("（二）改进情况", 2),
        Paragraph("加强培训。"),
    )


def test_other_matters_are_renumbered_and_empty_items_read_nothing():
    narrative = {
        "六": (
            Passage("（一）政府信息公开收费情况", ("本年度未收取信息处理费。",)),
            Passage("3.人大建议和政协提案办理情况", ()),
            Passage("其他事项", ("无",)),
        )
    }
    doc = outline(make_report("gb2021", narrative=narrative))
    i = doc.blocks.index(Heading("六、其他需要报告的事项", 1, bookmark=True))
    assert doc.blocks[i + 1 : i + 7] == (
        Heading("（一）政府信息公开收费情况", 2),
        Paragraph("本年度未收取信息处理费。"),
        Heading("（二）人大建议和政协提案办理情况", 2),
        Paragraph(NOTHING),
        Heading("（三）其他事项", 2),
        Paragraph("无"),
    )


def test_control_characters_and_excel_escapes_never_reach_the_document():
    narrative = {
        "一": (Passage(None, ("第一段_x000D_\n第二段\x07。", "\x0b")),),
        "五": (Passage(None, ("问题\x00一。",)),),
    }
    details = DETAILS | {"name": "某某镇\x1f人民政府"}
    doc = outline(make_report("gb2021", narrative=narrative, details=details))
    all_text = texts(doc) + "".join(doc.blocks[0].lines)
    assert "第一段" in all_text and "第二段。" in all_text and "问题一。" in all_text
    assert not any(ord(ch) < 32 for ch in all_text if ch != "\n")
    assert "_x000D_" not in all_text
    assert doc.author == "某某镇人民政府"
