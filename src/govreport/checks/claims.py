"""Rule Q4: numbers quoted in the narrative must match the statutory tables.

The words are data (``formats/claims.py``), the table cells they speak about are worked out per format
(``checks/claim_topics.py``); this module finds them sentence by sentence and compares. Precision comes first: a number is compared only when a topic's
cue stands right before it in the same clause, its unit fits, the sentence is about the topic's matter
and nothing marks it as another year, a change, an approximation or another matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..formats import CellKey, get_format
from ..formats.claims import SHARE
from ..model import Finding, Number, Passage, Report, Severity
from ..numbers import Token, normalise, tokens
from .claim_topics import ClaimSet, Reading, Topic, claims_for
from .unusable import any_unusable, unusable_cells

RULE, TYPE = "Q4", "narrative-number-mismatch"
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_CLAUSE_BREAK = "，,；;：:。！？!?\n"
# Words before a number that make it a comparison, a change or a cumulative figure, not the count.
_NOT_THE_COUNT = re.compile(
    r"较|比上|同比|环比|增加|增长|减少|下降|提高|降低|上升|回落|累计|历年|以来|去年|上年度(?!结转)|"
    r"上一年(?!度?结转)|同期|平均|日均|月均|人均|以上|以内|超过|不少于|不超过|各|分别|"
    r"本级|市直|区直|县直|(?<!本)部门|乡镇|街道"
)

_SHARE = re.compile(SHARE)
_MONEY_FACTOR = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}


@dataclass(frozen=True)
class Context:
    """Where a sentence stands: its passage, the sentence before it, the report year, and the table
    cells no claim may be compared with (not usable counts, or totals derived from them)."""

    passage: Passage
    previous: str
    year: int | None
    unusable: frozenset[CellKey] = frozenset()

    def unsure(self, *readings: Reading) -> bool:
        """True when a figure of ``readings`` rests on an unusable cell: the comparison stays silent,
        the reader's finding at that cell is the one to fix."""
        return any(any_unusable(self.unusable, r.cells) for r in readings)


@dataclass(frozen=True)
class Claim:
    topic: Topic
    phrase: str
    claimed: Decimal
    unit: str
    reading: Reading | None  # the reading the claim matches; None: it matches none


def check_claims(report: Report) -> list[Finding]:
    """Q4 findings for every passage of the narrative (preamble, 一 with its sub-passages, 五, 六)."""
    claims = claims_for(report.format_id)
    findings: list[Finding] = []
    seen: set[tuple[str | None, str, str]] = set()
    unusable = frozenset(unusable_cells(report))
    for passages in report.narrative.values():
        for passage in passages:
            for finding in _passage_findings(report, claims, passage, unusable):
                key = (finding.place, finding.message, finding.actual or "")
                if key not in seen:
                    seen.add(key)
                    findings.append(finding)
    return findings


# Spaces PDF text extraction puts between Chinese characters and digits ("申请 21 件", "2023 年")
_WIDE = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_LOOSE_SPACE = re.compile(rf"(?<=[{_WIDE}])[ \u00a0]+(?=[\d{_WIDE}])|(?<=\d)[ \u00a0]+(?=[{_WIDE}])")


def close_up(text: str) -> str:
    """Text with the spaces between Chinese and digits taken out (never those between two numbers)."""
    return _LOOSE_SPACE.sub("", text)


def _passage_findings(
    report: Report, claims: ClaimSet, passage: Passage, unusable: frozenset[CellKey]
) -> Iterator[Finding]:
    for paragraph in passage.paragraphs:
        previous = ""
        for sentence in (s for s in _SENTENCE_END.split(close_up(normalise(paragraph))) if s.strip()):
            context = Context(passage, previous, report.year, unusable)
            yield from _sentence_findings(report, claims, sentence, context)
            previous = sentence


def _sentence_findings(report: Report, claims: ClaimSet, sentence: str, ctx: Context) -> Iterator[Finding]:
    yield from _number_findings(report, claims, sentence, ctx)
    yield from _zero_findings(report, claims, sentence, ctx)
    yield from _all_done_findings(report, claims, sentence, ctx)


# ---------------------------------------------------------------------------------------------------
# Numbers


def _number_findings(report: Report, claims: ClaimSet, sentence: str, ctx: Context) -> Iterator[Finding]:
    scope: str | None = None
    parent: Claim | None = None
    previous_end = 0
    for tok in tokens(sentence):
        clause_start = _clause_start(sentence, tok.start)
        segment = sentence[max(clause_start, previous_end) : tok.start]
        previous_end = tok.end
        if tok.unit == "%":
            phrase = sentence[clause_start : tok.end]
            if parent is not None and _SHARE.search(segment):
                yield from _percent_finding(report, parent, tok, phrase, ctx)
            elif parent is None and _SHARE.search(segment):
                shared = _share_topic(claims, tok, segment, sentence, ctx)
                if shared is not None:
                    claim = Claim(shared, phrase, tok.value, "%", shared.readings[0])
                    yield from _percent_finding(report, claim, tok, phrase, ctx)
            continue
        topic = _topic_for(claims, tok, segment, sentence, clause_start, scope, ctx)
        if topic is None:
            scope, parent = None, None
            continue
        claim = _claim(report, topic, tok, sentence[clause_start : tok.end])
        scope, parent = topic.scope or scope, claim
        if claim.reading is None and not ctx.unsure(*topic.readings):
            yield _mismatch(report, claim, ctx.passage)


def _clause_start(sentence: str, position: int) -> int:
    return max(sentence.rfind(ch, 0, position) for ch in _CLAUSE_BREAK) + 1


def _topic_for(
    claims: ClaimSet,
    tok: Token,
    segment: str,
    sentence: str,
    clause_start: int,
    scope: str | None,
    ctx: Context,
) -> Topic | None:
    if tok.approximate or tok.ordinal or _NOT_THE_COUNT.search(segment):
        return None
    if _other_year(sentence[clause_start : tok.start], ctx.year) or _part_of_year(sentence[: tok.start]):
        return None
    before = sentence[: tok.start]
    for topic in claims.topics:
        if tok.unit not in topic.units or not re.search(topic.cue, segment):
            continue
        if topic.parents and scope not in topic.parents:
            continue
        if _excluded(topic, segment, before):
            continue
        if _in_domain(topic.domain, sentence, ctx, topic.title_domain):
            return topic
    return None


def _excluded(topic: Topic, segment: str, before: str) -> bool:
    if topic.exclude and re.search(topic.exclude, segment):
        return True
    return bool(topic.sentence_exclude and re.search(topic.sentence_exclude, before))


def _share_topic(claims: ClaimSet, tok: Token, segment: str, sentence: str, ctx: Context) -> Topic | None:
    """A share told without its count ("予以公开和部分公开的占比为33.9%"): the result topic it names."""
    if tok.approximate or _NOT_THE_COUNT.search(segment) or _other_year(segment, ctx.year):
        return None
    if _part_of_year(sentence[: tok.start]):
        return None
    for topic in claims.topics:
        if not topic.percent_bases or topic.parents or not re.search(topic.cue, segment):
            continue
        if _excluded(topic, segment, sentence[: tok.start]):
            return None
        return topic if _in_domain(topic.domain, sentence, ctx, topic.title_domain) else None
    return None


def _other_year(text: str, year: int | None) -> bool:
    """The clause names a year other than the report's (or the year cannot be told)."""
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", text)}
    return bool(years) and (year is None or years != {year})


def _part_of_year(text: str) -> bool:
    text = re.sub(r"1月1日(?:起)?(?:至|到)(?:\d{4}年)?12月31日", "", text)
    return bool(re.search(r"\d{1,2}月(?!31日)|季度|上半年|下半年", text))


def _in_domain(domain: str, sentence: str, ctx: Context, title: bool = True) -> bool:
    if not domain:
        return True
    texts = (sentence, ctx.previous, (ctx.passage.title or "") if title else "")
    return any(re.search(domain, text) for text in texts)


def _claim(report: Report, topic: Topic, tok: Token, phrase: str) -> Claim:
    claimed = tok.value * _MONEY_FACTOR[tok.unit] if topic.amount else tok.value
    match = next((r for r in topic.readings if _agrees(tok, claimed, _sum(report, r), topic.amount)), None)
    return Claim(topic, phrase.strip(), tok.value, tok.unit, match)


def _agrees(tok: Token, claimed: Decimal, table: Number, amount: bool) -> bool:
    if not amount:
        return claimed == table
    # money: the table's figure rounded (or cut) to the precision the text uses
    factor = _MONEY_FACTOR[tok.unit]
    quantum = Decimal(1).scaleb(-tok.decimals)
    in_unit = Decimal(table) / factor
    return tok.value in {in_unit.quantize(quantum, ROUND_HALF_UP), in_unit.quantize(quantum, ROUND_DOWN)}


def _sum(report: Report, reading: Reading) -> Number:
    return sum((report.number(k) for k in reading.cells), start=0)


def _percent_finding(
    report: Report, parent: Claim, tok: Token, phrase: str, ctx: Context
) -> Iterator[Finding]:
    """A share quoted after a consistent claim ("予以公开258件，占33.9%") must fit one of its bases."""
    if parent.reading is None or not parent.topic.percent_bases:
        return
    if ctx.unsure(parent.reading, *parent.topic.percent_bases):
        return
    part = Decimal(_sum(report, parent.reading))
    bases = [Decimal(_sum(report, b)) for b in parent.topic.percent_bases]
    shares = [part * 100 / b for b in bases if b > 0]
    tolerance = Decimal(1).scaleb(-tok.decimals)
    if not shares or any(abs(tok.value - s) < tolerance for s in shares):
        return
    expected = shares[0].quantize(min(tolerance, Decimal("0.1")), ROUND_HALF_UP)  # 62.5%, not 63%
    cells = _places(report, parent.topic.percent_bases[0])
    message = (
        f"正文“{phrase.strip()}”称{parent.topic.name}占{_fmt(tok.value)}%，"
        f"按统计表计算为{_fmt(expected)}%（{_fmt(part)}÷{_fmt(bases[0])}，分母见{cells}）。"
    )
    yield _finding(ctx.passage, message, f"{_fmt(expected)}%", f"{_fmt(tok.value)}%", parent.reading, report)


# ---------------------------------------------------------------------------------------------------
# Statements without a number


def _zero_findings(report: Report, claims: ClaimSet, sentence: str, ctx: Context) -> Iterator[Finding]:
    for zero in claims.zeros:
        topic = claims.topic(zero.topic)
        for m in re.finditer(zero.pattern, sentence):
            clause = _clause(sentence, m.start())
            if any(p and re.search(p, clause) for p in (topic.exclude, zero.exclude)):
                continue
            if _other_year(clause, ctx.year) or not _in_domain(
                topic.domain, sentence, ctx, topic.title_domain
            ):
                continue
            if any(_sum(report, r) == 0 for r in topic.readings) or ctx.unsure(*topic.readings):
                continue
            reading = topic.readings[0]
            table = _sum(report, reading)
            message = f"正文“{m.group(0)}”即{topic.name}为0，但统计表为{_fmt(table)}（{_places(report, reading)}）。"
            yield _finding(ctx.passage, message, _fmt(table), "0", reading, report)


def _all_done_findings(report: Report, claims: ClaimSet, sentence: str, ctx: Context) -> Iterator[Finding]:
    for rule in claims.all_done:
        for m in re.finditer(rule.pattern, sentence):
            clause = _clause(sentence, m.start())
            if re.search(rule.exclude, sentence) or _other_year(clause, ctx.year):
                continue
            if not _in_domain(rule.domain, sentence, ctx):
                continue
            reading = Reading(rule.cells)
            remaining = _sum(report, reading)
            if remaining == 0 or ctx.unsure(reading):
                continue
            first = rule.cells[0]
            row = get_format(report.format_id).table(first.table).row(first.row).label
            message = (
                f"正文称申请“{m.group(0)}”，但统计表“{row}”为{_fmt(remaining)}件"
                f"（{_places(report, reading)}），并非全部办结。"
            )
            yield _finding(ctx.passage, message, _fmt(remaining), rule.name, reading, report)
            break  # one sentence, one statement: "均已办结，办结率100%" says it once


def _clause(sentence: str, position: int) -> str:
    start = _clause_start(sentence, position)
    ends = [i for i in (sentence.find(ch, position) for ch in _CLAUSE_BREAK) if i >= 0]
    return sentence[start : min(ends, default=len(sentence))]


# ---------------------------------------------------------------------------------------------------
# Findings


def _mismatch(report: Report, claim: Claim, passage: Passage) -> Finding:
    topic = claim.topic
    primary = topic.readings[0]
    table = _sum(report, primary)
    shown = Decimal(table) / _MONEY_FACTOR[claim.unit] if topic.amount else table
    unit = claim.unit
    message = (
        f"正文“{claim.phrase}”称{topic.name}{_fmt(claim.claimed)}{claim.unit}，"
        f"但统计表为{_fmt(shown)}{unit}（{_places(report, primary)}）。"
    )
    hint = next((h for h in topic.hints if _sum(report, h) == claim.claimed), None)
    if hint is not None:
        message += f"该数字等于{hint.note}（{_places(report, hint)}）。"
    return _finding(passage, message, _fmt(shown), _fmt(claim.claimed), primary, report)


def _finding(
    passage: Passage, message: str, expected: str, actual: str, reading: Reading, report: Report
) -> Finding:
    places = tuple(str(p) for p in (_place(report, k) for k in reading.cells) if p)
    return Finding.at(
        passage.place,
        rule=RULE,
        type=TYPE,
        severity=Severity.WARNING,
        message=message,
        table=reading.cells[0].table if reading.cells else None,
        row_label=passage.title,
        expected=expected,
        actual=actual,
        cells=places,
    )


def _place(report: Report, key: object) -> object:
    value = report.values.get(key)  # type: ignore[call-overload]
    return value.place if value is not None else None


def _places(report: Report, reading: Reading) -> str:
    places = [str(p) for p in (_place(report, k) for k in reading.cells) if p]
    if not places:
        return "统计表"
    if len(places) == 1:
        return places[0]
    if len(places) > 4:
        return f"{places[0]}至{places[-1]}等{len(places)}个单元格之和"
    return "、".join(places) + "之和"


def _fmt(number: Number | Decimal) -> str:
    if isinstance(number, Decimal):
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    return str(number)
