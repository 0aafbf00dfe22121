"""The narrative's words about the statutory tables, as data (rule Q4 and ``govreport draft``).

A report's prose quotes the tables' quantities: requests received, carried over, handled by result,
reviews and lawsuits, documents made / repealed / in force, decisions, fees. This module says, per
quantity (a *topic*), which words announce it (its cue, found in the few characters between the previous
number of the clause and the claimed number), in which units it is counted, what a sentence must be
about (its domain) and which words show that it is about something else (excludes). It also holds the
wordings that say a quantity is zero or that every request was completed, and the sentences
``govreport draft`` writes, so every sentence govreport writes is one the check reads back.

Which table cells each topic means is worked out from the format's tables by ``checks/claim_topics.py``;
matching sentences against the tables is ``checks/claims.py``. Sources: spec Part B §4.5 Q4 and §5
(Shanghai 2019, Pingtan 2023, Huai'an 2024), and the published reports in tests/corpus/claims.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._national import T3_APPLICANTS, T4_OUTCOMES
from .types import CellKey, Format

# ---------------------------------------------------------------------------------------------------
# Record types


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


# ---------------------------------------------------------------------------------------------------
# Units, domains and the words that rule a number out

REQUEST_UNITS = ("件", "宗", "份", "例")
CASE_UNITS = ("件", "起", "宗", "例", "个")
DOC_UNITS = ("件", "部", "个", "份", "篇")
DECISION_UNITS = ("件", "宗", "起", "次")
MONEY_UNITS = ("万元", "元", "亿元")

REQUEST_DOMAIN = r"信息公开申请|依申请公开|公开申请|申请公开|信息公开的申请"
CASE_DOMAIN = r"信息公开|依申请"
# Requests: things that are not disclosure requests, or not this year's count.
REQUEST_EXCLUDE = (
    r"人大|政协|建议|提案|议案|信访|来信|来访|热线|12345|留言|咨询|诉求|工单|复议|诉讼|起诉|网民|"
    r"办事|政务服务|办件|审批|许可|投诉|举报"
)
# Requests carried over (in or out) are no count of the year's received or handled ones.
CARRY_OVER = (
    r"结转|顺延|转入|转至|转到|延期|下一?年度?|继续办理|继续答复|正在办理|办理中|尚未办结|未办结|未答复|在办"
)
# Internal work (documents reviewed for their disclosure attribute, 公文 marked 不予公开 …): counts of
# documents, not of requests; a sentence about it says nothing about table 三.
INTERNAL_WORK = r"公文|发文|文件|属性|源头|审核|审查|认定|标注|拟制|拟公开|保密|清理"
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

# Words that make a percentage a share of something ("占33.9%", "占比", "比例")
SHARE = r"占|比例|比重"

# ---------------------------------------------------------------------------------------------------
# Table 三: requests

# (topic key, name, cue, result rows by number: "（三）" stands for （三）1 … （三）8)
RESULT_CUES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("public_partial", "予以公开及部分公开", r"予以公开(?:和|及|与|、|以及)部分公开", ("（一）", "（二）")),
    ("public", "予以公开", r"(?<!不)予以公开|同意公开|全部公开", ("（一）",)),
    ("partial", "部分公开", r"部分公开", ("（二）",)),
    ("withheld", "不予公开", r"不予公开", ("（三）",)),
    ("unable", "无法提供", r"无法提供", ("（四）",)),
    ("rejected", "不予处理", r"不予处理", ("（五）",)),
    ("other", "其他处理", r"其他处理|其他方式处理", ("（六）",)),
)

# (topic key, name, cue, applicant columns)
APPLICANT_CUES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("natural", "自然人", r"自然人", (T3_APPLICANTS[0].key,)),
    ("orgs", "法人或其他组织", r"法人(?:或|和|及|与)?其他组织|法人", tuple(c.key for c in T3_APPLICANTS[1:])),
    *((f"col:{c.key}", c.label, c.label, (c.key,)) for c in T3_APPLICANTS[1:] if c.key != "其他"),
)
# The row an applicant count belongs to, by the claim just before it (None: no claim before; then
# the count may be of received, handled or received and carried over requests)
APPLICANT_ROWS_BY_SCOPE: dict[str | None, tuple[tuple[str, ...], ...]] = {
    "received": (("一",),),
    "carried_in": (("二",),),
    "handled": (("（七）",),),
    "carried_out": (("四",),),
    None: (("一",), ("（七）",), ("一", "二")),
}

REQUEST_CUES = {
    "carried_out": (
        r"结转(?:到|至)?下一?年|转入下一?年|转下一?年|顺延(?:到|至)?下一?年|下一?年度?继续(?:办理|答复)|"
        r"跨年度?办理"
    ),
    "carried_in": r"上一?年度?结转|结转上一?年",
    "received": r"新收|收到|受理|接收|接到",
    "handled": r"办结|答复|办理完毕|处理完毕|已办理",
    "handled_any": r"办理",  # "办理申请N件": received, handled or both — any is consistent
}

# ---------------------------------------------------------------------------------------------------
# Table 四: administrative reviews and lawsuits

OUTCOME_CUES = {
    "结果维持": r"维持",
    "结果纠正": r"纠正|撤销|确认违法",
    "其他结果": r"其他结果",
    "尚未审结": r"尚未审结|未审结|审理中|正在审理",
}
CASE_CUES = {
    "lawsuits_direct": r"直接起诉|直接提起",
    "lawsuits_after": r"复议后(?:提起|起诉|被诉)",
    # reviews and lawsuits counted together ("行政复议、行政诉讼共3件")
    "reviews_lawsuits": r"复议(?!后)[^，。；]{0,12}(?:诉讼|起诉)|(?:诉讼|起诉)[^，。；]{0,12}复议",
    "lawsuits": r"诉讼|起诉|被诉",
    "reviews": r"复议",
}

# ---------------------------------------------------------------------------------------------------
# Table 二: documents, decisions, fees (the columns differ between the formats)

ROW_CUES = {"规章": r"规章(?!制度)", "行政规范性文件": r"规范性文件", "规范性文件": r"规范性文件"}
BOTH_ROWS = r"规章.{0,4}(?:和|及|、|与|以及)(?:行政)?规范性文件"
_MADE = r"制发|制定|出台|印发|颁布|下发"
_REPEALED = r"废止|废除|宣布失效|失效|停止执行"
_IN_FORCE = r"现行有效|(?<![无失])有效(?!期|性|率)|现存|现有"
_PUBLIC_EXCLUDE = DOC_EXCLUDE.replace("公开|公布|发布|", "")
# (topic key, column, cue, exclude) per format
DOC_ACTIONS = {
    "gb2021": (
        ("made", "本年制发件数", _MADE, DOC_EXCLUDE),
        ("repealed", "本年废止件数", _REPEALED, DOC_EXCLUDE),
        ("in_force", "现行有效件数", _IN_FORCE, DOC_EXCLUDE),
    ),
    "gb2019": (
        ("made", "本年新制作数量", r"新制作|" + _MADE, DOC_EXCLUDE),
        ("new_public", "本年新公开数量", r"新公开", _PUBLIC_EXCLUDE),
        ("total_public", "对外公开总数量", r"对外公开总数", _PUBLIC_EXCLUDE),
    ),
}
DECISION_COLUMN = {"gb2021": "本年处理决定数量", "gb2019": "处理决定数量"}
# {row}: the kind of decision (行政许可 …)
DECISION_CUE = r"(?:作出|做出)[^，。；]{{0,6}}{row}|{row}[^，。；]{{0,4}}决定"
FEE_COLUMN = "本年收费金额"
FEE_CUE = r"行政事业性收费"

# ---------------------------------------------------------------------------------------------------
# Names quoted in findings: topics, and the mistaken sums a claim may equal (hints)

TOPIC_NAMES = {
    "carried_out": "结转下年度继续办理的申请",
    "carried_in": "上年结转的申请",
    "received": "本年新收政府信息公开申请",
    "handled": "本年度办理结果总计",
    "handled_any": "政府信息公开申请",
    "lawsuits_direct": "未经复议直接起诉的行政诉讼",
    "lawsuits_after": "复议后起诉的行政诉讼",
    "reviews_lawsuits": "行政复议和行政诉讼",
    "lawsuits": "行政诉讼",
    "reviews": "行政复议",
    "doc:both": "规章和规范性文件",
    "decision": "{row}处理决定数量",
    "fee": "行政事业性收费金额",
}
HINT_NOTES = {
    "received_and_carried_in": "本年新收加上年结转之和，可能误将上年结转计入",
    "handled": "本年度办理结果总计",
    "received": "本年新收数",
    "received_plus_carried_in": "本年新收加上年结转之和",
    "lawsuits_direct": "仅为未经复议直接起诉的数字，可能漏计复议后起诉",
    "lawsuits_after": "仅为复议后起诉的数字，可能漏计直接起诉",
    "reviews_lawsuits": "行政复议加行政诉讼之和",
}

# ---------------------------------------------------------------------------------------------------
# Statements without a number

ZEROS = (
    ZeroPhrase(rf"{ZERO_VERB}(?:收到|受理|接到|接收|新收)(?:过)?(?:任何)?[^，。；]{{0,12}}申请", "received"),
    ZeroPhrase(r"(?:没有|无|暂无)(?:任何)?(?:政府)?(?:信息公开|依申请公开)申请", "received"),
    ZeroPhrase(rf"{ZERO_VERB}上一?年度?结转", "carried_in"),
    ZeroPhrase(rf"{ZERO_VERB}(?:需要?)?(?:结转(?:到|至)?下一?年|转入下一?年)", "carried_out"),
    ZeroPhrase(
        rf"{ZERO_VERB}(?:发生|出现|收到|接到)?[^，。；]{{0,16}}(?:被申请)?行政复议",
        "reviews",
        CASE_ZERO_EXCLUDE,
    ),
    ZeroPhrase(
        rf"{ZERO_VERB}(?:发生|出现)?[^，。；]{{0,24}}(?:被提起|提起)?行政诉讼", "lawsuits", CASE_ZERO_EXCLUDE
    ),
)

_DONE_MANNER = r"(?:在法定期限内?|在规定(?:时限|期限)内?|按期|按时|依法|依规|如期|及时|予以)*"
ALL_DONE = (
    AllDone(
        r"(?:全部|(?<!平)均已?|都已?|已全部|均已全部|一律)"
        + _DONE_MANNER
        + r"(?:办结|办理完毕|答复完毕|处理完毕|答复|回复)(?![率时期天日])"
        + r"|(?<!按时)(?<!按期)(?<!及时)办结率(?:达到?|为|是)?100%",
        (CellKey("t3", "四", "总计"),),
        "全部办结",
        REQUEST_DOMAIN,
        r"上一?年度?结转|除|其余|人大|政协|建议|提案|信访|来信|来访|热线|12345|诉求|工单|留言|咨询|复议|诉讼|"
        r"顺延|结转下|下一?年度",
    ),
)

# ---------------------------------------------------------------------------------------------------
# Generated sentences: each placeholder names a topic, so the check reads them back

REQUEST_DRAFTS = (
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
        percent=("public_partial", "handled", "予以公开和部分公开共{public_partial}件，占办结总数的{pct}%。"),
    ),
    DraftSentence(
        "结转下年度继续办理",
        (Piece("结转下年度继续办理的申请{carried_out}件", "所有申请均已办结，无结转下年度继续办理的申请"),),
        opener="",
        when=("received", "carried_in"),
    ),
)

CASE_DRAFTS = (
    DraftSentence(
        "行政复议和行政诉讼",
        (
            Piece(
                "因政府信息公开工作被申请行政复议{reviews}件",
                "未因政府信息公开工作被申请行政复议",
                details=tuple(Piece(f"{leaf}{{outcome:reviews:{leaf}}}件") for leaf in T4_OUTCOMES),
            ),
            Piece(
                "被提起行政诉讼{lawsuits}件",
                "未被提起行政诉讼",
                details=(Piece("未经复议直接起诉{lawsuits_direct}件"), Piece("复议后起诉{lawsuits_after}件")),
            ),
        ),
        all_zero="本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
    ),
)


def document_drafts(fmt: Format) -> tuple[DraftSentence, ...]:
    """One sentence per document row of table 二 (规章, 规范性文件), in the format's wording."""
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


def decision_drafts(fmt: Format) -> tuple[DraftSentence, ...]:
    """The decisions of table 二 in one sentence, and the fees when the format has them."""
    column = DECISION_COLUMN[fmt.id]
    keys = fmt.table("t2").cell_keys()
    rows = [k.row for k in keys if k.column == column]
    word = "决定" if fmt.id == "gb2021" else "处理决定"
    pieces = tuple(Piece(f"作出{r}{word}{{decision:{r}}}件", f"未作出{r}{word}") for r in rows)
    drafts = [DraftSentence("、".join(rows), pieces, all_zero=f"本年度未作出{'、'.join(rows)}{word}。")]
    if any(k.column == FEE_COLUMN for k in keys):
        drafts.append(
            DraftSentence("行政事业性收费", (Piece("行政事业性收费金额{fee}万元", "无行政事业性收费"),))
        )
    return tuple(drafts)
