"""Demo money: the two funders of DOMAIN.md §1, budget lines, unit costs, a few months of
spending. Amounts are data (press reports vary: $22.5M budget, > $9M from each funder)."""

from __future__ import annotations

from datetime import date

from .models import BudgetLine, Contribution, Expense, Funder, UnitCost


def seed(*, users, stdout) -> None:
    federal, _ = Funder.objects.get_or_create(
        key="cerii",
        defaults={
            "name_fr": "Croissance économique régionale par l'innovation",
            "name_en": "Regional Economic Growth through Innovation",
            "government": "Canada",
        },
    )
    quebec, _ = Funder.objects.get_or_create(
        key="otn",
        defaults={
            "name_fr": "Offensive de transformation numérique",
            "name_en": "Digital Transformation Offensive",
            "government": "Québec",
        },
    )
    if "fatou" in users:
        quebec.users.add(users["fatou"])
    for funder, amount in ((federal, 9_300_000), (quebec, 9_200_000)):
        Contribution.objects.get_or_create(
            funder=funder,
            starts_on=date(2026, 9, 1),
            defaults={
                "amount_cents": amount * 100,
                "ends_on": date(2029, 8, 31),
                "conditions_fr": "Rapport trimestriel des résultats.",
                "conditions_en": "Quarterly results report.",
            },
        )
    plan = [
        ("advisors", federal, 5_500_000),
        ("advisors", quebec, 3_000_000),
        ("training", quebec, 4_200_000),
        ("training", federal, 1_000_000),
        ("capsules", federal, 1_300_000),
        ("promotion", quebec, 1_000_000),
        ("administration", None, 4_000_000),
        ("other", None, 2_500_000),
    ]
    lines = {}
    for category, funder, dollars in plan:
        line, _ = BudgetLine.objects.get_or_create(
            category=category, funder=funder, defaults={"planned_cents": dollars * 100}
        )
        lines[(category, funder.key if funder else None)] = line
    UnitCost.objects.get_or_create(
        kind="advisor_hour", valid_from=date(2026, 9, 1), defaults={"amount_cents": 9500}
    )
    UnitCost.objects.get_or_create(
        kind="training_seat_hour", valid_from=date(2026, 9, 1), defaults={"amount_cents": 4000}
    )
    entries = [
        (
            "admin-2026-09",
            ("administration", None),
            date(2026, 9, 30),
            18_000_000,
            "Salaires de l'équipe de coordination, septembre",
        ),
        (
            "admin-2026-10",
            ("administration", None),
            date(2026, 10, 31),
            18_500_000,
            "Salaires de l'équipe de coordination, octobre",
        ),
        (
            "promo-2026-10",
            ("promotion", "otn"),
            date(2026, 10, 15),
            4_200_000,
            "Campagne de lancement (radio régionale, web)",
        ),
        (
            "capsules-2026-10",
            ("capsules", "cerii"),
            date(2026, 10, 20),
            2_600_000,
            "Production de capsules vidéo",
        ),
    ]
    for key, line_key, day, cents, text in entries:
        Expense.objects.get_or_create(
            source_key=f"demo:{key}",
            defaults={
                "line": lines[line_key],
                "incurred_on": day,
                "amount_cents": cents,
                "description": text,
            },
        )
    Expense.objects.get_or_create(
        source_key="demo:commit-training",
        defaults={
            "line": lines[("training", "otn")],
            "kind": "commitment",
            "incurred_on": date(2026, 11, 1),
            "amount_cents": 60_000_000,
            "description": "Entente avec le partenaire de formation, année 1",
        },
    )
    stdout.write("  funding: 2 funders, 8 budget lines, unit costs, demo expenses")
