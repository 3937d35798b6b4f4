"""Correcting a meeting held: the service (minutes, allowance, audit, who may) and the page."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from virage.coaching import selectors, services
from virage.coaching.models import Meeting
from virage.coaching.tests.factories import make_meeting
from virage.core.models import AuditEvent

pytestmark = pytest.mark.django_db

SECRET = "Note privée : la propriétaire envisage de vendre le commerce"
TOPICS = "Choix d'une plateforme de boutique en ligne"
OVER = (
    "Corriger cette rencontre de 60 à 480 minutes dépasserait l'enveloppe "
    "d'accompagnement : 540 minutes utilisées sur 600, dont 60 pour cette rencontre. "
    "Elle peut compter au plus 120 minutes ; au-delà, demandez une prolongation à "
    "l'administration du programme."
)


@pytest.fixture
def typo(businesses, personas):
    """Marie's business (600 minutes): a meeting of one hour logged as 600 minutes by mistake,
    which uses up the whole allowance."""
    return make_meeting(
        businesses.marie,
        personas.antoine,
        days_ago=3,
        held_minutes=600,
        topics=TOPICS,
        next_steps="Demander deux soumissions",
        private_notes=SECRET,
    )


@pytest.fixture
def nearly_full(businesses, personas):
    """Marie's business with 480 minutes held elsewhere and one meeting of 60: 540 of 600."""
    make_meeting(businesses.marie, personas.antoine, days_ago=20, held_minutes=480)
    return make_meeting(
        businesses.marie, personas.antoine, days_ago=2, held_minutes=60, topics=TOPICS
    )


def correct(meeting, actor, **changes):
    values = {
        "actual_minutes": 60,
        "topics": meeting.topics,
        "next_steps": meeting.next_steps,
        "private_notes": meeting.private_notes,
        "reason": "Faute de frappe : 600 au lieu de 60",
    }
    values.update(changes)
    return services.meeting_correct(meeting=meeting, actor=actor, **values)


def events():
    return list(AuditEvent.objects.filter(verb="coaching.meeting_corrected").order_by("id"))


# --- the service ----------------------------------------------------------------------------


def test_correction_gives_the_minutes_back_and_is_audited(typo, businesses, personas):
    assert selectors.allowance_for(business=businesses.marie).level == "exhausted"
    result = correct(typo, personas.antoine, private_notes=SECRET + " (précision)")
    assert result.changed == ("actual_minutes", "private_notes")
    typo.refresh_from_db()
    assert typo.actual_minutes == 60
    assert typo.private_notes == SECRET + " (précision)"
    assert (typo.status, typo.topics, typo.advisor_id) == ("held", TOPICS, personas.antoine.pk)
    allowance = selectors.allowance_for(business=businesses.marie)
    assert (allowance.used, allowance.remaining, allowance.level) == (60, 540, "ok")
    [event] = events()
    assert event.actor_id == personas.antoine.pk
    assert (event.object_type, event.object_id) == ("coaching.meeting", str(typo.pk))
    assert event.reason == "Faute de frappe : 600 au lieu de 60"
    assert event.before == {
        "business_id": businesses.marie.pk,
        "actual_minutes": 600,
        "minutes_used": 600,
        "minutes_allowed": 600,
    }
    assert event.after == {
        "business_id": businesses.marie.pk,
        "actual_minutes": 60,
        "minutes_used": 60,
        "minutes_allowed": 600,
        "fields_changed": ["actual_minutes", "private_notes"],
    }
    # never the texts themselves: private notes, topics, next steps
    stored = json.dumps([event.before, event.after], ensure_ascii=False)
    assert "Note privée" not in stored
    assert "plateforme" not in stored
    assert "soumissions" not in stored
    assert mail.outbox == []


def test_the_program_admin_corrects_too(typo, businesses, personas):
    correct(typo, personas.ada, topics="Boutique en ligne", actual_minutes=75)
    typo.refresh_from_db()
    assert (typo.actual_minutes, typo.topics) == (75, "Boutique en ligne")
    assert typo.advisor_id == personas.antoine.pk  # still credited to who held it
    [event] = events()
    assert event.actor_id == personas.ada.pk
    assert event.after["fields_changed"] == ["actual_minutes", "topics"]


def test_raising_within_the_allowance_is_accepted(nearly_full, businesses, personas):
    correct(nearly_full, personas.antoine, actual_minutes=120)
    assert selectors.coaching_minutes_used(business=businesses.marie) == 600


def test_raising_past_the_allowance_is_refused_and_changes_nothing(
    nearly_full, businesses, personas
):
    with pytest.raises(services.AllowanceExceeded) as exc:
        correct(nearly_full, personas.antoine, actual_minutes=480, topics="Autre chose")
    assert exc.value.message_dict == {"actual_minutes": [OVER]}
    nearly_full.refresh_from_db()
    assert (nearly_full.actual_minutes, nearly_full.topics) == (60, TOPICS)
    assert selectors.coaching_minutes_used(business=businesses.marie) == 540
    assert events() == []


def test_reason_topics_and_minutes_bounds_are_checked(typo, personas):
    with pytest.raises(ValidationError) as exc:
        correct(typo, personas.antoine, reason="   ", topics=" ", actual_minutes=481)
    assert exc.value.message_dict == {
        "actual_minutes": ["La durée réelle est de 1 à 480 minutes."],
        "topics": ["Indiquez les sujets abordés."],
        "reason": ["Indiquez le motif de la correction."],
    }
    with pytest.raises(ValidationError) as exc:
        correct(typo, personas.antoine, actual_minutes=0)
    assert exc.value.message_dict == {"actual_minutes": ["La durée réelle est de 1 à 480 minutes."]}
    typo.refresh_from_db()
    assert typo.actual_minutes == 600
    assert events() == []


def test_a_planned_or_cancelled_meeting_cannot_be_corrected(businesses, personas):
    planned = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    cancelled = make_meeting(businesses.marie, personas.antoine, days_ago=2)
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    with pytest.raises(ValidationError) as exc:
        correct(planned, personas.antoine)
    assert exc.value.messages == [
        "Cette rencontre n'est pas encore consignée : il n'y a rien à corriger. "
        "Consignez-la une fois tenue."
    ]
    with pytest.raises(ValidationError) as exc:
        correct(cancelled, personas.antoine)
    assert exc.value.messages == [
        "Cette rencontre a été annulée : elle n'a ni minutes ni notes à corriger."
    ]
    assert set(Meeting.objects.values_list("status", "actual_minutes")) == {
        ("planned", None),
        ("cancelled", None),
    }
    assert events() == []


@pytest.mark.parametrize("actor", ["sofia", "marie", "luc", "nadia", "paul", "fatou"])
def test_only_the_business_advisor_or_the_admin_corrects(typo, personas, actor):
    with pytest.raises(PermissionDenied):
        correct(typo, getattr(personas, actor))
    typo.refresh_from_db()
    assert typo.actual_minutes == 600
    assert events() == []


def test_the_same_values_again_change_nothing(typo, personas):
    correct(typo, personas.antoine)
    again = correct(typo, personas.antoine)  # a double submit
    assert again.changed == ()
    assert len(events()) == 1


def test_private_notes_none_keeps_them(typo, personas):
    result = correct(typo, personas.antoine, private_notes=None)
    assert result.changed == ("actual_minutes",)
    typo.refresh_from_db()
    assert typo.private_notes == SECRET


# --- the pages ------------------------------------------------------------------------------


def url(meeting):
    return reverse("coaching:meeting_correct", args=[meeting.pk])


def form_data(meeting, **changes):
    data = {
        "actual_minutes": "60",
        "topics": meeting.topics,
        "next_steps": meeting.next_steps,
        "private_notes": meeting.private_notes,
        "reason": "Faute de frappe : 600 au lieu de 60",
    }
    data.update(changes)
    return data


def test_business_file_links_each_held_meeting_to_its_correction(
    client_for, typo, businesses, personas
):
    planned = make_meeting(
        businesses.marie, personas.antoine, starts_at=timezone.now() + timedelta(days=7)
    )
    for key in ("antoine", "ada"):
        body = client_for(key).get(reverse("coaching:business", args=[businesses.marie.pk]))
        html = body.content.decode()
        assert html.count(f'href="{url(typo)}"') == 1
        assert "Corriger" in html
        assert url(planned) not in html


def test_correction_form_shows_the_values_recorded(client_for, typo):
    response = client_for("antoine").get(url(typo))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="actual_minutes" value="600"' in body
    assert "Choix d&#x27;une plateforme de boutique en ligne</textarea>" in body
    assert "Demander deux soumissions</textarea>" in body
    assert "Note privée : la propriétaire envisage de vendre le commerce</textarea>" in body
    assert "Motif de la correction" in body
    assert "Enregistrer la correction" in body


def test_correcting_through_the_page(client_for, typo, businesses):
    client = client_for("antoine")
    response = client.post(url(typo), form_data(typo))
    assert response.status_code == 302
    assert response["Location"] == reverse("coaching:business", args=[businesses.marie.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Rencontre corrigée." in page
    typo.refresh_from_db()
    assert typo.actual_minutes == 60
    assert selectors.allowance_for(business=businesses.marie).used == 60
    assert len(events()) == 1


def test_the_same_form_twice_changes_nothing_the_second_time(client_for, typo):
    client = client_for("antoine")
    client.post(url(typo), form_data(typo))
    response = client.post(url(typo), form_data(typo), follow=True)
    assert "Rien n&#x27;a changé : les valeurs étaient les mêmes." in response.content.decode()
    assert len(events()) == 1


def test_correction_past_the_allowance_explains_and_keeps_input(
    client_for, nearly_full, businesses
):
    response = client_for("antoine").post(
        url(nearly_full), form_data(nearly_full, actual_minutes="480", topics="Tapé à l'instant")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert OVER.replace("'", "&#x27;") in body
    assert "Seule l'administration du programme peut prolonger" in body
    assert 'name="actual_minutes" value="480"' in body
    assert "Tapé à l&#x27;instant</textarea>" in body
    nearly_full.refresh_from_db()
    assert (nearly_full.actual_minutes, nearly_full.topics) == (60, TOPICS)
    assert events() == []


def test_the_admin_refused_past_the_allowance_gets_the_extension_link(
    client_for, nearly_full, businesses
):
    response = client_for("ada").post(
        url(nearly_full), form_data(nearly_full, actual_minutes="480")
    )
    assert reverse("coaching:extension", args=[businesses.marie.pk]) in response.content.decode()


def test_reason_is_required_and_input_is_kept(client_for, typo):
    response = client_for("antoine").post(
        url(typo), form_data(typo, reason="  ", topics="Sujets corrigés")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Indiquez le motif de la correction." in body
    assert "Sujets corrigés</textarea>" in body
    typo.refresh_from_db()
    assert (typo.actual_minutes, typo.topics) == (600, TOPICS)
    assert events() == []


def test_minutes_out_of_bounds_are_explained(client_for, typo):
    response = client_for("antoine").post(url(typo), form_data(typo, actual_minutes="4800"))
    assert response.status_code == 200
    assert "Assurez-vous que cette valeur est inférieure ou égale à 480." in (
        response.content.decode()
    )
    typo.refresh_from_db()
    assert typo.actual_minutes == 600


def test_another_advisor_gets_404_and_changes_nothing(client_for, typo):
    sofia = client_for("sofia")
    assert sofia.get(url(typo)).status_code == 404
    assert sofia.post(url(typo), form_data(typo)).status_code == 404
    typo.refresh_from_db()
    assert typo.actual_minutes == 600
    assert events() == []


@pytest.mark.parametrize("merchant", ["marie", "luc"])
def test_merchants_get_403_and_change_nothing(client_for, typo, merchant):
    client = client_for(merchant)
    assert client.get(url(typo)).status_code == 403
    assert client.post(url(typo), form_data(typo)).status_code == 403
    typo.refresh_from_db()
    assert typo.actual_minutes == 600
    assert events() == []


def test_a_planned_meeting_gets_a_clear_message_not_a_form(client_for, businesses, personas):
    planned = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    client = client_for("antoine")
    message = (
        "Cette rencontre n&#x27;est pas encore consignée : il n&#x27;y a rien à corriger. "
        "Consignez-la une fois tenue."
    )
    for response in (client.get(url(planned)), client.post(url(planned), form_data(planned))):
        body = response.content.decode()
        assert response.status_code == 200
        assert message in body
        assert 'name="actual_minutes"' not in body
    planned.refresh_from_db()
    assert (planned.status, planned.actual_minutes) == ("planned", None)
    assert events() == []


def test_a_cancelled_meeting_gets_a_clear_message(client_for, businesses, personas):
    cancelled = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    response = client_for("ada").post(url(cancelled), form_data(cancelled))
    assert response.status_code == 200
    assert "Cette rencontre a été annulée : elle n&#x27;a ni minutes ni notes à corriger." in (
        response.content.decode()
    )
    assert events() == []


def test_the_page_in_english(client_for, typo):
    client = client_for("antoine")
    english = reverse("coaching:meeting_correct", args=[typo.pk]).replace("/fr/", "/en/", 1)
    body = client.get(english).content.decode()
    assert "Correct the meeting with Boutique Marie" in body
    assert "Reason for the correction" in body


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["antoine", "ada"])
def test_business_file_with_correction_links_keeps_its_query_count(
    client_for, businesses, personas, assert_queries, persona
):
    client = client_for(persona)
    page = reverse("coaching:business", args=[businesses.marie.pk])
    make_meeting(businesses.marie, personas.antoine, days_ago=2, held_minutes=30)
    client.get(page)  # warm the session
    # session, user, business, meetings with advisors, allowance, extensions, history, program
    with assert_queries(8):
        assert client.get(page).content.decode().count(">Corriger<") == 1
    for i in range(19):
        make_meeting(businesses.marie, personas.antoine, days_ago=3 + i, held_minutes=10)
    with assert_queries(8):
        assert client.get(page).content.decode().count(">Corriger<") == 20


def test_correction_page_query_count_is_constant(
    client_for, businesses, personas, assert_queries, typo
):
    client = client_for("antoine")
    client.get(url(typo))  # warm the session
    # session, user, meeting with business and advisors, allowance, program
    with assert_queries(5):
        assert client.get(url(typo)).status_code == 200
    for i in range(19):
        make_meeting(businesses.marie, personas.antoine, days_ago=5 + i, held_minutes=1)
    with assert_queries(5):
        assert client.get(url(typo)).status_code == 200
