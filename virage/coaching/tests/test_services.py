"""Coaching services: profiles, assignment, meetings, allowance and extensions."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from icalendar import Calendar

from virage.coaching import selectors, services
from virage.coaching.models import AdvisorAssignment, AdvisorProfile, AllowanceExtension, Meeting
from virage.coaching.tests.factories import (
    make_advisor,
    make_business,
    make_meeting,
    make_plan,
    set_profile,
)
from virage.core.models import AuditEvent, OutgoingEmail
from virage.enterprises.models import Business
from virage.programs.models import Region, Subsector

pytestmark = pytest.mark.django_db


@pytest.fixture
def profiles(personas):
    """Antoine (Montérégie) and Sofia (Estrie) with profiles."""
    set_profile(personas.antoine, regions=("16",), languages=("fr", "en"), subsectors=("458",))
    set_profile(personas.sofia, regions=("05",), languages=("fr",), subsectors=("444",))
    return personas


def audits(verb):
    return list(AuditEvent.objects.filter(verb=verb).order_by("id"))


# --- profiles --------------------------------------------------------------------------------


def test_admin_saves_a_profile_and_it_is_audited(personas):
    profile = services.advisor_profile_save(
        advisor=personas.antoine,
        actor=personas.ada,
        regions=Region.objects.filter(code__in=["16", "03"]),
        languages=["fr", "en"],
        subsectors=Subsector.objects.filter(code="458"),
        max_caseload=35,
        availability="active",
    )
    assert sorted(r.code for r in profile.regions.all()) == ["03", "16"]
    assert (profile.languages, profile.max_caseload, profile.availability) == (
        ["fr", "en"],
        35,
        "active",
    )
    [event] = audits("advisor.profile_created")
    assert event.after == {
        "regions": ["03", "16"],
        "languages": ["fr", "en"],
        "subsectors": ["458"],
        "max_caseload": 35,
        "availability": "active",
    }
    # saving the same values again writes no second event
    services.advisor_profile_save(
        advisor=personas.antoine,
        actor=personas.ada,
        regions=Region.objects.filter(code__in=["16", "03"]),
        languages=["fr", "en"],
        subsectors=Subsector.objects.filter(code="458"),
        max_caseload=35,
        availability="active",
    )
    assert audits("advisor.profile_updated") == []


@pytest.mark.parametrize("actor", ["antoine", "marie", "fatou"])
def test_only_the_admin_edits_profiles(personas, actor):
    with pytest.raises(PermissionDenied):
        services.advisor_profile_save(
            advisor=personas.antoine,
            actor=getattr(personas, actor),
            regions=[],
            languages=["fr"],
            subsectors=[],
            max_caseload=10,
            availability="active",
        )
    assert AdvisorProfile.objects.count() == 0


def test_profile_needs_a_known_language(personas):
    with pytest.raises(ValidationError) as exc:
        services.advisor_profile_save(
            advisor=personas.antoine,
            actor=personas.ada,
            regions=[],
            languages=["xx"],
            subsectors=[],
            max_caseload=10,
            availability="active",
        )
    assert exc.value.message_dict == {
        "languages": ["Choisissez au moins une langue dans la liste."]
    }


# --- assignment ------------------------------------------------------------------------------


def test_admin_assigns_then_reassigns_with_a_reason(profiles):
    business = make_business()
    row = services.advisor_assign(business=business, advisor=profiles.antoine, actor=profiles.ada)
    business.refresh_from_db()
    assert business.advisor_id == profiles.antoine.pk
    assert (row.kind, row.previous_advisor_id, row.assigned_by_id) == (
        "initial",
        None,
        profiles.ada.pk,
    )
    [event] = audits("business.advisor_assigned")
    assert (event.before, event.after) == (
        {"advisor_id": None},
        {"advisor_id": profiles.antoine.pk, "kind": "initial"},
    )

    # the same confirmation twice (double click) changes nothing
    assert (
        services.advisor_assign(business=business, advisor=profiles.antoine, actor=profiles.ada)
        is None
    )
    assert AdvisorAssignment.objects.filter(business=business).count() == 1

    # reassignment without a reason: refused, nothing changes
    with pytest.raises(ValidationError) as exc:
        services.advisor_assign(business=business, advisor=profiles.sofia, actor=profiles.ada)
    assert exc.value.message_dict == {"reason": ["Indiquez le motif de la réassignation."]}
    business.refresh_from_db()
    assert business.advisor_id == profiles.antoine.pk

    row = services.advisor_assign(
        business=business,
        advisor=profiles.sofia,
        actor=profiles.ada,
        reason="  Antoine part en congé parental  ",
    )
    business.refresh_from_db()
    assert business.advisor_id == profiles.sofia.pk
    assert (row.kind, row.previous_advisor_id, row.reason) == (
        "reassignment",
        profiles.antoine.pk,
        "Antoine part en congé parental",
    )
    [event] = audits("business.advisor_reassigned")
    assert event.reason == "Antoine part en congé parental"
    assert event.before == {"advisor_id": profiles.antoine.pk}


def test_reassignment_row_needs_a_reason_in_the_database(profiles):
    business = make_business()
    with pytest.raises(IntegrityError), transaction.atomic():
        AdvisorAssignment.objects.create(
            business=business, advisor=profiles.antoine, kind="reassignment", reason=""
        )


@pytest.mark.parametrize("actor", ["antoine", "marie", "paul"])
def test_only_the_admin_assigns(profiles, actor):
    business = make_business()
    with pytest.raises(PermissionDenied):
        services.advisor_assign(
            business=business, advisor=profiles.antoine, actor=getattr(profiles, actor)
        )
    business.refresh_from_db()
    assert business.advisor_id is None
    assert AdvisorAssignment.objects.count() == 0


def test_assignment_refuses_an_advisor_on_leave_full_or_without_profile(personas):
    on_leave = make_advisor(availability="on_leave")
    full = make_advisor(max_caseload=1)
    make_business(advisor=full)
    no_profile = make_advisor(profile=False)
    business = make_business()
    messages = []
    for advisor in (on_leave, full, no_profile):
        with pytest.raises(ValidationError) as exc:
            services.advisor_assign(business=business, advisor=advisor, actor=personas.ada)
        messages.append(exc.value.message_dict["advisor"])
    assert messages == [
        ["Ce conseiller est en congé."],
        ["Ce conseiller a atteint son nombre maximal d'entreprises (1 sur 1)."],
        [
            "Ce conseiller n'a pas encore de profil : remplissez-le avant de lui assigner "
            "une entreprise."
        ],
    ]
    business.refresh_from_db()
    assert business.advisor_id is None


def test_assignment_needs_a_business_in_the_program(profiles):
    business = make_business(status=Business.Status.APPLIED)
    with pytest.raises(ValidationError):
        services.advisor_assign(business=business, advisor=profiles.antoine, actor=profiles.ada)


def test_bulk_apply_is_all_or_nothing_and_idempotent(profiles):
    a, b, c = make_business(), make_business(), make_business()
    result = services.assignment_bulk_apply(
        pairs=[(a.pk, profiles.antoine.pk), (b.pk, profiles.sofia.pk)], actor=profiles.ada
    )
    assert (result.assigned, result.unchanged) == (2, 0)
    assert [r.kind for r in AdvisorAssignment.objects.order_by("id")] == ["bulk", "bulk"]

    # submitted again: nothing assigned twice
    result = services.assignment_bulk_apply(
        pairs=[(a.pk, profiles.antoine.pk), (b.pk, profiles.sofia.pk)], actor=profiles.ada
    )
    assert (result.assigned, result.unchanged) == (0, 2)

    # c is fine but a already has Antoine: bulk never reassigns, and c stays unassigned
    with pytest.raises(ValidationError):
        services.assignment_bulk_apply(
            pairs=[(c.pk, profiles.antoine.pk), (a.pk, profiles.sofia.pk)], actor=profiles.ada
        )
    c.refresh_from_db()
    a.refresh_from_db()
    assert (c.advisor_id, a.advisor_id) == (None, profiles.antoine.pk)
    assert AdvisorAssignment.objects.count() == 2


def test_suggestions_rank_the_advisors_for_a_business(profiles):
    business = make_business(region="16", subsector="458")
    ranking = selectors.advisor_suggestions(user=profiles.ada, business=business)
    # Antoine: region, French, expertise, empty caseload; Sofia: French and capacity only
    assert [(s.name, s.score, s.available) for s in ranking] == [
        ("Antoine Roy", 100, True),
        ("Sofia Côté", 40, True),
    ]
    assert selectors.advisor_suggestions(user=profiles.antoine, business=business) == []


def test_bulk_proposals_read_the_owner_language(profiles):
    set_profile(profiles.sofia, regions=("16",), languages=("en",), subsectors=())
    french, english = make_business(), make_business(owner_language="en")
    qs = selectors.assignable_businesses(user=profiles.ada).filter(pk__in=[french.pk, english.pk])
    proposals = selectors.bulk_proposals(user=profiles.ada, businesses=list(qs))
    assert [(p.business_id, p.advisor_id) for p in proposals] == [
        (french.pk, profiles.antoine.pk),
        # Antoine speaks English too, but Sofia is lighter (0 vs 1 after the first proposal)
        (english.pk, profiles.sofia.pk),
    ]


# --- meetings --------------------------------------------------------------------------------


def plan_kwargs(**changes):
    values = {
        "starts_at": timezone.now() + timedelta(days=3),
        "planned_minutes": 90,
        "mode": "on_site",
        "location": "120, rue Principale, Granby",
        "agenda": "Choisir la plateforme de boutique en ligne",
    }
    values.update(changes)
    return values


def test_planning_sends_an_invitation_with_ics_in_the_merchant_language(
    businesses, personas, django_capture_on_commit_callbacks
):
    personas.marie.language = "en"
    personas.marie.save(update_fields=["language"])
    token = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_plan(
            business=businesses.marie, actor=personas.antoine, request_token=token, **plan_kwargs()
        )
    assert meeting.status == "planned"
    [message] = mail.outbox
    assert message.to == ["marie@demo.virage.example"]
    assert message.subject.startswith("Virage coaching meeting on ")
    assert "Antoine Roy, your digital transformation advisor" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("virage-coaching.ics", "text/calendar")
    calendar = Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(vevent["SUMMARY"]) == "Virage coaching meeting: Boutique Marie"
    assert vevent["DTSTART"].dt == meeting.starts_at.replace(microsecond=0)
    assert str(vevent["ORGANIZER"]) == "mailto:antoine@demo.virage.example"
    assert str(vevent["ATTENDEE"]) == "mailto:marie@demo.virage.example"
    [event] = audits("coaching.meeting_planned")
    assert event.after["planned_minutes"] == 90

    # the same form submitted twice: the same meeting, no second invitation
    with django_capture_on_commit_callbacks(execute=True):
        again = services.meeting_plan(
            business=businesses.marie, actor=personas.antoine, request_token=token, **plan_kwargs()
        )
    assert again.pk == meeting.pk
    assert Meeting.objects.count() == 1
    assert len(mail.outbox) == 1


def test_french_invitation(businesses, personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_plan(business=businesses.marie, actor=personas.antoine, **plan_kwargs())
    [message] = mail.outbox
    assert message.subject.startswith("Rencontre d'accompagnement Virage le ")
    assert "Choisir la plateforme de boutique en ligne" in message.body
    calendar = Calendar.from_ical(message.attachments[0][1])
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Rencontre d'accompagnement Virage : Boutique Marie"


@pytest.mark.parametrize("actor", ["sofia", "ada", "marie"])
def test_only_the_assigned_advisor_plans(
    businesses, personas, actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.meeting_plan(
            business=businesses.marie, actor=getattr(personas, actor), **plan_kwargs()
        )
    assert Meeting.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_planning_in_the_past_is_refused(businesses, personas):
    with pytest.raises(ValidationError) as exc:
        services.meeting_plan(
            business=businesses.marie,
            actor=personas.antoine,
            **plan_kwargs(starts_at=timezone.now() - timedelta(minutes=5), agenda=" "),
        )
    assert exc.value.message_dict == {
        "date": ["Choisissez une date et une heure à venir."],
        "agenda": ["Rédigez l'ordre du jour : le commerçant le reçoit avec l'invitation."],
    }
    assert Meeting.objects.count() == 0


def log(meeting, actor, minutes, **kw):
    return services.meeting_log(
        meeting=meeting,
        actor=actor,
        actual_minutes=minutes,
        topics=kw.pop("topics", "Boutique en ligne"),
        next_steps=kw.pop("next_steps", "Comparer deux plateformes"),
        private_notes=kw.pop("private_notes", "Hésite à investir"),
        **kw,
    )


def test_logging_counts_the_minutes_and_warns_at_80_percent(businesses, personas):
    marie = businesses.marie  # 600 minutes
    first = make_meeting(marie, personas.antoine, days_ago=10)
    logged = log(first, personas.antoine, 420)
    assert (logged.status, logged.actual_minutes, logged.logged_by_id) == (
        "held",
        420,
        personas.antoine.pk,
    )
    assert selectors.coaching_minutes_used(business=marie) == 420
    assert selectors.allowance_for(business=marie).level == "ok"
    [event] = audits("coaching.meeting_logged")
    assert event.after == {
        "business_id": marie.pk,
        "actual_minutes": 420,
        "minutes_used": 420,
        "minutes_allowed": 600,
    }

    second = make_meeting(marie, personas.antoine, days_ago=1)
    log(second, personas.antoine, 60)
    current = selectors.allowance_for(business=marie)
    assert (current.used, current.remaining, current.percent, current.level) == (
        480,
        120,
        80,
        "warning",
    )
    # logging the same meeting again changes nothing
    log(second, personas.antoine, 90)
    assert selectors.coaching_minutes_used(business=marie) == 480


def test_logging_past_the_allowance_needs_an_admin_extension(businesses, personas):
    marie = businesses.marie
    log(make_meeting(marie, personas.antoine, days_ago=20), personas.antoine, 540)
    meeting = make_meeting(marie, personas.antoine, days_ago=1)
    with pytest.raises(services.AllowanceExceeded) as exc:
        log(meeting, personas.antoine, 90)
    assert exc.value.message_dict == {
        "actual_minutes": [
            "Ces 90 minutes dépasseraient l'enveloppe d'accompagnement : 540 minutes "
            "utilisées sur 600 (1,0 h restantes). Demandez une prolongation à "
            "l'administration du programme."
        ]
    }
    meeting.refresh_from_db()
    assert (meeting.status, meeting.actual_minutes) == ("planned", None)
    assert selectors.coaching_minutes_used(business=marie) == 540

    with pytest.raises(PermissionDenied):
        services.allowance_extension_grant(
            business=marie, minutes=60, reason="Projet", actor=personas.antoine
        )
    with pytest.raises(ValidationError) as exc:
        services.allowance_extension_grant(
            business=marie, minutes=60, reason="   ", actor=personas.ada
        )
    assert exc.value.message_dict == {"reason": ["Indiquez le motif de la prolongation."]}

    token = uuid.uuid4()
    services.allowance_extension_grant(
        business=marie,
        minutes=60,
        reason="Migration de l'inventaire en cours",
        actor=personas.ada,
        request_token=token,
    )
    services.allowance_extension_grant(  # double submit: one extension
        business=marie, minutes=60, reason="Migration", actor=personas.ada, request_token=token
    )
    assert AllowanceExtension.objects.count() == 1
    [event] = audits("coaching.allowance_extended")
    assert (event.before, event.after, event.reason) == (
        {"minutes_allowed": 600},
        {"minutes_allowed": 660, "extension_minutes": 60},
        "Migration de l'inventaire en cours",
    )
    log(meeting, personas.antoine, 90 - 30)
    current = selectors.allowance_for(business=marie)
    assert (current.allowed, current.extended, current.used, current.level) == (
        600,
        60,
        600,
        "warning",
    )


@pytest.mark.parametrize("actor", ["sofia", "ada", "marie"])
def test_only_the_assigned_advisor_logs(businesses, personas, actor):
    meeting = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    with pytest.raises(PermissionDenied):
        log(meeting, getattr(personas, actor), 60)
    meeting.refresh_from_db()
    assert meeting.status == "planned"
    assert AuditEvent.objects.filter(verb="coaching.meeting_logged").count() == 0


def test_a_future_or_cancelled_meeting_cannot_be_logged(businesses, personas):
    future = make_meeting(
        businesses.marie, personas.antoine, starts_at=timezone.now() + timedelta(hours=2)
    )
    with pytest.raises(ValidationError) as exc:
        log(future, personas.antoine, 60)
    assert exc.value.messages == ["Une rencontre peut être consignée une fois commencée."]
    services.meeting_cancel(meeting=future, actor=personas.antoine)
    with pytest.raises(ValidationError) as exc:
        log(future, personas.antoine, 60)
    assert exc.value.messages == [
        "Cette rencontre a été annulée : elle ne peut pas être consignée."
    ]


def test_log_links_plan_actions_of_the_business_only(businesses, personas):
    _plan, (website, pos) = make_plan(
        businesses.marie, actions=[("Site web", "accepted", None), ("Caisse", "proposed", None)]
    )
    _other, (luc_action,) = make_plan(businesses.luc, actions=[("Inventaire", "accepted", None)])
    meeting = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    with pytest.raises(ValidationError) as exc:
        log(meeting, personas.antoine, 60, plan_action_ids=[website.pk, luc_action.pk])
    assert exc.value.message_dict == {
        "plan_actions": ["Choisissez des actions du plan de cette entreprise."]
    }
    log(meeting, personas.antoine, 60, plan_action_ids=[website.pk, pos.pk])
    assert sorted(a.title_fr for a in meeting.plan_actions.all()) == ["Caisse", "Site web"]


def test_actual_minutes_must_be_positive_in_the_database(businesses, personas):
    meeting = make_meeting(businesses.marie, personas.antoine)
    for minutes in (0, None):
        with pytest.raises(IntegrityError), transaction.atomic():
            Meeting.objects.filter(pk=meeting.pk).update(status="held", actual_minutes=minutes)


def test_cancelling_sends_an_ics_cancellation(
    businesses, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_plan(
            business=businesses.marie, actor=personas.antoine, **plan_kwargs()
        )
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.meeting_cancel(
            meeting=meeting, actor=personas.antoine, reason="Imprévu"
        )
    assert (cancelled.status, cancelled.sequence) == ("cancelled", 1)
    assert len(mail.outbox) == 2
    message = mail.outbox[1]
    assert message.subject.startswith("Annulée : rencontre d'accompagnement Virage le ")
    calendar = Calendar.from_ical(message.attachments[0][1])
    [vevent] = calendar.walk("VEVENT")
    assert (str(calendar["METHOD"]), str(vevent["STATUS"]), vevent["SEQUENCE"]) == (
        "CANCEL",
        "CANCELLED",
        1,
    )
    assert str(vevent["UID"]) == f"coaching-meeting-{meeting.pk}@virage"
    [event] = audits("coaching.meeting_cancelled")
    assert event.reason == "Imprévu"
    # cancelling twice: nothing more
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, actor=personas.antoine)
    assert len(mail.outbox) == 2


def test_the_advisor_who_logs_is_credited(businesses, personas, profiles):
    meeting = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    services.advisor_assign(
        business=businesses.marie, advisor=personas.sofia, actor=personas.ada, reason="Congé"
    )
    log(meeting, personas.sofia, 60)
    meeting.refresh_from_db()
    assert meeting.advisor_id == personas.sofia.pk
    with pytest.raises(PermissionDenied):
        log(make_meeting(businesses.marie, personas.antoine), personas.antoine, 30)
