"""The public eligibility check explains each criterion not met, in plain words."""

from __future__ import annotations

from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def check(client, language="fr", **params):
    query = {"subsector": "458", "employees": "6", "postal_code": "J2G 2V5", "region": "16"}
    query.update(params)
    return client.get(f"/{language}/intake/eligibility/", query)


def test_empty_form_shows_no_result(client, program):
    body = unescape(client.get("/fr/intake/eligibility/").content.decode())
    assert "Mon commerce est-il admissible?" in body
    assert "Bonne nouvelle" not in body
    assert "Veuillez corriger" not in body


def test_eligible_business_is_led_to_the_signup_with_its_answers(client, program):
    body = unescape(check(client).content.decode())
    assert "Bonne nouvelle : votre commerce semble admissible" in body
    assert (
        'href="/fr/intake/signup/?subsector=458&amp;employees=6&amp;postal_code=J2G+2V5&amp;'
        'region=16"'
    ) in check(client).content.decode()


def test_each_failed_criterion_is_explained_in_french(client, program):
    body = unescape(check(client, employees="150", postal_code="K1A 0B1").content.decode())
    assert "ne semble pas répondre à tous les critères" in body
    assert (
        "Le programme s'adresse aux entreprises de moins de 100 employés (équivalents temps "
        "plein) ; l'entreprise en compte 150."
    ) in body
    assert "aucune des adresses indiquées ne s'y trouve (K1A 0B1)" in body
    assert "M'inscrire quand même à la liste de rappel" in body


def test_each_failed_criterion_is_explained_in_english(client, program):
    body = unescape(check(client, "en", employees="150").content.decode())
    assert "Your business does not seem to meet every criterion" in body
    assert (
        "The program is for businesses with fewer than 100 employees (full-time equivalents); "
        "this business has 150."
    ) in body


def test_unknown_activity_needs_a_person(client, program):
    body = unescape(check(client, subsector="").content.decode())
    assert "Votre commerce pourrait être admissible : une personne vérifiera" in body
    assert "une personne de l'équipe devra confirmer que l'entreprise est un commerce" in body


def test_bad_input_is_explained_and_kept(client, program):
    response = check(client, postal_code="12345", employees="-1")
    body = unescape(response.content.decode())
    assert "Entrez un code postal canadien, par exemple J2G 2V5." in body
    assert 'value="12345"' in body
    assert "Bonne nouvelle" not in body
