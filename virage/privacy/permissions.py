"""Who may do what with privacy records (pure predicates)."""

from __future__ import annotations

from virage.accounts.models import STAFF_ROLES
from virage.accounts.permissions import is_privacy_officer


def can_manage_privacy(user) -> bool:
    """Requests, access log and incident register: the privacy officer only."""
    return is_privacy_officer(user)


def can_change_consent(actor, person) -> bool:
    """A person changes their own consents; the privacy officer records them on their behalf
    (e.g. a withdrawal received by mail). `actor=None` is a public form (no account)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return isinstance(person, str)
    if is_privacy_officer(actor):
        return True
    return not isinstance(person, str) and actor.pk == person.pk


def access_is_logged(user) -> bool:
    """Staff views of a business's records are logged; a merchant reading their own is not."""
    return bool(user is not None and user.is_authenticated and user.role in STAFF_ROLES)
