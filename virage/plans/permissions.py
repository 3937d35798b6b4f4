"""Who may do what with a plan: pure predicates on the user's role.

Scope (is the business the user's own, or assigned to them?) comes from
`Plan.objects.visible_to(user)`; these predicates answer what a user in scope may do.
"""

from __future__ import annotations

from virage.accounts.permissions import is_advisor, is_merchant, is_program_admin

from . import transitions


def plan_role(user) -> str | None:
    """The role used by `transitions` ("merchant", "advisor", "admin"), or None."""
    if is_merchant(user):
        return transitions.MERCHANT
    if is_advisor(user):
        return transitions.ADVISOR
    if is_program_admin(user):
        return transitions.ADMIN
    return None


def can_view_plans(user) -> bool:
    return plan_role(user) is not None


def can_curate(user) -> bool:
    """Add, remove, reorder, edit actions and publish: the advisor (or the program admin)."""
    return is_advisor(user) or is_program_admin(user)


def can_respond(user) -> bool:
    """Accept or comment on a published plan: the merchant."""
    return is_merchant(user)


def can_update_status(user, *, plan_status: str) -> bool:
    """Move actions along: the merchant and the advisor, once the plan is published."""
    return plan_role(user) is not None and plan_status in ("published", "accepted")
