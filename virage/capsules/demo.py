"""Demo data: the seed capsules and learning paths, and some progress to look at.

Marie completed the « Protéger son commerce » path (certificate), Luc one capsule, and a few
light learners from several regions completed capsules over the last months (two people of
one flower shop in Chaudière-Appalaches count as one business reached). Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from virage.programs.models import Region, Subsector

from . import rules
from .models import Capsule, CapsuleProgress, Learner
from .services import content_load_seed, learner_for_merchant, quiz_keys, quiz_submit

LIGHT_LEARNERS = [
    # e-mail, business name, region, subsector, language, [(capsule key, days ago)]
    (
        "info@fleuristejardins.example",
        "Fleuriste Les Jardins",
        "12",
        "459",
        "fr",
        [("business-listings", 150), ("social-media-local", 120)],
    ),
    (
        "alex@fleuristejardins.example",
        "Fleuriste Les Jardins inc.",
        "12",
        "459",
        "fr",
        [("business-listings", 100)],
    ),
    (
        "bonjour@epiceriedugolfe.example",
        "Épicerie du Golfe",
        "11",
        "445",
        "fr",
        [("online-payments-fees", 95)],
    ),
    (
        "owner@northshoreoutdoors.example",
        "North Shore Outdoors",
        "09",
        "459",
        "en",
        [("ecommerce-platform", 70), ("shipping-quebec", 65)],
    ),
    (
        "contact@librairielaurentides.example",
        "Librairie des Laurentides",
        "15",
        "459",
        "fr",
        [("french-language-websites", 40)],
    ),
    (
        "caisse@quincailleriesaguenay.example",
        "Quincaillerie Saguenay",
        "02",
        "444",
        "fr",
        [("inventory-multi-location", 12)],
    ),
    (
        "hello@modemontreal.example",
        "Mode Montréal",
        "06",
        "458",
        "en",
        [("cybersecurity-essentials", 3)],
    ),
]

MARIE_PATH = [
    ("cybersecurity-essentials", 60),
    ("law-25-privacy-basics", 45),
    ("email-marketing-casl", 30),
    ("french-language-websites", 20),
]


def _pass(learner: Learner, key: str, days_ago: int, capsules: dict) -> None:
    capsule = capsules[key]
    answers = {q.question_id: q.correct_choice_id for q in quiz_keys(capsule=capsule)}
    quiz_submit(
        capsule=capsule,
        answers=answers,
        learner=learner,
        at=timezone.now() - timedelta(days=days_ago),
    )


def seed(*, users, stdout) -> None:
    counts = content_load_seed()
    capsules = {
        c.key: c for c in Capsule.objects.published().prefetch_related("questions__choices")
    }
    regions = {r.code: r for r in Region.objects.all()}
    subsectors = {s.code: s for s in Subsector.objects.all()}

    marie = learner_for_merchant(user=users["marie"])
    if not CapsuleProgress.objects.filter(learner=marie).exists():
        for key, days in MARIE_PATH:
            _pass(marie, key, days, capsules)
    luc = learner_for_merchant(user=users["luc"])
    if not CapsuleProgress.objects.filter(learner=luc).exists():
        _pass(luc, "modern-pos", 25, capsules)

    for email, name, region, subsector, language, completions in LIGHT_LEARNERS:
        if Learner.objects.filter(email=email).exists() or region not in regions:
            continue
        now = timezone.now()
        learner = Learner.objects.create(
            email=email,
            business_name=name,
            region=regions[region],
            subsector=subsectors.get(subsector),
            language=language,
            business_key=rules.light_business_key(name, region),
            confirmed_at=now,
            details_changed_at=now,
        )
        for key, days in completions:
            _pass(learner, key, days, capsules)
    stdout.write(
        f"  capsules: {Capsule.objects.published().count()} published "
        f"({counts['capsules']} added), learners: {Learner.objects.count()}"
    )
