"""Intake pages with the Django test client: the invited merchant's journey (French and
English), bad input, scoping (another business is a 404), the admin's list, CSV export and
detail with exact query counts."""

from __future__ import annotations

import csv
import html
import io

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from virage.accounts.models import User
from virage.core.models import AuditEvent
from virage.enterprises.models import Business, Contact, Decision, Location
from virage.programs.models import Region, Subsector

from .factories import (
    PASSWORD,
    cohort,
    eligible_business,
    invited_business,
    make_invitation,
    submitted_business,
)

pytestmark = pytest.mark.django_db


def url(name, lang="fr", **kwargs):
    with translation.override(lang):
        return reverse(f"enterprises:{name}", kwargs=kwargs or None)


TEXT = {
    "fr": {
        "apply": "Déposer une demande au programme",
        "create": "Créer mon compte",
        "missing": "Il manque 4 éléments avant de pouvoir soumettre",
        "submit": "Soumettre ma demande",
        "submitted": "Votre demande a été soumise.",
        "accepted": "Acceptée",
        "package": "Forfait standard",
        "subject": "Virage : bienvenue dans le programme",
    },
    "en": {
        "apply": "Apply to the program",
        "create": "Create my account",
        "missing": "4 things are missing before you can submit",
        "submit": "Submit my application",
        "submitted": "Your application was submitted.",
        "accepted": "Accepted",
        "package": "Standard package",
        "subject": "Virage: welcome to the program",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_invited_merchant_journey_to_enrolment(
    lang, personas, program, django_capture_on_commit_callbacks
):
    text = TEXT[lang]
    invitation = make_invitation(email="Julie@Boutique-Julie.example", language=lang)
    client = Client()

    page = client.get(url("apply", lang, token=invitation.token))
    assert page.status_code == 200
    assert text["apply"] in page.content.decode() and text["create"] in page.content.decode()

    # bad input: short password, typed names are kept, nothing created
    page = client.post(
        url("apply", lang, token=invitation.token),
        {
            "first_name": "Julie",
            "last_name": "Bergeron",
            "password1": "court",
            "password2": "court",
        },
    )
    assert page.status_code == 200
    assert 'value="Bergeron"' in page.content.decode()
    assert User.objects.filter(email="julie@boutique-julie.example").count() == 0

    response = client.post(
        url("apply", lang, token=invitation.token),
        {
            "first_name": "Julie",
            "last_name": "Bergeron",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302 and response["Location"] == url("application", lang)
    user = User.objects.get(email="julie@boutique-julie.example")
    business = Business.objects.get(members__user=user)
    assert (user.role, user.language, business.status, business.legal_name) == (
        "merchant",
        lang,
        "invited",
        "Boutique Julie",
    )
    invitation.refresh_from_db()
    assert (invitation.status, invitation.business_id) == ("accepted", business.pk)
    # the link is used: a second visit explains it and creates nothing
    assert Client().get(url("apply", lang, token=invitation.token)).status_code == 404

    page = client.get(url("application", lang))
    assert text["missing"] in page.content.decode()

    def post(name, data, **kwargs):
        response = client.post(url(name, lang, **kwargs), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        return response

    post(
        "application_step",
        {
            "legal_name": "Boutique Julie inc.",
            "operating_name": "Boutique Julie",
            "neq": "2233 4455 66",
            "subsector": Subsector.objects.get(code="458").pk,
            "employees": "4",
            "revenue_band": "lt250k",
        },
        step="business",
    )
    post(
        "locations",
        {
            "address": "4321, rue Saint-Denis",
            "city": "Montréal",
            "postal_code": "h2j2l1",
            "region": Region.objects.get(code="06").pk,
        },
    )
    post(
        "application_step",
        {
            "has_website": "on",
            "website_url": "boutique-julie.example",
            "has_marketplace": "on",
            "marketplaces": "Etsy",
        },
        step="online",
    )
    post(
        "contacts", {"name": "Éric Bergeron", "email": "eric@boutique-julie.example", "role": "Web"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post("application", {})
    assert response["Location"] == url("status", lang)
    business.refresh_from_db()
    assert (business.status, business.neq, business.application.proposal) == (
        "applied",
        "2233445566",
        "eligible",
    )
    assert Location.objects.get(business=business).postal_code == "H2J 2L1"
    assert business.application.website_url == "https://boutique-julie.example"
    assert text["submitted"] in client.get(url("status", lang)).content.decode()

    admin = Client()
    admin.force_login(personas.ada)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(url("admin_decide", lang, pk=business.pk), {"outcome": "eligible"})
        assert response.status_code == 302
        response = admin.post(
            url("admin_enrol", lang, pk=business.pk),
            {"cohort": cohort().pk, "package": business.pk and _standard_pk(), "reason": ""},
        )
        assert response.status_code == 302
    business.refresh_from_db()
    assert (
        business.status,
        business.coaching_minutes_allowed,
        business.training_minutes_allowed,
    ) == ("enrolled", 600, 600)
    status_page = client.get(url("status", lang)).content.decode()
    assert text["accepted"] in status_page
    assert text["package"] in client.get(url("my_business", lang)).content.decode()
    assert mail.outbox[-1].subject == text["subject"]
    assert [m.to for m in mail.outbox] == [[user.email]] * 3


def _standard_pk():
    from virage.enterprises.models import Package

    return Package.objects.get(key="standard").pk


def test_signed_in_person_with_another_email_is_asked_to_sign_out(client_for):
    invitation = make_invitation()
    page = client_for("luc").get(url("apply", token=invitation.token))
    assert page.status_code == 200
    assert "luc@demo.virage.example" in page.content.decode()
    response = client_for("luc").post(url("apply", token=invitation.token), {})
    assert response.status_code == 200
    assert Business.objects.filter(invitations=invitation).count() == 0


def test_existing_account_signs_in_then_starts_the_application(personas, businesses):
    invitation = make_invitation(email="marie@demo.virage.example")
    page = Client().post(
        url("apply", "en", token=invitation.token),
        {"first_name": "M", "last_name": "T", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert page.status_code == 200
    assert "An account already uses this e-mail address" in page.content.decode()
    client = Client()
    client.force_login(personas.marie)
    response = client.post(url("apply", token=invitation.token), {})
    assert response.status_code == 302
    assert Business.objects.filter(members__user=personas.marie).count() == 2


def test_double_submit_of_the_sign_up_creates_one_account(db):
    invitation = make_invitation()
    data = {"first_name": "J", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD}
    first = Client().post(url("apply", token=invitation.token), data)
    second = Client().post(url("apply", token=invitation.token), data)
    assert (first.status_code, second.status_code) == (302, 404)
    assert Business.objects.count() == 1


def test_expired_invitation_is_refused(db):
    invitation = make_invitation(expired=True)
    page = Client().get(url("apply", token=invitation.token))
    assert page.status_code == 404
    assert "Ce lien d'invitation n'est plus valide" in html.unescape(page.content.decode())


def test_bad_input_in_a_step_keeps_what_was_typed_and_saves_nothing(client):
    business, user = invited_business()
    client.force_login(user)
    page = client.post(
        url("application_step", "en", step="business"),
        {"legal_name": "Fleuriste Lune", "neq": "12345", "employees": "-3"},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Fleuriste Lune"' in body
    assert "The NEQ has exactly 10 digits." in body
    assert 'id="error-summary"' in body
    business.refresh_from_db()
    assert business.legal_name != "Fleuriste Lune"


def test_submit_incomplete_application_shows_what_is_missing(client):
    business, user = invited_business()
    client.force_login(user)
    response = client.post(url("application", "en"), {}, follow=True)
    assert "The number of employees." in response.content.decode()
    business.refresh_from_db()
    assert business.status == "invited"


def test_unknown_step_is_404(client):
    _business, user = invited_business()
    client.force_login(user)
    assert client.get(url("application_step", step="payment")).status_code == 404


def test_merchant_never_reaches_another_business(businesses, client_for, personas):
    marie_location = Location.objects.get(business=businesses.marie)
    luc = client_for("luc")
    assert luc.get(url("location_edit", pk=marie_location.pk)).status_code == 404
    response = luc.post(url("location_delete", pk=marie_location.pk))
    assert response.status_code == 404
    contact = Contact.objects.create(business=businesses.marie, name="X", email="x@example.com")
    assert luc.post(url("contact_delete", pk=contact.pk)).status_code == 404
    assert Location.objects.filter(pk=marie_location.pk).exists()
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_enrolled_merchant_adds_a_location(businesses, client_for):
    response = client_for("marie").post(
        url("locations"),
        {
            "address": "5, rue du Lac",
            "city": "Bromont",
            "postal_code": "J2L 1A1",
            "region": Region.objects.get(code="16").pk,
        },
    )
    assert response.status_code == 302
    assert Location.objects.filter(business=businesses.marie).count() == 2


def test_refused_merchant_sees_reasons_and_asks_for_review(personas, client):
    business, user = submitted_business(postal_codes=("K1A 0B1",))
    from virage.enterprises import services

    services.application_decide(
        business=business,
        actor=personas.ada,
        outcome="ineligible",
        reason="Pas d'adresse au Québec.",
    )
    client.force_login(user)
    page = html.unescape(client.get(url("status", "fr")).content.decode())
    assert "Pas d'adresse au Québec." in page
    assert "aucune des adresses indiquées ne s'y trouve (K1A 0B1)" in page
    assert client.post(url("status"), {"message": ""}).status_code == 200
    response = client.post(url("status"), {"message": "Nous ouvrons à Gatineau en juin."})
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.status == "needs_review"
    # a second request is refused while the review is pending
    client.post(url("status"), {"message": "Encore"})
    assert business.application.review_requests.count() == 1


def test_admin_decision_form_requires_a_reason_for_refusal(personas, client_for):
    business, _user = submitted_business()
    page = client_for("ada").post(
        url("admin_decide", "en", pk=business.pk), {"outcome": "ineligible"}
    )
    assert page.status_code == 200
    assert "A refusal needs a reason: the merchant will read it." in page.content.decode()
    business.refresh_from_db()
    assert (business.status, Decision.objects.count()) == ("applied", 0)


def test_denied_writes_change_nothing(personas, client_for):
    business, _user = submitted_business()
    for key in ("marie", "antoine", "fatou"):
        response = client_for(key).post(
            url("admin_decide", pk=business.pk), {"outcome": "eligible"}
        )
        assert response.status_code == 403
    business.refresh_from_db()
    assert (business.status, Decision.objects.count(), len(mail.outbox)) == ("applied", 0, 0)
    assert AuditEvent.objects.filter(verb="application.decided").count() == 0


def test_admin_enrol_form_shows_a_full_program(personas, program, client_for):
    from virage.enterprises import services

    business = eligible_business(personas.ada)
    program.target_businesses = services.program_counter(program).enrolled
    program.save()
    page = client_for("ada").post(
        url("admin_enrol", "en", pk=business.pk),
        {"cohort": cohort().pk, "package": _standard_pk()},
    )
    assert page.status_code == 200
    assert "The program is full" in page.content.decode()


# --- admin list, export and detail: exact query counts ---------------------------------------


def _many(n):
    for _ in range(n):
        submitted_business()


@pytest.mark.parametrize("rows", [1, 20])
def test_admin_list_query_count_is_constant(rows, personas, client_for, assert_queries):
    _many(rows)
    client = client_for("ada")
    # 1 session, 1 user, 1 regions, 1 packages, 1 cohorts (filter choices), 1 waves,
    # 1 count, 1 rows (joins + location count), 1 counts aggregate, 1 program (context)
    with assert_queries(10):
        page = client.get(url("admin_applications"))
    assert page.status_code == 200
    assert len(page.context["rows"]) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_admin_csv_export_query_count_is_constant(rows, personas, client_for, assert_queries):
    _many(rows)
    client = client_for("ada")
    # 1 session, 1 user, 1 waves (filter choices), 1 rows (streamed)
    with assert_queries(4):
        response = client.get(url("admin_applications_csv"))
        body = b"".join(response.streaming_content).decode()
    lines = list(csv.reader(io.StringIO(body)))
    assert len(lines) == rows + 1
    assert lines[0][:4] == ["id", "nom légal", "nom commercial", "NEQ"]


def test_admin_list_filters_and_search(personas, businesses, client_for):
    submitted_business()
    client = client_for("ada")
    page = client.get(url("admin_applications"), {"status": "enrolled"})
    assert [row.business.pk for row in page.context["rows"]] == [
        businesses.luc.pk,
        businesses.marie.pk,
    ]
    page = client.get(url("admin_applications"), {"q": "1170000002"})
    assert [row.business.pk for row in page.context["rows"]] == [businesses.luc.pk]
    page = client.get(url("admin_applications"), {"region": Region.objects.get(code="16").pk})
    assert [row.business.pk for row in page.context["rows"]] == [businesses.marie.pk]


def test_admin_list_filters_by_wave(personas, client_for):
    from virage.enterprises import services

    invitation = make_invitation(wave_name="Vague 1")
    business = services.application_start(
        invitation=invitation, password=PASSWORD, first_name="A", last_name="B"
    )
    make_invitation(wave_name="Vague 2")
    page = client_for("ada").get(url("admin_applications"), {"wave": invitation.wave_id})
    assert [row.business.pk for row in page.context["rows"]] == [business.pk]


def test_admin_list_rows_order_counts_and_pages(personas, client_for):
    """Newest applications first (ties by legal name), locations counted per business,
    25 rows a page, the status counts over every business."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from virage.enterprises import selectors

    region = Region.objects.get(code="16")
    first = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("America/Toronto"))
    statuses = ["applied", "needs_review", "eligible", "invited", "enrolled", "ineligible"]
    for i in range(30):
        business = Business.objects.create(
            legal_name=f"Commerce {i:02d}",
            status=statuses[i % len(statuses)],
            applied_at=first + timedelta(days=i // 2),  # two businesses per day
        )
        for n in range(i % 3):
            Location.objects.create(
                business=business,
                address=f"{n} rue X",
                city="Granby",
                postal_code="J2G 1A1",
                region=region,
                is_primary=n == 0,
            )
    Business.objects.create(legal_name="Sans demande", status="invited")  # never applied
    client = client_for("ada")
    page = client.get(url("admin_applications"))
    rows = page.context["rows"]
    assert len(rows) == 25
    assert [row.business.legal_name for row in rows[:4]] == [
        "Commerce 28",
        "Commerce 29",
        "Commerce 26",
        "Commerce 27",
    ]
    assert [row.business.location_count for row in rows[:4]] == [1, 2, 2, 0]
    assert rows[0].applied_on == "16/03/2026"
    assert (rows[0].status, rows[0].badge) == ("inscrite", "badge-ok")  # Commerce 28: enrolled
    assert rows[0].url == url("admin_application", pk=rows[0].business.pk)
    body = page.content.decode()
    assert "31 entreprises" in body
    assert f'href="{rows[0].url}"' in body
    last = client.get(url("admin_applications"), {"page": 2}).context["rows"]
    assert [row.business.legal_name for row in last] == [
        "Commerce 05",
        "Commerce 02",
        "Commerce 03",
        "Commerce 00",
        "Commerce 01",
        "Sans demande",
    ]
    assert selectors.application_counts(user=personas.ada) == {
        "to_decide": 10,
        "applied": 5,
        "needs_review": 5,
        "to_enrol": 5,
        "in_progress": 6,
    }
    enrolled = client.get(url("admin_applications"), {"status": "enrolled"}).context["rows"]
    assert [row.business.legal_name for row in enrolled] == [
        f"Commerce {i:02d}" for i in (28, 22, 16, 10, 4)
    ]


def test_admin_list_shows_the_proposal(personas, client_for):
    business, _user = submitted_business()
    [row] = client_for("ada").get(url("admin_applications")).context["rows"]
    assert row.business.pk == business.pk
    assert row.proposal == Business.objects.get(pk=business.pk).application.get_proposal_display()
    assert row.proposal in {"admissible", "à examiner", "non admissible"}


def test_admin_csv_columns(personas, businesses, client_for):
    """Subsector code (else the NAICS code typed in the application), proposal, package,
    cohort and locations of each business."""
    with_code, _user = submitted_business()
    typed, _user = submitted_business(subsector_code=None, naics_code="448140")
    Business.objects.filter(pk=with_code.pk).update(cohort=cohort())
    body = b"".join(client_for("ada").get(url("admin_applications_csv")).streaming_content)
    lines = {row[0]: row for row in csv.reader(io.StringIO(body.decode()))}
    columns = [1, 4, 5, 6, 9, 13, 14, 15]  # name, status, region, subsector, locations, ...
    proposal = Business.objects.get(pk=with_code.pk).application.get_proposal_display()
    assert [lines[str(with_code.pk)][i] for i in columns] == [
        with_code.legal_name,
        "demande soumise",
        "06",
        "458",
        "1",
        str(proposal),
        "",
        "Cohorte printemps 2026",
    ]
    assert [lines[str(typed.pk)][i] for i in (6, 13)] == [
        "448140",
        str(Business.objects.get(pk=typed.pk).application.get_proposal_display()),
    ]
    marie = lines[str(businesses.marie.pk)]
    assert [marie[i] for i in (4, 6, 9, 13, 14)] == ["inscrite", "458", "1", "", "standard"]


def test_csv_cells_cannot_run_as_formulas(personas, client_for):
    business, user = invited_business()
    from virage.enterprises import services

    services.application_update_business(
        business=business, actor=user, data={"legal_name": '=HYPERLINK("http://x")'}
    )
    body = b"".join(client_for("ada").get(url("admin_applications_csv")).streaming_content)
    assert "'=HYPERLINK" in body.decode()


def test_admin_detail_query_count(personas, program, client_for, assert_queries):
    business, _user = submitted_business()
    from virage.enterprises import services

    services.program_counter(program)
    client = client_for("ada")
    # 1 session, 1 user, 1 business (joins), 1 locations, 1 active packages (suggestion),
    # 1 program + 1 counter (places left), 1 wave, 1 review requests, 1 contacts,
    # 1 decisions, 1 program (context processor), 1 access-log insert (Law 25); no enrolment
    # form for an "applied" business
    with assert_queries(13):
        page = client.get(url("admin_application", pk=business.pk))
    assert page.status_code == 200
    from virage.privacy.models import AccessLogEntry

    assert AccessLogEntry.objects.filter(actor=personas.ada, business_id=business.pk).count() == 1
