"""Standard sentences generated from the tables, for the data paragraphs a report usually has.

A clerk pastes them into the narrative and never retypes a number. The wording is data
(``formats/claims.py``): each placeholder names a claim topic (``checks/claim_topics.py``), and the number filled in is that
topic's table figure, so rule Q4 reads every generated sentence back as consistent. A sentence whose
numbers sit in a cell that an error names (a broken sum, a cell that is not a number), or in a total
summed from such a cell, carries that error in ``broken``: its numbers cannot be trusted, and the
command line marks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .checks.claim_topics import ClaimSet, claims_for
from .formats import CellKey, get_format
from .formats.claims import DraftSentence, Piece
from .model import Finding, Number, Report, Severity
from .totals import with_parts

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Drafted:
    """One generated sentence and what it is about (for the clerk: 收到和上年结转的申请 …)."""

    topic: str
    sentence: str
    broken: tuple[Finding, ...] = ()  # errors on the cells the sentence's numbers come from


def draft_sentences(report: Report, findings: Iterable[Finding] = ()) -> list[Drafted]:
    """Sentences for requests, applicants, results, carry-over, reviews and lawsuits, documents,
    decisions and fees, in that order; topics with nothing to say are left out. ``findings`` are the
    report's check results: each sentence gets the errors that name one of its cells, or a cell one
    of its totals is summed from (an unreadable 新收 cell makes the 新收 total unsure)."""
    claims = claims_for(report.format_id)
    fmt = get_format(report.format_id)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    drafted = []
    for draft in claims.drafts:
        sentence = _sentence(report, claims, draft)
        if sentence:
            places = _places(report, with_parts(fmt, _keys(claims, draft)))
            broken = tuple(f for f in errors if places & _named(f))
            drafted.append(Drafted(draft.topic, sentence, broken))
    return drafted


def _keys(claims: ClaimSet, draft: DraftSentence) -> set[CellKey]:
    """The cells every number of the sentence, or its zero wording, comes from."""
    texts = [t for p in draft.pieces for t in (p.text, *(d.text for d in p.details))]
    texts += [d.text for d in draft.details]
    topics = {k for t in texts for k in _PLACEHOLDER.findall(t)} | set(draft.when)
    if draft.percent:
        topics |= {draft.percent[0], draft.percent[1]}
    return {cell for topic in topics for cell in claims.topic(topic).readings[0].cells}


def _places(report: Report, keys: Iterable[CellKey]) -> set[str]:
    """The cells of ``keys`` as "sheet!A1"."""
    values = [report.values.get(key) for key in keys]
    return {str(v.place) for v in values if v is not None and v.place is not None}


def _named(finding: Finding) -> set[str]:
    own = {f"{finding.sheet}!{finding.cell}"} if finding.sheet and finding.cell else set()
    return own | set(finding.cells)


def _value(report: Report, claims: ClaimSet, topic: str) -> Number:
    reading = claims.topic(topic).readings[0]
    return sum((report.number(k) for k in reading.cells), start=0)


def _fill(report: Report, claims: ClaimSet, text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: _fmt(_value(report, claims, m.group(1))), text)


def _all_zero(report: Report, claims: ClaimSet, text: str) -> bool:
    return all(_value(report, claims, key) == 0 for key in _PLACEHOLDER.findall(text))


def _sentence(report: Report, claims: ClaimSet, draft: DraftSentence) -> str:
    if draft.when and all(_value(report, claims, key) == 0 for key in draft.when):
        return ""
    texts = [p.text for p in draft.pieces]
    if draft.all_zero is not None and all(_all_zero(report, claims, t) for t in texts):
        return draft.all_zero
    parts = [_piece(report, claims, p) for p in draft.pieces]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    joiner = "；" if any("其中" in p for p in parts) else "，"
    sentence = draft.opener + joiner.join(parts) + "。"
    if draft.percent:
        sentence += _percent(report, claims, *draft.percent)
    return sentence


def _piece(report: Report, claims: ClaimSet, piece: Piece) -> str:
    if _all_zero(report, claims, piece.text):
        return piece.zero or ""
    text = _fill(report, claims, piece.text)
    details = [_fill(report, claims, d.text) for d in piece.details if not _all_zero(report, claims, d.text)]
    return text + ("，其中" + "、".join(details) if details else "")


def _percent(report: Report, claims: ClaimSet, part: str, base: str, text: str) -> str:
    numerator, denominator = _value(report, claims, part), _value(report, claims, base)
    if not numerator or not denominator:
        return ""
    share = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return _fill(report, claims, text.replace("{pct}", _fmt(share)))


def _fmt(number: Number) -> str:
    if isinstance(number, Decimal):
        return format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))
    return str(number)
