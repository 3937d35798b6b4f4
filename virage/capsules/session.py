"""Who is learning on this request: a merchant's account, or a light learner's session.

Light learners have no account: after they open their one-time link, their learner id is
kept in the session (the session key is cycled at that moment, against fixation). A
signed-in user is never treated as a light learner."""

from __future__ import annotations

from .models import Learner
from .permissions import records_progress_with_account

SESSION_KEY = "capsules_learner_id"


def current_learner(request) -> Learner | None:
    """The learner whose progress this request reads (one query at most)."""
    user = request.user
    if user.is_authenticated:
        if not records_progress_with_account(user):
            return None
        return Learner.objects.filter(user=user).first()
    learner_id = request.session.get(SESSION_KEY)
    if not learner_id:
        return None
    learner = Learner.objects.filter(
        pk=learner_id, user__isnull=True, confirmed_at__isnull=False
    ).first()
    if learner is None:
        request.session.pop(SESSION_KEY, None)
    return learner


def learner_sign_in(request, learner: Learner) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = learner.pk


def learner_sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
