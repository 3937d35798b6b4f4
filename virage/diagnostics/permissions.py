"""Who may do what with a diagnostic: pure predicates on the user's role and plain facts.

Scope (is this business the user's own, or assigned to them?) comes from
``Assessment.objects.visible_to(user)`` / ``Business.objects.visible_to(user)``; these
predicates answer what a user in scope may do.
"""

from __future__ import annotations

from virage.accounts.permissions import is_advisor, is_merchant, is_program_admin
from virage.enterprises import rules

# A re-assessment (T1) is opened once the plan is published and under way.
T1_OPEN_STATUSES = frozenset({rules.PLAN_PUBLISHED, rules.IMPLEMENTING})


def can_view_diagnostics(user) -> bool:
    """Merchants (own business), advisors (assigned) and admins; partners and funders only
    ever see aggregates, trainers nothing."""
    return is_merchant(user) or is_advisor(user) or is_program_admin(user)


def can_answer(user) -> bool:
    """The merchant, or the advisor with the merchant; an admin may help too."""
    return can_view_diagnostics(user)


def can_start_t0(user, *, business_status: str) -> bool:
    """The first diagnostic starts once the business is enrolled."""
    return can_answer(user) and business_status == rules.ENROLLED


def can_open_t1(user, *, business_status: str, t0_submitted: bool) -> bool:
    """Only the advisor or an admin opens the re-assessment, after T0, once the plan is
    published (or actions are being implemented)."""
    return (
        (is_advisor(user) or is_program_admin(user))
        and t0_submitted
        and business_status in T1_OPEN_STATUSES
    )


def may_open_t1_role(user) -> bool:
    return is_advisor(user) or is_program_admin(user)
