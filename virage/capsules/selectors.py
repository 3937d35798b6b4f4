"""Reads of the capsules app: library, capsule pages, progress, recommendations, reach.

Contract for other apps:

- ``capsule_links() -> list[dict(key, title_fr, title_en, categories)]``: published capsules
  with the solution categories they prepare for (the plans app links them to actions; the page
  of a capsule is ``reverse("capsules:detail", kwargs={"key": key})``).
- ``capsule_reach(*, user) -> ReachReport``: distinct businesses with at least one completed
  capsule, by region and month, against ``Program.capsule_reach_target`` (for reporting);
  for funders and partners a hidden figure is None, the total included.
- ``capsule_recommendations(*, user, limit=3) -> list[Capsule]``: the merchant's next capsules.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q

from virage.accounts.permissions import is_partner
from virage.core.i18n import current_language
from virage.reporting.suppression import (
    HIDDEN,
    SMALL_CELL,
    count,
    is_hidden,
    suppress_breakdown,
    suppress_series,
)

from . import rules
from .models import (
    Capsule,
    CapsuleProgress,
    Learner,
    LearningPath,
    LearningPathStep,
    PathCertificate,
    QuizChoice,
    QuizQuestion,
    ReachCount,
    Topic,
)
from .permissions import can_view_reach, reach_is_suppressed_for

logger = logging.getLogger(__name__)


def _topics_prefetch():
    return Prefetch("topics", queryset=Topic.objects.order_by("order", "key"))


# --- Library and pages ---------------------------------------------------------------------


def capsule_library(*, query: str = "", topic: str = "", level: str = "", length: str = ""):
    """Published capsules matching a search (titles, summaries and topic names, in either
    language, accents and case ignored; every word must match) and filters, sorted by title
    in the current language. Topics are prefetched: the query count does not grow with rows."""
    qs = Capsule.objects.published().prefetch_related(_topics_prefetch())
    for term in rules.search_terms(query):
        qs = qs.filter(search_text__contains=term)
    if topic:
        qs = qs.filter(topics__key=topic)
    if level:
        qs = qs.filter(level=level)
    if length in rules.LENGTHS:
        low, high = rules.LENGTHS[length]
        if low is not None:
            qs = qs.filter(minutes__gte=low)
        if high is not None:
            qs = qs.filter(minutes__lte=high)
    lang = "en" if current_language() == "en" else "fr"
    return qs.order_by(f"title_{lang}", "id")


def topic_list():
    return Topic.objects.order_by("order", "key")


def path_list():
    """Published learning paths with their published capsules in order (two queries)."""
    steps = (
        LearningPathStep.objects.filter(capsule__status=Capsule.Status.PUBLISHED)
        .select_related("capsule")
        .order_by("order", "id")
    )
    return (
        LearningPath.objects.filter(is_published=True)
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("order", "key")
    )


def path_detail(*, key: str) -> LearningPath | None:
    return path_list().filter(key=key).first()


def capsule_for_page(*, user, key: str) -> Capsule | None:
    """One capsule with its topics, questions and answers (four queries in all); drafts only
    for program admins."""
    questions = QuizQuestion.objects.order_by("order", "id").prefetch_related(
        Prefetch("choices", queryset=QuizChoice.objects.order_by("order", "id"))
    )
    return (
        Capsule.objects.visible_to(user)
        .prefetch_related(_topics_prefetch(), Prefetch("questions", queryset=questions))
        .filter(key=key)
        .first()
    )


def capsule_paths(*, capsule: Capsule):
    return LearningPath.objects.filter(is_published=True, steps__capsule=capsule).order_by(
        "order", "key"
    )


def progress_by_capsule(*, learner: Learner | None, capsule_ids=None) -> dict[int, CapsuleProgress]:
    """{capsule id: progress} for a learner (one query; none without a learner)."""
    if learner is None:
        return {}
    qs = CapsuleProgress.objects.filter(learner=learner)
    if capsule_ids is not None:
        qs = qs.filter(capsule_id__in=list(capsule_ids))
    return {p.capsule_id: p for p in qs}


def learner_progress_list(*, learner: Learner):
    return (
        CapsuleProgress.objects.filter(learner=learner)
        .select_related("capsule")
        .order_by("-last_attempt_at", "id")
    )


def learner_certificates(*, learner: Learner):
    return PathCertificate.objects.filter(learner=learner).select_related("path")


def certificate_for_owner(*, code: str, learner: Learner | None, user) -> PathCertificate | None:
    """A certificate for its holder (or a program admin): None otherwise (→ 404)."""
    qs = PathCertificate.objects.select_related("path", "learner").filter(code=code.upper())
    if user is not None and user.is_authenticated and user.role == "admin":
        return qs.first()
    if learner is None:
        return None
    return qs.filter(learner=learner).first()


def certificate_for_verification(*, code: str) -> PathCertificate | None:
    return PathCertificate.objects.select_related("path").filter(code=code.strip().upper()).first()


# --- Contract: links for the plans app -------------------------------------------------------


def capsule_links() -> list[dict]:
    """Published capsules as plain dicts: key, title_fr, title_en, categories (one query)."""
    return [
        {
            "key": row["key"],
            "title_fr": row["title_fr"],
            "title_en": row["title_en"],
            "categories": list(row["categories"] or []),
        }
        for row in Capsule.objects.published()
        .order_by("title_fr", "id")
        .values("key", "title_fr", "title_en", "categories")
    ]


# --- Recommendations ---------------------------------------------------------------------------


def _plan_wants(*, user, business) -> tuple[list[str], list[str]] | None:
    """(capsule keys, categories) of the merchant's open plan actions, in plan order; None
    when the plans app has no PlanAction model with a category."""
    try:
        model = apps.get_model("plans", "PlanAction")
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    if "category" not in names or "plan" not in names:
        return None
    category = model._meta.get_field("category")
    lookup = "category__key" if category.is_relation else "category"
    fields = [lookup, "capsule_keys"] if "capsule_keys" in names else [lookup]
    qs = model.objects.visible_to(user).filter(plan__business=business)
    if "status" in names:
        qs = qs.exclude(status__in=["implemented", "dropped"])
    order = ["order", "id"] if "order" in names else ["id"]
    keys: list[str] = []
    categories: list[str] = []
    for row in qs.order_by(*order).values_list(*fields):
        if row[0]:
            categories.append(row[0])
        if len(row) > 1:
            keys.extend(k for k in (row[1] or []) if isinstance(k, str))
    return keys, categories


def _diagnostic_categories(*, business) -> list[str] | None:
    """Categories of the retail items answered "no" then "partially" in the business's latest
    submitted T0 diagnostic; None when the diagnostics app has no selector (yet)."""
    try:
        from virage.diagnostics import questionnaire as qn
        from virage.diagnostics.selectors import assessment_latest
    except ImportError:
        return None
    assessment = assessment_latest(business=business, time_point="T0")
    if assessment is None:
        return []
    items = {}
    for question in qn.questions(qn.MODULE_R):
        for item in question.items:
            items[item.key] = item.categories
    return rules.categories_from_answers(assessment.answers or {}, items)


def wanted_for(*, user, business) -> tuple[str, list[str], list[str]]:
    """(source, capsule keys, categories): "plan" when the merchant's plan has open actions,
    else "diagnostic" when their T0 diagnostic shows gaps, else "popular"."""
    if business is not None:
        wants = _plan_wants(user=user, business=business)
        if wants and (wants[0] or wants[1]):
            return "plan", wants[0], wants[1]
        categories = _diagnostic_categories(business=business)
        if categories:
            return "diagnostic", [], categories
    return "popular", [], []


def capsule_recommendations(*, user, limit: int = 3) -> dict:
    """The merchant's next capsules: {"source", "capsules", "completed"} (see rules)."""
    from virage.enterprises.selectors import business_for_merchant

    business = business_for_merchant(user=user)
    done = set(
        CapsuleProgress.objects.filter(learner__user=user, passed=True).values_list(
            "capsule__key", flat=True
        )
    )
    source, wanted_keys, categories = wanted_for(user=user, business=business)
    published = list(
        Capsule.objects.published().annotate(
            completions=Count("progress", filter=Q(progress__completed_at__isnull=False))
        )
    )
    keys = rules.recommend(
        [
            rules.CapsuleCandidate(c.key, tuple(c.categories or ()), c.completions)
            for c in published
        ],
        wanted_categories=categories,
        wanted_keys=wanted_keys,
        done=done,
        limit=limit,
    )
    by_key = {c.key: c for c in published}
    return {
        "source": source,
        "capsules": [by_key[k] for k in keys],
        "completed": len(done),
        "total": len(published),
    }


# --- Reach -------------------------------------------------------------------------------------


@dataclass
class ReachReport:
    """Businesses reached (≥ 1 completed capsule). A figure is None when hidden: for funders
    and partners (`suppressed`), small figures are hidden, and so are the figures that would
    let one work a hidden one out (see `reach_figures`); `total` and `percent` included."""

    target: int
    total: int | None
    suppressed: bool
    region_code: str | None = None
    by_region: list[dict] = field(default_factory=list)
    by_month: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        """Share of the target reached; None when the total is hidden (the percentage times
        the target would give it back)."""
        if self.total is None:
            return None
        if not self.target:
            return 0.0
        return round(100 * self.total / self.target, 1)


@dataclass
class ReachFigures:
    """What the reach page publishes for a grid of counts (`reach_figures`): every figure is
    a number or `HIDDEN`. `cells` is None when the month × region table is withheld."""

    total: int | str
    cumulative: list[int | str]
    new: list[int | str]
    regions: list[int | str]
    cells: list[list[int | str]] | None


def reach_figures(grid: Sequence[Sequence[int]], *, suppress: bool) -> ReachFigures:
    """The figures of the reach page from `grid[i][j]`: businesses first reached in month i
    (consecutive months, the first one starting the series) and region j.

    The page publishes, by month, the new businesses and the running total; by region, the
    total; the month × region cells; and the overall total. Hiding the small cells alone
    is not enough: two consecutive running totals give the month back, and a month's (or a
    region's) total minus its visible cells gives a lone hidden cell back. So, when
    suppressing:

    - months: `suppress_series` (running totals published only ≥ 5 apart, a monthly count
      only between two published totals, the last total, i.e. the overall total, always);
    - regions: `suppress_breakdown` (the overall total is published);
    - cells: every cell of a month whose count is hidden is hidden (its cells would add up to
      it), every cell under 5 (zero included) is hidden, then complementary cells are hidden
      until no hidden figure can be worked out from the published ones (`_hide_cells`).
    """
    month_totals = [sum(row) for row in grid]
    cumulative = list(accumulate(month_totals))
    width = len(grid[0]) if grid else 0
    region_totals = [sum(row[j] for row in grid) for j in range(width)]
    total = cumulative[-1] if cumulative else 0
    cum_shown, new_shown = suppress_series(cumulative, before=0, suppress=suppress)
    regions_shown = suppress_breakdown(region_totals, suppress=suppress)
    total_shown = count(total, suppress=suppress)
    if not suppress:
        return ReachFigures(total, cum_shown, new_shown, regions_shown, [list(row) for row in grid])
    hidden = _hide_cells(grid, cum_shown, new_shown, regions_shown)
    cells = None
    if hidden is not None:
        cells = [
            [HIDDEN if hidden[i][j] else n for j, n in enumerate(row)] for i, row in enumerate(grid)
        ]
    return ReachFigures(total_shown, cum_shown, new_shown, regions_shown, cells)


def _hide_cells(grid, cum_shown, new_shown, regions_shown):
    """hidden[i][j] for the month × region cells, or None when no safe choice was found (the
    table is then withheld; the series and regions alone are safe by construction).

    The published figures are the flows of a network whose nodes are linear equations:
    month node i (its cells add up to the month), series node i (running total i − 1 +
    month i = running total i), region node j (its cells add up to the region) and the
    overall node (running total of the last month = sum of the regions). Every figure is an
    edge between two nodes. The hidden figures are known up to a circulation on the hidden
    edges, so a hidden figure can be worked out exactly when its edge is on no cycle of the
    hidden edges (a bridge). Complementary cells are hidden until no hidden edge is a bridge.
    """
    rows, width = len(grid), len(grid[0]) if grid else 0
    if not rows or not width:
        return [[] for _ in range(rows)]
    month_hidden = [is_hidden(v) for v in new_shown]
    hidden = [[month_hidden[i] or n < SMALL_CELL for n in grid[i]] for i in range(rows)]
    base: list[tuple] = []  # hidden series and region figures: (node, node)
    for i in range(rows):
        if is_hidden(cum_shown[i]):
            base.append((("series", i), ("series", i + 1) if i + 1 < rows else "overall"))
        if month_hidden[i]:
            base.append((("month", i), ("series", i)))
    for j in range(width):
        if is_hidden(regions_shown[j]):
            base.append(("overall", ("region", j)))
    while True:
        _complete_lines(grid, hidden, month_hidden, regions_shown)
        cells = [(i, j) for i in range(rows) for j in range(width) if hidden[i][j]]
        edges = base + [(("region", j), ("month", i)) for i, j in cells]
        bridge = next(iter(_bridges(edges)), None)
        if bridge is None:
            return hidden
        side = _reachable(edges, start=edges[bridge][0], without=bridge)
        other = _reachable(edges, start=edges[bridge][1], without=bridge)
        candidates = [
            (grid[i][j], i, j)
            for i in range(rows)
            for j in range(width)
            if not hidden[i][j]
            and (
                (("month", i) in side and ("region", j) in other)
                or (("month", i) in other and ("region", j) in side)
            )
        ]
        if not candidates:
            logger.warning("reach: no complementary cell for a bridge, table withheld")
            return None
        _, i, j = min(candidates)
        hidden[i][j] = True


def _complete_lines(grid, hidden, month_hidden, regions_shown) -> None:
    """Complementary suppression along each month whose count is published and each region
    (`suppress_breakdown`, hidden cells passed as 0): a line with exactly one hidden member
    (a cell, or the region's own hidden total) gets its smallest visible cell hidden too."""
    rows, width = len(grid), len(grid[0])
    changed = True
    while changed:
        changed = False
        for i in range(rows):
            if month_hidden[i]:
                continue  # all its cells are hidden already
            line = [0 if hidden[i][j] else grid[i][j] for j in range(width)]
            for j, v in enumerate(suppress_breakdown(line, suppress=True)):
                if is_hidden(v) and not hidden[i][j]:
                    hidden[i][j] = changed = True
        for j in range(width):
            line = [0 if hidden[i][j] else grid[i][j] for i in range(rows)]
            if is_hidden(regions_shown[j]):
                line = [0, *line]  # the region's hidden total is a hidden member too
            offset = len(line) - rows
            for k, v in enumerate(suppress_breakdown(line, suppress=True)[offset:]):
                if is_hidden(v) and not hidden[k][j]:
                    hidden[k][j] = changed = True


def _bridges(edges: Sequence[tuple]) -> list[int]:
    """Indexes of the edges on no cycle of the multigraph (iterative Tarjan)."""
    adjacent: dict = {}
    for index, (u, v) in enumerate(edges):
        adjacent.setdefault(u, []).append((v, index))
        adjacent.setdefault(v, []).append((u, index))
    order: dict = {}
    low: dict = {}
    found = []
    for root in adjacent:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for nxt, index in neighbours:
                if index == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, index, iter(adjacent[nxt])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)
    return found


def _reachable(edges: Sequence[tuple], *, start, without: int) -> set:
    adjacent: dict = {}
    for index, (u, v) in enumerate(edges):
        if index != without:
            adjacent.setdefault(u, []).append(v)
            adjacent.setdefault(v, []).append(u)
    seen, todo = {start}, [start]
    while todo:
        for nxt in adjacent.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _month_range(first: date, last: date) -> list[date]:
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def capsule_reach(*, user, program=None) -> ReachReport:
    """Distinct businesses with at least one completed capsule, by region and by month of
    their first completion (local time), against the program's target. One query for the
    figures (plus the current program when not given), on the pre-aggregated counters
    (`ReachCount`, a few hundred rows whatever the number of learners; they equal a count of
    the `BusinessReach` rows). Partners see their region only.

    Months run without a gap from the first to the last month with a business reached (a
    month with none is a row too). Funders and partners get the figures of `reach_figures`:
    the month × region table then lists every region of every month (a zero is "fewer than
    5" like any small cell; listing only non-zero cells would tell them apart); the program
    admin gets exact figures and the non-zero cells."""
    if not can_view_reach(user):
        raise PermissionDenied
    if program is None:
        from virage.programs.selectors import program_current

        program = program_current()
    qs = ReachCount.objects.filter(businesses__gt=0)
    region_code = None
    if is_partner(user):
        qs = qs.filter(region_id=user.region_id)
        region_code = user.region.code if user.region_id else None
    suppressed = reach_is_suppressed_for(user)
    rows = list(
        qs.values(
            "month", "region__code", "region__name_fr", "region__name_en", "businesses"
        ).order_by("month", "region__code")
    )
    target = program.capsule_reach_target if program else 0
    if not rows:
        total = None if suppressed else 0  # zero is "fewer than 5" too
        return ReachReport(
            target=target, total=total, suppressed=suppressed, region_code=region_code
        )
    lang = current_language()
    names: dict[str | None, str] = {}
    counts: dict[tuple[date, str | None], int] = {}
    for row in rows:
        code = row["region__code"]
        names[code] = (
            (row["region__name_en"] if lang == "en" else "") or row["region__name_fr"] or ""
        )
        counts[(row["month"], code)] = row["businesses"]
    months = _month_range(rows[0]["month"], rows[-1]["month"])
    codes = sorted(names, key=lambda code: code or "99")  # the unknown region last
    grid = [[counts.get((month, code), 0) for code in codes] for month in months]
    figures = reach_figures(grid, suppress=suppressed)
    by_month = [
        {"month": month, "businesses": _shown(new), "cumulative": _shown(cumulative)}
        for month, new, cumulative in zip(months, figures.new, figures.cumulative, strict=True)
    ]
    by_region = [
        {"region_code": code, "region_name": names[code], "businesses": _shown(n)}
        for code, n in zip(codes, figures.regions, strict=True)
    ]
    cells = []
    for i, month in enumerate(months):
        for j, code in enumerate(codes):
            if figures.cells is None or (not suppressed and not grid[i][j]):
                continue
            cells.append(
                {
                    "month": month,
                    "region_code": code,
                    "region_name": names[code],
                    "businesses": _shown(figures.cells[i][j]),
                }
            )
    return ReachReport(
        target=target,
        total=_shown(figures.total),
        suppressed=suppressed,
        region_code=region_code,
        by_region=by_region,
        by_month=by_month,
        cells=cells,
    )


def _shown(value: int | str) -> int | None:
    return None if is_hidden(value) else value


# --- Authoring -------------------------------------------------------------------------------


def capsule_manage_list():
    """Every capsule for the program admin, with its question count and completions."""
    return Capsule.objects.annotate(
        question_count=Count("questions", distinct=True),
        completions=Count(
            "progress", filter=Q(progress__completed_at__isnull=False), distinct=True
        ),
    ).order_by("status", "title_fr", "id")
