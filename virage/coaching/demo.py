"""Demo data for coaching: advisor profiles (Antoine, Sofia and four more advisors), the
assignment history of Marie's and Luc's businesses, their meetings (held and upcoming) and
Luc's allowance past 80 %. Idempotent: keyed on e-mail addresses and on existing meetings.

Written directly (no invitation e-mails are sent)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from virage.accounts.models import Role, User
from virage.accounts.personas import DEMO_PASSWORD
from virage.enterprises.models import Business
from virage.enterprises.testing import persona_businesses
from virage.programs.models import Region, Subsector

from .models import AdvisorAssignment, AdvisorProfile, Meeting

# e-mail, first name, last name, phone, regions, languages, subsectors, max caseload, on leave
ADVISORS = [
    (
        "antoine@demo.virage.example",
        "",
        "",
        "450 555-0142",
        ["16", "05"],
        ["fr", "en"],
        ["458", "459"],
        40,
        False,
    ),
    (
        "sofia@demo.virage.example",
        "",
        "",
        "819 555-0187",
        ["05", "17", "12"],
        ["fr", "es"],
        ["444", "445"],
        40,
        False,
    ),
    (
        "nadir.haddad@demo.virage.example",
        "Nadir",
        "Haddad",
        "514 555-0110",
        ["06", "13"],
        ["fr", "en", "ar"],
        ["445", "456", "458"],
        45,
        False,
    ),
    (
        "emilie.gagne@demo.virage.example",
        "Émilie",
        "Gagné",
        "418 555-0133",
        ["03", "12"],
        ["fr"],
        ["441", "457"],
        35,
        True,
    ),
    (
        "mathieu.girard@demo.virage.example",
        "Mathieu",
        "Girard",
        "418 555-0175",
        ["02", "01", "09", "11"],
        ["fr"],
        ["444", "445", "459"],
        30,
        False,
    ),
    (
        "jessica.wong@demo.virage.example",
        "Jessica",
        "Wong",
        "514 555-0168",
        ["06", "15", "14"],
        ["fr", "en", "zh"],
        ["449", "458", "459"],
        40,
        False,
    ),
]

# days ago (negative: upcoming), hour, mode, planned/actual minutes, agenda, topics,
# next steps, private notes
MARIE_MEETINGS = [
    (
        40,
        10,
        "on_site",
        90,
        "Premier contact : présentation du programme et des résultats du diagnostic",
        "Lecture du diagnostic, priorités de la boutique, budget disponible",
        "Terminer le diagnostic T0 en ligne",
        "Très motivée; craint les frais mensuels des plateformes. Revenir sur le coût total.",
    ),
    (
        19,
        14,
        "video",
        60,
        "Choix d'une plateforme de boutique en ligne",
        "Comparaison de trois plateformes (frais, interface en français, paiements)",
        "Demander deux soumissions; préparer la liste des 40 produits à mettre en ligne",
        "Son conjoint s'occupe de la comptabilité : l'inviter à la prochaine rencontre.",
    ),
    (
        6,
        9,
        "phone",
        30,
        "Suivi des soumissions",
        "Soumissions reçues; frais de transaction et délai de mise en ligne",
        "Comparer les frais de transaction; photographier les produits",
        "",
    ),
    (
        -5,
        14,
        "video",
        60,
        "Choisir la plateforme et planifier la mise en ligne",
        "",
        "",
        "",
    ),
]

LUC_MEETINGS = [
    (
        60,
        10,
        "on_site",
        180,
        "Visite des deux magasins : inventaire et caisses",
        "Inventaire tenu sur papier à Magog; caisses différentes dans les deux magasins",
        "Recenser les produits et les fournisseurs principaux",
        "Le gérant de Magog résiste au changement : l'impliquer tôt.",
    ),
    (
        45,
        13,
        "video",
        150,
        "Logiciel de gestion des stocks multisite",
        "Démonstration de deux logiciels; synchronisation avec la caisse",
        "Essai gratuit du logiciel retenu pendant 30 jours",
        "",
    ),
    (
        25,
        10,
        "on_site",
        120,
        "Configuration de l'essai à Sherbrooke",
        "Import des produits, formation de deux employés",
        "Étendre l'essai au magasin de Magog",
        "",
    ),
    (
        8,
        15,
        "video",
        150,
        "Bilan de l'essai et commandes aux fournisseurs",
        "Écarts d'inventaire réduits; commandes fournisseurs depuis le logiciel",
        "Signer l'abonnement; planifier la formation du personnel de Magog",
        "Il reste peu d'heures : prioriser la formation de Magog.",
    ),
    (
        -9,
        10,
        "on_site",
        90,
        "Formation du personnel de Magog",
        "",
        "",
        "",
    ),
]


def _advisor_users(users: dict) -> list[User]:
    regions = {r.code: r for r in Region.objects.all()}
    subsectors = {s.code: s for s in Subsector.objects.all()}
    result = []
    for email, first, last, phone, region_codes, languages, codes, cap, on_leave in ADVISORS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                role=Role.ADVISOR,
            )
        if not user.phone:
            user.phone = phone
            user.save(update_fields=["phone"])
        profile, created = AdvisorProfile.objects.get_or_create(
            user=user,
            defaults={
                "languages": languages,
                "max_caseload": cap,
                "availability": (
                    AdvisorProfile.Availability.ON_LEAVE
                    if on_leave
                    else AdvisorProfile.Availability.ACTIVE
                ),
            },
        )
        if created:
            profile.regions.set([regions[c] for c in region_codes if c in regions])
            profile.subsectors.set([subsectors[c] for c in codes if c in subsectors])
        result.append(user)
    return result


def _at(days_ago: int, hour: int) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _meetings(business: Business, advisor: User, specs) -> int:
    if Meeting.objects.filter(business=business).exists():
        return 0
    for days_ago, hour, mode, minutes, agenda, topics, next_steps, notes in specs:
        held = days_ago > 0
        Meeting.objects.create(
            business=business,
            advisor=advisor,
            starts_at=_at(days_ago, hour),
            planned_minutes=minutes,
            mode=mode,
            location=(
                "https://meet.virage.example/accompagnement"
                if mode == "video"
                else (advisor.phone if mode == "phone" else _address(business))
            ),
            agenda=agenda,
            status=Meeting.Status.HELD if held else Meeting.Status.PLANNED,
            actual_minutes=minutes if held else None,
            topics=topics,
            next_steps=next_steps,
            private_notes=notes,
            logged_at=_at(days_ago, hour) + timedelta(hours=3) if held else None,
            logged_by=advisor if held else None,
        )
    return len(specs)


def _address(business: Business) -> str:
    location = business.locations.filter(is_primary=True).first()
    return f"{location.address}, {location.city}" if location else ""


def _history(business: Business, advisor: User, admin: User | None, days_ago: int) -> None:
    if AdvisorAssignment.objects.filter(business=business).exists():
        return
    row = AdvisorAssignment.objects.create(
        business=business, advisor=advisor, kind=AdvisorAssignment.Kind.INITIAL, assigned_by=admin
    )
    AdvisorAssignment.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )


def _link_plan_action(business: Business) -> None:
    """Link the latest meeting held to the first action of the business's plan, if any."""
    from virage.plans.models import PlanAction

    action = PlanAction.objects.filter(plan__business=business).order_by("plan_id", "order").first()
    meeting = (
        Meeting.objects.filter(business=business, status=Meeting.Status.HELD)
        .order_by("-starts_at")
        .first()
    )
    if action and meeting and not meeting.plan_actions.exists():
        meeting.plan_actions.add(action)


def seed(*, users, stdout) -> None:
    advisors = _advisor_users(users)
    businesses = persona_businesses(users)
    admin = users.get("ada")
    marie, luc = businesses["marie"], businesses["luc"]
    _history(marie, users["antoine"], admin, 50)
    _history(luc, users["sofia"], admin, 70)
    created = _meetings(marie, users["antoine"], MARIE_MEETINGS)
    created += _meetings(luc, users["sofia"], LUC_MEETINGS)
    _link_plan_action(marie)
    stdout.write(
        f"  coaching: {len(advisors)} advisor profiles, {created} meetings "
        "(Luc's allowance past 80 %)"
    )
