"""Writes on diagnostics: start, save a page, submit, open the re-assessment, re-score.

Every service is atomic, checks the actor's permission (out of scope or wrong role:
``PermissionDenied``; in scope but not possible now: ``ValidationError`` with a message in
the active language) and writes an audit event.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from virage.accounts.permissions import is_program_admin
from virage.core.services import audit_log, email_queue
from virage.enterprises import rules as business_rules
from virage.enterprises.models import Business
from virage.enterprises.services import business_transition

from . import permissions, scoring
from . import questionnaire as qn
from .models import Assessment, ScoreRecord
from .progress import page_answer_keys

T0 = Assessment.TimePoint.T0
T1 = Assessment.TimePoint.T1


class InvalidAnswers(ValidationError):
    """Answers that do not validate; ``answer_errors`` holds the ``scoring.AnswerError`` list
    (English and French messages, keyed by question or item key)."""

    def __init__(self, errors, message: str = ""):
        self.answer_errors = tuple(errors)
        super().__init__(message or "; ".join(e.message_en for e in self.answer_errors))


def _in_scope(actor, business: Business) -> bool:
    return Business.objects.visible_to(actor).filter(pk=business.pk).exists()


def _require(actor, business: Business, allowed: bool) -> None:
    if not allowed or not _in_scope(actor, business):
        raise PermissionDenied


def canonical(answers: Mapping) -> dict:
    """Valid answers in canonical form: questionnaire key order, ticked numbers sorted."""
    result = {}
    for key in qn.answer_keys():
        if key not in answers:
            continue
        value = answers[key]
        question = qn.questions_by_key().get(key)
        if question is not None and question.answer_type == qn.MULTI:
            value = sorted(value)
        elif question is not None and question.answer_type == qn.INVEST_MATRIX:
            value = {box: sorted(value[box]) for box in qn.INVEST_BOXES}
        result[key] = value
    return result


def _missing(key: str) -> scoring.AnswerError:
    return scoring.AnswerError(key, f"{key}: answer missing.", f"{key} : réponse manquante.")


# --------------------------------------------------------------------------------------------
# Start, save, submit
# --------------------------------------------------------------------------------------------


def assessment_start(*, business: Business, actor) -> Assessment:
    """Start the business's first diagnostic (T0), or return the one already started.

    Idempotent: a second call (double click, another user of the business) returns the same
    assessment, draft or submitted.
    """
    _require(actor, business, permissions.can_answer(actor))
    with transaction.atomic():
        # Serialise starts for this business (the partial unique constraint backs it up).
        locked = Business.objects.select_for_update().get(pk=business.pk)
        existing = _existing(locked, T0)
        if existing is not None:
            return existing
        if not permissions.can_start_t0(actor, business_status=locked.status):
            raise ValidationError(
                _("The diagnostic opens once the business is enrolled in the program.")
            )
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    business=locked, time_point=T0, started_by=actor
                )
        except IntegrityError:
            return _existing(locked, T0)
        audit_log(
            actor=actor,
            verb="assessment.started",
            obj=assessment,
            after={"time_point": T0, "questionnaire_version": assessment.questionnaire_version},
        )
    return assessment


def _existing(business: Business, time_point: str) -> Assessment | None:
    """The business's assessment at this time point, the submitted one first."""
    return (
        Assessment.objects.filter(business=business, time_point=time_point)
        .order_by("-status", "-id")  # "submitted" sorts after "draft": submitted first
        .first()
    )


def assessment_save_page(
    *, assessment: Assessment, page_key: str, answers: Mapping, actor
) -> Assessment:
    """Store the answers of one page (every answer of the page, validated), keeping the
    other pages' answers. Raises :class:`InvalidAnswers` and stores nothing when any answer
    of the page is missing or invalid; saving the same answers twice writes nothing."""
    _require(actor, assessment.business, permissions.can_answer(actor))
    try:
        keys = page_answer_keys(page_key)
    except KeyError:
        raise ValidationError(_("This page does not exist.")) from None
    unexpected = sorted(str(k) for k in answers if k not in keys)
    if unexpected:
        raise ValidationError(
            _("These answers do not belong on this page: %(keys)s.")
            % {"keys": ", ".join(unexpected)}
        )
    errors = scoring.validate_answers(answers, partial=True)
    errors += [_missing(k) for k in keys if k not in answers]
    if errors:
        order = {k: i for i, k in enumerate(keys)}
        raise InvalidAnswers(sorted(errors, key=lambda e: order.get(e.key, len(order))))
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if not locked.is_draft:
            raise ValidationError(
                _("This diagnostic was submitted: its answers can no longer change.")
            )
        merged = canonical({**locked.answers, **canonical(answers)})
        if merged != canonical(locked.answers):
            locked.answers = merged
            locked.save(update_fields=["answers", "updated_at"])
            audit_log(
                actor=actor,
                verb="assessment.page_saved",
                obj=locked,
                after={"page": page_key, "keys": list(keys)},
            )
    return locked


def assessment_submit(*, assessment: Assessment, actor) -> Assessment:
    """Lock the answers, score them with the current versions, store the results and move
    the business along its path: T0 → "diagnosed" (and a draft action plan), T1 →
    "re-assessed". Submitting twice returns the submitted assessment and changes nothing."""
    _require(actor, assessment.business, permissions.can_answer(actor))
    with transaction.atomic():
        locked = (
            Assessment.objects.select_for_update(of=("self",))
            .select_related("business")
            .get(pk=assessment.pk)
        )
        if locked.is_submitted:
            return locked
        if locked.questionnaire_version != qn.QUESTIONNAIRE_VERSION:
            raise ValidationError(
                _(
                    "These answers were given to questionnaire version %(old)s; the current "
                    "version is %(new)s. Ask the program team to migrate them."
                )
                % {"old": locked.questionnaire_version, "new": qn.QUESTIONNAIRE_VERSION}
            )
        errors = scoring.validate_answers(locked.answers)
        if errors:
            missing = len([k for k in qn.answer_keys() if k not in locked.answers])
            raise InvalidAnswers(
                errors,
                ngettext(
                    "The diagnostic is not complete: %(n)s answer is missing.",
                    "The diagnostic is not complete: %(n)s answers are missing.",
                    missing,
                )
                % {"n": missing}
                if missing
                else _("Some answers are not valid: correct them before submitting."),
            )
        m2 = scoring.score_m2(locked.answers)
        r = scoring.score_r(locked.answers)
        locked.status = Assessment.Status.SUBMITTED
        locked.m2_result = m2.as_dict()
        locked.r_result = r.as_dict()
        locked.scoring_version_m2 = m2.version
        locked.scoring_version_r = r.version
        locked.submitted_by = actor
        locked.submitted_at = timezone.now()
        locked.save()
        ScoreRecord.objects.bulk_create(
            [
                ScoreRecord(
                    assessment=locked,
                    module=qn.MODULE_M2,
                    version=m2.version,
                    result=locked.m2_result,
                    reason=ScoreRecord.Reason.SUBMIT,
                ),
                ScoreRecord(
                    assessment=locked,
                    module=qn.MODULE_R,
                    version=r.version,
                    result=locked.r_result,
                    reason=ScoreRecord.Reason.SUBMIT,
                ),
            ]
        )
        audit_log(
            actor=actor,
            verb="assessment.submitted",
            obj=locked,
            after={
                "time_point": locked.time_point,
                "overall": locked.m2_result["overall"],
                "band": locked.m2_result["band"],
                "r_overall": locked.r_result["overall"],
                "scoring_versions": [m2.version, r.version],
            },
        )
        business = locked.business
        if locked.time_point == T0:
            business_transition(
                business=business,
                to_status=business_rules.DIAGNOSED,
                actor=actor,
                reason="diagnostic T0 submitted",
            )
            from virage.plans.services import plan_generate_draft

            plan_generate_draft(assessment=locked, actor=actor)
        else:
            business_transition(
                business=business,
                to_status=business_rules.REASSESSED,
                actor=actor,
                reason="diagnostic T1 submitted",
            )
        _notify_advisor_of_submission(locked, actor)
    return locked


def _absolute(url_name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return settings.VIRAGE_SITE_URL.rstrip("/") + reverse(url_name, kwargs=kwargs)


def _notify_advisor_of_submission(assessment: Assessment, actor) -> None:
    advisor = assessment.business.advisor
    if advisor is None or not advisor.is_active or advisor == actor:
        return
    email_queue(
        key=f"diagnostic-submitted-{assessment.pk}",
        to=advisor.email,
        template="diagnostic_submitted",
        context={
            "advisor": advisor,
            "business": assessment.business.name,
            "time_point": assessment.time_point,
            "url": _absolute("diagnostics:results", advisor.language, pk=assessment.pk),
        },
        language=advisor.language,
    )


# --------------------------------------------------------------------------------------------
# Re-assessment (T1)
# --------------------------------------------------------------------------------------------


def assessment_open_t1(*, business: Business, actor) -> Assessment:
    """Open the re-assessment (T1): the advisor or an admin, after T0 was submitted, once
    the plan is published or being implemented. Idempotent: returns the T1 already opened."""
    _require(actor, business, permissions.may_open_t1_role(actor))
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        existing = _existing(locked, T1)
        if existing is not None:
            return existing
        t0_submitted = Assessment.objects.filter(
            business=locked, time_point=T0, status=Assessment.Status.SUBMITTED
        ).exists()
        if not t0_submitted:
            raise ValidationError(
                _("The re-assessment opens after the first diagnostic (T0) is submitted.")
            )
        if not permissions.can_open_t1(
            actor, business_status=locked.status, t0_submitted=t0_submitted
        ):
            raise ValidationError(
                _(
                    "The re-assessment opens once the action plan is published: the business "
                    "is “%(status)s”."
                )
                % {"status": Business.Status(locked.status).label}
            )
        assessment = Assessment.objects.create(
            business=locked, time_point=T1, started_by=actor, opened_by=actor
        )
        audit_log(
            actor=actor,
            verb="assessment.t1_opened",
            obj=assessment,
            after={"time_point": T1, "questionnaire_version": assessment.questionnaire_version},
        )
        members = [m.user for m in locked.members.select_related("user") if m.user.is_active]
        for user in members:
            email_queue(
                key=f"diagnostic-t1-opened-{assessment.pk}-{user.pk}",
                to=user.email,
                template="diagnostic_t1_opened",
                context={
                    "user": user,
                    "business": locked.name,
                    "opened_by": actor.get_full_name() or actor.email,
                    "url": _absolute("diagnostics:overview", user.language, business_id=locked.pk),
                },
                language=user.language,
            )
    return assessment


# --------------------------------------------------------------------------------------------
# Re-scoring
# --------------------------------------------------------------------------------------------


class ScoringVersionChanged(Exception):
    """A scoring version gave a different result for the same (locked) answers: versions
    must never be edited once results are stored with them."""


@dataclass(frozen=True)
class RescoreOutcome:
    assessment: Assessment
    module: str
    before_version: str
    before: dict
    after_version: str
    after: dict

    @property
    def changed(self) -> bool:
        return self.before_version != self.after_version or self.before != self.after


def assessment_rescore(
    *, assessment: Assessment, version: str, actor=None, dry_run: bool = False
) -> RescoreOutcome:
    """Score a submitted assessment's stored answers with ``version`` and make it the
    result in use. Every version's result is kept in ``ScoreRecord`` (history); the
    previous one stays there. ``actor`` is None for the command line (the system).
    ``dry_run`` computes the outcome and writes nothing."""
    scorer = scoring.SCORERS.get(version)
    if scorer is None:
        raise ValueError(f"unknown scoring version {version!r}: {sorted(scoring.SCORERS)}")
    if actor is not None and not is_program_admin(actor):
        raise PermissionDenied
    if not assessment.is_submitted:
        raise ValueError(f"assessment {assessment.pk} is not submitted")
    module = scorer.module
    score = scoring.score_m2 if module == qn.MODULE_M2 else scoring.score_r
    after = score(assessment.answers, version).as_dict()
    field, version_field = (
        ("m2_result", "scoring_version_m2")
        if module == qn.MODULE_M2
        else ("r_result", "scoring_version_r")
    )
    outcome = RescoreOutcome(
        assessment=assessment,
        module=module,
        before_version=getattr(assessment, version_field),
        before=getattr(assessment, field),
        after_version=version,
        after=after,
    )
    if outcome.before_version == version and outcome.before != after:
        raise ScoringVersionChanged(
            f"assessment {assessment.pk}: version {version} now gives a different result "
            "than the stored one; add a new version instead of editing this one"
        )
    if dry_run:
        return outcome
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        # the result in use has its record (written at submission; kept if it predates it)
        ScoreRecord.objects.get_or_create(
            assessment=locked,
            version=getattr(locked, version_field),
            defaults={
                "module": module,
                "result": getattr(locked, field),
                "reason": ScoreRecord.Reason.SUBMIT,
            },
        )
        record, created = ScoreRecord.objects.get_or_create(
            assessment=locked,
            version=version,
            defaults={"module": module, "result": after, "reason": ScoreRecord.Reason.RESCORE},
        )
        if not created and record.result != after:
            raise ScoringVersionChanged(
                f"assessment {locked.pk}: version {version} gives a different result than "
                "its stored record"
            )
        if outcome.changed:
            setattr(locked, field, after)
            setattr(locked, version_field, version)
            locked.save(update_fields=[field, version_field, "updated_at"])
            audit_log(
                actor=actor,
                verb="assessment.rescored",
                obj=locked,
                before={"version": outcome.before_version, "overall": outcome.before["overall"]},
                after={"version": version, "overall": after["overall"]},
            )
        assessment.refresh_from_db()
    return outcome
