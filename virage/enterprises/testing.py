"""Businesses of the personas, shared by demo data and tests.

Marie's business: « Boutique Marie », Montérégie, 1 location, enrolled, standard package,
advisor Antoine. Luc's business: « Quincaillerie Luc », Estrie, 2 locations, enrolled,
multi-location package, advisor Sofia."""

from __future__ import annotations

from django.utils import timezone

from virage.programs.models import Region, Subsector

from .models import Business, BusinessMember, Location, Package


def persona_businesses(users: dict) -> dict[str, Business]:
    """Create (or fetch) Marie's and Luc's businesses; idempotent."""
    regions = {r.code: r for r in Region.objects.filter(code__in=["16", "05"])}
    subsectors = {s.code: s for s in Subsector.objects.filter(code__in=["458", "444"])}
    packages = {p.key: p for p in Package.objects.all()}
    specs = [
        (
            "marie",
            "Boutique Marie inc.",
            "Boutique Marie",
            "1170000001",
            "458",
            6,
            "16",
            "standard",
            "antoine",
            [("120, rue Principale", "Granby", "J2G 2V5", "16")],
        ),
        (
            "luc",
            "Quincaillerie Luc ltée",
            "Quincaillerie Luc",
            "1170000002",
            "444",
            24,
            "05",
            "multi-location",
            "sofia",
            [
                ("55, rue King Ouest", "Sherbrooke", "J1H 1N5", "05"),
                ("8, rue Principale", "Magog", "J1X 2A4", "05"),
            ],
        ),
    ]
    result = {}
    for key, legal, operating, neq, sub, employees, region, package, advisor, locations in specs:
        business = Business.objects.filter(neq=neq).first()
        if business is None:
            pkg = packages.get(package)
            business = Business.objects.create(
                legal_name=legal,
                operating_name=operating,
                neq=neq,
                subsector=subsectors.get(sub),
                employees=employees,
                region=regions.get(region),
                revenue_band=Business.RevenueBand.FROM_250K,
                has_website=True,
                status=Business.Status.ENROLLED,
                package=pkg,
                advisor=users.get(advisor),
                coaching_minutes_allowed=pkg.coaching_minutes_for(len(locations)) if pkg else 600,
                training_minutes_allowed=pkg.training_minutes if pkg else 600,
                applied_at=timezone.now(),
                enrolled_at=timezone.now(),
            )
            for i, (address, city, postal, loc_region) in enumerate(locations):
                Location.objects.create(
                    business=business,
                    address=address,
                    city=city,
                    postal_code=postal,
                    region=regions[loc_region],
                    is_primary=i == 0,
                )
        if key in users:
            BusinessMember.objects.get_or_create(business=business, user=users[key])
        result[key] = business
    return result
