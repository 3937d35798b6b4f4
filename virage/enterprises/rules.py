"""The merchant's path through the program (DOMAIN.md §3) as pure data.

callback list → invited → applied → eligible / ineligible / needs review → enrolled →
diagnosed (T0) → plan published → implementing → reassessed (T1) → completed; withdrawn is
possible from any step. The callback list itself lives in `waitlist` (CallbackEntry); a
Business exists from the invitation on."""

from __future__ import annotations

INVITED = "invited"
APPLIED = "applied"
ELIGIBLE = "eligible"
INELIGIBLE = "ineligible"
NEEDS_REVIEW = "needs_review"
ENROLLED = "enrolled"
DIAGNOSED = "diagnosed"
PLAN_PUBLISHED = "plan_published"
IMPLEMENTING = "implementing"
REASSESSED = "reassessed"
COMPLETED = "completed"
WITHDRAWN = "withdrawn"

PATH = [
    INVITED,
    APPLIED,
    ELIGIBLE,
    ENROLLED,
    DIAGNOSED,
    PLAN_PUBLISHED,
    IMPLEMENTING,
    REASSESSED,
    COMPLETED,
]

TRANSITIONS: dict[str, frozenset[str]] = {
    INVITED: frozenset({APPLIED, WITHDRAWN}),
    APPLIED: frozenset({ELIGIBLE, INELIGIBLE, NEEDS_REVIEW, WITHDRAWN}),
    NEEDS_REVIEW: frozenset({ELIGIBLE, INELIGIBLE, WITHDRAWN}),
    # a refused business may ask for a review
    INELIGIBLE: frozenset({NEEDS_REVIEW, WITHDRAWN}),
    ELIGIBLE: frozenset({ENROLLED, INELIGIBLE, WITHDRAWN}),
    ENROLLED: frozenset({DIAGNOSED, WITHDRAWN}),
    DIAGNOSED: frozenset({PLAN_PUBLISHED, WITHDRAWN}),
    PLAN_PUBLISHED: frozenset({IMPLEMENTING, REASSESSED, WITHDRAWN}),
    IMPLEMENTING: frozenset({REASSESSED, WITHDRAWN}),
    REASSESSED: frozenset({COMPLETED, WITHDRAWN}),
    COMPLETED: frozenset(),
    WITHDRAWN: frozenset(),
}

# statuses in which a business is "in the program" (enrolled or further along)
ACTIVE = frozenset({ENROLLED, DIAGNOSED, PLAN_PUBLISHED, IMPLEMENTING, REASSESSED, COMPLETED})


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def reached(status: str, milestone: str) -> bool:
    """True when a business in `status` has passed `milestone` on the main path."""
    if status not in PATH or milestone not in PATH:
        return False
    return PATH.index(status) >= PATH.index(milestone)
