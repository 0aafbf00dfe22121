"""The narrative's topics worked out against a format's tables: which cells each wording means.

``formats/claims.py`` holds the words (cues, units, domains, excludes); this module turns them, for one
format, into ``Topic`` objects whose ``readings`` are the table sums the wording may mean (the first is
the one quoted in a finding) and whose ``hints`` are sums a clerk plausibly typed by mistake (named in the
finding when the claim equals one). Rule Q4 (``checks/claims.py``) and ``govreport draft`` use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..formats import claims as words
from ..formats import get_format
from ..formats._national import T3_APPLICANTS, T4_GROUPS, T4_OUTCOMES, T4_ROW
from ..formats.claims import AllDone, DraftSentence, ZeroPhrase
from ..formats.types import CellKey, Format


@dataclass(frozen=True)
class Reading:
    """A sum of table cells the wording may mean; ``note`` says what it is (for hints)."""

    cells: tuple[CellKey, ...]
    note: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    name: str  # Chinese, quoted in findings
    cue: str  # regex searched in the text right before the number (same clause)
    units: tuple[str, ...]  # units accepted right after the number
    readings: tuple[Reading, ...]  # first: the table's figure; all: consistent readings
    domain: str = ""  # regex the sentence, the one before it or the passage title must match
    exclude: str = ""  # regex: found before the number (same clause), the number is about something else
    sentence_exclude: str = ""  # regex: found anywhere before the number in the sentence, likewise
    hints: tuple[Reading, ...] = ()
    parents: tuple[str | None, ...] = ()  # scopes this topic needs from the number just before it
    scope: str | None = None  # scope it gives to the numbers after it (None: keep the parent's)
    percent_bases: tuple[Reading, ...] = ()  # what "占X%" after (or about) this topic may be a share of
    amount: bool = False  # money in 万元 (the table's unit); 元 / 亿元 are converted
    title_domain: bool = True  # may the passage title stand for the domain (else: the sentences only)


@dataclass(frozen=True)
class ClaimSet:
    topics: tuple[Topic, ...]
    zeros: tuple[ZeroPhrase, ...]
    all_done: tuple[AllDone, ...]
    drafts: tuple[DraftSentence, ...]

    def topic(self, key: str) -> Topic:
        return next(t for t in self.topics if t.key == key)


@cache
def claims_for(format_id: str) -> ClaimSet:
    """The topics, zero wordings and generated sentences of a format, most specific topics first."""
    fmt = get_format(format_id)
    topics = (*_requests(fmt), *_cases(), *_documents(fmt), *_decisions(fmt), *_fees(fmt))
    drafts = (
        *words.REQUEST_DRAFTS,
        *words.CASE_DRAFTS,
        *words.document_drafts(fmt),
        *words.decision_drafts(fmt),
    )
    return ClaimSet(tuple(topics), words.ZEROS, words.ALL_DONE, drafts)


# ---------------------------------------------------------------------------------------------------
# Table 三: requests


def _t3(row: str, column: str = "总计") -> CellKey:
    return CellKey("t3", row, column)


def _result_rows(fmt: Format, number: str) -> tuple[str, ...]:
    """Row keys of a result group: ``（三）`` → （三）1 … （三）8; ``（一）`` → （一）."""
    return tuple(r.key for r in fmt.table("t3").blocks[0].rows if r.key == number or r.key.startswith(number))


def _rows_reading(rows: tuple[str, ...], column: str = "总计", note: str = "") -> Reading:
    return Reading(tuple(_t3(r, column) for r in rows), note)


def _slice_hints(fmt: Format, rows: tuple[str, ...]) -> tuple[Reading, ...]:
    """Plausible partial readings of a total: one sub-row, one applicant column, or both."""
    t3 = fmt.table("t3")
    hints = []
    if len(rows) > 1:
        hints += [_rows_reading((r,), note=f"仅为“{t3.row(r).label}”一项的数字") for r in rows]
    for col in T3_APPLICANTS:
        hints.append(_rows_reading(rows, col.key, f"仅为“{col.label}”一列的数字，可能漏计其他申请人"))
    if len(rows) > 1:
        for r in rows:
            for col in T3_APPLICANTS:
                note = f"仅为“{t3.row(r).label}”中“{col.label}”一格的数字"
                hints.append(_rows_reading((r,), col.key, note))
    return tuple(hints)


def _request_topic(key: str, name: str, cue: str, readings: tuple[Reading, ...], **kw: object) -> Topic:
    exclude = words.REQUEST_EXCLUDE + str(kw.pop("extra_exclude", ""))
    return Topic(
        key,
        name,
        cue,
        words.REQUEST_UNITS,
        readings,
        domain=words.REQUEST_DOMAIN,
        exclude=exclude,
        sentence_exclude=words.INTERNAL_WORK,
        **kw,  # type: ignore[arg-type]
    )


def _results(fmt: Format) -> list[Topic]:
    handled = _rows_reading(("（七）",))
    bases = (handled, _rows_reading(("一",)), _rows_reading(("一", "二")))
    topics = []
    for key, name, cue, numbers in words.RESULT_CUES:
        rows = tuple(r for n in numbers for r in _result_rows(fmt, n))
        topics.append(
            _request_topic(
                key,
                name,
                cue,
                (_rows_reading(rows),),
                hints=_slice_hints(fmt, rows),
                scope=f"result:{key}",
                percent_bases=bases,
            )
        )
    return topics


def _applicants() -> list[Topic]:
    """Applicant columns; the row comes from the claim just before (received, carried over …)."""
    topics = []
    for key, name, cue, cols in words.APPLICANT_CUES:
        for scope, row_sets in words.APPLICANT_ROWS_BY_SCOPE.items():
            readings = tuple(Reading(tuple(_t3(r, c) for r in rows for c in cols)) for rows in row_sets)
            topics.append(
                _request_topic(
                    f"{key}@{scope}" if scope else key,
                    f"{name}申请",
                    cue,
                    readings,
                    parents=(scope,),
                )
            )
    return topics


def _requests(fmt: Format) -> list[Topic]:
    received, carried_in = _rows_reading(("一",)), _rows_reading(("二",))
    handled, carried_out = _rows_reading(("（七）",)), _rows_reading(("四",))
    names, notes = words.TOPIC_NAMES, words.HINT_NOTES
    both = _rows_reading(("一", "二"), note=notes["received_and_carried_in"])
    cues = words.REQUEST_CUES
    # the year's received and handled counts are never told in words about carrying over
    not_carried = "|" + words.CARRY_OVER
    return [
        *_results(fmt),
        *_applicants(),
        _request_topic(
            "carried_out",
            names["carried_out"],
            cues["carried_out"],
            (carried_out,),
            scope="carried_out",
        ),
        _request_topic(
            "carried_in", names["carried_in"], cues["carried_in"], (carried_in,), scope="carried_in"
        ),
        _request_topic(
            "received",
            names["received"],
            cues["received"],
            (received,),
            hints=(both, Reading(handled.cells, notes["handled"])),
            scope="received",
            extra_exclude=not_carried,
        ),
        _request_topic(
            "handled",
            names["handled"],
            cues["handled"],
            (handled,),
            hints=(
                Reading(received.cells, notes["received"]),
                Reading(both.cells, notes["received_plus_carried_in"]),
            ),
            scope="handled",
            extra_exclude=not_carried,
        ),
        _request_topic(
            "handled_any",
            names["handled_any"],
            cues["handled_any"],
            (received, handled, Reading(both.cells)),
            scope="handled",
            extra_exclude=not_carried,
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Table 四: administrative reviews and lawsuits

_REVIEW, _DIRECT, _AFTER = T4_GROUPS


def _t4_group(group: tuple[str, ...], leaf: str = "总计") -> CellKey:
    return CellKey("t4", T4_ROW.key, "/".join((*group, leaf)))


def _case_topic(key: str, groups: tuple[tuple[str, ...], ...], **kw: object) -> Topic:
    reading = Reading(tuple(_t4_group(g) for g in groups))
    extra = kw.pop("readings", ())
    return Topic(
        key,
        words.TOPIC_NAMES[key],
        words.CASE_CUES[key],
        words.CASE_UNITS,
        (reading, *extra),  # type: ignore[misc]
        domain=words.CASE_DOMAIN,
        exclude=words.CASE_TOTAL_EXCLUDE,
        title_domain=False,
        **kw,  # type: ignore[arg-type]
    )


def _cases() -> list[Topic]:
    lawsuits = (_DIRECT, _AFTER)
    scopes = {
        "reviews": (_REVIEW,),
        "lawsuits": lawsuits,
        "lawsuits_direct": (_DIRECT,),
        "lawsuits_after": (_AFTER,),
    }
    outcomes = [
        Topic(
            f"outcome:{scope}:{leaf}",
            f"{'、'.join(g[-1] for g in groups)}{leaf}",
            words.OUTCOME_CUES[leaf],
            words.CASE_UNITS,
            (Reading(tuple(_t4_group(g, leaf) for g in groups)),),
            domain=words.CASE_DOMAIN,
            exclude=words.CASE_EXCLUDE,
            parents=(scope,),
            title_domain=False,
        )
        for scope, groups in scopes.items()
        for leaf in T4_OUTCOMES
    ]
    reviews = Reading((_t4_group(_REVIEW),))
    all_lawsuits = Reading(tuple(_t4_group(g) for g in lawsuits))
    return [
        *outcomes,
        _case_topic("lawsuits_direct", (_DIRECT,), scope="lawsuits_direct"),
        _case_topic("lawsuits_after", (_AFTER,), scope="lawsuits_after"),
        # reviews and lawsuits in one count: their sum, or (unsure what the clause counts) either alone
        _case_topic("reviews_lawsuits", (_REVIEW, *lawsuits), readings=(reviews, all_lawsuits)),
        _case_topic(
            "lawsuits",
            lawsuits,
            hints=(
                Reading((_t4_group(_DIRECT),), words.HINT_NOTES["lawsuits_direct"]),
                Reading((_t4_group(_AFTER),), words.HINT_NOTES["lawsuits_after"]),
            ),
            scope="lawsuits",
        ),
        _case_topic(
            "reviews",
            (_REVIEW,),
            hints=(Reading((_t4_group(_REVIEW), *all_lawsuits.cells), words.HINT_NOTES["reviews_lawsuits"]),),
            scope="reviews",
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Table 二: documents, decisions, fees


def _documents(fmt: Format) -> list[Topic]:
    t2 = fmt.table("t2")
    rows = tuple(r.key for r in t2.blocks[0].rows)
    full, dependent = [], []
    for key, column, cue, exclude in words.DOC_ACTIONS[fmt.id]:
        options = [("both", words.TOPIC_NAMES["doc:both"], words.BOTH_ROWS, rows)] + [
            (r, r, words.ROW_CUES[r], (r,)) for r in rows
        ]
        for scope, name, row_cue, row_keys in options:
            reading = Reading(tuple(CellKey("t2", r, column) for r in row_keys))
            label = f"{name}{t2.column(row_keys[0], column).label}"
            both = rf"(?:{cue}).*(?:{row_cue})|(?:{row_cue}).*(?:{cue})"
            common = {"exclude": exclude, "scope": f"doc:{scope}"}
            full.append(Topic(f"doc:{scope}:{key}", label, both, words.DOC_UNITS, (reading,), **common))  # type: ignore[arg-type]
            dependent.append(
                Topic(
                    f"doc:{scope}:{key}@",
                    label,
                    cue,
                    words.DOC_UNITS,
                    (reading,),
                    parents=(f"doc:{scope}",),
                    **common,
                )  # type: ignore[arg-type]
            )
    return full + dependent


def _decisions(fmt: Format) -> list[Topic]:
    column = words.DECISION_COLUMN[fmt.id]
    return [
        Topic(
            f"decision:{key.row}",
            words.TOPIC_NAMES["decision"].format(row=key.row),
            words.DECISION_CUE.format(row=key.row),
            words.DECISION_UNITS,
            (Reading((key,)),),
            exclude=words.DECISION_EXCLUDE,
        )
        for key in fmt.table("t2").cell_keys()
        if key.column == column
    ]


def _fees(fmt: Format) -> list[Topic]:
    return [
        Topic(
            "fee",
            words.TOPIC_NAMES["fee"],
            words.FEE_CUE,
            words.MONEY_UNITS,
            (Reading((k,)),),
            exclude=words.FEE_EXCLUDE,
            amount=True,
        )
        for k in fmt.table("t2").cell_keys()
        if k.column == words.FEE_COLUMN
    ]
