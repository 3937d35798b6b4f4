"""Demo privacy records: consents of Marie and Luc, a correction request from Luc, a few
access-log entries and one low-risk incident in the register. Idempotent."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from .models import AccessLogEntry, ConfidentialityIncident, PrivacyRequest
from .purposes import NEWSLETTER, PROGRAM_CONTACT
from .services import consent_give


def seed(*, users, stdout) -> None:
    marie, luc, antoine, sofia = (users[k] for k in ("marie", "luc", "antoine", "sofia"))
    consent_give(person=marie, purpose=PROGRAM_CONTACT, source="application", actor=marie)
    consent_give(person=marie, purpose=NEWSLETTER, source="application", actor=marie)
    consent_give(person=luc, purpose=PROGRAM_CONTACT, source="application", actor=luc)
    if not PrivacyRequest.objects.filter(requester=luc).exists():
        PrivacyRequest.objects.create(
            requester=luc,
            kind=PrivacyRequest.Kind.CORRECTION,
            details="L'adresse de notre magasin de Magog est le 8, rue Principale Ouest.",
            due_on=PrivacyRequest.due_from(timezone.now()),
        )
    from virage.enterprises.models import Business

    for advisor, neq in ((antoine, "1170000001"), (sofia, "1170000002")):
        business = Business.objects.filter(neq=neq).first()
        if business and not AccessLogEntry.objects.filter(actor=advisor).exists():
            AccessLogEntry.objects.create(
                actor=advisor,
                actor_role=advisor.role,
                action=AccessLogEntry.Action.VIEW,
                object_type="enterprises.business",
                object_id=str(business.pk),
                business_id=business.pk,
            )
    if not ConfidentialityIncident.objects.exists():
        ConfidentialityIncident.objects.create(
            information_fr="Nom et adresse courriel de 3 commerçants de l'Estrie.",
            information_en="Name and e-mail address of 3 merchants in Estrie.",
            circumstances_fr=(
                "Un rappel de formation a été envoyé avec les destinataires visibles (champ "
                "« À » au lieu de « Cci »)."
            ),
            circumstances_en=(
                'A training reminder was sent with the recipients visible ("To" instead of "Bcc").'
            ),
            occurred_from=date(2026, 10, 14),
            discovered_on=date(2026, 10, 14),
            persons_affected=3,
            risk=ConfidentialityIncident.Risk.LOW,
            risk_assessment=(
                "Renseignements peu sensibles, destinataires tous participants du même groupe; "
                "aucune conséquence prévisible."
            ),
            measures_fr=(
                "Excuses aux personnes concernées; les rappels passent désormais par la "
                "plateforme (un courriel par personne)."
            ),
            measures_en=(
                "Apologies to the persons concerned; reminders now go through the platform "
                "(one e-mail per person)."
            ),
            persons_notified_on=date(2026, 10, 15),
        )
    stdout.write("  privacy: consents, 1 request, access log, 1 incident")
