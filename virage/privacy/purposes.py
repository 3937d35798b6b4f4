"""The consent purposes of the program (other apps may register more with
`registry.register_purpose`). Keys are stable: mailings and exports check them with
`selectors.consent_has(person, key)`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .registry import Purpose, register_purpose

PROGRAM_CONTACT = "program_contact"
NEWSLETTER = "newsletter"
RESEARCH = "research"
SHARE_DIAGNOSTIC_WITH_PARTNER = "share_diagnostic_with_partner"

DEFAULT_PURPOSES = [
    Purpose(
        key=PROGRAM_CONTACT,
        label=_("Being contacted about my participation in the program"),
        description=_(
            "Needed to take part: your advisor, trainers and the program team contact you about "
            "your diagnostic, your plan, your meetings and your training sessions."
        ),
        version="2026-01",
        required=True,
        order=10,
    ),
    Purpose(
        key=NEWSLETTER,
        label=_("Receiving the program's newsletter"),
        description=_(
            "About one e-mail a month with new capsules, training sessions and tips. You can "
            "stop it at any time."
        ),
        version="2026-01",
        roles=frozenset({"merchant", "advisor", "trainer", "partner", "funder", "admin"}),
        order=20,
    ),
    Purpose(
        key=RESEARCH,
        label=_("Taking part in research surveys"),
        description=_(
            "Researchers evaluating the program may invite you to answer a survey. Your answers "
            "are used for statistics only."
        ),
        version="2026-01",
        order=30,
    ),
    Purpose(
        key=SHARE_DIAGNOSTIC_WITH_PARTNER,
        label=_("Sharing my identified diagnostic with my region's economic-development partner"),
        description=_(
            "Your regional partner would see your business's name with its diagnostic results, "
            "to offer you local help. Without this consent, partners only see anonymous totals."
        ),
        version="2026-01",
        order=40,
    ),
]


def register_default_purposes() -> None:
    for purpose in DEFAULT_PURPOSES:
        register_purpose(purpose)
