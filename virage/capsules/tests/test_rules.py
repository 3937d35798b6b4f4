"""Pure rules: business identity for reach, search terms, recommendations."""

import pytest

from virage.capsules.rules import (
    CapsuleCandidate,
    categories_from_answers,
    fold,
    light_business_key,
    matching_business_id,
    merchant_business_key,
    normalise_business_name,
    recommend,
    search_document,
    search_terms,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Boutique Marie inc.", "boutique marie"),
        ("boutique   MARIE", "boutique marie"),
        ("Quincaillerie Luc ltée", "quincaillerie luc"),
        ("Quincaillerie Luc Limitée", "quincaillerie luc"),
        ("L'Épicerie du Coin enr.", "l epicerie du coin"),
        ("Café & Cie", "cafe"),
        ("Les Jardins S.E.N.C.", "les jardins s e n c"),
        ("Les Jardins SENC", "les jardins"),
        ("Inc. Design", "inc design"),  # a suffix only counts at the end
        ("Ça-Va-Bien!", "ca va bien"),
        ("   ", ""),
    ],
)
def test_normalise_business_name(name, expected):
    assert normalise_business_name(name) == expected


def test_business_keys():
    assert merchant_business_key(42) == "b:42"
    assert light_business_key("Boutique Marie inc.", "16") == "n:16:boutique marie"
    assert light_business_key("boutique marie", "16") == "n:16:boutique marie"
    assert light_business_key("Boutique Marie", "05") == "n:05:boutique marie"
    assert light_business_key("!!!", "05") == "n:05:-"
    assert len(light_business_key("x" * 500, "05")) == 200


def test_matching_business_id_uses_legal_or_operating_name():
    businesses = [(7, "9123-4567 Québec inc.", "Boutique Marie"), (3, "Fleuriste Léa ltée", "")]
    assert matching_business_id("boutique marie inc", businesses) == 7
    assert matching_business_id("FLEURISTE LEA", businesses) == 3
    assert matching_business_id("Boutique Mario", businesses) is None
    assert matching_business_id("", businesses) is None
    assert matching_business_id("inc", [(1, "Inc", "")]) is None
    assert matching_business_id("Même nom", [(9, "Même nom", ""), (2, "Meme nom", "")]) == 2


def test_search_terms_and_document_fold_accents_and_case():
    assert fold("Commerce ÉLECTRONIQUE, l'été!") == "commerce electronique l ete"
    assert search_terms("  Électronique  commerce électronique ") == ["electronique", "commerce"]
    assert search_terms("a b c d e f g h i j") == ["a", "b", "c", "d", "e", "f", "g", "h"]
    assert search_terms("") == []
    assert search_document("Titre", "", "Résumé") == " titre resume "


CANDIDATES = [
    CapsuleCandidate("shipping", ("shipping",), 5),
    CapsuleCandidate("platform", ("ecommerce",), 9),
    CapsuleCandidate("payments", ("payments", "ecommerce"), 2),
    CapsuleCandidate("security", ("cybersecurity",), 30),
    CapsuleCandidate("law-25", ("cybersecurity", "crm_email"), 1),
    CapsuleCandidate("pos", ("pos",), 9),
]


@pytest.mark.parametrize(
    ("wanted", "keys", "done", "limit", "expected"),
    [
        # no wish: most completed first, then key
        ((), (), (), 3, ["security", "platform", "pos"]),
        # first wanted category first (ties by popularity), then the others by popularity
        (("ecommerce",), (), (), 4, ["platform", "payments", "security", "pos"]),
        (("shipping", "ecommerce"), (), (), 3, ["shipping", "platform", "payments"]),
        # a capsule counts by the best of its categories
        (("crm_email", "cybersecurity"), (), (), 2, ["law-25", "security"]),
        # completed capsules are never suggested
        (("ecommerce",), (), {"platform"}, 2, ["payments", "security"]),
        # capsules linked by the plan come first, in plan order
        (("shipping",), ("pos", "law-25"), (), 4, ["pos", "law-25", "shipping", "security"]),
        # unknown wanted keys and categories are ignored
        (("booking",), ("nope",), (), 2, ["security", "platform"]),
        # everything done: nothing left
        ((), (), {c.key for c in CANDIDATES}, 3, []),
        ((), (), (), 0, []),
    ],
)
def test_recommend(wanted, keys, done, limit, expected):
    assert (
        recommend(CANDIDATES, wanted_categories=wanted, wanted_keys=keys, done=done, limit=limit)
        == expected
    )


def test_categories_from_answers_no_before_partially_in_item_order():
    items = {
        "r1_1": ("visibility",),
        "r2_1": ("ecommerce", "payments"),
        "r3_2": ("pos",),
        "r7_1": ("cybersecurity",),
        "r7_2": ("cybersecurity",),
    }
    answers = {"r1_1": "partially", "r2_1": "yes", "r3_2": "no", "r7_1": "na", "r7_2": "no"}
    assert categories_from_answers(answers, items) == ["pos", "cybersecurity", "visibility"]
    assert categories_from_answers({}, items) == []
