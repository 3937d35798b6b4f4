"""Writes of coaching: advisor profiles, assignments, meetings and allowance extensions.

Every function is atomic, checks the actor's permission, writes an audit event and sends its
e-mails after commit. The coaching allowance is protected by a row lock on the business:
simultaneous logs for one business run one after the other, each sees the minutes the
previous ones committed, and the one that would pass the allowance is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.accounts.models import Role, User
from virage.core.services import audit_log, email_queue
from virage.enterprises.models import Business, BusinessMember

from . import ical, integrations, rules
from .models import (
    LANGUAGE_CHOICES,
    AdvisorAssignment,
    AdvisorProfile,
    AllowanceExtension,
    Meeting,
)
from .permissions import (
    can_coach,
    can_correct_meeting,
    can_grant_extension,
    can_manage_advisors,
    can_see_private_notes,
)
from .selectors import CASELOAD_STATUSES

MIN_MEETING_MINUTES = 15
MAX_MEETING_MINUTES = 480
MIN_ACTUAL_MINUTES = 1  # a meeting held counts at least one minute (planned: 15)
MAX_EXTENSION_MINUTES = 6000


class AllowanceExceeded(ValidationError):
    """A log would take the business past its coaching allowance."""


# --- Advisor profiles ------------------------------------------------------------------------


def advisor_profile_save(
    *,
    advisor: User,
    actor,
    regions: Iterable,
    languages: Sequence[str],
    subsectors: Iterable,
    max_caseload: int,
    availability: str,
) -> AdvisorProfile:
    """Create or update an advisor's profile (program admin only)."""
    if not can_manage_advisors(actor):
        raise PermissionDenied
    if advisor.role != Role.ADVISOR:
        raise ValidationError(_("Only a user with the advisor role can have an advisor profile."))
    known = {code for code, _label in LANGUAGE_CHOICES}
    languages = [code for code in dict.fromkeys(languages) if code]
    if not languages or any(code not in known for code in languages):
        raise ValidationError({"languages": _("Choose at least one language from the list.")})
    if max_caseload < 1:
        raise ValidationError({"max_caseload": _("The maximum caseload is at least 1.")})
    if availability not in AdvisorProfile.Availability.values:
        raise ValidationError({"availability": _("Unknown availability.")})
    regions, subsectors = list(regions), list(subsectors)
    with transaction.atomic():
        profile, created = AdvisorProfile.objects.select_for_update().get_or_create(
            user=advisor,
            defaults={
                "languages": languages,
                "max_caseload": max_caseload,
                "availability": availability,
            },
        )
        before = None if created else _profile_snapshot(profile)
        profile.languages = languages
        profile.max_caseload = max_caseload
        profile.availability = availability
        profile.save()
        profile.regions.set(regions)
        profile.subsectors.set(subsectors)
        after = _profile_snapshot(profile)
        if before != after:
            audit_log(
                actor=actor,
                verb="advisor.profile_created" if created else "advisor.profile_updated",
                obj=profile,
                before=before,
                after=after,
            )
    return profile


def _profile_snapshot(profile: AdvisorProfile) -> dict:
    return {
        "regions": sorted(r.code for r in profile.regions.all()),
        "languages": list(profile.languages),
        "subsectors": sorted(s.code for s in profile.subsectors.all()),
        "max_caseload": profile.max_caseload,
        "availability": profile.availability,
    }


# --- Assignment ------------------------------------------------------------------------------


def _assign_locked(
    *, business: Business, advisor: User, actor, reason: str, kind: str
) -> AdvisorAssignment | None:
    """Inside a transaction: assign `advisor` to `business` (row locks on both)."""
    locked = Business.objects.select_for_update().get(pk=business.pk)
    if locked.status not in CASELOAD_STATUSES:
        raise ValidationError(
            _("Only a business enrolled in the program (and not completed) can get an advisor.")
        )
    if advisor.role != Role.ADVISOR or not advisor.is_active:
        raise ValidationError({"advisor": _("This person is not an active advisor.")})
    if locked.advisor_id == advisor.pk:
        return None  # already done (double submit): nothing changes
    profile = AdvisorProfile.objects.select_for_update().filter(user=advisor).first()
    if profile is None:
        raise ValidationError(
            {"advisor": _("This advisor has no profile yet: complete it before assigning.")}
        )
    if profile.on_leave:
        raise ValidationError({"advisor": _("This advisor is on leave.")})
    load = Business.objects.filter(advisor=advisor, status__in=CASELOAD_STATUSES).count()
    if load >= profile.max_caseload:
        raise ValidationError(
            {
                "advisor": _("This advisor's caseload is full (%(load)s of %(max)s).")
                % {"load": load, "max": profile.max_caseload}
            }
        )
    previous_id = locked.advisor_id
    if previous_id is not None:
        if kind == AdvisorAssignment.Kind.BULK:
            raise ValidationError(
                _("%(business)s already has an advisor: reassign it from its own page.")
                % {"business": locked.name}
            )
        kind = AdvisorAssignment.Kind.REASSIGNMENT
        if not reason:
            raise ValidationError({"reason": _("Give the reason for the reassignment.")})
    Business.objects.filter(pk=locked.pk).update(advisor=advisor)
    row = AdvisorAssignment.objects.create(
        business=locked,
        advisor=advisor,
        previous_advisor_id=previous_id,
        kind=kind,
        reason=reason,
        assigned_by=actor,
    )
    audit_log(
        actor=actor,
        verb=(
            "business.advisor_reassigned"
            if kind == AdvisorAssignment.Kind.REASSIGNMENT
            else "business.advisor_assigned"
        ),
        obj=locked,
        before={"advisor_id": previous_id},
        after={"advisor_id": advisor.pk, "kind": kind},
        reason=reason,
    )
    business.advisor = advisor
    return row


def advisor_assign(
    *, business: Business, advisor: User, actor, reason: str = ""
) -> AdvisorAssignment | None:
    """Confirm `advisor` for `business` (program admin). A business that already has another
    advisor is reassigned, which requires a reason. Returns the history row, or None when the
    business already had this advisor (nothing changes)."""
    if not can_manage_advisors(actor):
        raise PermissionDenied
    with transaction.atomic():
        return _assign_locked(
            business=business,
            advisor=advisor,
            actor=actor,
            reason=(reason or "").strip(),
            kind=AdvisorAssignment.Kind.INITIAL,
        )


@dataclass(frozen=True)
class BulkResult:
    assigned: int
    unchanged: int


def assignment_bulk_apply(*, pairs: Sequence[tuple[int, int]], actor) -> BulkResult:
    """Assign each (business id, advisor id) pair, all or nothing (program admin). Pairs
    already in place count as unchanged, so submitting twice assigns nothing twice."""
    if not can_manage_advisors(actor):
        raise PermissionDenied
    business_ids = [b for b, _a in pairs]
    if len(set(business_ids)) != len(business_ids):
        raise ValidationError(_("A business appears twice in the assignment."))
    businesses = Business.objects.in_bulk(business_ids)
    advisors = User.objects.in_bulk({a for _b, a in pairs})
    assigned = unchanged = 0
    with transaction.atomic():
        for business_id, advisor_id in pairs:
            business, advisor = businesses.get(business_id), advisors.get(advisor_id)
            if business is None or advisor is None:
                raise ValidationError(_("The assignment refers to an unknown business or advisor."))
            row = _assign_locked(
                business=business,
                advisor=advisor,
                actor=actor,
                reason="",
                kind=AdvisorAssignment.Kind.BULK,
            )
            if row is None:
                unchanged += 1
            else:
                assigned += 1
    return BulkResult(assigned=assigned, unchanged=unchanged)


# --- Meetings --------------------------------------------------------------------------------


def _recipients(business: Business) -> list[User]:
    return [
        m.user
        for m in BusinessMember.objects.filter(business=business, user__is_active=True)
        .select_related("user")
        .order_by("id")
    ]


def _site_url(path: str) -> str:
    return f"{settings.VIRAGE_SITE_URL.rstrip('/')}{path}"


def meeting_ics(*, meeting: Meeting, language: str, attendees: Sequence[User] = ()) -> str:
    """The meeting's iCalendar text, its summary in `language` (no private notes)."""
    with translation.override(language):
        summary = _("Virage coaching meeting: %(business)s") % {"business": meeting.business.name}
        mode_line = _("Mode: %(mode)s") % {"mode": Meeting.Mode(meeting.mode).label}
        description = f"{mode_line}\n\n{meeting.agenda}".strip()
    advisor = meeting.advisor
    return ical.build_ics(
        ical.IcsEvent(
            uid=f"coaching-meeting-{meeting.pk}@virage",
            sequence=meeting.sequence,
            starts_at=meeting.starts_at,
            minutes=meeting.planned_minutes,
            summary=summary,
            description=description,
            location=meeting.location,
            organizer_email=advisor.email,
            organizer_name=advisor.get_full_name(),
            attendees=tuple((u.email, u.get_full_name()) for u in attendees),
            cancelled=meeting.status == Meeting.Status.CANCELLED,
            stamp=timezone.now(),
        )
    )


def _send_meeting_emails(*, meeting: Meeting, template: str) -> None:
    recipients = _recipients(meeting.business)
    for user in recipients:
        language = user.language or "fr"
        with translation.override(language):
            url = _site_url(reverse("coaching:my_coaching"))
        ics = meeting_ics(meeting=meeting, language=language, attendees=recipients)
        email_queue(
            key=f"coaching.{template}.{meeting.pk}.{meeting.sequence}.{user.pk}",
            to=user.email,
            template=f"coaching/{template}",
            context={
                "name": user.get_short_name(),
                "business": meeting.business.name,
                "advisor": meeting.advisor,
                "starts_at": timezone.localtime(meeting.starts_at),
                "ends_at": timezone.localtime(meeting.starts_at)
                + timedelta(minutes=meeting.planned_minutes),
                "minutes": meeting.planned_minutes,
                "mode": Meeting.Mode(meeting.mode).label,
                "location": meeting.location,
                "agenda": meeting.agenda,
                "url": url,
            },
            language=language,
            attachments=[
                {
                    "filename": "virage-coaching.ics",
                    "content": ics,
                    "mimetype": ical.MIMETYPE,
                }
            ],
        )


def meeting_plan(
    *,
    business: Business,
    actor,
    starts_at: datetime,
    planned_minutes: int,
    mode: str,
    location: str,
    agenda: str,
    request_token: uuid.UUID | None = None,
) -> Meeting:
    """The business's advisor plans a meeting; each merchant of the business gets an
    invitation in their language with an iCalendar attachment. The same `request_token`
    (a form's hidden field) returns the meeting already planned: no second invitation."""
    if not can_coach(actor, business):
        raise PermissionDenied
    if request_token is not None:
        existing = Meeting.objects.filter(request_token=request_token).first()
        if existing is not None:
            if existing.business_id != business.pk:
                raise ValidationError(_("This form was already used: reload the page."))
            return existing
    errors = {}
    if timezone.is_naive(starts_at):
        raise ValueError("starts_at must be timezone-aware")
    if starts_at <= timezone.now():
        errors["date"] = _("Choose a date and time in the future.")
    if not MIN_MEETING_MINUTES <= planned_minutes <= MAX_MEETING_MINUTES:
        errors["planned_minutes"] = _("The duration is between %(min)s and %(max)s minutes.") % {
            "min": MIN_MEETING_MINUTES,
            "max": MAX_MEETING_MINUTES,
        }
    if mode not in Meeting.Mode.values:
        errors["mode"] = _("Choose how the meeting takes place.")
    if not (agenda or "").strip():
        errors["agenda"] = _("Write the agenda: the merchant receives it with the invitation.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        if locked.status not in CASELOAD_STATUSES:
            raise ValidationError(_("This business is no longer in the program."))
        if locked.advisor_id != actor.pk:
            raise PermissionDenied
        meeting = Meeting.objects.create(
            business=locked,
            advisor=actor,
            starts_at=starts_at,
            planned_minutes=planned_minutes,
            mode=mode,
            location=(location or "").strip(),
            agenda=agenda.strip(),
            request_token=request_token,
        )
        audit_log(
            actor=actor,
            verb="coaching.meeting_planned",
            obj=meeting,
            after={
                "business_id": locked.pk,
                "starts_at": starts_at.isoformat(),
                "planned_minutes": planned_minutes,
                "mode": mode,
            },
        )
        _send_meeting_emails(meeting=meeting, template="meeting_invitation")
    return meeting


def meeting_cancel(*, meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Cancel a planned meeting; the merchants get an iCalendar cancellation."""
    with transaction.atomic():
        business = Business.objects.select_for_update().get(pk=meeting.business_id)
        locked = Meeting.objects.select_for_update().select_related("advisor").get(pk=meeting.pk)
        if not can_coach(actor, business):
            raise PermissionDenied
        if locked.status == Meeting.Status.CANCELLED:
            return locked
        if locked.status != Meeting.Status.PLANNED:
            raise ValidationError(_("A meeting already held cannot be cancelled."))
        locked.status = Meeting.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.sequence += 1
        locked.save(update_fields=["status", "cancelled_at", "sequence"])
        locked.business = business
        audit_log(
            actor=actor,
            verb="coaching.meeting_cancelled",
            obj=locked,
            before={"status": Meeting.Status.PLANNED},
            after={"status": Meeting.Status.CANCELLED},
            reason=(reason or "").strip(),
        )
        _send_meeting_emails(meeting=locked, template="meeting_cancelled")
    return locked


def meeting_log(
    *,
    meeting: Meeting,
    actor,
    actual_minutes: int,
    topics: str,
    next_steps: str,
    private_notes: str = "",
    plan_action_ids: Sequence[int] = (),
) -> Meeting:
    """The advisor logs a meeting held: its minutes count against the allowance.

    Locks the business row first, so simultaneous logs for one business are serialised;
    refuses (AllowanceExceeded) a log that would pass the allowance: a program admin must
    first grant an extension. Logging a meeting already logged changes nothing."""
    with transaction.atomic():
        business = Business.objects.select_for_update().get(pk=meeting.business_id)
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not can_coach(actor, business):
            raise PermissionDenied
        if locked.status == Meeting.Status.HELD:
            return locked
        if locked.status == Meeting.Status.CANCELLED:
            raise ValidationError(_("This meeting was cancelled: it cannot be logged."))
        if locked.starts_at > timezone.now():
            raise ValidationError(_("A meeting can be logged once it has started."))
        if not (topics or "").strip():
            raise ValidationError({"topics": _("Write the topics covered.")})
        from .selectors import allowance_for

        current = allowance_for(business=business)
        refusal = rules.check_log(current, actual_minutes)
        if refusal is not None:
            language = translation.get_language() or "fr"
            error_class = (
                AllowanceExceeded if refusal.code == "allowance_exceeded" else ValidationError
            )
            raise error_class({"actual_minutes": refusal.message(language)})
        actions = integrations.plan_actions_for_business(business, plan_action_ids)
        locked.status = Meeting.Status.HELD
        locked.actual_minutes = actual_minutes
        locked.topics = topics.strip()
        locked.next_steps = (next_steps or "").strip()
        locked.private_notes = (private_notes or "").strip()
        locked.logged_at = timezone.now()
        locked.logged_by = actor
        locked.advisor = actor  # the advisor who held the meeting is credited with it
        locked.save(
            update_fields=[
                "status",
                "actual_minutes",
                "topics",
                "next_steps",
                "private_notes",
                "logged_at",
                "logged_by",
                "advisor",
            ]
        )
        integrations.link_plan_actions(locked, actions)
        after = rules.allowance(
            allowed=current.allowed, extended=current.extended, used=current.used + actual_minutes
        )
        audit_log(
            actor=actor,
            verb="coaching.meeting_logged",
            obj=locked,
            after={
                "business_id": business.pk,
                "actual_minutes": actual_minutes,
                "minutes_used": after.used,
                "minutes_allowed": after.total,
            },
        )
    return locked


@dataclass(frozen=True)
class MeetingCorrection:
    """What `meeting_correct` did: the meeting as saved and the fields it changed (empty:
    the values were already those, nothing was written)."""

    meeting: Meeting
    changed: tuple[str, ...]


CORRECTABLE_FIELDS = ("actual_minutes", "topics", "next_steps", "private_notes")


def meeting_correction_refusal(meeting: Meeting) -> str | None:
    """Why `meeting` cannot be corrected (None: it can, being held), in the active language."""
    if meeting.status == Meeting.Status.HELD:
        return None
    if meeting.status == Meeting.Status.PLANNED:
        return _(
            "This meeting has not been logged yet: there is nothing to correct. "
            "Log it once it has taken place."
        )
    return _("This meeting was cancelled: it has no minutes or notes to correct.")


def meeting_correct(
    *,
    meeting: Meeting,
    actor,
    actual_minutes: int,
    topics: str,
    next_steps: str,
    private_notes: str | None = None,
    reason: str,
) -> MeetingCorrection:
    """Correct a meeting already held: its actual minutes (which count against the
    allowance), topics, next steps and private notes, with a reason (audited with the
    minutes before and after, never the texts). The business's advisor or a program admin.

    Locks the business, then the meeting (the order `meeting_log` uses), so a correction and
    a log of the same business run one after the other; raising the minutes is refused
    (AllowanceExceeded) when the meeting would no longer fit in what the other meetings
    leave of the allowance. `private_notes=None` keeps the notes as they are. Submitting the
    same values again changes nothing and writes no audit event."""
    reason = (reason or "").strip()
    with transaction.atomic():
        business = Business.objects.select_for_update().get(pk=meeting.business_id)
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not can_correct_meeting(actor, business):
            raise PermissionDenied
        if private_notes is not None and not can_see_private_notes(actor, business):
            raise PermissionDenied
        not_correctable = meeting_correction_refusal(locked)
        if not_correctable is not None:
            raise ValidationError(not_correctable)
        errors = {}
        if not MIN_ACTUAL_MINUTES <= actual_minutes <= MAX_MEETING_MINUTES:
            errors["actual_minutes"] = _(
                "The actual duration is between %(min)s and %(max)s minutes."
            ) % {"min": MIN_ACTUAL_MINUTES, "max": MAX_MEETING_MINUTES}
        if not (topics or "").strip():
            errors["topics"] = _("Write the topics covered.")
        if not reason:
            errors["reason"] = _("Give the reason for the correction.")
        if errors:
            raise ValidationError(errors)
        from .selectors import allowance_for

        old_minutes = locked.actual_minutes
        current = allowance_for(business=business)
        refusal = rules.check_correction(current, old_minutes, actual_minutes)
        if refusal is not None:
            language = translation.get_language() or "fr"
            error_class = (
                AllowanceExceeded if refusal.code == "allowance_exceeded" else ValidationError
            )
            raise error_class({"actual_minutes": refusal.message(language)})
        values = {
            "actual_minutes": actual_minutes,
            "topics": topics.strip(),
            "next_steps": (next_steps or "").strip(),
            "private_notes": (
                locked.private_notes if private_notes is None else private_notes.strip()
            ),
        }
        changed = tuple(f for f in CORRECTABLE_FIELDS if getattr(locked, f) != values[f])
        locked.business = business
        if not changed:
            return MeetingCorrection(meeting=locked, changed=())
        for field_name in changed:
            setattr(locked, field_name, values[field_name])
        locked.save(update_fields=list(changed))
        after = rules.allowance(
            allowed=current.allowed,
            extended=current.extended,
            used=current.used - old_minutes + actual_minutes,
        )
        audit_log(
            actor=actor,
            verb="coaching.meeting_corrected",
            obj=locked,
            before={
                "business_id": business.pk,
                "actual_minutes": old_minutes,
                "minutes_used": current.used,
                "minutes_allowed": current.total,
            },
            after={
                "business_id": business.pk,
                "actual_minutes": actual_minutes,
                "minutes_used": after.used,
                "minutes_allowed": after.total,
                "fields_changed": list(changed),  # names only: no text of the notes
            },
            reason=reason,
        )
    return MeetingCorrection(meeting=locked, changed=changed)


# --- Allowance extensions --------------------------------------------------------------------


def allowance_extension_grant(
    *,
    business: Business,
    minutes: int,
    reason: str,
    actor,
    request_token: uuid.UUID | None = None,
) -> AllowanceExtension:
    """A program admin adds coaching minutes to a business, with a reason (audited). The
    same `request_token` returns the extension already granted."""
    if not can_grant_extension(actor):
        raise PermissionDenied
    if request_token is not None:
        existing = AllowanceExtension.objects.filter(request_token=request_token).first()
        if existing is not None:
            if existing.business_id != business.pk:
                raise ValidationError(_("This form was already used: reload the page."))
            return existing
    reason = (reason or "").strip()
    errors = {}
    if not 1 <= minutes <= MAX_EXTENSION_MINUTES:
        errors["minutes"] = _("The extension is between 1 and %(max)s minutes.") % {
            "max": MAX_EXTENSION_MINUTES
        }
    if not reason:
        errors["reason"] = _("Give the reason for the extension.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        from .selectors import allowance_for

        before = allowance_for(business=locked)
        extension = AllowanceExtension.objects.create(
            business=locked,
            minutes=minutes,
            reason=reason,
            granted_by=actor,
            request_token=request_token,
        )
        audit_log(
            actor=actor,
            verb="coaching.allowance_extended",
            obj=locked,
            before={"minutes_allowed": before.total},
            after={"minutes_allowed": before.total + minutes, "extension_minutes": minutes},
            reason=reason,
        )
    return extension
