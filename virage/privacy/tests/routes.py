"""Role-matrix routes of the privacy app. The officer's desk is Ada's (program admin with the
privacy-officer flag); every other role gets 403, anonymous visitors the login page."""

from datetime import date

from virage.core.testing.matrix import Route, everyone, only, signed_in

OFFICER = only({"ada": 200})

ROUTES = [
    Route("privacy:policy", everyone(200)),
    Route("privacy:terms", everyone(200)),
    Route(
        "privacy:policy_version",
        everyone(200),
        kwargs=lambda w: {"kind": "privacy", "version": "2026-09"},
    ),
    Route("privacy:my_data", signed_in(200)),
    Route("privacy:my_data_download", signed_in(200)),
    Route("privacy:consents", signed_in(200)),
    Route("privacy:request_new", signed_in(200), kwargs=lambda w: {"kind": "correction"}),
    Route("privacy:officer_home", OFFICER),
    Route("privacy:request_detail", OFFICER, kwargs=lambda w: {"pk": w.marie_privacy_request.pk}),
    Route("privacy:access_log", OFFICER),
    Route("privacy:incident_list", OFFICER),
    Route("privacy:incident_new", OFFICER),
    Route("privacy:incident_export", OFFICER),
    Route("privacy:incident_detail", OFFICER, kwargs=lambda w: {"pk": w.incident.pk}),
    Route("privacy:incident_edit", OFFICER, kwargs=lambda w: {"pk": w.incident.pk}),
    Route("privacy:incident_notice", OFFICER, kwargs=lambda w: {"pk": w.incident.pk}),
]


def build_world(world) -> None:
    from virage.privacy.models import ConfidentialityIncident, PrivacyRequest

    world.marie_privacy_request = PrivacyRequest.objects.create(
        requester=world.marie,
        kind="correction",
        details="Mon deuxième magasin est au 12, rue King.",
        due_on=date(2026, 12, 31),
    )
    world.incident = ConfidentialityIncident.objects.create(
        information_fr="Noms et courriels de 12 commerçants",
        circumstances_fr="Courriel envoyé au mauvais destinataire",
        occurred_from=date(2026, 10, 1),
        discovered_on=date(2026, 10, 2),
        persons_affected=12,
        risk="low",
        risk_assessment="Peu sensible",
        measures_fr="Demande de suppression au destinataire",
    )
