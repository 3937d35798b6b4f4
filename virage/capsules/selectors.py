"""Reads of the capsules app: library, capsule pages, progress, recommendations, reach.

Contract for other apps:

- ``capsule_links() -> list[dict(key, title_fr, title_en, categories)]``: published capsules
  with the solution categories they prepare for (the plans app links them to actions; the page
  of a capsule is ``reverse("capsules:detail", kwargs={"key": key})``).
- ``capsule_reach(*, user) -> ReachReport``: distinct businesses with at least one completed
  capsule, by region and month, against ``Program.capsule_reach_target`` (for reporting).
- ``capsule_recommendations(*, user, limit=3) -> list[Capsule]``: the merchant's next capsules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q

from virage.accounts.permissions import is_partner
from virage.core.i18n import current_language

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

SMALL_CELL = 5


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
    """Businesses reached (≥ 1 completed capsule). Cells under the small-cell threshold are
    None when `suppressed` (funders and partners)."""

    target: int
    total: int
    suppressed: bool
    region_code: str | None = None
    by_region: list[dict] = field(default_factory=list)
    by_month: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)

    @property
    def percent(self) -> float:
        if not self.target:
            return 0.0
        return round(100 * self.total / self.target, 1)


def _hide(value: int, suppressed: bool) -> int | None:
    if suppressed and 0 < value < SMALL_CELL:
        return None
    return value


def capsule_reach(*, user, program=None) -> ReachReport:
    """Distinct businesses with at least one completed capsule, by region and by month of
    their first completion (local time), against the program's target. One query for the
    figures (plus the current program when not given), on the pre-aggregated counters
    (`ReachCount`, a few hundred rows whatever the number of learners; they equal a count of
    the `BusinessReach` rows). Partners see their region only."""
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
    lang = current_language()
    regions: dict[str | None, dict] = {}
    months: dict[date, int] = {}
    cells = []
    for row in rows:
        month = row["month"]
        code = row["region__code"]
        name = (row["region__name_en"] if lang == "en" else "") or row["region__name_fr"] or ""
        region = regions.setdefault(code, {"region_code": code, "region_name": name, "n": 0})
        n = row["businesses"]
        region["n"] += n
        months[month] = months.get(month, 0) + n
        cells.append({"month": month, "region_code": code, "region_name": name, "n": n})
    total = sum(months.values())
    by_month = []
    cumulative = 0
    for month in sorted(months):
        cumulative += months[month]
        by_month.append(
            {
                "month": month,
                "businesses": _hide(months[month], suppressed),
                "cumulative": cumulative,
            }
        )
    by_region = [
        {
            "region_code": r["region_code"],
            "region_name": r["region_name"],
            "businesses": _hide(r["n"], suppressed),
        }
        for r in sorted(regions.values(), key=lambda r: r["region_code"] or "99")
    ]
    for cell in cells:
        cell["businesses"] = _hide(cell.pop("n"), suppressed)
    return ReachReport(
        target=program.capsule_reach_target if program else 0,
        total=total,
        suppressed=suppressed,
        region_code=region_code,
        by_region=by_region,
        by_month=by_month,
        cells=cells,
    )


# --- Authoring -------------------------------------------------------------------------------


def capsule_manage_list():
    """Every capsule for the program admin, with its question count and completions."""
    return Capsule.objects.annotate(
        question_count=Count("questions", distinct=True),
        completions=Count(
            "progress", filter=Q(progress__completed_at__isnull=False), distinct=True
        ),
    ).order_by("status", "title_fr", "id")
