"""Demo data: Marie's and Luc's businesses, cohorts, and a few businesses at each intake step
(application in progress, applied, needs review, refused, review asked, accepted, enrolled)
so the admin's applications list and decisions are populated. Idempotent (keyed on NEQ).

Built directly (no e-mails are sent); proposals come from the real eligibility rules."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone

from virage.accounts.models import Role, User
from virage.accounts.personas import DEMO_PASSWORD
from virage.programs.models import Region, Subsector
from virage.programs.selectors import program_current

from . import services
from .models import (
    Application,
    Business,
    BusinessMember,
    Cohort,
    Contact,
    Decision,
    Location,
    Package,
    ProgramCounter,
    ReviewRequest,
)
from .testing import persona_businesses

# (neq, legal name, operating name, subsector, employees, revenue, [(address, city, postal,
#  region)], status, merchant (first, last, e-mail), decision reason, review message,
#  has_website, has_transactional_site)
DEMO = [
    (
        "1180000011",
        "Fleuriste Le Jardin de Rose enr.",
        "Le Jardin de Rose",
        "459",
        3,
        "lt250k",
        [],
        "invited",
        ("Rose", "Pelletier", "rose@jardin-de-rose.example"),
        "",
        "",
        False,
        False,
    ),
    (
        "1180000012",
        "Librairie Côté Cour inc.",
        "Librairie Côté Cour",
        "459",
        7,
        "250k-1m",
        [("412, rue Racine Est", "Saguenay", "G7H 1S8", "02")],
        "applied",
        ("Hélène", "Simard", "helene@cotecour.example"),
        "",
        "",
        True,
        False,
    ),
    (
        None,
        "Épicerie fine Saint-Roch",
        "",
        "445",
        5,
        "250k-1m",
        [("301, rue Saint-Joseph Est", "Québec", "G1K 3B3", "03")],
        "applied",
        ("Karim", "Benali", "karim@epicerie-stroch.example"),
        "",
        "",
        True,
        True,
    ),
    (
        "1180000014",
        "Vélo Plein Air Outaouais inc.",
        "Vélo Plein Air",
        "459",
        None,
        "1m-5m",
        [("85, boulevard Saint-Raymond", "Gatineau", "J8Y 1S2", "07")],
        "needs_review",
        ("Simon", "Lafleur", "simon@velopleinair.example"),
        "Le nombre d'employés manque : pouvez-vous nous écrire combien de personnes "
        "travaillent au magasin (équivalents temps plein) ?",
        "",
        True,
        True,
    ),
    (
        "1180000015",
        "Meubles Laurentides ltée",
        "Meubles Laurentides",
        "449",
        120,
        "5m-20m",
        [("1200, boulevard du Curé-Labelle", "Saint-Jérôme", "J7Z 5V9", "15")],
        "ineligible",
        ("Martin", "Charbonneau", "martin@meubles-laurentides.example"),
        "L'entreprise compte 120 employés; le programme s'adresse aux entreprises de moins "
        "de 100 employés.",
        "",
        True,
        False,
    ),
    (
        "1180000016",
        "Quincaillerie des Îles inc.",
        "Quincaillerie des Îles",
        "444",
        140,
        "1m-5m",
        [("330, chemin Principal", "Cap-aux-Meules", "G4T 1C9", "11")],
        "needs_review",
        ("Josée", "Arseneau", "josee@quincaillerie-iles.example"),
        "L'entreprise déclare 140 employés; le programme s'adresse aux entreprises de moins "
        "de 100 employés.",
        "Nous avons 140 employés l'été seulement : le reste de l'année, nous sommes 35 "
        "équivalents temps plein.",
        False,
        False,
    ),
    (
        "1180000017",
        "Pharmacie du Quartier Laval inc.",
        "Pharmacie du Quartier",
        "456",
        18,
        "1m-5m",
        [("1655, boulevard de l'Avenir", "Laval", "H7S 2N4", "13")],
        "eligible",
        ("Nadia", "Haddad", "nadia@pharmacie-quartier.example"),
        "",
        "",
        True,
        False,
    ),
    (
        "1180000018",
        "Boutique Nordique inc.",
        "Boutique Nordique",
        "458",
        9,
        "250k-1m",
        [
            ("150, rue Saint-Germain Est", "Rimouski", "G5L 1A9", "01"),
            ("22, rue Lafontaine", "Rivière-du-Loup", "G5R 3A1", "01"),
        ],
        "enrolled",
        ("Émilie", "Gagné", "emilie@boutique-nordique.example"),
        "",
        "",
        True,
        True,
    ),
]

DECIDED = {"needs_review", "ineligible", "eligible", "enrolled"}


def _cohorts() -> dict[str, Cohort]:
    winter, _ = Cohort.objects.get_or_create(
        name="Cohorte hiver 2026", defaults={"starts_on": date(2026, 1, 12)}
    )
    spring, _ = Cohort.objects.get_or_create(
        name="Cohorte printemps 2026", defaults={"starts_on": date(2026, 4, 6)}
    )
    return {"winter": winter, "spring": spring}


def _merchant(first: str, last: str, email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            role=Role.MERCHANT,
        )
    return user


def _create(spec, *, admin, cohorts, program, regions, subsectors, packages) -> Business:
    (
        neq,
        legal,
        operating,
        sub,
        employees,
        revenue,
        locations,
        status,
        person,
        reason,
        review,
        website,
        transactional,
    ) = spec
    user = _merchant(*person)
    now = timezone.now()
    business = Business.objects.create(
        legal_name=legal,
        operating_name=operating,
        neq=neq,
        subsector=subsectors.get(sub),
        employees=employees,
        revenue_band=revenue,
        has_website=website,
        has_transactional_site=transactional,
        status="invited",
    )
    BusinessMember.objects.create(business=business, user=user)
    application = Application.objects.create(
        business=business,
        applicant=user,
        has_no_neq=neq is None,
        online_answered=status != "invited",
        website_url="https://www.example.com" if website else "",
    )
    for i, (address, city, postal, region) in enumerate(locations):
        Location.objects.create(
            business=business,
            address=address,
            city=city,
            postal_code=postal,
            region=regions[region],
            is_primary=i == 0,
        )
    if locations:
        business.region = regions[locations[0][3]]
    if status == "invited":
        business.save()
        return business
    business.applied_at = now - timedelta(days=12)
    business.save()
    application = services.application_evaluate(business=business, program=program)
    application.submitted_at = business.applied_at
    application.save(update_fields=["submitted_at"])
    if status in DECIDED:
        first_outcome = "ineligible" if review else status
        first_outcome = "eligible" if status == "enrolled" else first_outcome
        Decision.objects.create(
            application=application,
            outcome=first_outcome,
            proposal=application.proposal,
            reason=reason,
            decided_by=admin,
        )
    if review:
        ReviewRequest.objects.create(application=application, message=review, requested_by=user)
    if status == "enrolled":
        package = services.package_suggest(locations=len(locations)) or packages["standard"]
        business.package = package
        business.cohort = cohorts["winter"]
        business.coaching_minutes_allowed = package.coaching_minutes_for(len(locations))
        business.training_minutes_allowed = package.training_minutes
        business.enrolled_at = now - timedelta(days=5)
        ProgramCounter.objects.filter(program=program).update(enrolled=F("enrolled") + 1)
    business.status = status
    business.save()
    return business


def seed(*, users, stdout) -> None:
    businesses = persona_businesses(users)
    cohorts = _cohorts()
    for business in businesses.values():
        if business.cohort_id is None:
            Business.objects.filter(pk=business.pk).update(cohort=cohorts["winter"])
    marie = businesses.get("marie")
    if marie is not None:
        Contact.objects.get_or_create(
            business=marie,
            email="jerome@boutique-marie.example",
            defaults={"name": "Jérôme Tremblay", "role": "Gérant du magasin"},
        )
    program = program_current()
    admin = users.get("ada")
    if program is None or admin is None:
        return
    regions = {r.code: r for r in Region.objects.all()}
    subsectors = {s.code: s for s in Subsector.objects.all()}
    packages = {p.key: p for p in Package.objects.all()}
    created = 0
    for spec in DEMO:
        neq, legal = spec[0], spec[1]
        exists = (
            Business.objects.filter(neq=neq).exists()
            if neq
            else Business.objects.filter(legal_name=legal).exists()
        )
        if exists:
            continue
        _create(
            spec,
            admin=admin,
            cohorts=cohorts,
            program=program,
            regions=regions,
            subsectors=subsectors,
            packages=packages,
        )
        created += 1
    stdout.write(
        f"  businesses: {', '.join(b.name for b in businesses.values())}"
        f" + {created} intake demo businesses"
    )
