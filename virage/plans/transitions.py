"""Status of a plan action and of a plan, as pure tables (no Django import).

An action: proposed → accepted → in progress → implemented, or dropped (with a reason) from
any open status; a dropped action can be reopened by the advisor. "Accepted → implemented"
is allowed: a small action is often done in one go. Implemented is final.

Who may do what (``ACTION_TRANSITIONS[(from, to)]`` = the roles allowed): the merchant and the
advisor both move actions forward; only the advisor (or the program admin) reopens a dropped
action. Plans: the advisor publishes a draft; the merchant accepts a published plan.
"""

from __future__ import annotations

PROPOSED = "proposed"
ACCEPTED = "accepted"
IN_PROGRESS = "in_progress"
IMPLEMENTED = "implemented"
DROPPED = "dropped"
STATUSES = (PROPOSED, ACCEPTED, IN_PROGRESS, IMPLEMENTED, DROPPED)
CLOSED = frozenset({IMPLEMENTED, DROPPED})
OPEN = tuple(status for status in STATUSES if status not in CLOSED)

MERCHANT = "merchant"
ADVISOR = "advisor"
ADMIN = "admin"
STAFF = frozenset({ADVISOR, ADMIN})
EVERYONE = frozenset({MERCHANT, ADVISOR, ADMIN})

ACTION_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (PROPOSED, ACCEPTED): EVERYONE,
    (PROPOSED, DROPPED): EVERYONE,
    (ACCEPTED, IN_PROGRESS): EVERYONE,
    (ACCEPTED, IMPLEMENTED): EVERYONE,
    (ACCEPTED, DROPPED): EVERYONE,
    (IN_PROGRESS, IMPLEMENTED): EVERYONE,
    (IN_PROGRESS, DROPPED): EVERYONE,
    (DROPPED, PROPOSED): STAFF,
}

# Plans.
DRAFT = "draft"
PUBLISHED = "published"
PLAN_ACCEPTED = "accepted"
PLAN_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (DRAFT, PUBLISHED): STAFF,
    (PUBLISHED, PLAN_ACCEPTED): frozenset({MERCHANT}),
}

# Outcomes of a check.
OK = "ok"
SAME = "same"  # already in the target status: nothing to do (a repeated request)
INVALID = "invalid"  # no such transition
FORBIDDEN = "forbidden"  # the transition exists, but not for this role


def check(table: dict[tuple[str, str], frozenset[str]], current: str, target: str, role) -> str:
    """``OK``, ``SAME``, ``INVALID`` or ``FORBIDDEN`` for moving ``current`` → ``target``."""
    if current == target:
        return SAME
    roles = table.get((current, target))
    if roles is None:
        return INVALID
    return OK if role in roles else FORBIDDEN


def check_action(current: str, target: str, role) -> str:
    return check(ACTION_TRANSITIONS, current, target, role)


def check_plan(current: str, target: str, role) -> str:
    return check(PLAN_TRANSITIONS, current, target, role)


def next_statuses(current: str, role) -> tuple[str, ...]:
    """The statuses ``role`` may move an action to from ``current``, in path order."""
    return tuple(target for target in STATUSES if check_action(current, target, role) == OK)
