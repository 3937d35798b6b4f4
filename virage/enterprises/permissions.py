"""Who may do what in intake: pure predicates on the user and the business's status.

Scoping (which business a merchant acts for) comes from `Business.objects.visible_to(user)`;
these predicates answer the remaining "may they, at this step?"."""

from __future__ import annotations

from django.utils.translation import gettext as _

from virage.accounts import permissions as roles

from . import rules

is_merchant = roles.is_merchant


def can_decide(user) -> bool:
    """Decisions and enrolments are a program admin's, never automatic."""
    return roles.is_program_admin(user)


def application_editable(status: str) -> bool:
    """The merchant fills in the application until it is submitted."""
    return status == rules.INVITED


def locations_editable(status: str) -> bool:
    """Locations are edited while applying and once in the program, not while a decision is
    pending (the proposal was computed on them)."""
    return status == rules.INVITED or status in rules.ACTIVE


def can_request_review(user, status: str) -> bool:
    return roles.is_merchant(user) and status == rules.INELIGIBLE


def decision_needs_reason(outcome: str, proposal: str) -> bool:
    """A refusal always needs a reason; so does "needs review" (what to check) and an
    acceptance that overrides an "ineligible" proposal."""
    if outcome in (rules.INELIGIBLE, rules.NEEDS_REVIEW):
        return True
    return outcome == rules.ELIGIBLE and proposal == rules.INELIGIBLE


def reason_required_message(outcome: str) -> str:
    if outcome == rules.INELIGIBLE:
        return _("A refusal needs a reason: the merchant will read it.")
    if outcome == rules.NEEDS_REVIEW:
        return _("Say what must be checked: the merchant will read it.")
    return _("The automatic check proposed a refusal: say why you accept.")
