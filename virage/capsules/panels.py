"""Home-page panel of the capsules app (registered in apps.py): the merchant's next capsules.

The same recommendation as `selectors.capsule_recommendations` (same rules, same sources), read
with fewer queries: the merchant's business, plan actions and T0 diagnostic come from what the
other home panels already read in this request (`virage.core.navigation.shared`); the
capsules and the ones this merchant passed come in one query.

Popularity (completions of each capsule) only breaks ties between capsules that fit the
merchant equally well. Counting it means reading every completed progress row (60,000 at
5,000 businesses: most of the panel's time, growing with the program), and it is the same for
every merchant, so each process keeps it for `POPULARITY_MAX_AGE` seconds: suggestions may
follow completions of the last few minutes a little late; every figure the panel shows is
read fresh. A completions counter on `Capsule` kept by `services.quiz_submit` (like
`ReachCount`) would make this cache unnecessary.
"""

from __future__ import annotations

import threading
import time

from django.db.models import Count, Exists, OuterRef

from . import rules
from .models import Capsule, CapsuleProgress

# What the panel shows of a capsule (title, length) and what the rules read (key, categories).
PANEL_FIELDS = ("key", "title_fr", "title_en", "minutes", "categories", "status")

POPULARITY_MAX_AGE = 600  # seconds

_popularity_lock = threading.Lock()
_popularity: dict = {"at": None, "counts": {}}


def popularity(*, max_age: float = POPULARITY_MAX_AGE) -> dict[int, int]:
    """{capsule id: completions} (one query when older than `max_age` seconds, else none)."""
    now = time.monotonic()
    with _popularity_lock:
        at, counts = _popularity["at"], _popularity["counts"]
        if at is not None and now - at < max_age:
            return counts
    counts = dict(
        CapsuleProgress.objects.filter(completed_at__isnull=False)
        .order_by()
        .values_list("capsule_id")
        .annotate(n=Count("pk"))
    )
    with _popularity_lock:
        _popularity.update(at=now, counts=counts)
    return counts


def popularity_clear() -> None:
    """Forget the counts kept by this process (tests; after a bulk import)."""
    with _popularity_lock:
        _popularity.update(at=None, counts={})


def _wanted(request) -> tuple[str, list[str], list[str]]:
    """(source, capsule keys, categories) as `selectors.wanted_for`: "plan" when the merchant's
    plans have open actions, else "diagnostic" when their submitted T0 shows gaps, else
    "popular". No query of its own."""
    from virage.diagnostics.panels import merchant_assessments
    from virage.enterprises.panels import merchant_business
    from virage.plans.panels import merchant_plan

    if merchant_business(request) is None:
        return "popular", [], []
    _plan, actions = merchant_plan(request)
    keys: list[str] = []
    categories: list[str] = []
    for action in actions:  # open actions of every plan the merchant sees, by order then id
        if action.category_id:
            categories.append(action.category_id)
        keys.extend(k for k in (action.capsule_keys or []) if isinstance(k, str))
    if keys or categories:
        return "plan", keys, categories
    t0 = merchant_assessments(request).get("T0")
    if t0 is not None and t0.is_submitted:
        found = _diagnostic_categories(t0)
        if found:
            return "diagnostic", [], found
    return "popular", [], []


def _diagnostic_categories(assessment) -> list[str]:
    from virage.diagnostics import questionnaire as qn

    items = {}
    for question in qn.questions(qn.MODULE_R):
        for item in question.items:
            items[item.key] = item.categories
    return rules.categories_from_answers(assessment.answers or {}, items)


def home(request, limit: int = 3) -> dict:
    """{"source", "capsules", "completed", "total"}: one query for the capsules (with
    whether this merchant passed each), plus the popularity counts when this process's copy
    is older than `POPULARITY_MAX_AGE`."""
    user = request.user
    source, wanted_keys, categories = _wanted(request)
    passed = CapsuleProgress.objects.filter(learner__user=user, passed=True, capsule=OuterRef("pk"))
    # every capsule (a catalogue of a few dozen), whether this merchant passed it
    rows = list(Capsule.objects.only(*PANEL_FIELDS).annotate(done=Exists(passed)).order_by())
    done = {c.key for c in rows if c.done}
    published = [c for c in rows if c.status == Capsule.Status.PUBLISHED]
    completions = popularity()
    keys = rules.recommend(
        [
            rules.CapsuleCandidate(c.key, tuple(c.categories or ()), completions.get(c.pk, 0))
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
