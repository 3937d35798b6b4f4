"""The catalog in the database: the seed loaded by the data migration, the idempotent
loader, and the public, vendor-neutral browse page (filters, order, query counts)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from virage.catalog import seed_data
from virage.catalog.loading import load_catalog
from virage.catalog.models import Solution, SolutionCategory
from virage.enterprises.models import Business

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


def names(response) -> list[str]:
    return [s.name for s in response.context["solutions"]]


# ------------------------------------------------------------------ reference data


def test_the_migration_loads_the_seed_catalog():
    assert list(SolutionCategory.objects.values_list("key", flat=True)) == list(
        seed_data.CATEGORY_KEYS
    )
    assert list(SolutionCategory.objects.values_list("order", flat=True)) == list(range(1, 16))
    assert Solution.objects.count() == len(seed_data.SOLUTIONS) == 57
    assert Solution.objects.filter(is_active=True).count() == 57
    shopify = Solution.objects.get(key="shopify")
    assert (shopify.category_id, shopify.price_range, shopify.french_interface) == (
        "ecommerce",
        "50_200",
        True,
    )
    assert sorted(c.key for c in shopify.extra_categories.all()) == ["inventory", "pos"]
    for data in seed_data.SOLUTIONS:
        solution = Solution.objects.get(key=data["key"])
        assert sorted(c.key for c in solution.extra_categories.all()) == sorted(
            data["extra_categories"]
        )


def test_choices_match_the_seed_vocabulary():
    assert tuple(Solution.PriceRange.values) == seed_data.PRICE_RANGES
    assert tuple(Solution.PriceModel.values) == seed_data.PRICE_MODELS
    assert tuple(Solution.SetupEffort.values) == seed_data.SETUP_EFFORTS


def test_loader_is_idempotent_and_keeps_admin_edits():
    Solution.objects.filter(key="wix").update(description_fr="Texte revu par l'équipe.")
    Solution.objects.filter(key="etsy").delete()
    result = load_catalog(SolutionCategory, Solution)
    assert (result.categories_created, result.solutions_created) == (0, 1)
    assert Solution.objects.get(key="wix").description_fr == "Texte revu par l'équipe."
    assert Solution.objects.count() == 57
    result = load_catalog(SolutionCategory, Solution)
    assert (result.categories_created, result.solutions_created) == (0, 0)


def test_catalog_load_command(capsys):
    call_command("catalog_load")
    assert capsys.readouterr().out == "catalog: 0 categories and 0 solutions created\n"


def test_constraints_hold_in_the_database():
    with transaction.atomic(), pytest.raises(IntegrityError):
        Solution.objects.filter(key="wix").update(price_range="cheap")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Solution.objects.filter(key="wix").update(url="http://www.wix.com")


def test_in_category_covers_extra_categories_once():
    keys = list(Solution.objects.in_category("pos").values_list("key", flat=True))
    assert len(keys) == len(set(keys))
    assert {"shopify", "square", "lightspeed_retail"} <= set(keys)


# ------------------------------------------------------------------ the browse page


def test_public_page_lists_everything_by_name_with_the_neutrality_statement(client):
    response = client.get("/fr/solutions/")
    page = body(response)
    assert response.status_code == 200
    assert "<h1>Catalogue de solutions</h1>" in page
    assert "Aucun fournisseur ne paie pour figurer dans ce catalogue" in page
    assert "57 solutions" in page
    assert names(response) == [s.name for s in Solution.objects.order_by(Lower("name"), "key")]
    assert 'href="https://www.shopify.com" rel="noopener noreferrer nofollow"' in page


def test_english_page(client):
    page = body(client.get("/en/solutions/"))
    assert "<h1>Solution catalog</h1>" in page
    assert "No vendor pays to appear in this catalog" in page
    assert "Cloud platform to build and run an online store." in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "category=payments",
            [
                "Clover",
                "Moneris",
                "PayPal",
                "Solutions de paiement Desjardins (Monetico)",
                "Square",
                "Stripe",
            ],
        ),
        ("quebec_vendor=on", None),
        ("category=hr_payroll&quebec_vendor=on", ["Acomba", "Agendrix", "Employeur D", "Nethris"]),
        ("category=pos&multi_location=on&max_price=50_200", None),
        (
            "category=marketplace&french_interface=on&max_price=under_50",
            ["Amazon Marketplace (Amazon.ca)", "Etsy"],
        ),
    ],
)
def test_filters(client, query, expected):
    response = client.get(f"/fr/solutions/?{query}")
    assert response.status_code == 200
    got = names(response)
    params = dict(p.split("=") for p in query.split("&"))
    qs = Solution.objects.active()
    if "category" in params:
        qs = qs.in_category(params["category"])
    for flag in ("quebec_vendor", "french_interface", "multi_location"):
        if flag in params:
            qs = qs.filter(**{flag: True})
    if "max_price" in params:
        bands = seed_data.PRICE_RANGES[: seed_data.PRICE_RANGES.index(params["max_price"]) + 1]
        qs = qs.filter(price_range__in=bands)
    assert got == [s.name for s in qs.order_by(Lower("name"), "key")]
    if expected is not None:
        assert got == expected


def test_unknown_filter_value_is_reported_and_kept(client):
    response = client.get("/fr/solutions/?category=nope&quebec_vendor=on")
    page = body(response)
    assert "Sélectionnez un choix valide." in page
    assert 'name="quebec_vendor" checked' in page or "checked" in page
    assert len(response.context["solutions"]) == 57


def test_inactive_solutions_are_hidden(client):
    Solution.objects.filter(key="wix").update(is_active=False)
    assert "Wix" not in names(client.get("/fr/solutions/"))


def test_merchant_may_order_a_category_by_fit(client_for, businesses):
    # Luc's hardware store has two locations: point-of-sale systems that cannot handle
    # several stores are listed apart, after the ones that fit, best fit first.
    client = client_for("luc")
    response = client.get("/fr/solutions/?category=pos&sort=fit")
    fitting = [s.key for s in response.context["solutions"]]
    others = [s.key for s in response.context["other_solutions"]]
    assert fitting == ["square", "lightspeed_retail", "shopify", "odoo"]
    assert others == ["clover"]
    assert "Autres solutions de cette catégorie" in body(response)
    # by name otherwise, and no fit ordering for visitors
    assert [s.key for s in client.get("/fr/solutions/?category=pos").context["solutions"]] == [
        "clover",
        "lightspeed_retail",
        "odoo",
        "shopify",
        "square",
    ]
    assert "sort" not in body(client_for("antoine").get("/fr/solutions/"))


@pytest.mark.parametrize("n", [1, 20])
def test_query_count_does_not_grow_with_solutions(
    client, client_for, businesses, n, assert_queries
):
    Solution.objects.update(is_active=False)
    keep = list(Solution.objects.order_by("key").values_list("pk", flat=True)[:n])
    Solution.objects.filter(pk__in=keep).update(is_active=True)
    # 1 categories, 1 solutions, 1 their extra categories, 1 program
    with assert_queries(4):
        response = client.get("/fr/solutions/")
    assert len(response.context["solutions"]) == n
    merchant = client_for("marie")
    # + 1 session, 1 user, 1 the merchant's business
    with assert_queries(7):
        merchant.get("/fr/solutions/")
    Solution.objects.filter(pk__in=keep).update(category_id="ecommerce")
    # sorted by fit: + 1 the business's number of locations
    with assert_queries(8):
        response = merchant.get("/fr/solutions/?category=ecommerce&sort=fit")
    assert len(response.context["solutions"]) + len(response.context["other_solutions"]) == n


def test_fit_order_needs_a_business(client_for, personas):
    Business.objects.all().delete()
    response = client_for("marie").get("/fr/solutions/?category=pos&sort=fit")
    assert response.context["by_fit"] is False


def test_program_admin_maintains_the_catalog_in_the_admin(client_for):
    ada = client_for("ada")
    assert ada.get("/fr/admin/catalog/solution/").status_code == 200
    wix = Solution.objects.get(key="wix")
    page = ada.get(f"/fr/admin/catalog/solution/{wix.pk}/change/")
    assert page.status_code == 200
    # the key is fixed once created: rules, plans, training and capsules refer to it
    assert 'name="key"' not in page.content.decode()
    assert ada.get("/fr/admin/catalog/solutioncategory/").status_code == 200
    assert client_for("marie").get("/fr/admin/catalog/solution/").status_code == 302
