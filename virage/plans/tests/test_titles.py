from virage.plans.rules import RULES
from virage.plans.titles import RULE_TITLES, title_for


def test_every_rule_has_a_french_and_an_english_title():
    assert sorted(RULE_TITLES) == sorted(rule.key for rule in RULES)
    for fr, en in RULE_TITLES.values():
        assert fr.strip() == fr != ""
        assert en.strip() == en != ""
        assert fr != en


def test_unknown_rule_falls_back_to_the_category_name():
    assert title_for("nope", "Comptabilité", "Accounting") == ("Comptabilité", "Accounting")
    assert title_for("loyalty", "x", "y") == (
        "Lancer un programme de fidélisation",
        "Start a loyalty program",
    )
