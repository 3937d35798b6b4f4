"""Merchant pages and home panels: exact contents and query counts."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from virage.enterprises import services
from virage.enterprises.models import Contact, Location
from virage.programs.models import Region

from .factories import cohort, eligible_business, invited_business, submitted_business

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's visible text, one space between words."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("rows", [1, 20])
def test_my_business_query_count_is_constant(rows, businesses, client_for, assert_queries):
    region = Region.objects.get(code="16")
    for i in range(rows - 1):
        Location.objects.create(
            business=businesses.marie,
            address=f"{i}, rue X",
            city="Granby",
            postal_code="J2G 1A1",
            region=region,
        )
    for i in range(rows):
        Contact.objects.create(business=businesses.marie, name=f"C{i}", email=f"c{i}@x.example")
    client = client_for("marie")
    # 1 session, 1 user, 1 business (joins), 1 application, 1 locations, 1 contacts,
    # 1 program (context processor)
    with assert_queries(7):
        page = client.get(en("enterprises:my_business"))
    assert text(page).count("rue X") == rows - 1


def test_merchant_panel_while_applying(client):
    _business, user = invited_business(language="en")
    client.force_login(user)
    page = text(client.get(en("accounts:home")))
    assert "Your application is not submitted yet: 6 things are missing." in page


def test_merchant_panel_once_enrolled_shows_package_and_advisor(businesses, client_for):
    page = text(client_for("luc").get(en("accounts:home")))
    assert "Multi-location package: 12.0 h of coaching and 10.0 h of training" in page
    # the advisor's name and contact are shown once, in the coaching panel
    assert page.count("sofia@demo.virage.example") == 1


def test_admin_panel_counts_applications_to_decide(personas, businesses, program, client_for):
    submitted_business()
    submitted_business()
    refused, user = submitted_business(employees=300)
    services.application_decide(
        business=refused, actor=personas.ada, outcome="ineligible", reason="300."
    )
    services.review_request(business=refused, actor=user, message="Nous sommes 80 ETP.")
    accepted = eligible_business(personas.ada)
    invited_business()
    services.business_enrol(
        business=eligible_business(personas.ada), actor=personas.ada, cohort=cohort()
    )
    page = text(client_for("ada").get(en("accounts:home")))
    assert "Submitted, to decide 2" in page
    assert "Needs review 1" in page
    assert "Accepted, to enrol 1" in page
    assert "Invited, application in progress 1" in page
    assert f"Places taken in the program 3 / {program.target_businesses}" in page
    assert accepted.status == "eligible"


def test_status_page_before_and_after_a_decision(personas, client):
    business, user = submitted_business(language="en")
    client.force_login(user)
    page = text(client.get(en("enterprises:status")))
    assert "A person from the program team is reviewing it" in page
    assert "What the check of the criteria found" not in page  # no decision yet
    services.application_decide(
        business=business,
        actor=personas.ada,
        outcome="needs_review",
        reason="Can you send us your NEQ?",
    )
    page = text(client.get(en("enterprises:status")))
    assert "Needs review" in page and "Can you send us your NEQ?" in page
    assert "a person from the program team always makes the decision" in page
