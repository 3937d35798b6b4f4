"""Documents produced from the incident register: the CSV for the Commission d'accès à
l'information and the notice to affected persons (FR/EN), rendered from the incident."""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from virage.core.i18n import localized

from .models import ConfidentialityIncident


def _date(value) -> str:
    return value.isoformat() if value else ""


def incident_register_csv(incidents) -> str:
    """One row per incident with the eight fields the regulation requires, headers in the
    active language (UTF-8 with a BOM for spreadsheets)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Number"),
            _("1. Personal information concerned"),
            _("2. Circumstances"),
            _("3. Incident date (or start of period)"),
            _("3. End of period"),
            _("4. Date the incident became known"),
            _("5. Number of persons concerned"),
            _("5. The number is an estimate"),
            _("6. Risk level"),
            _("6. Risk assessment"),
            _("7. Notice to the Commission"),
            _("7. Notice to the persons concerned"),
            _("7. Other notices"),
            _("8. Measures taken"),
        ]
    )
    for incident in incidents:
        writer.writerow(
            [
                incident.pk,
                incident.information_fr,
                incident.circumstances_fr,
                _date(incident.occurred_from),
                _date(incident.occurred_to),
                _date(incident.discovered_on),
                incident.persons_affected,
                _("yes") if incident.persons_affected_is_estimate else _("no"),
                incident.get_risk_display(),
                incident.risk_assessment,
                _date(incident.commission_notified_on),
                _date(incident.persons_notified_on),
                incident.notices_details,
                incident.measures_fr,
            ]
        )
    return "\ufeff" + out.getvalue()


def incident_notice(incident: ConfidentialityIncident, *, language: str, program) -> str:
    """The notice to a person whose information was concerned, as plain text in `language`
    (texts written by staff fall back to French when the English one is empty)."""
    with translation.override(language):
        return render_to_string(
            "privacy/incident_notice.txt",
            {
                "incident": incident,
                "information": localized(incident, "information", language),
                "circumstances": localized(incident, "circumstances", language),
                "measures": localized(incident, "measures", language),
                "advice": localized(incident, "advice", language),
                "program": program,
                "officer_title": localized(program, "privacy_officer_title", language)
                if program
                else "",
                "language": language,
            },
        ).strip()
