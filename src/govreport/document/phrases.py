"""The report's own wording: the generated preamble, placeholders, the closing signature.

This is product text, not statutory labels (those live in ``formats/``). Keeping every sentence here means
one place to review the Chinese and one place to change it.
"""

from __future__ import annotations

import re
from datetime import date

from ..blocks import PLACEHOLDER as PLACEHOLDER  # printed where content is missing
from ..dates import parse_date as parse_date  # the outline reads the release date through phrases
from ..numbers import chinese_number

NOTHING = "无。"
# the report's name, in its two words: where a title too long for a narrow screen breaks
REPORT_NAME_WORDS = ("政府信息公开", "工作年度报告")
REPORT_NAME = "".join(REPORT_NAME_WORDS)
LAW = "《中华人民共和国政府信息公开条例》"
COLUMN = "政府信息公开专栏"


def title_line(year: int | None) -> str:
    return f"{year_text(year)}年{REPORT_NAME}"


def year_text(year: int | None) -> str:
    return str(year) if year is not None else PLACEHOLDER


def legal_basis(name: str, year: int | None, notice: str) -> str:
    """Elements 1 and 2 of spec Part B §6.1: the legal basis (the 条例 and the format's notice) and who
    compiled the report."""
    return f"根据{LAW}（以下简称《条例》）和{notice}文件要求，{name}编制了{title_line(year)}。"


def parts_and_period(parts: list[str], year: int | None) -> str:
    """Elements 3 and 4: the six parts and the statistics period (1 January to 31 December)."""
    listed = "，".join(parts)
    y = year_text(year)
    return (
        f"本报告由{listed}共{chinese_number(len(parts))}部分组成。"
        f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    )


def download_and_contact(portal: str, url: str, dept: str, address: str, postcode: str, phone: str) -> str:
    """Elements 5 and 6: where the electronic version is published, and whom to ask."""
    return (
        f"本报告的电子版可在{portal}（{url}）{COLUMN}查阅或下载。"
        f"如对本报告有疑问，请与{dept}联系（地址：{address}；邮编：{postcode}；电话：{phone}）。"
    )


def item_heading(index: int, title: str) -> str:
    """``（三）人大建议和政协提案办理情况``: sub-items of section 六 are numbered by position."""
    return f"（{chinese_number(index)}）{title}"


_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*")


def strip_numbering(title: str) -> str:
    """``（一）政府信息公开收费情况`` → ``政府信息公开收费情况`` (the outline numbers items itself)."""
    return _NUMBERING.sub("", title, count=1)


def chinese_date(d: date) -> str:
    """``2023年1月20日``: GB/T 9704 dates, no zero padding."""
    return f"{d.year}年{d.month}月{d.day}日"
