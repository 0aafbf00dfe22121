"""The checks: ``check_report(report, previous) -> [Finding]``, pure functions over a Report.

Every rule comes from the report's Format (spec Part B §4, severities of Part A): the equations R1–R4 and,
given last year's report, X1–X3; the workbook's own subtotals (R6); the inequalities (Q5); the quality
warnings Q1–Q3, the narrative's numbers against the tables (Q4), the chart's total (F1), what an
evaluator checks in a published report (E1–E4: the deadline, stale years, copying, follow-up), last
year's titles or dates under this year's 年度 (M5) and document numbers whose year is not in 〔〕 (Q7).
Reading problems (R5, Q6) come from the reader and are not repeated here.
"""

from __future__ import annotations

from ..catalogue import FINDING_TYPES
from ..formats import Format, get_format
from ..model import Finding, Report
from .arithmetic import Values, check_equations, check_inequalities, check_subtotals
from .claims import check_claims
from .doc_numbers import bracket_hints
from .evaluation import check_evaluation
from .figures import check_figures
from .quality import fee_not_reported, other_handling_high, overview_too_long
from .years import stale_year


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings of the format's rules on ``report``; the cross-year rules only with ``previous``.

    A cross-year rule whose cells last year's report does not have (it used another format) is skipped.
    """
    fmt = get_format(report.format_id)
    values = Values(report, previous)
    return [
        *check_equations(fmt, values),
        *check_subtotals(fmt, values),
        *check_inequalities(fmt, values),
        *other_handling_high(fmt, values),
        *overview_too_long(fmt, report),
        *fee_not_reported(fmt, report),
        *check_claims(report),
        *check_figures(report),
        *check_evaluation(report, previous),
        *stale_year(report),
        *bracket_hints(report),
    ]


def checked_rules(fmt: Format, *, cross_year: bool = False) -> tuple[str, ...]:
    """The rule ids ``check_report`` checks for ``fmt`` (in catalogue order), e.g. for JUnit test cases."""
    rules = {e.rule for e in fmt.equations if cross_year or not e.cross_year}
    rules |= {q.rule for q in fmt.inequalities}
    # the evaluator checks E1–E4 stay silent when unsure: listed only when they find
    rules |= {"R6", "Q4", "Q7", "M5"}
    optional = {
        "Q1": bool(fmt.other_handling),
        "Q2": fmt.overview_char_limit is not None,
        "Q3": bool(fmt.fee_item),
    }
    rules |= {rule for rule, applies in optional.items() if applies}
    ordered = dict.fromkeys(t.rule for t in FINDING_TYPES.values())
    return tuple(rule for rule in ordered if rule in rules)


__all__ = ["check_report", "checked_rules"]
