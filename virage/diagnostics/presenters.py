"""What the results and answers pages show, computed from stored data (no queries).

Texts stay as questionnaire objects (``title_fr``/``title_en``...) so templates pick the
language with ``|tr``; numbers are the stored one-decimal values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from . import questionnaire as qn
from . import scoring
from .progress import progress
from .selectors import PeerGroup, delta


def continue_url(assessment) -> str:
    """Where answering resumes: the first page not complete, or the review page."""
    page = progress(assessment.answers).next_page
    if page is None:
        return reverse("diagnostics:review", kwargs={"pk": assessment.pk})
    return reverse("diagnostics:page", kwargs={"pk": assessment.pk, "page_key": page.key})


# --------------------------------------------------------------------------------------------
# Charts: horizontal bars as inline SVG (no inline style, no script: CSP)
# --------------------------------------------------------------------------------------------

CHART_WIDTH = 640
BAR_MAX = 520  # width of a 100-point bar
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 14


def _svg_number(value: float) -> str:
    """A number for an SVG attribute: always a dot, one decimal."""
    return f"{value:.1f}"


@dataclass
class ChartBar:
    series: int
    name: str
    value: float | None
    y: str = ""
    width: str = ""
    text_x: str = ""
    text_y: str = ""


@dataclass
class ChartRow:
    label: object  # a questionnaire Dimension (use |tr:"title")
    bars: list[ChartBar]
    label_y: str = ""


@dataclass
class Chart:
    rows: list[ChartRow]
    series: list[str]
    height: str = ""
    width: str = str(CHART_WIDTH)
    bar_max: str = str(BAR_MAX)
    bar_height: str = str(BAR_HEIGHT)


def bar_chart(rows: list[tuple[object, list[float | None]]], series: list[str]) -> Chart:
    """Lay out one label line and one bar per series for each row (0-100 scale)."""
    y = 0.0
    chart_rows = []
    for label, values in rows:
        row = ChartRow(label=label, bars=[], label_y=_svg_number(y + LABEL_HEIGHT - 4))
        y += LABEL_HEIGHT
        for index, value in enumerate(values):
            width = 0.0 if value is None else BAR_MAX * value / 100
            row.bars.append(
                ChartBar(
                    series=index,
                    name=series[index],
                    value=value,
                    y=_svg_number(y),
                    width=_svg_number(width),
                    text_x=_svg_number(width + 6),
                    text_y=_svg_number(y + BAR_HEIGHT - 3),
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
        chart_rows.append(row)
    return Chart(rows=chart_rows, series=series, height=_svg_number(y))


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class DimensionRow:
    dimension: qn.Dimension
    score: float | None
    band: qn.Band | None = None
    t0: float | None = None
    t1: float | None = None
    delta: float | None = None
    peers: list[float | None] = field(default_factory=list)


@dataclass
class Results:
    overall: float
    band: qn.Band
    dimensions: list[DimensionRow]
    r_overall: float | None
    r_groups: list[DimensionRow]
    r_applicable: int
    gaps: list[scoring.Gap]
    peers: list[PeerGroup]
    shown_peers: list[PeerGroup]
    comparison: dict | None
    m2_chart: Chart
    r_chart: Chart

    @property
    def r_has_na(self) -> bool:
        """A group where no item applies (its score shows as "n/a")."""
        return any(
            g.score is None or (self.comparison and None in (g.t0, g.t1)) for g in self.r_groups
        )


def results(assessment, *, t0=None, t1=None, peers: list[PeerGroup] | None = None) -> Results:
    """Everything the results page shows for a submitted assessment.

    ``t0``/``t1``: the business's submitted assessments at each time point (one of them is
    ``assessment``); when both exist the page compares them.
    """
    m2, r = assessment.m2_result, assessment.r_result
    peers = peers or []
    shown = [p for p in peers if p.shown]
    compare = t0 is not None and t1 is not None
    dimensions = []
    for key, dim in qn.DIMENSIONS.items():
        row = DimensionRow(
            dimension=dim,
            score=m2["dimensions"][key],
            band=qn.BANDS_BY_KEY[m2["dimension_bands"][key]],
            peers=[p.dimensions.get(key) for p in shown],
        )
        if compare:
            row.t0 = t0.m2_result["dimensions"][key]
            row.t1 = t1.m2_result["dimensions"][key]
            row.delta = delta(row.t0, row.t1)
        dimensions.append(row)
    r_groups = []
    for key, group in qn.R_GROUPS.items():
        row = DimensionRow(dimension=group, score=r["groups"][key])
        if compare:
            row.t0 = t0.r_result["groups"][key]
            row.t1 = t1.r_result["groups"][key]
            row.delta = delta(row.t0, row.t1)
        r_groups.append(row)
    comparison = None
    if compare:
        comparison = {
            "t0": t0,
            "t1": t1,
            "overall_t0": t0.m2_result["overall"],
            "overall_t1": t1.m2_result["overall"],
            "overall_delta": delta(t0.m2_result["overall"], t1.m2_result["overall"]),
            "band_t0": qn.BANDS_BY_KEY[t0.m2_result["band"]],
            "band_t1": qn.BANDS_BY_KEY[t1.m2_result["band"]],
            "r_overall_t0": t0.r_result["overall"],
            "r_overall_t1": t1.r_result["overall"],
            "r_overall_delta": delta(t0.r_result["overall"], t1.r_result["overall"]),
        }
        m2_chart = bar_chart([(d.dimension, [d.t0, d.t1]) for d in dimensions], ["T0", "T1"])
        r_chart = bar_chart([(g.dimension, [g.t0, g.t1]) for g in r_groups], ["T0", "T1"])
    else:
        m2_chart = bar_chart(
            [(d.dimension, [d.score]) for d in dimensions], [assessment.time_point]
        )
        r_chart = bar_chart([(g.dimension, [g.score]) for g in r_groups], [assessment.time_point])
    return Results(
        overall=m2["overall"],
        band=qn.BANDS_BY_KEY[m2["band"]],
        dimensions=dimensions,
        r_overall=r["overall"],
        r_groups=r_groups,
        r_applicable=r["applicable"],
        gaps=largest_gaps(assessment),
        peers=peers,
        shown_peers=shown,
        comparison=comparison,
        m2_chart=m2_chart,
        r_chart=r_chart,
    )


def largest_gaps(assessment, limit: int = 3) -> list[scoring.Gap]:
    """The three largest gaps of a submitted assessment, from its answers re-scored with the
    versions stored on it (pure and fast); never an item irrelevant to retail or "n/a"."""
    answers = assessment.answers
    m2 = scoring.score_m2(answers, assessment.scoring_version_m2)
    r = scoring.score_r(answers, assessment.scoring_version_r)
    return scoring.gaps(answers, m2, r, limit=limit)


# --------------------------------------------------------------------------------------------
# Answers, in words
# --------------------------------------------------------------------------------------------


@dataclass
class AnswerLine:
    """One line of the answers summary: an item or row and what was answered."""

    item: qn.Item
    choice: object | None = None  # a questionnaire Choice (levels, tri-state, retail)
    boxes: list = field(default_factory=list)  # invest matrix: Choice of each ticked box


@dataclass
class QuestionAnswers:
    question: qn.Question
    answered: bool
    lines: list[AnswerLine]
    multi: bool = False


def answers_summary(answers) -> list[tuple[qn.Page, list[QuestionAnswers]]]:
    """Every page with each question and its answer in words (ticked items only for
    multi-select questions, every row otherwise)."""
    levels = {c.value: c for c in qn.LEVEL_CHOICES}
    tristate = {c.value: c for c in qn.TRISTATE_CHOICES}
    retail = {c.value: c for c in qn.RETAIL_CHOICES}
    pages = []
    for page in qn.pages():
        questions = []
        for question in page.questions:
            kind = question.answer_type
            if kind == qn.RETAIL:
                lines = [
                    AnswerLine(item=item, choice=retail.get(answers.get(item.key)))
                    for item in question.items
                ]
                answered = all(item.key in answers for item in question.items)
                questions.append(QuestionAnswers(question, answered, lines))
                continue
            answer = answers.get(question.key)
            if answer is None:
                questions.append(QuestionAnswers(question, False, []))
                continue
            if kind == qn.MULTI:
                lines = [AnswerLine(item=question.item(n)) for n in sorted(answer)]
                questions.append(QuestionAnswers(question, True, lines, multi=True))
            elif kind == qn.INVEST_MATRIX:
                lines = []
                for item in question.items:
                    boxes = [
                        qn.INVEST_BOX_LABELS[box]
                        for box in qn.INVEST_BOXES
                        if item.number in answer[box]
                    ]
                    lines.append(AnswerLine(item=item, boxes=boxes))
                questions.append(QuestionAnswers(question, True, lines))
            else:
                choices = levels if kind == qn.LEVELS else tristate
                lines = [
                    AnswerLine(item=item, choice=choices.get(answer[item.number - 1]))
                    for item in question.items
                ]
                questions.append(QuestionAnswers(question, True, lines))
        pages.append((page, questions))
    return pages
