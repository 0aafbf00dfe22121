"""Rule F1: the columns of the published-items chart add up to the total the report states.

The total is stated either in the narrative (``通过政务网站主动公开信息72条``) or as a 合计 typed into the
workbook's list. Precision first: a sentence counts only when it names the portal (网站, 门户网站,
公开专栏 …), then publishing (公开, 发布), then the number of items with 条 and nothing but a generic word
in between (信息, 政府信息, 共计 …); a clause about WeChat or other new media, a change (较上年增加 …),
or another year is never read as the total. Only charts of the portal (no channel, or 门户网站) are
compared with the narrative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import PORTAL_CHANNELS, Finding, Place, PublishedItems, Report, Severity
from ..numbers import normalise

RULE, TYPE = "F1", "figure-total-mismatch"
_CLAUSES = re.compile(r"[，,；;。！？!?：:\n]")
_SENTENCES = re.compile(r"(?<=[。！？!?\n])")
_PORTAL = r"(?:门户网站|政府网站|政务网站|网站|官网|政府信息公开专栏|信息公开专栏|公开专栏)"
_VERB = r"(?:主动)?(?:公开|发布|更新|发布和更新)"
_GENERIC = r"(?:各类|各项)?(?:政府|政务)?(?:信息|消息|文章|内容)?"
_SUM = r"(?:共计|共|合计|总计|累计)?"
_TOTAL = re.compile(rf"{_PORTAL}[^\d]{{0,12}}?{_SUM}{_VERB}{_SUM}{_GENERIC}{_SUM}(?P<number>\d+)条")
_OTHER_MEDIA = re.compile(r"微信|公众号|微博|新媒体|抖音|头条|客户端|视频号|短信|APP|小程序")
_NOT_THE_TOTAL = re.compile(
    r"较|比上|同比|环比|增加|增长|减少|下降|以来|历年|平均|日均|月均|以上|约|近|超过|其中"
)
_YEAR = re.compile(r"(?<!\d)(\d{4})年")


@dataclass(frozen=True)
class Stated:
    number: int
    place: Place | None
    clause: str  # the words that state it


def check_figures(report: Report) -> list[Finding]:
    """F1 findings: a stated total (narrative or 合计) the chart's columns do not add up to."""
    findings: list[Finding] = []
    portal = [f for f in report.figures if f.items and f.channel.strip() in PORTAL_CHANNELS]
    stated = list(stated_totals(report))
    for figure in report.figures:
        if figure.total is not None and figure.total.number is not None:
            findings += _compare(figure, int(figure.total.number), figure.total.place, "合计")
    if len(portal) == 1:
        seen: set[tuple[int, str | None]] = set()
        for claim in stated:
            key = (claim.number, str(claim.place) if claim.place else None)
            if key not in seen:
                seen.add(key)
                findings += _compare(portal[0], claim.number, claim.place, claim.clause)
    return findings


def stated_totals(report: Report) -> Iterator[Stated]:
    """Every total of items published on the portal the narrative states for the report's year."""
    for passages in report.narrative.values():
        for passage in passages:
            for paragraph in passage.paragraphs:
                for sentence in _SENTENCES.split(normalise(paragraph)):
                    if _other_year(sentence, report.year):
                        continue
                    for clause in _CLAUSES.split(sentence):
                        number = _total_in(clause)
                        if number is not None:
                            yield Stated(number, passage.place, clause.strip())


def _total_in(clause: str) -> int | None:
    m = _TOTAL.search(clause)
    if m is None:
        return None
    if _OTHER_MEDIA.search(clause[: m.end()]) or _NOT_THE_TOTAL.search(clause[: m.end()]):
        return None
    return int(m.group("number"))


def _other_year(sentence: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(sentence))


def _compare(figure: PublishedItems, stated: int, place: Place | None, source: str) -> list[Finding]:
    total = sum(count for _, count in figure.counts())
    if total == stated:
        return []
    where = f"统计图（{figure.where}）" if figure.where else "统计图"
    if source == "合计":
        message = f"合计{stated}条与{where}各栏目条数之和{total}条不符，请核对"
    else:
        message = f"正文“{source}”与{where}各栏目条数之和{total}条不符，请核对"
    cells = tuple(str(v.place) for _, v in figure.items if v.place is not None)
    return [
        Finding.at(
            place,
            rule=RULE,
            type=TYPE,
            severity=Severity.WARNING,
            message=message,
            expected=str(stated),
            actual=str(total),
            cells=cells,
        )
    ]
