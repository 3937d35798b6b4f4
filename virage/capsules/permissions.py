"""Who may do what with capsules (pure predicates on the user)."""

from __future__ import annotations

from virage.accounts.permissions import (
    is_funder,
    is_merchant,
    is_partner,
    is_program_admin,
)


def can_author_capsules(user) -> bool:
    """Create, edit, publish and unpublish capsules and their quizzes."""
    return is_program_admin(user)


def can_view_reach(user) -> bool:
    """Reach is an aggregate: admins see it whole, funders program-wide and regional
    partners for their region, both with small cells hidden."""
    return is_program_admin(user) or is_funder(user) or is_partner(user)


def reach_is_suppressed_for(user) -> bool:
    """Funders and partners never see a cell under the small-cell threshold."""
    return is_funder(user) or is_partner(user)


def records_progress_with_account(user) -> bool:
    """A merchant's own account records their progress (for their business). Staff accounts
    may read capsules and try quizzes, but they are not a business: nothing is recorded."""
    return is_merchant(user)


def can_use_light_signup(user) -> bool:
    """Anyone without an account; signed-in users use their account instead."""
    return user is None or not user.is_authenticated
