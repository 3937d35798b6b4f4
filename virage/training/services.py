"""Writes on training: modules, sessions, registrations, attendance and reminders.

Every function is atomic, checks the actor's permission, writes an audit event and queues its
e-mails on commit. Seats are taken under a row lock on the session (`select_for_update`) with
a conditional UPDATE (`seats_taken < capacity`); the database also refuses
`seats_taken > capacity`. So simultaneous registrations never overbook a session, and a freed
seat goes to exactly one waitlisted person."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from virage.accounts.models import Role
from virage.core.services import audit_log, email_queue
from virage.enterprises import rules as business_rules
from virage.enterprises.models import Business

from . import permissions
from . import topics as topic_data
from .ics import session_ics, session_location
from .models import (
    Attendance,
    Registration,
    TrainingModule,
    TrainingModuleTopic,
    TrainingSession,
    TrainingSettings,
)

# ------------------------------------------------------------------ settings


def training_settings_for(program) -> TrainingSettings | None:
    """The program's training defaults, created with the defaults on first use."""
    if program is None:
        return None
    return TrainingSettings.objects.get_or_create(program=program)[0]


def default_cancellation_deadline_hours() -> int:
    from virage.programs.selectors import program_current

    found = training_settings_for(program_current())
    return found.cancellation_deadline_hours if found else 24


# ------------------------------------------------------------------ modules


def _check_admin(actor) -> None:
    if not permissions.can_manage_catalog(actor):
        raise PermissionDenied


def _clean_topics(keys) -> list[str]:
    unknown = [k for k in keys if not topic_data.is_topic(k)]
    if unknown:
        raise ValidationError(
            {"categories": _("Unknown topic: %(keys)s.") % {"keys": ", ".join(unknown)}}
        )
    return list(dict.fromkeys(keys))


def _check_prerequisites(module: TrainingModule | None, prerequisites) -> None:
    """No module may require itself, directly or through other modules."""
    if module is None or module.pk is None:
        return
    graph: dict[int, set[int]] = {}
    for from_id, to_id in TrainingModule.prerequisites.through.objects.values_list(
        "from_trainingmodule_id", "to_trainingmodule_id"
    ):
        graph.setdefault(from_id, set()).add(to_id)
    graph[module.pk] = {p.pk for p in prerequisites}
    seen: set[int] = set()
    stack = list(graph[module.pk])
    while stack:
        current = stack.pop()
        if current == module.pk:
            raise ValidationError(
                {"prerequisites": _("A module cannot require itself, even through other modules.")}
            )
        if current not in seen:
            seen.add(current)
            stack.extend(graph.get(current, ()))


MODULE_FIELDS = (
    "key",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "duration_minutes",
    "level",
    "is_active",
)


def _module_save(*, module: TrainingModule | None, data: dict, actor) -> TrainingModule:
    _check_admin(actor)
    topics = _clean_topics([*data.get("categories", ()), *data.get("dimensions", ())])
    prerequisites = list(data.get("prerequisites", ()))
    key = data["key"]
    with transaction.atomic():
        duplicate = TrainingModule.objects.filter(key=key)
        if module is not None:
            duplicate = duplicate.exclude(pk=module.pk)
        if duplicate.exists():
            raise ValidationError({"key": _("Another module already uses this key.")})
        if module is not None and any(p.pk == module.pk for p in prerequisites):
            raise ValidationError({"prerequisites": _("A module cannot require itself.")})
        _check_prerequisites(module, prerequisites)
        created = module is None
        module = module or TrainingModule()
        before = {f: getattr(module, f) for f in MODULE_FIELDS} if not created else None
        for name in MODULE_FIELDS:
            if name in data:
                setattr(module, name, data[name])
        module.save()
        module.prerequisites.set(prerequisites)
        current = set(module.topics.values_list("key", flat=True))
        wanted = set(topics)
        module.topics.filter(key__in=current - wanted).delete()
        TrainingModuleTopic.objects.bulk_create(
            [TrainingModuleTopic(module=module, key=k) for k in topics if k not in current]
        )
        after = {f: getattr(module, f) for f in MODULE_FIELDS}
        audit_log(
            actor=actor,
            verb="training.module_created" if created else "training.module_updated",
            obj=module,
            before=before,
            after={**after, "topics": sorted(wanted)},
        )
    return module


def module_create(*, data: dict, actor) -> TrainingModule:
    """Program admin: a new module (`data` = the module form's cleaned data)."""
    return _module_save(module=None, data=data, actor=actor)


def module_update(*, module: TrainingModule, data: dict, actor) -> TrainingModule:
    return _module_save(module=module, data=data, actor=actor)


# ------------------------------------------------------------------ sessions

SESSION_FIELDS = (
    "module",
    "starts_at",
    "ends_at",
    "mode",
    "online_url",
    "venue",
    "address",
    "city",
    "region",
    "language",
    "capacity",
    "trainer",
    "replay_url",
    "cancellation_deadline_hours",
)
TEXT_FIELDS = {"online_url", "venue", "address", "city", "replay_url"}


def session_times(day, start: time, end: time) -> tuple[datetime, datetime]:
    """Aware start and end on one day, in the platform's time zone."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(day, start), tz),
        timezone.make_aware(datetime.combine(day, end), tz),
    )


def _validate_session(data: dict) -> None:
    errors: dict[str, str] = {}
    if data["ends_at"] <= data["starts_at"]:
        errors["end_time"] = _("The session must end after it starts.")
    if data["mode"] == TrainingSession.Mode.ONLINE and not data.get("online_url"):
        errors["online_url"] = _("An online session needs its link.")
    if data["mode"] == TrainingSession.Mode.IN_PERSON:
        if not data.get("address"):
            errors["address"] = _("An in-person session needs an address.")
        if not data.get("city"):
            errors["city"] = _("An in-person session needs a city.")
        if data.get("region") is None:
            errors["region"] = _("An in-person session needs a region.")
    trainer = data.get("trainer")
    if trainer is None or trainer.role != Role.TRAINER or not trainer.is_active:
        errors["trainer"] = _("Choose an active person with the trainer role.")
    if errors:
        raise ValidationError(errors)


def _session_snapshot(session: TrainingSession) -> dict:
    return {
        "module": session.module_id,
        "starts_at": session.starts_at.isoformat() if session.starts_at else None,
        "ends_at": session.ends_at.isoformat() if session.ends_at else None,
        "mode": session.mode,
        "region": session.region_id,
        "language": session.language,
        "capacity": session.capacity,
        "trainer": session.trainer_id,
        "cancellation_deadline_hours": session.cancellation_deadline_hours,
        "status": session.status,
    }


def session_create(*, data: dict, actor) -> TrainingSession:
    """Program admin: schedule a session. An empty cancellation deadline takes the program
    default (TrainingSettings)."""
    _check_admin(actor)
    data = dict(data)
    if data.get("cancellation_deadline_hours") is None:
        data["cancellation_deadline_hours"] = default_cancellation_deadline_hours()
    _validate_session(data)
    if data["mode"] == TrainingSession.Mode.ONLINE:
        data.update(venue="", address="", city="", region=None)
    with transaction.atomic():
        session = TrainingSession(
            **{
                f: (data[f] or "") if f in TEXT_FIELDS else data[f]
                for f in SESSION_FIELDS
                if f in data
            }
        )
        session.save()
        audit_log(
            actor=actor,
            verb="training.session_created",
            obj=session,
            after=_session_snapshot(session),
        )
    return session


def session_update(*, session: TrainingSession, data: dict, actor) -> TrainingSession:
    """Program admin: edit a scheduled session. Capacity cannot go below the seats taken;
    added seats go to the waitlist at once; a new start time re-arms the reminder."""
    _check_admin(actor)
    data = dict(data)
    if data.get("cancellation_deadline_hours") is None:
        data["cancellation_deadline_hours"] = session.cancellation_deadline_hours
    _validate_session(data)
    if data["mode"] == TrainingSession.Mode.ONLINE:
        data.update(venue="", address="", city="", region=None)
    with transaction.atomic():
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if locked.status != TrainingSession.Status.SCHEDULED:
            raise ValidationError(_("Only a scheduled session can be edited."))
        if data["capacity"] < locked.seats_taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)s people already hold a seat: the capacity cannot be lower."
                    )
                    % {"taken": locked.seats_taken}
                }
            )
        before = _session_snapshot(locked)
        moved = data["starts_at"] != locked.starts_at
        for name in SESSION_FIELDS:
            if name in data:
                value = data[name]
                if name in TEXT_FIELDS:
                    value = value or ""
                setattr(locked, name, value)
        locked.save()
        if moved:
            locked.registrations.filter(status=Registration.Status.REGISTERED).update(
                reminder_sent_at=None
            )
        _promote_waitlisted(locked, actor=actor)
        audit_log(
            actor=actor,
            verb="training.session_updated",
            obj=locked,
            before=before,
            after=_session_snapshot(locked),
        )
    session.refresh_from_db()
    return session


def session_cancel(*, session: TrainingSession, reason: str, actor) -> TrainingSession:
    """Program admin: cancel a scheduled session; everyone registered or waitlisted is told."""
    _check_admin(actor)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason: it is sent to the participants.")})
    with transaction.atomic():
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == TrainingSession.Status.CANCELLED:
            return locked
        if locked.status != TrainingSession.Status.SCHEDULED:
            raise ValidationError(_("A closed session cannot be cancelled."))
        now = timezone.now()
        affected = list(
            locked.registrations.filter(status__in=Registration.ACTIVE_STATUSES).select_related(
                "person", "session__module", "session__trainer"
            )
        )
        locked.registrations.filter(status__in=Registration.ACTIVE_STATUSES).update(
            status=Registration.Status.CANCELLED,
            waitlist_position=None,
            status_changed_at=now,
            cancelled_by=actor,
        )
        locked.status = TrainingSession.Status.CANCELLED
        locked.cancelled_at = now
        locked.cancellation_reason = reason.strip()
        locked.seats_taken = 0
        locked.save(update_fields=["status", "cancelled_at", "cancellation_reason", "seats_taken"])
        audit_log(
            actor=actor,
            verb="training.session_cancelled",
            obj=locked,
            after={"registrations_cancelled": len(affected)},
            reason=reason.strip(),
        )
        for registration in affected:
            registration.session = locked
            _send(registration, "session_cancelled", reason=locked.cancellation_reason)
    session.refresh_from_db()
    return session


def session_set_replay(*, session: TrainingSession, replay_url: str, actor) -> TrainingSession:
    """The trainer (or an admin) adds or changes the replay link, also after the session."""
    if not permissions.runs_session(actor, session):
        raise PermissionDenied
    with transaction.atomic():
        before = bool(session.replay_url)
        TrainingSession.objects.filter(pk=session.pk).update(replay_url=replay_url)
        session.replay_url = replay_url
        audit_log(
            actor=actor,
            verb="training.replay_set",
            obj=session,
            before={"has_replay": before},
            after={"has_replay": bool(replay_url)},
        )
    return session


# ------------------------------------------------------------------ registrations


def _lock(session: TrainingSession) -> TrainingSession:
    return (
        TrainingSession.objects.select_for_update()
        .select_related("module", "trainer")
        .get(pk=session.pk)
    )


def _take_seat(session: TrainingSession) -> bool:
    """Conditional UPDATE: one seat if one is left. True when taken."""
    taken = TrainingSession.objects.filter(
        pk=session.pk,
        status=TrainingSession.Status.SCHEDULED,
        seats_taken__lt=F("capacity"),
    ).update(seats_taken=F("seats_taken") + 1)
    if taken:
        session.seats_taken += 1
    return bool(taken)


def _free_seat(session: TrainingSession) -> None:
    TrainingSession.objects.filter(pk=session.pk, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )
    session.seats_taken = max(session.seats_taken - 1, 0)


def _leave_waitlist(session: TrainingSession, position: int) -> None:
    """Keep positions contiguous: everyone behind moves up by one (under the session lock)."""
    Registration.objects.filter(
        session=session,
        status=Registration.Status.WAITLISTED,
        waitlist_position__gt=position,
    ).order_by("waitlist_position").update(waitlist_position=F("waitlist_position") - 1)


def _promote_waitlisted(session: TrainingSession, *, actor) -> list[Registration]:
    """Give free seats to the waitlist, in order, while the session has not started.
    The caller holds the session lock."""
    promoted = []
    if session.status != TrainingSession.Status.SCHEDULED or session.has_started():
        return promoted
    while True:
        candidate = (
            Registration.objects.select_for_update()
            .filter(session=session, status=Registration.Status.WAITLISTED)
            .order_by("waitlist_position")
            .first()
        )
        if candidate is None or not _take_seat(session):
            return promoted
        position = candidate.waitlist_position
        candidate.status = Registration.Status.REGISTERED
        candidate.waitlist_position = None
        candidate.status_changed_at = timezone.now()
        candidate.save(update_fields=["status", "waitlist_position", "status_changed_at"])
        _leave_waitlist(session, position)
        audit_log(
            actor=actor,
            verb="training.registration_promoted",
            obj=candidate,
            after={"status": candidate.status, "session": session.pk},
        )
        candidate.session = session
        _send(candidate, "promoted")
        promoted.append(candidate)


def registration_create(
    *, session: TrainingSession, person, business: Business, actor
) -> Registration:
    """Register `person` (a merchant member of `business`) for a session, or put them on the
    waitlist when it is full. Submitting again returns the same registration."""
    visible = Business.objects.visible_to(actor).filter(pk=business.pk).exists()
    if not permissions.may_register_as(
        actor, person=person, business=business, business_visible=visible
    ):
        raise PermissionDenied
    if not business.members.filter(user=person, user__role=Role.MERCHANT).exists():
        raise ValidationError(_("This person is not a member of the business."))
    if business.status not in business_rules.ACTIVE:
        raise ValidationError(_("Only a business enrolled in the program can register."))
    with transaction.atomic():
        locked = _lock(session)
        if locked.status != TrainingSession.Status.SCHEDULED:
            raise ValidationError(_("This session is no longer open for registration."))
        if locked.has_started():
            raise ValidationError(_("This session has already started."))
        registration = Registration.objects.filter(session=locked, person=person).first()
        if registration is not None and registration.status in Registration.ACTIVE_STATUSES:
            return registration  # double submit, retry: nothing happens twice
        now = timezone.now()
        if _take_seat(locked):
            status, position = Registration.Status.REGISTERED, None
        else:
            status = Registration.Status.WAITLISTED
            position = (
                Registration.objects.filter(
                    session=locked, status=Registration.Status.WAITLISTED
                ).count()
                + 1
            )
        if registration is None:
            registration = Registration(session=locked, person=person)
        registration.business = business
        registration.status = status
        registration.waitlist_position = position
        registration.created_by = actor
        registration.status_changed_at = now
        registration.cancelled_by = None
        registration.reminder_sent_at = None
        registration.save()
        audit_log(
            actor=actor,
            verb="training.registration_created",
            obj=registration,
            after={"status": status, "session": locked.pk, "business": business.pk},
        )
        registration.session = locked
        _send(
            registration,
            "registered" if status == Registration.Status.REGISTERED else "waitlisted",
        )
    return registration


def registration_cancel(*, registration: Registration, actor) -> Registration:
    """Cancel a registration. A seat can be given back until the session's cancellation
    deadline (admins: until the start); the freed seat goes to the first waitlisted person,
    who is told by e-mail. Leaving the waitlist is always possible. Cancelling twice is
    harmless."""
    visible = Business.objects.visible_to(actor).filter(pk=registration.business_id).exists()
    if not permissions.may_cancel(actor, registration, business_visible=visible):
        raise PermissionDenied
    with transaction.atomic():
        locked = _lock(registration.session)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in Registration.ACTIVE_STATUSES:
            return current
        if locked.status != TrainingSession.Status.SCHEDULED or locked.has_started():
            raise ValidationError(_("This session has started or is over: it cannot be cancelled."))
        now = timezone.now()
        was = current.status
        if was == Registration.Status.REGISTERED:
            deadline = locked.cancellation_deadline
            if now > deadline and not permissions.can_manage_catalog(actor):
                raise ValidationError(
                    _(
                        "The cancellation deadline (%(deadline)s) has passed. Contact the program "
                        "team if you cannot attend."
                    )
                    % {
                        "deadline": formats.date_format(
                            timezone.localtime(deadline), "DATETIME_FORMAT"
                        )
                    }
                )
            _free_seat(locked)
        position = current.waitlist_position
        current.status = Registration.Status.CANCELLED
        current.waitlist_position = None
        current.status_changed_at = now
        current.cancelled_by = actor
        current.save(
            update_fields=["status", "waitlist_position", "status_changed_at", "cancelled_by"]
        )
        if was == Registration.Status.WAITLISTED:
            _leave_waitlist(locked, position)
        audit_log(
            actor=actor,
            verb="training.registration_cancelled",
            obj=current,
            before={"status": was},
            after={"status": current.status, "session": locked.pk},
        )
        current.session = locked
        _send(current, "cancelled")
        if was == Registration.Status.REGISTERED:
            _promote_waitlisted(locked, actor=None)
    registration.refresh_from_db()
    return registration


# ------------------------------------------------------------------ attendance


def _record(locked: TrainingSession, entries: dict, actor) -> list[Attendance]:
    """entries: {registration id: (status, minutes or None)}."""
    registrations = {
        r.pk: r for r in locked.registrations.filter(status=Registration.Status.REGISTERED)
    }
    unknown = [pk for pk in entries if pk not in registrations]
    if unknown:
        raise ValidationError(_("These people are not registered for this session."))
    duration = locked.duration_minutes
    errors = {}
    rows = []
    now = timezone.now()
    for pk, (status, minutes) in entries.items():
        if status == Attendance.Status.PRESENT:
            minutes = duration
        elif status == Attendance.Status.ABSENT:
            minutes = 0
        elif status == Attendance.Status.PARTIAL:
            if minutes is None or not 1 <= minutes < duration:
                errors[f"minutes_{pk}"] = _(
                    "For a partial attendance, give the minutes attended (1 to %(max)s)."
                ) % {"max": duration - 1}
                continue
        else:
            errors[f"status_{pk}"] = _("Choose present, partial or absent.")
            continue
        rows.append(
            Attendance(
                registration=registrations[pk],
                status=status,
                minutes=minutes,
                recorded_by=actor,
                recorded_at=now,
            )
        )
    if errors:
        raise ValidationError(errors)
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["registration"],
        update_fields=["status", "minutes", "recorded_by", "recorded_at"],
    )
    return rows


def _check_runs(actor, locked) -> None:
    if not permissions.runs_session(actor, locked):
        raise PermissionDenied
    if locked.status != TrainingSession.Status.SCHEDULED:
        raise ValidationError(_("This session is closed: its attendance can no longer change."))
    if not locked.has_started():
        raise ValidationError(_("Attendance can be taken once the session has started."))


def attendance_record(*, session: TrainingSession, entries: dict, actor) -> list[Attendance]:
    """The session's trainer (or an admin) records present / partial (minutes) / absent."""
    with transaction.atomic():
        locked = _lock(session)
        _check_runs(actor, locked)
        rows = _record(locked, entries, actor)
        audit_log(
            actor=actor,
            verb="training.attendance_recorded",
            obj=locked,
            after={"records": len(rows)},
        )
    return rows


def session_close(*, session: TrainingSession, entries: dict, actor) -> TrainingSession:
    """Record the last attendance entries and close the session: each person present or
    partial becomes `attended` and their minutes are credited to their business's training
    allowance; the others become `absent`. Every registered person needs an attendance."""
    with transaction.atomic():
        locked = _lock(session)
        _check_runs(actor, locked)
        if entries:
            _record(locked, entries, actor)
        registrations = list(
            locked.registrations.filter(status=Registration.Status.REGISTERED).select_related(
                "attendance"
            )
        )
        missing = [r for r in registrations if not hasattr(r, "attendance")]
        if missing:
            raise ValidationError(
                {
                    f"status_{r.pk}": _("Record this person's attendance before closing.")
                    for r in missing
                }
            )
        now = timezone.now()
        for registration in registrations:
            attended = registration.attendance.status != Attendance.Status.ABSENT
            registration.status = (
                Registration.Status.ATTENDED if attended else Registration.Status.ABSENT
            )
            registration.credited_minutes = registration.attendance.minutes if attended else 0
            registration.status_changed_at = now
        Registration.objects.bulk_update(
            registrations, ["status", "credited_minutes", "status_changed_at"]
        )
        for registration in registrations:
            audit_log(
                actor=actor,
                verb="training.minutes_credited",
                obj=registration,
                after={
                    "business": registration.business_id,
                    "status": registration.status,
                    "minutes": registration.credited_minutes,
                },
            )
        locked.status = TrainingSession.Status.CLOSED
        locked.closed_at = now
        locked.closed_by = actor
        locked.save(update_fields=["status", "closed_at", "closed_by"])
        audit_log(
            actor=actor,
            verb="training.session_closed",
            obj=locked,
            after={
                "attended": sum(r.status == Registration.Status.ATTENDED for r in registrations),
                "absent": sum(r.status == Registration.Status.ABSENT for r in registrations),
                "minutes": sum(r.credited_minutes for r in registrations),
            },
        )
    session.refresh_from_db()
    return session


# ------------------------------------------------------------------ reminders


def reminder_window(now: datetime) -> tuple[datetime, datetime]:
    """Sessions starting from now until the end of tomorrow (local time) get their reminder:
    run daily, this reminds the day before; a late run still reminds."""
    local = timezone.localtime(now)
    tomorrow_end = datetime.combine(local.date() + timedelta(days=2), time.min)
    return now, timezone.make_aware(tomorrow_end, timezone.get_current_timezone())


def reminders_send_due(*, now: datetime | None = None) -> int:
    """Queue the day-before reminder of every registered person not yet reminded. Idempotent:
    each registration is marked (conditional UPDATE) and its e-mail has a unique key, so two
    runs, even simultaneous, send one reminder. Returns the number queued."""
    now = now or timezone.now()
    start, end = reminder_window(now)
    due = list(
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            reminder_sent_at__isnull=True,
            session__status=TrainingSession.Status.SCHEDULED,
            session__starts_at__gt=start,
            session__starts_at__lt=end,
        )
        .select_related("person", "session__module", "session__trainer")
        .order_by("session__starts_at", "id")
    )
    queued = 0
    for registration in due:
        with transaction.atomic():
            marked = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not marked:
                continue
            _send(registration, "reminder")
            queued += 1
    return queued


# ------------------------------------------------------------------ e-mails

ICS_KINDS = {"registered", "promoted", "reminder"}


def _absolute(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs)
    return f"{settings.VIRAGE_SITE_URL}{path}"


def _send(registration: Registration, kind: str, **extra) -> None:
    """Queue one e-mail about a registration, in the person's language (after commit)."""
    person = registration.person
    session = registration.session
    language = person.language or "fr"
    url = _absolute("training:session_detail", language, pk=session.pk)
    with_link = kind in ICS_KINDS
    with translation.override(language):
        location = session_location(session, include_link=with_link)
    context = {
        "name": person.get_short_name(),
        "session": session,
        "module": session.module,
        "location": location,
        "url": url,
        "my_url": _absolute("training:my_trainings", language),
        "catalog_url": _absolute("training:catalog", language),
        "registration": registration,
        "deadline": session.cancellation_deadline,
        **extra,
    }
    attachments = None
    if with_link:
        attachments = [
            {
                "filename": "formation.ics" if language == "fr" else "training.ics",
                "content": session_ics(session=session, language=language, url=url),
                "mimetype": "text/calendar",
            }
        ]
    # one e-mail per event: a reminder per start time, the others per status change
    if kind == "reminder":
        key = f"training:reminder:{registration.pk}:{session.starts_at:%Y%m%d%H%M}"
    elif kind == "session_cancelled":
        key = f"training:session_cancelled:{registration.pk}"
    else:
        key = f"training:{kind}:{registration.pk}:{registration.status_changed_at:%Y%m%d%H%M%S%f}"
    email_queue(
        key=key,
        to=person.email,
        template=f"training/{kind}",
        context=context,
        language=language,
        attachments=attachments,
    )
