"""Who may do what with trainings: pure predicates of the user and the objects passed in.

Scoping (which rows a user sees at all) lives in `SessionQuerySet.visible_to` and
`RegistrationQuerySet.visible_to`; these answer "may this user … this object?"."""

from __future__ import annotations

from virage.accounts.permissions import is_advisor, is_merchant, is_program_admin, is_trainer


def can_manage_catalog(user) -> bool:
    """Create and edit modules and sessions, see fill and attendance rates."""
    return is_program_admin(user)


def runs_session(user, session) -> bool:
    """The session's own trainer, or a program admin: roster, attendance, closing, replay."""
    if is_program_admin(user):
        return True
    return is_trainer(user) and session.trainer_id == user.pk


def may_register_as(user, *, person, business, business_visible: bool) -> bool:
    """A merchant registers themselves for their own business; the business's advisor (or a
    program admin) registers one of its people. `business_visible` is
    `Business.objects.visible_to(user)` containing the business."""
    if not business_visible:
        return False
    if is_merchant(user):
        return person.pk == user.pk
    return is_advisor(user) or is_program_admin(user)


def may_cancel(user, registration, *, business_visible: bool) -> bool:
    """The person, another member of the business, its advisor or a program admin."""
    if is_program_admin(user):
        return True
    if is_merchant(user) or is_advisor(user):
        return business_visible
    return False


def sees_online_link(user, session, registration=None) -> bool:
    """The online link: the trainer, program admins, and the person themselves while their
    registration holds a seat (not on the waitlist, not cancelled)."""
    if not session.is_online or not session.online_url:
        return False
    if runs_session(user, session):
        return True
    return (
        registration is not None
        and registration.person_id == getattr(user, "pk", None)
        and registration.holds_seat
    )


def sees_replay(user, session, registration=None, *, now=None) -> bool:
    """The replay, once the session has ended: trainer, admins, and people who registered
    (including those left on the waitlist), not those who cancelled."""
    if not session.replay_url or not session.has_ended(now):
        return False
    if runs_session(user, session):
        return True
    return (
        registration is not None
        and registration.person_id == getattr(user, "pk", None)
        and registration.status != registration.Status.CANCELLED
    )
