"""Number claims in the narrative, as data: which phrases speak about which table cell(s) (rule Q4).

A *topic* is one quantity of the statutory tables a report's prose tends to quote: requests received,
carried over, handled by result, reviews and lawsuits, documents made / repealed / in force, decisions,
fees. Each topic says which words announce it (``cue``, searched in the few characters between the
previous number of the clause and the claimed number), which units it is counted in, what the sentence
must be about (``domain``) and which words show it is about something else (``exclude``). Its
``readings`` are the table sums the wording may mean (the first is the one quoted in a finding); its
``hints`` are sums a clerk plausibly typed by mistake, named in the finding when the claim equals one.

The same data drives the generated sentences (``DraftSentence``), so every sentence govreport writes
is, by construction, one the check reads back. Sources: spec Part B §4.5 Q4 and §5 (Shanghai 2019,
Pingtan 2023, Huai'an 2024).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import get_format
from ._national import T3_APPLICANTS, T4_GROUPS, T4_OUTCOMES, T4_ROW
from .types import CellKey, Format

# ---------------------------------------------------------------------------------------------------
# Types


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
    hints: tuple[Reading, ...] = ()
    parents: tuple[str | None, ...] = ()  # scopes this topic needs from the number just before it
    scope: str | None = None  # scope it gives to the numbers after it (None: keep the parent's)
    percent_bases: tuple[Reading, ...] = ()  # what "占X%" after this claim may be a share of
    amount: bool = False  # money in 万元 (the table's unit); 元 / 亿元 are converted
    title_domain: bool = True  # may the passage title stand for the domain (else: the sentences only)


@dataclass(frozen=True)
class ZeroPhrase:
    """Wording that says a topic is zero ("没有收到政府信息公开申请")."""

    pattern: str
    topic: str
    exclude: str = ""  # regex: found in the clause, the wording is about something else


@dataclass(frozen=True)
class AllDone:
    """Wording that says every request was completed; contradicted when ``cells`` sum above zero."""

    pattern: str
    cells: tuple[CellKey, ...]
    name: str
    domain: str
    exclude: str


@dataclass(frozen=True)
class Piece:
    """Part of a generated sentence: ``text`` with ``{topic}`` placeholders; ``zero`` when all are 0
    (None: the piece is left out)."""

    text: str
    zero: str | None = None
    details: tuple[Piece, ...] = ()  # "其中…" parts, the non-zero ones only


@dataclass(frozen=True)
class DraftSentence:
    """One generated sentence: ``opener`` + pieces joined by "，" + optional "其中…" details."""

    topic: str  # what the paragraph is about, for the clerk
    pieces: tuple[Piece, ...]
    details: tuple[Piece, ...] = ()
    opener: str = "本年度"
    when: tuple[str, ...] = ()  # topics of which at least one must be non-zero, else no sentence
    percent: tuple[str, str, str] | None = None  # (part topic, base topic, text with {pct})
    all_zero: str | None = None  # the whole sentence when every value is 0


@dataclass(frozen=True)
class ClaimSet:
    topics: tuple[Topic, ...]
    zeros: tuple[ZeroPhrase, ...]
    all_done: tuple[AllDone, ...]
    drafts: tuple[DraftSentence, ...]

    def topic(self, key: str) -> Topic:
        return next(t for t in self.topics if t.key == key)


# ---------------------------------------------------------------------------------------------------
# Words shared by the topics

REQUEST_UNITS = ("件", "宗", "份", "例")
CASE_UNITS = ("件", "起", "宗", "例", "个")
DOC_UNITS = ("件", "部", "个", "份")
DECISION_UNITS = ("件", "宗", "起", "次")
MONEY_UNITS = ("万元", "元", "亿元")

REQUEST_DOMAIN = r"信息公开申请|依申请公开|公开申请|申请公开|信息公开的申请"
CASE_DOMAIN = r"信息公开|依申请"
# Requests: things that are not disclosure requests, or not this year's count.
REQUEST_EXCLUDE = (
    r"人大|政协|建议|提案|议案|信访|来信|来访|热线|12345|留言|咨询|诉求|工单|复议|诉讼|起诉|网民|"
    r"办事|政务服务|办件|审批|许可|投诉|举报"
)
# "受理/办理行政复议" is the body acting as review organ, not the respondent the table counts
CASE_EXCLUDE = r"人大|政协|建议|提案|信访|纠错|败诉|胜诉|应诉|出庭|受理|办理|审理|收到|接到|复议机关"
# a total of reviews / lawsuits is never announced together with an outcome word
CASE_TOTAL_EXCLUDE = CASE_EXCLUDE + r"|维持|纠正|撤销|审结|结果|确认违法"
DOC_EXCLUDE = (
    r"审查|备案|清理|解读|评估|征求|起草|立项|合法性|宣传|公开|公布|发布|上网|计划|拟|报送|修订|修改|"
    r"草案|参与|配合|协助|汇编|梳理"
)
DECISION_EXCLUDE = r"公开|公示|公布|信息|清单|目录|听证|复议|诉讼|撤销|双随机|检查|事项数|纠正"
FEE_EXCLUDE = r"信息处理费|减免|免征|减征|免收|减收|项目|清单|标准|目录"

ZERO_VERB = r"(?:没有|未|无|尚未|暂无)"
# A "no review / no lawsuit" wording that speaks of one kind of outcome only, or of a route
CASE_ZERO_EXCLUDE = r"未经|直接起诉|纠正|纠错|撤销|确认违法|败诉|胜诉|维持|人大|政协|信访"


def _t3(row: str, column: str = "总计") -> CellKey:
    return CellKey("t3", row, column)


def _t4(column: str) -> CellKey:
    return CellKey("t4", T4_ROW.key, column)


def _t4_group(group: tuple[str, ...], leaf: str = "总计") -> CellKey:
    return _t4("/".join((*group, leaf)))


# ---------------------------------------------------------------------------------------------------
# Table 三: requests


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
    return Topic(
        key,
        name,
        cue,
        REQUEST_UNITS,
        readings,
        domain=REQUEST_DOMAIN,
        exclude=REQUEST_EXCLUDE,
        **kw,  # type: ignore[arg-type]
    )


def _results(fmt: Format) -> list[Topic]:
    handled = _rows_reading(("（七）",))
    bases = (handled, _rows_reading(("一",)), _rows_reading(("一", "二")))
    groups = (
        (
            "public_partial",
            "予以公开及部分公开",
            r"予以公开(?:和|及|与|、|以及)部分公开",
            ("（一）", "（二）"),
        ),
        ("public", "予以公开", r"(?<!不)予以公开|同意公开|全部公开", ("（一）",)),
        ("partial", "部分公开", r"部分公开", ("（二）",)),
        ("withheld", "不予公开", r"不予公开", ("（三）",)),
        ("unable", "无法提供", r"无法提供", ("（四）",)),
        ("rejected", "不予处理", r"不予处理", ("（五）",)),
        ("other", "其他处理", r"其他处理|其他方式处理", ("（六）",)),
    )
    topics = []
    for key, name, cue, numbers in groups:
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


def _applicants(fmt: Format) -> list[Topic]:
    """Applicant columns; the row comes from the claim just before (received, carried over …)."""
    orgs = tuple(c.key for c in T3_APPLICANTS[1:])
    columns = (
        ("natural", "自然人", r"自然人", (T3_APPLICANTS[0].key,)),
        ("orgs", "法人或其他组织", r"法人(?:或|和|及|与)?其他组织|法人", orgs),
        *((f"col:{c.key}", c.label, c.label, (c.key,)) for c in T3_APPLICANTS[1:] if c.key != "其他"),
    )
    rows_by_scope: dict[str | None, tuple[tuple[str, ...], ...]] = {
        "received": (("一",),),
        "carried_in": (("二",),),
        "handled": (("（七）",),),
        "carried_out": (("四",),),
        None: (("一",), ("（七）",), ("一", "二")),
    }
    topics = []
    for key, name, cue, cols in columns:
        for scope, row_sets in rows_by_scope.items():
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
    both = _rows_reading(("一", "二"), note="本年新收加上年结转之和，可能误将上年结转计入")
    return [
        *_results(fmt),
        *_applicants(fmt),
        _request_topic(
            "carried_out",
            "结转下年度继续办理的申请",
            r"结转(?:到|至)?下一?年|转入下一?年|顺延(?:到|至)下一?年|下一?年度继续办理",
            (carried_out,),
            scope="carried_out",
        ),
        _request_topic(
            "carried_in",
            "上年结转的申请",
            r"上一?年度?结转|结转上一?年",
            (carried_in,),
            scope="carried_in",
        ),
        _request_topic(
            "received",
            "本年新收政府信息公开申请",
            r"新收|收到|受理|接收|接到",
            (received,),
            hints=(both, Reading(handled.cells, "本年度办理结果总计")),
            scope="received",
        ),
        _request_topic(
            "handled",
            "本年度办理结果总计",
            r"办结|答复|办理完毕|处理完毕|已办理",
            (handled,),
            hints=(Reading(received.cells, "本年新收数"), Reading(both.cells, "本年新收加上年结转之和")),
            scope="handled",
        ),
        _request_topic(
            "handled_any",
            "政府信息公开申请",
            r"办理",  # "办理申请N件": received, handled or both — any is consistent
            (received, handled, Reading(both.cells)),
            scope="handled",
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Table 四: administrative reviews and lawsuits

_REVIEW, _DIRECT, _AFTER = T4_GROUPS
_OUTCOME_CUES = {
    "结果维持": r"维持",
    "结果纠正": r"纠正|撤销|确认违法",
    "其他结果": r"其他结果",
    "尚未审结": r"尚未审结|未审结|审理中|正在审理",
}


def _case_topic(key: str, name: str, cue: str, groups: tuple[tuple[str, ...], ...], **kw: object) -> Topic:
    reading = Reading(tuple(_t4_group(g) for g in groups))
    return Topic(
        key,
        name,
        cue,
        CASE_UNITS,
        (reading,),
        domain=CASE_DOMAIN,
        exclude=CASE_TOTAL_EXCLUDE,
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
            cue,
            CASE_UNITS,
            (Reading(tuple(_t4_group(g, leaf) for g in groups)),),
            domain=CASE_DOMAIN,
            exclude=CASE_EXCLUDE,
            parents=(scope,),
            title_domain=False,
        )
        for scope, groups in scopes.items()
        for leaf, cue in _OUTCOME_CUES.items()
    ]
    return [
        *outcomes,
        _case_topic(
            "reviews_lawsuits",
            "行政复议和行政诉讼",
            r"复议(?:和|及|、|与|或)(?:行政)?诉讼",
            (_REVIEW, *lawsuits),
        ),
        _case_topic(
            "lawsuits_direct",
            "未经复议直接起诉的行政诉讼",
            r"直接起诉|直接提起",
            (_DIRECT,),
            scope="lawsuits_direct",
        ),
        _case_topic(
            "lawsuits_after",
            "复议后起诉的行政诉讼",
            r"复议后(?:提起|起诉|被诉)",
            (_AFTER,),
            scope="lawsuits_after",
        ),
        _case_topic(
            "lawsuits",
            "行政诉讼",
            r"诉讼|起诉|被诉",
            lawsuits,
            hints=(
                Reading((_t4_group(_DIRECT),), "仅为未经复议直接起诉的数字，可能漏计复议后起诉"),
                Reading((_t4_group(_AFTER),), "仅为复议后起诉的数字，可能漏计直接起诉"),
            ),
            scope="lawsuits",
        ),
        _case_topic(
            "reviews",
            "行政复议",
            r"复议",
            (_REVIEW,),
            hints=(
                Reading((_t4_group(_REVIEW), *(_t4_group(g) for g in lawsuits)), "行政复议加行政诉讼之和"),
            ),
            scope="reviews",
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Table 二: documents, decisions, fees (the columns differ between the formats)

_ROW_CUES = {"规章": r"规章(?!制度)", "行政规范性文件": r"规范性文件", "规范性文件": r"规范性文件"}
_BOTH_ROWS = r"规章.{0,4}(?:和|及|、|与|以及)(?:行政)?规范性文件"
# (topic key, column, cue, wording in generated sentences, exclude) per format
_DOC_ACTIONS = {
    "gb2021": (
        ("made", "本年制发件数", r"制发|制定|出台|印发", DOC_EXCLUDE),
        ("repealed", "本年废止件数", r"废止|废除", DOC_EXCLUDE),
        ("in_force", "现行有效件数", r"现行有效", DOC_EXCLUDE),
    ),
    "gb2019": (
        ("made", "本年新制作数量", r"新制作|制发|制定|出台|印发", DOC_EXCLUDE),
        ("new_public", "本年新公开数量", r"新公开", DOC_EXCLUDE.replace("公开|公布|发布|", "")),
        ("total_public", "对外公开总数量", r"对外公开总数", DOC_EXCLUDE.replace("公开|公布|发布|", "")),
    ),
}


def _documents(fmt: Format) -> list[Topic]:
    t2 = fmt.table("t2")
    rows = tuple(r.key for r in t2.blocks[0].rows)
    full, dependent = [], []
    for key, column, cue, exclude in _DOC_ACTIONS[fmt.id]:
        options = [("both", "规章和规范性文件", _BOTH_ROWS, rows)] + [
            (r, r, _ROW_CUES[r], (r,)) for r in rows
        ]
        for scope, name, row_cue, row_keys in options:
            reading = Reading(tuple(CellKey("t2", r, column) for r in row_keys))
            label = f"{name}{t2.column(row_keys[0], column).label}"
            both = rf"(?:{cue}).*(?:{row_cue})|(?:{row_cue}).*(?:{cue})"
            common = {"exclude": exclude, "scope": f"doc:{scope}"}
            full.append(Topic(f"doc:{scope}:{key}", label, both, DOC_UNITS, (reading,), **common))  # type: ignore[arg-type]
            dependent.append(
                Topic(
                    f"doc:{scope}:{key}@",
                    label,
                    cue,
                    DOC_UNITS,
                    (reading,),
                    parents=(f"doc:{scope}",),
                    **common,
                )  # type: ignore[arg-type]
            )
    return full + dependent


def _decision_column(fmt: Format) -> str:
    return "本年处理决定数量" if fmt.id == "gb2021" else "处理决定数量"


def _decisions(fmt: Format) -> list[Topic]:
    column = _decision_column(fmt)
    topics = []
    for key in (k for k in fmt.table("t2").cell_keys() if k.column == column):
        cue = rf"(?:作出|做出)[^，。；]{{0,6}}{key.row}|{key.row}[^，。；]{{0,4}}决定"
        topics.append(
            Topic(
                f"decision:{key.row}",
                f"{key.row}处理决定数量",
                cue,
                DECISION_UNITS,
                (Reading((key,)),),
                exclude=DECISION_EXCLUDE,
            )
        )
    return topics


def _fees(fmt: Format) -> list[Topic]:
    keys = [k for k in fmt.table("t2").cell_keys() if k.column == "本年收费金额"]
    return [
        Topic(
            "fee",
            "行政事业性收费金额",
            r"行政事业性收费",
            MONEY_UNITS,
            (Reading((k,)),),
            exclude=FEE_EXCLUDE,
            amount=True,
        )
        for k in keys
    ]


# ---------------------------------------------------------------------------------------------------
# Statements without a number


def _zeros() -> tuple[ZeroPhrase, ...]:
    return (
        ZeroPhrase(
            rf"{ZERO_VERB}(?:收到|受理|接到|接收|新收)(?:过)?(?:任何)?[^，。；]{{0,12}}申请", "received"
        ),
        ZeroPhrase(r"(?:没有|无|暂无)(?:任何)?(?:政府)?(?:信息公开|依申请公开)申请", "received"),
        ZeroPhrase(rf"{ZERO_VERB}上一?年度?结转", "carried_in"),
        ZeroPhrase(rf"{ZERO_VERB}(?:需要?)?(?:结转(?:到|至)?下一?年|转入下一?年)", "carried_out"),
        ZeroPhrase(
            rf"{ZERO_VERB}(?:发生|出现|收到|接到)?[^，。；]{{0,16}}(?:被申请)?行政复议",
            "reviews",
            CASE_ZERO_EXCLUDE,
        ),
        ZeroPhrase(
            rf"{ZERO_VERB}(?:发生|出现)?[^，。；]{{0,24}}(?:被提起|提起)?行政诉讼",
            "lawsuits",
            CASE_ZERO_EXCLUDE,
        ),
    )


def _all_done() -> tuple[AllDone, ...]:
    return (
        AllDone(
            r"(?:全部|均已?|都已?|已全部|均已全部)(?:按期|按时|依法|如期)?(?:办结|办理完毕|答复完毕)",
            (_t3("四"),),
            "全部办结",
            REQUEST_DOMAIN,
            r"上一?年度?结转|除|其余|人大|政协|建议|提案|信访|来信|来访|热线|12345|诉求|工单|留言|咨询|复议|诉讼",
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Generated sentences: each placeholder names a topic, so the check reads them back


def _request_drafts() -> tuple[DraftSentence, ...]:
    return (
        DraftSentence(
            "收到和上年结转的申请",
            (
                Piece("新收政府信息公开申请{received}件", "未收到政府信息公开申请"),
                Piece("上年结转政府信息公开申请{carried_in}件", "无上年结转申请"),
            ),
        ),
        DraftSentence(
            "申请人情况",
            (Piece("自然人申请{natural}件"), Piece("法人或其他组织申请{orgs}件")),
            opener="新收申请中，",
            when=("received",),
        ),
        DraftSentence(
            "办理结果",
            (
                Piece(
                    "办结政府信息公开申请{handled}件",
                    details=(
                        Piece("予以公开{public}件"),
                        Piece("部分公开{partial}件"),
                        Piece("不予公开{withheld}件"),
                        Piece("无法提供{unable}件"),
                        Piece("不予处理{rejected}件"),
                        Piece("其他处理{other}件"),
                    ),
                ),
            ),
            when=("handled",),
            percent=(
                "public_partial",
                "handled",
                "予以公开和部分公开共{public_partial}件，占办结总数的{pct}%。",
            ),
        ),
        DraftSentence(
            "结转下年度继续办理",
            (
                Piece(
                    "结转下年度继续办理的申请{carried_out}件",
                    "所有申请均已按期办结，无结转下年度继续办理的申请",
                ),
            ),
            opener="",
            when=("received", "carried_in"),
        ),
    )


def _case_drafts() -> tuple[DraftSentence, ...]:
    review_details = tuple(Piece(f"{leaf}{{outcome:reviews:{leaf}}}件") for leaf in T4_OUTCOMES)
    return (
        DraftSentence(
            "行政复议和行政诉讼",
            (
                Piece(
                    "因政府信息公开工作被申请行政复议{reviews}件",
                    "未因政府信息公开工作被申请行政复议",
                    details=review_details,
                ),
                Piece(
                    "被提起行政诉讼{lawsuits}件",
                    "未被提起行政诉讼",
                    details=(
                        Piece("未经复议直接起诉{lawsuits_direct}件"),
                        Piece("复议后起诉{lawsuits_after}件"),
                    ),
                ),
            ),
            all_zero="本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
        ),
    )


def _document_drafts(fmt: Format) -> tuple[DraftSentence, ...]:
    drafts = []
    for row in (r.key for r in fmt.table("t2").blocks[0].rows):
        if fmt.id == "gb2021":
            pieces = (
                Piece(f"制发{row}{{doc:{row}:made}}件", f"未制发{row}"),
                Piece(f"废止{row}{{doc:{row}:repealed}}件", f"未废止{row}"),
                Piece(f"现行有效{row}{{doc:{row}:in_force}}件", f"无现行有效{row}"),
            )
        else:
            pieces = (
                Piece(f"新制作{row}{{doc:{row}:made}}件", f"未新制作{row}"),
                Piece(f"新公开{row}{{doc:{row}:new_public}}件", f"未新公开{row}"),
                Piece(f"{row}对外公开总数{{doc:{row}:total_public}}件", f"无对外公开的{row}"),
            )
        drafts.append(DraftSentence(row, pieces))
    return tuple(drafts)


def _decision_drafts(fmt: Format) -> tuple[DraftSentence, ...]:
    column = _decision_column(fmt)
    rows = [k.row for k in fmt.table("t2").cell_keys() if k.column == column]
    word = "决定" if fmt.id == "gb2021" else "处理决定"
    pieces = tuple(Piece(f"作出{r}{word}{{decision:{r}}}件", f"未作出{r}{word}") for r in rows)
    drafts = [DraftSentence("、".join(rows), pieces, all_zero=f"本年度未作出{'、'.join(rows)}{word}。")]
    if _fees(fmt):
        drafts.append(
            DraftSentence("行政事业性收费", (Piece("行政事业性收费金额{fee}万元", "无行政事业性收费"),))
        )
    return tuple(drafts)


@cache
def claims_for(format_id: str) -> ClaimSet:
    """The claim patterns and generated sentences of a format, most specific topics first."""
    fmt = get_format(format_id)
    topics = (*_requests(fmt), *_cases(), *_documents(fmt), *_decisions(fmt), *_fees(fmt))
    drafts = (*_request_drafts(), *_case_drafts(), *_document_drafts(fmt), *_decision_drafts(fmt))
    return ClaimSet(tuple(topics), _zeros(), _all_done(), drafts)
