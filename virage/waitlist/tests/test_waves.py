"""Intake waves: preview, sending (first come first served, regional caps), invitations,
reminders, expiry, the contract with the enterprises app."""

from __future__ import annotations

from datetime import timedelta
from html import unescape
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from virage.core.models import AuditEvent
from virage.programs.models import Region
from virage.waitlist import selectors, services
from virage.waitlist.models import CallbackEntry, EntryStatus, IntakeWave, Invitation
from virage.waitlist.tests.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(program):
    """Six confirmed entries in queue order (Montréal ×3, Montérégie ×2, Estrie), plus one
    unconfirmed and one withdrawn that must never be invited."""
    regions = ["06", "06", "16", "06", "05", "16"]
    entries = [
        make_entry(region=r, language="en" if i == 1 else "fr") for i, r in enumerate(regions)
    ]
    make_entry(status=EntryStatus.UNCONFIRMED)
    make_entry(status=EntryStatus.WITHDRAWN)
    return entries


def wave(personas, places=3, **kwargs):
    return services.wave_create(actor=personas.ada, name=f"Vague {places}", places=places, **kwargs)


def test_only_program_admins_create_waves(personas, program):
    with pytest.raises(PermissionDenied):
        services.wave_create(actor=personas.paul, name="V", places=3)
    assert IntakeWave.objects.count() == 0


def test_wave_rules_are_checked(personas, program):
    montreal = Region.objects.get(code="06")
    with pytest.raises(ValidationError) as error:
        services.wave_create(
            actor=personas.ada,
            name="V",
            places=2,
            invitation_days=5,
            reminder_days=5,
            quotas={montreal: 3},
        )
    assert sorted(error.value.message_dict) == ["quotas", "reminder_days"]


def test_preview_is_first_come_first_served_among_confirmed_entries(personas, queue):
    preview = selectors.wave_preview(wave=wave(personas, places=4))
    assert [e.pk for e in preview] == [e.pk for e in queue[:4]]


def test_regional_quota_caps_a_region(personas, queue):
    montreal = Region.objects.get(code="06")
    w = wave(personas, places=4, quotas={montreal: 1})
    assert [e.pk for e in selectors.wave_preview(wave=w)] == [
        queue[0].pk,
        queue[2].pk,
        queue[4].pk,
        queue[5].pk,
    ]


def test_send_invites_the_preview_and_emails_each_in_their_language(
    personas, queue, django_capture_on_commit_callbacks
):
    w = wave(personas, places=3, invitation_days=14, reminder_days=3)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.wave_send_invitations(wave=w, actor=personas.ada)
    assert sent == 3
    invitations = list(Invitation.objects.order_by("entry__signed_up_at"))
    assert [i.entry_id for i in invitations] == [e.pk for e in queue[:3]]
    assert {i.status for i in invitations} == {"sent"}
    first = invitations[0]
    assert first.expires_at - first.sent_at == timedelta(days=14)
    assert first.expires_at - first.remind_at == timedelta(days=3)
    assert sorted(CallbackEntry.objects.filter(status="invited").values_list("pk", flat=True)) == [
        e.pk for e in queue[:3]
    ]
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Virage : votre invitation à présenter une demande au programme",
        "Virage : votre invitation à présenter une demande au programme",
        "Virage: your invitation to apply to the program",
    ]
    english = next(m for m in mail.outbox if m.to == [queue[1].email])
    token = Invitation.objects.get(entry=queue[1]).token
    assert f"http://127.0.0.1:8000/en/business/apply/{token}/" in english.body
    assert AuditEvent.objects.filter(verb="waitlist.invitation_sent").count() == 3
    assert AuditEvent.objects.get(verb="waitlist.wave_sent").after == {"invited": 3}


def test_sending_again_a_full_wave_invites_nobody(personas, queue):
    w = wave(personas, places=2)
    assert services.wave_send_invitations(wave=w, actor=personas.ada) == 2
    assert services.wave_send_invitations(wave=w, actor=personas.ada) == 0
    assert Invitation.objects.count() == 2


def test_one_entry_is_never_invited_twice_at_once(personas, queue):
    first, second = wave(personas, places=2), wave(personas, places=3)
    services.wave_send_invitations(wave=first, actor=personas.ada)
    services.wave_send_invitations(wave=second, actor=personas.ada)
    assert list(
        Invitation.objects.filter(wave=second)
        .order_by("entry__signed_up_at")
        .values_list("entry_id", flat=True)
    ) == [e.pk for e in queue[2:5]]


def test_closed_wave_sends_nothing(personas, queue):
    w = wave(personas)
    services.wave_close(wave=w, actor=personas.ada)
    assert services.wave_send_invitations(wave=w, actor=personas.ada) == 0
    with pytest.raises(ValidationError):
        services.wave_send(wave=IntakeWave.objects.get(pk=w.pk), actor=personas.ada)


def test_reminder_once_before_expiry(personas, queue, django_capture_on_commit_callbacks):
    w = wave(personas, places=1, invitation_days=10, reminder_days=2)
    services.wave_send_invitations(wave=w, actor=personas.ada)
    invitation = Invitation.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.invitation_send_reminders(now=invitation.remind_at - timedelta(hours=1)) == 0
        )
        assert services.invitation_send_reminders(now=invitation.remind_at) == 1
        assert services.invitation_send_reminders(now=invitation.remind_at) == 0
    assert [m.subject for m in mail.outbox] == [
        "Virage : votre invitation à présenter une demande expire bientôt"
    ]
    assert invitation.token in mail.outbox[0].body


def test_expiry_returns_the_entry_to_its_place_and_frees_the_wave_place(
    personas, queue, django_capture_on_commit_callbacks
):
    w = wave(personas, places=1)
    services.wave_send_invitations(wave=w, actor=personas.ada)
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitation_expire_due(now=invitation.expires_at) == 1
        assert services.invitation_expire_due(now=invitation.expires_at) == 0
    invitation.refresh_from_db()
    assert invitation.status == "expired"
    first = CallbackEntry.objects.get(pk=queue[0].pk)
    assert first.status == EntryStatus.WAITING
    assert selectors.queue_position(first) == (1, 6)
    assert selectors.wave_free_places(w) == (1, {})
    assert services.invitation_for_token(invitation.token) is None
    # the freed place goes to the next business; the same wave does not re-invite the first
    assert services.wave_send_invitations(wave=w, actor=personas.ada) == 1
    assert Invitation.objects.get(status="sent").entry_id == queue[1].pk
    assert "invitation a expiré" in mail.outbox[-1].subject


def test_housekeeping_command_is_idempotent(personas, queue):
    w = wave(personas, places=2)
    services.wave_send_invitations(wave=w, actor=personas.ada)
    Invitation.objects.update(
        expires_at=timezone.now() - timedelta(minutes=1),
        sent_at=timezone.now() - timedelta(days=15),
        remind_at=timezone.now() - timedelta(days=3),
    )
    out = StringIO()
    call_command("intake_housekeeping", stdout=out)
    call_command("intake_housekeeping", stdout=out)
    assert out.getvalue().splitlines() == [
        "reminded 0, expired 2, erased 0 unconfirmed sign-ups",
        "reminded 0, expired 0, erased 0 unconfirmed sign-ups",
    ]


def test_unconfirmed_signups_are_erased_30_days_after_their_link_expired(program):
    old = make_entry(status=EntryStatus.UNCONFIRMED)
    recent = make_entry(status=EntryStatus.UNCONFIRMED)
    CallbackEntry.objects.filter(pk=old.pk).update(
        confirmation_expires_at=timezone.now() - timedelta(days=31)
    )
    assert services.callback_unconfirmed_purge() == 1
    assert list(CallbackEntry.objects.values_list("pk", flat=True)) == [recent.pk]


def test_invitation_for_token_and_accept(personas, businesses, queue):
    w = wave(personas, places=1)
    services.wave_send_invitations(wave=w, actor=personas.ada)
    invitation = Invitation.objects.get()
    assert services.invitation_for_token("") is None
    assert services.invitation_for_token("unknown") is None
    found = services.invitation_for_token(invitation.token)
    assert found.pk == invitation.pk
    accepted = services.invitation_accept(
        invitation=found, business=businesses.marie, actor=personas.marie
    )
    assert (accepted.status, accepted.business) == ("accepted", businesses.marie)
    assert CallbackEntry.objects.get(pk=queue[0].pk).status == EntryStatus.APPLIED
    assert services.invitation_for_token(invitation.token) is None
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=found, business=businesses.luc, actor=personas.luc)
    event = AuditEvent.objects.get(verb="waitlist.invitation_accepted")
    assert (event.actor_id, event.after) == (
        personas.marie.pk,
        {"status": "accepted", "business": businesses.marie.pk},
    )
    # an accepted invitation keeps its place in the wave
    assert selectors.wave_free_places(w) == (0, {})


def test_expired_invitation_cannot_be_accepted(personas, businesses, queue):
    w = wave(personas, places=1)
    services.wave_send_invitations(wave=w, actor=personas.ada)
    invitation = Invitation.objects.get()
    Invitation.objects.update(
        sent_at=timezone.now() - timedelta(days=20), expires_at=timezone.now()
    )
    assert services.invitation_for_token(invitation.token) is None
    with pytest.raises(ValidationError):
        services.invitation_accept(
            invitation=invitation, business=businesses.marie, actor=personas.marie
        )


def test_admin_pages_create_preview_send_and_close(
    client_for, personas, queue, django_capture_on_commit_callbacks
):
    ada = client_for("ada")
    response = ada.post(
        "/fr/intake/manage/waves/new/",
        {
            "name": "Vague d'automne",
            "places": "2",
            "invitation_days": "14",
            "reminder_days": "3",
            "quota_06": "1",
        },
    )
    w = IntakeWave.objects.get()
    assert response["Location"] == f"/fr/intake/manage/waves/{w.pk}/"
    assert list(w.quotas.values_list("region__code", "places")) == [("06", 1)]
    body = unescape(ada.get(f"/fr/intake/manage/waves/{w.pk}/").content.decode())
    assert "2 entreprises seraient invitées maintenant" in body
    assert queue[0].business_name in body and queue[2].business_name in body
    assert queue[1].business_name not in body
    with django_capture_on_commit_callbacks(execute=True):
        ada.post(f"/fr/intake/manage/waves/{w.pk}/", {"action": "send"})
    assert sorted(Invitation.objects.values_list("entry_id", flat=True)) == sorted(
        [queue[0].pk, queue[2].pk]
    )
    assert AuditEvent.objects.filter(verb="waitlist.wave_send_requested").count() == 1
    ada.post(f"/fr/intake/manage/waves/{w.pk}/", {"action": "close"})
    w.refresh_from_db()
    assert w.status == "closed"


def test_wave_form_errors_keep_what_was_typed(client_for, program):
    response = client_for("ada").post(
        "/fr/intake/manage/waves/new/",
        {
            "name": "Vague X",
            "places": "2",
            "invitation_days": "3",
            "reminder_days": "3",
            "quota_06": "5",
        },
    )
    body = unescape(response.content.decode())
    assert "Le rappel doit partir avant l'expiration de l'invitation." in body
    assert "Un quota régional ne peut pas dépasser le nombre de places de la vague." in body
    assert 'value="Vague X"' in body
    assert IntakeWave.objects.count() == 0


def test_other_roles_cannot_send(client_for, personas, queue):
    w = wave(personas)
    for key in ("paul", "fatou", "antoine", "marie"):
        response = client_for(key).post(f"/fr/intake/manage/waves/{w.pk}/", {"action": "send"})
        assert response.status_code == 403
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_wave_detail_query_count_does_not_grow(client_for, personas, program, assert_queries):
    ada = client_for("ada")
    for n in (1, 20):
        # n live invitations, n more entries waiting for the n free places
        w = services.wave_create(actor=personas.ada, name=f"Q{n}", places=2 * n)
        for _i in range(n):
            make_entry()
        services.wave_send_invitations(wave=w, actor=personas.ada)
        for _i in range(n):
            make_entry()
        ada.get(f"/fr/intake/manage/waves/{w.pk}/")  # warm the session
        # session, user, wave, places (taken by region, quotas), preview (candidates, their
        # rows), invitations (count, page), regions of the table, program (context processor)
        with assert_queries(11):
            response = ada.get(f"/fr/intake/manage/waves/{w.pk}/")
        assert response.status_code == 200
