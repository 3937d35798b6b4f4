"""Who may do what with the callback list (pure predicates)."""

from __future__ import annotations

from virage.accounts.permissions import is_partner, is_program_admin


def can_manage_intake(user) -> bool:
    """Program admins run the callback list: imports, waves, invitations, exports."""
    return is_program_admin(user)


def can_see_referral_counts(user) -> bool:
    """Regional partners see how many sign-ups came through their own link (counts only)."""
    return is_partner(user)
