"""Who may do what in coaching: pure predicates on the user and the objects passed in.

Scoping (which businesses a user sees at all) is `Business.objects.visible_to(user)`; these
answer "in scope, may they act?"."""

from __future__ import annotations

from virage.accounts.permissions import is_advisor, is_program_admin


def can_manage_advisors(user) -> bool:
    """Edit advisor profiles, assign and reassign businesses, see every advisor's load."""
    return is_program_admin(user)


def can_grant_extension(user) -> bool:
    return is_program_admin(user)


def is_assigned_advisor(user, business) -> bool:
    return is_advisor(user) and business.advisor_id is not None and business.advisor_id == user.pk


def can_coach(user, business) -> bool:
    """Plan, log and cancel meetings: only the business's current advisor."""
    return is_assigned_advisor(user, business)


def can_correct_meeting(user, business) -> bool:
    """Correct a meeting already held (minutes, topics, notes): the business's advisor or a
    program admin."""
    return is_program_admin(user) or is_assigned_advisor(user, business)


def can_see_coaching_file(user, business) -> bool:
    """The staff view of a business's coaching (with private notes): its advisor or an admin."""
    return is_program_admin(user) or is_assigned_advisor(user, business)


def can_see_private_notes(user, business) -> bool:
    """Private notes: the business's advisor and program admins, never merchants, partners or
    funders."""
    return can_see_coaching_file(user, business)
