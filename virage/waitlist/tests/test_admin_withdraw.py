"""The program admin withdraws one callback-list entry at the person's request (phone,
e-mail): the entry page, the confirmation form, the service's guarantees (atomic, audited,
idempotent) and who may do it."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from virage.core.models import AuditEvent
from virage.waitlist import services
from virage.waitlist.models import (
    CallbackConsent,
    CallbackEntry,
    EntryStatus,
    IntakeWave,
    Invitation,
    InvitationStatus,
)
from virage.waitlist.tests.factories import make_entry

pytestmark = pytest.mark.django_db
LIST_URL = "/fr/intake/manage/"


def url(entry) -> str:
    return f"/fr/intake/manage/entries/{entry.pk}/"


def text(response) -> str:
    return unescape(response.content.decode())


def withdrawals(entry) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            verb="waitlist.withdrawn",
            object_type="waitlist.callbackentry",
            object_id=str(entry.pk),
        )
    )


@pytest.fixture
def invited(personas, program):
    """Marie's shop, confirmed and invited in a wave of one place."""
    entry = make_entry(
        business_name="Boutique Marie", email="marie.boutique@example.com", neq="1170000888"
    )
    wave = services.wave_create(actor=personas.ada, name="Vague A", places=1)
    services.wave_send_invitations(wave=wave, actor=personas.ada)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.INVITED
    return entry


def test_the_list_links_each_withdrawable_entry_to_its_page(client_for, program):
    waiting = make_entry(business_name="Fromagerie Alpha")
    unconfirmed = make_entry(business_name="Librairie Beta", status=EntryStatus.UNCONFIRMED)
    applied = make_entry(business_name="Quincaillerie Gamma", status=EntryStatus.APPLIED)
    withdrawn = make_entry(status=EntryStatus.WITHDRAWN)
    body = text(client_for("ada").get(LIST_URL))
    assert f'href="{url(waiting)}"' in body
    assert f'href="{url(unconfirmed)}"' in body
    assert f'href="{url(applied)}"' not in body
    assert f'href="{url(withdrawn)}"' not in body
    assert 'Retirer…<span class="visually-hidden"> Fromagerie Alpha</span>' in body


def test_the_entry_page_shows_the_details_and_the_form_in_french(client_for, invited):
    response = client_for("ada").get(url(invited))
    assert response.status_code == 200
    body = text(response)
    for shown in (
        "<h1>Boutique Marie</h1>",
        "marie.boutique@example.com",
        "1170000888",
        "Personne ",  # contact name
        "invité",  # status
        "Vague A",
        "Consentements",
        "Communications au sujet du programme",
        "Retirer de la liste de rappel</button>",
        "Motif",
        "Facultatif, conservé dans le journal d'audit",
        "Ses coordonnées (nom de l'entreprise, nom de la personne-ressource, courriel",
        'name="csrfmiddlewaretoken"',
    ):
        assert shown in body, shown


def test_admin_withdraws_with_a_reason(client_for, personas, invited):
    ada = client_for("ada")
    response = ada.post(url(invited), {"reason": "  Demandé par téléphone le 3 mars  "})
    assert response.status_code == 302
    assert response["Location"] == LIST_URL

    entry = CallbackEntry.objects.get(pk=invited.pk)
    assert entry.status == EntryStatus.WITHDRAWN
    assert (entry.business_name, entry.contact_name, entry.phone, entry.neq) == ("—", "", "", None)
    assert entry.email == f"withdrawn-{entry.public_id}@invalid.example"
    assert entry.postal_code == "J2G"
    assert CallbackConsent.objects.filter(entry=entry, withdrawn_at__isnull=True).count() == 0
    assert entry.invitations.get().status == InvitationStatus.CANCELLED

    [event] = withdrawals(entry)
    assert event.actor_id == personas.ada.pk
    assert event.reason == "Demandé par téléphone le 3 mars"
    assert event.before == {"status": "invited"}
    assert event.after == {"status": "withdrawn", "invitations_cancelled": 1}

    listing = ada.get(LIST_URL)
    body = text(listing)
    assert (
        "L'inscription a été retirée de la liste de rappel : ses coordonnées ont été effacées "
        "et ses consentements marqués comme retirés." in body
    )
    [row] = listing.context["rows"]
    assert (row.entry.pk, row.status, row.withdraw_url) == (entry.pk, "retiré", "")
    assert "<td>retiré</td>" in body
    assert "Boutique Marie" not in body
    assert "invalid.example" not in body  # the erased address's placeholder is not shown


def test_the_message_is_in_the_admins_language(client_for, invited):
    response = client_for("ada").post(
        f"/en/intake/manage/entries/{invited.pk}/", {"reason": ""}, follow=True
    )
    assert response.redirect_chain == [("/en/intake/manage/", 302)]
    assert (
        "The entry was withdrawn from the callback list: its contact details were erased and "
        "its consents marked withdrawn." in text(response)
    )


def test_the_reason_is_optional(client_for, invited):
    response = client_for("ada").post(url(invited), {})
    assert response.status_code == 302
    [event] = withdrawals(invited)
    assert event.reason == ""


def test_a_too_long_reason_keeps_the_entry_and_says_why(client_for, invited):
    response = client_for("ada").post(url(invited), {"reason": "x" * 501})
    assert response.status_code == 200
    assert "Veuillez corriger ce qui suit" in text(response)
    invited.refresh_from_db()
    assert invited.status == EntryStatus.INVITED
    assert withdrawals(invited) == []


def test_a_second_post_is_harmless(client_for, invited):
    ada = client_for("ada")
    ada.post(url(invited), {"reason": "Par courriel"})
    response = ada.post(url(invited), {"reason": "Double clic"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(LIST_URL, 302)]
    assert "Cette inscription avait déjà été retirée de la liste de rappel." in text(response)
    [event] = withdrawals(invited)
    assert event.reason == "Par courriel"


def test_a_withdrawn_entry_shows_its_status_and_no_button(client_for, invited):
    ada = client_for("ada")
    ada.post(url(invited))
    body = text(ada.get(url(invited)))
    assert "<h1>Inscription retirée</h1>" in body
    assert "Cette inscription a été retirée de la liste de rappel : ses coordonnées ont été" in body
    assert "</button>" not in body.split("<main", 1)[-1]
    assert "marie.boutique@example.com" not in body


def test_an_applied_entry_cannot_be_withdrawn_here(client_for, program):
    entry = make_entry(business_name="Épicerie Delta", status=EntryStatus.APPLIED)
    ada = client_for("ada")
    body = text(ada.get(url(entry)))
    assert "Cette entreprise a présenté une demande" in body
    assert "Retirer de la liste de rappel</button>" not in body
    response = ada.post(url(entry), {"reason": "Appel"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(url(entry), 302)]
    assert (
        "Cette entreprise a présenté une demande : son inscription ne peut plus être retirée"
        in text(response)
    )
    entry.refresh_from_db()
    assert (entry.status, entry.business_name) == (EntryStatus.APPLIED, "Épicerie Delta")
    assert withdrawals(entry) == []


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("marie", 403),
        ("antoine", 403),
        ("nadia", 403),
        ("paul", 403),
        ("rita", 403),
        ("fatou", 403),
    ],
)
def test_other_roles_cannot_see_or_withdraw(client_for, invited, persona, status):
    client = client_for(persona)
    assert client.get(url(invited)).status_code == status
    assert client.post(url(invited), {"reason": "x"}).status_code == status
    invited.refresh_from_db()
    assert (invited.status, invited.business_name) == (EntryStatus.INVITED, "Boutique Marie")
    assert withdrawals(invited) == []


def test_anonymous_visitors_are_sent_to_the_login_page(client, invited):
    for response in (client.get(url(invited)), client.post(url(invited))):
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    invited.refresh_from_db()
    assert invited.status == EntryStatus.INVITED


def test_an_unknown_entry_is_404(client_for, program):
    ada = client_for("ada")
    assert ada.get("/fr/intake/manage/entries/999999/").status_code == 404
    assert ada.post("/fr/intake/manage/entries/999999/").status_code == 404


def test_the_form_is_csrf_protected(personas, invited):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(personas.ada)
    assert strict.post(url(invited), {"reason": "x"}).status_code == 403
    invited.refresh_from_db()
    assert invited.status == EntryStatus.INVITED


def test_the_entry_page_query_count_is_constant(client_for, personas, invited, assert_queries):
    from django.utils import timezone

    invitation = invited.invitations.get()
    ada = client_for("ada")
    for n in (1, 20):
        for i in range(n - invited.invitations.count()):
            wave = IntakeWave.objects.create(name=f"Ancienne vague {i}", places=1)
            Invitation.objects.create(
                wave=wave,
                entry=invited,
                token=f"old-{i}",
                status=InvitationStatus.EXPIRED,
                sent_at=invitation.sent_at - timedelta(days=30),
                expires_at=invitation.sent_at - timedelta(days=16),
                remind_at=invitation.sent_at - timedelta(days=19),
                ended_at=timezone.now(),
            )
        ada.get(url(invited))
        # session, user, entry (region, subsector, partner, latest wave), consents,
        # invitations with their wave, program (context processor)
        with assert_queries(6):
            response = ada.get(url(invited))
        assert len(response.context["invitations"]) == n
        assert text(response).count("Ancienne vague") == n - 1


# --- the service ---------------------------------------------------------------------------


def test_the_service_refuses_other_roles(personas, invited):
    with pytest.raises(PermissionDenied):
        services.callback_withdraw(entry=invited, actor=personas.paul)
    invited.refresh_from_db()
    assert invited.status == EntryStatus.INVITED
    assert withdrawals(invited) == []


def test_the_service_is_idempotent(personas, invited):
    first = services.callback_withdraw(entry=invited, actor=personas.ada, reason="a")
    again = services.callback_withdraw(entry=invited, actor=personas.ada, reason="b")
    assert first.status == again.status == EntryStatus.WITHDRAWN
    assert [e.reason for e in withdrawals(invited)] == ["a"]


def test_the_service_explains_an_entry_erased_meanwhile(personas, program):
    entry = make_entry(status=EntryStatus.UNCONFIRMED)
    CallbackEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(ValidationError):
        services.callback_withdraw(entry=entry, actor=personas.ada)


def test_the_person_and_the_admin_get_their_own_message_for_an_application(personas, program):
    entry = make_entry(status=EntryStatus.APPLIED)
    with pytest.raises(ValidationError) as by_person:
        services.callback_withdraw(entry=entry)
    with pytest.raises(ValidationError) as by_admin:
        services.callback_withdraw(entry=entry, actor=personas.ada)
    assert by_person.value.messages[0].startswith("Votre demande est commencée")
    assert by_admin.value.messages[0].startswith("Cette entreprise a présenté une demande")
