"""The privacy officer's desk: access log (helper, filters, query budget), incident register
(8 fields, CSV for the regulator, notices FR/EN) and the policy pages."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from virage.core.models import AuditEvent
from virage.privacy.models import AccessLogEntry, ConfidentialityIncident, PolicyVersion
from virage.privacy.services import access_log, incident_create

pytestmark = pytest.mark.django_db

INCIDENT = {
    "information_fr": "Noms et courriels de 40 commerçants",
    "information_en": "Names and e-mail addresses of 40 merchants",
    "circumstances_fr": "Un fichier d'inscriptions a été joint par erreur à un courriel.",
    "circumstances_en": "A registration file was attached to an e-mail by mistake.",
    "occurred_from": "2026-10-05",
    "occurred_to": "2026-10-06",
    "discovered_on": "2026-10-07",
    "persons_affected": "40",
    "persons_affected_is_estimate": "on",
    "risk": "serious",
    "risk_assessment": "Courriels exposés à un tiers inconnu.",
    "commission_notified_on": "2026-10-08",
    "persons_notified_on": "",
    "notices_details": "",
    "measures_fr": "Demande de destruction au destinataire; formation de l'équipe.",
    "measures_en": "Asked the recipient to destroy the file; trained the team.",
    "advice_fr": "Méfiez-vous des courriels d'hameçonnage.",
    "advice_en": "Beware of phishing e-mails.",
}


# --- access log --------------------------------------------------------------------------------


def test_access_log_records_staff_views_only(personas, businesses):
    entry = access_log(user=personas.antoine, obj=businesses.marie, action="view")
    assert (
        entry.actor,
        entry.actor_role,
        entry.object_type,
        entry.object_id,
        entry.business_id,
    ) == (
        personas.antoine,
        "advisor",
        "enterprises.business",
        str(businesses.marie.pk),
        businesses.marie.pk,
    )
    location = businesses.luc.locations.first()
    entry = access_log(user=personas.ada, obj=location, action="export")
    assert (entry.object_type, entry.business_id) == ("enterprises.location", businesses.luc.pk)
    # a merchant reading their own business is not "staff access"
    assert access_log(user=personas.marie, obj=businesses.marie) is None
    assert AccessLogEntry.objects.count() == 2
    with pytest.raises(ValueError):
        access_log(user=personas.ada, obj=businesses.marie, action="dance")


def _entries(personas, businesses, n: int) -> None:
    now = timezone.now()
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                actor=personas.antoine if i % 2 else personas.sofia,
                actor_role="advisor",
                action="view",
                object_type="enterprises.business",
                object_id=str(businesses.marie.pk if i % 2 else businesses.luc.pk),
                business_id=businesses.marie.pk if i % 2 else businesses.luc.pk,
                at=now - timedelta(minutes=i),
            )
            for i in range(n)
        ]
    )


@pytest.mark.parametrize("rows", [1, 20])
def test_access_log_page_query_budget(client_for, personas, businesses, assert_queries, rows):
    _entries(personas, businesses, rows)
    client = client_for("ada")
    # 1 session, 1 user, 1 program (context), 1 object types, 1 staff for the filter,
    # 1 count, 1 rows with their actor
    with assert_queries(7):
        response = client.get("/fr/privacy/officer/access-log/")
    assert response.status_code == 200
    assert response.content.decode().count('<td class="num">') == rows


def test_access_log_filters(client_for, personas, businesses):
    _entries(personas, businesses, 6)
    client = client_for("ada")
    body = client.get(
        f"/fr/privacy/officer/access-log/?actor={personas.antoine.pk}&action=view"
    ).content.decode()
    assert "3 entrées" in body
    body = client.get(
        f"/fr/privacy/officer/access-log/?business_id={businesses.luc.pk}"
    ).content.decode()
    assert "3 entrées" in body
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    body = client.get(f"/fr/privacy/officer/access-log/?date_from={tomorrow}").content.decode()
    assert "Aucun accès ne correspond à ces filtres." in body


# --- incidents ---------------------------------------------------------------------------------


def test_the_officer_records_an_incident_with_the_eight_fields(client_for, personas):
    client = client_for("ada")
    response = client.post("/fr/privacy/officer/incidents/new/", INCIDENT)
    incident = ConfidentialityIncident.objects.get()
    assert response["Location"] == f"/fr/privacy/officer/incidents/{incident.pk}/"
    assert (
        incident.information_fr,
        incident.circumstances_fr,
        incident.occurred_from,
        incident.occurred_to,
        incident.discovered_on,
        incident.persons_affected,
        incident.persons_affected_is_estimate,
        incident.risk,
        incident.commission_notified_on,
        incident.persons_notified_on,
        incident.measures_fr,
        incident.created_by,
    ) == (
        "Noms et courriels de 40 commerçants",
        "Un fichier d'inscriptions a été joint par erreur à un courriel.",
        date(2026, 10, 5),
        date(2026, 10, 6),
        date(2026, 10, 7),
        40,
        True,
        "serious",
        date(2026, 10, 8),
        None,
        "Demande de destruction au destinataire; formation de l'équipe.",
        personas.ada,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Le risque de préjudice sérieux exige d'aviser" in page
    assert AuditEvent.objects.filter(verb="incident.recorded").count() == 1


def test_bad_dates_are_explained_and_nothing_is_saved(client_for):
    data = {**INCIDENT, "occurred_to": "2026-10-01", "discovered_on": "2026-10-01"}
    response = client_for("ada").post("/fr/privacy/officer/incidents/new/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Un incident ne peut pas être connu avant d&#x27;avoir commencé." in body
    assert "Noms et courriels de 40 commerçants</textarea>" in body
    assert ConfidentialityIncident.objects.count() == 0


def _incident(personas):
    return incident_create(
        actor=personas.ada,
        information_fr=INCIDENT["information_fr"],
        information_en=INCIDENT["information_en"],
        circumstances_fr=INCIDENT["circumstances_fr"],
        circumstances_en=INCIDENT["circumstances_en"],
        occurred_from=date(2026, 10, 5),
        occurred_to=None,
        discovered_on=date(2026, 10, 7),
        persons_affected=40,
        persons_affected_is_estimate=False,
        risk="moderate",
        risk_assessment="Courriels exposés.",
        commission_notified_on=None,
        persons_notified_on=None,
        notices_details="",
        measures_fr=INCIDENT["measures_fr"],
        measures_en="",
        advice_fr=INCIDENT["advice_fr"],
        advice_en=INCIDENT["advice_en"],
    )


def test_the_register_exports_to_csv_for_the_commission(client_for, personas):
    incident = _incident(personas)
    response = client_for("ada").get("/fr/privacy/officer/incidents/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Numéro", "1. Renseignements personnels visés", "2. Circonstances"]
    assert len(rows[0]) == 14
    assert rows[1] == [
        str(incident.pk),
        "Noms et courriels de 40 commerçants",
        "Un fichier d'inscriptions a été joint par erreur à un courriel.",
        "2026-10-05",
        "",
        "2026-10-07",
        "40",
        "non",
        "modéré",
        "Courriels exposés.",
        "",
        "",
        "",
        "Demande de destruction au destinataire; formation de l'équipe.",
    ]


def test_the_notice_is_rendered_in_french_and_english(client_for, personas):
    incident = _incident(personas)
    client = client_for("ada")
    fr = client.get(f"/fr/privacy/officer/incidents/{incident.pk}/notice/?lang=fr&download=1")
    text = fr.content.decode()
    assert text.startswith("Avis d'incident de confidentialité")
    assert "Noms et courriels de 40 commerçants" in text
    assert "Date de l'incident : 5 octobre 2026." in text
    assert "Méfiez-vous des courriels d'hameçonnage." in text
    assert "vie-privee@virage.example" in text
    en = client.get(f"/fr/privacy/officer/incidents/{incident.pk}/notice/?lang=en&download=1")
    text = en.content.decode()
    assert text.startswith("Notice of a confidentiality incident")
    assert "Names and e-mail addresses of 40 merchants" in text
    assert "Beware of phishing e-mails." in text
    # no English text written for the measures: French is used rather than nothing
    assert "Demande de destruction au destinataire" in text


# --- policies and the officer's contact -------------------------------------------------------


def test_the_privacy_page_shows_the_current_policy_and_the_officer(client, program):
    body = client.get("/fr/privacy/").content.decode()
    assert "Politique de confidentialité" in body
    assert "Version 2026-09, en vigueur depuis le 1 septembre 2026." in body
    assert "Responsable de la protection des renseignements personnels" in body
    assert "vie-privee@virage.example" in body
    en = client.get("/en/privacy/").content.decode()
    assert "Person in charge of the protection of personal information" in en
    assert "The Virage program accompanies small Québec retailers" in en


def test_a_new_version_becomes_current_and_the_old_one_stays_listed(client):
    PolicyVersion.objects.create(
        kind="privacy",
        version="2027-01",
        title_fr="Politique de confidentialité",
        body_fr="Nouvelle version <script>alert(1)</script>",
        changes_fr="Ajout des sondages.",
        published_at=timezone.now() - timedelta(minutes=1),
    )
    PolicyVersion.objects.create(
        kind="privacy", version="2099-01", title_fr="Brouillon", body_fr="x", published_at=None
    )
    body = client.get("/fr/privacy/").content.decode()
    assert "Version 2027-01" in body
    assert "&lt;script&gt;" in body and "<script>alert" not in body
    assert "Ajout des sondages." in body
    assert "/fr/privacy/versions/privacy/2026-09/" in body
    assert "2099-01" not in body
    old = client.get("/fr/privacy/versions/privacy/2026-09/").content.decode()
    assert "Il s'agit d'une version antérieure." in old
    assert client.get("/fr/privacy/versions/privacy/2099-01/").status_code == 404
    assert client.get("/fr/privacy/versions/nope/2026-09/").status_code == 404


def test_every_page_footer_links_the_policy_and_the_officer(client, client_for, program):
    for response in (client.get("/fr/"), client_for("marie").get("/fr/account/home/")):
        body = response.content.decode()
        assert 'href="/fr/privacy/"' in body
        assert 'href="/fr/privacy/terms/"' in body
        assert "vie-privee@virage.example" in body
    assert "Politique de confidentialité" in client.get("/fr/").content.decode()
    assert "Terms of use" in client.get("/en/").content.decode()


def test_the_decorator_logs_staff_views_that_succeed(rf, personas, businesses):
    from django.http import Http404, HttpResponse

    from virage.privacy.decorators import logs_access

    @logs_access("enterprises.Business", kwarg="pk")
    def detail(request, pk):
        if pk == 999:
            raise Http404
        return HttpResponse("ok")

    @logs_access("enterprises.Location", kwarg="pk", action="export", business_kwarg="business")
    def export(request, business, pk):
        return HttpResponse("csv")

    for user in (personas.antoine, personas.marie):
        request = rf.get("/")
        request.user = user
        detail(request, pk=businesses.marie.pk)
    request = rf.get("/")
    request.user = personas.ada
    export(request, business=businesses.luc.pk, pk=7)
    with pytest.raises(Http404):
        detail(request, pk=999)
    assert list(
        AccessLogEntry.objects.order_by("id").values_list(
            "actor__email", "action", "object_type", "object_id", "business_id"
        )
    ) == [
        (
            "antoine@demo.virage.example",
            "view",
            "enterprises.business",
            str(businesses.marie.pk),
            businesses.marie.pk,
        ),
        ("ada@demo.virage.example", "export", "enterprises.location", "7", businesses.luc.pk),
    ]
