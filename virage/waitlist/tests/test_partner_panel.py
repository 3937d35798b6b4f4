"""Regional partners: a referral link on their home page and the sign-ups it brought, as
counts only (under 5 shown as "< 5"), never the businesses."""

from __future__ import annotations

from html import unescape

import pytest

from virage.waitlist import services
from virage.waitlist.models import EntryStatus
from virage.waitlist.tests.factories import make_entry

pytestmark = pytest.mark.django_db


def panel(client) -> str:
    return unescape(client.get("/fr/account/home/").content.decode())


def test_partner_sees_the_link_and_small_counts_hidden(client_for, personas, program):
    for _i in range(4):
        make_entry(partner=personas.paul, business_name="Secret inc.")
    make_entry(partner=personas.rita)
    body = panel(client_for("paul"))
    code = personas.paul.referral_code.code
    assert f"http://testserver/fr/intake/r/{code}/" in body
    assert '<th scope="row">Inscriptions confirmées</th><td class="num">< 5</td>' in body
    assert "Secret inc." not in body


def test_five_confirmed_signups_are_shown(client_for, personas, program):
    for _i in range(5):
        make_entry(partner=personas.paul)
    make_entry(partner=personas.paul, status=EntryStatus.UNCONFIRMED)
    body = panel(client_for("paul"))
    assert '<th scope="row">Inscriptions confirmées</th><td class="num">5</td>' in body
    assert '<th scope="row">Invitées à présenter une demande</th><td class="num">< 5</td>' in body


def test_referral_code_is_stable_and_for_partners_only(personas, program):
    from django.core.exceptions import PermissionDenied

    first = services.referral_code_ensure(partner=personas.paul)
    assert services.referral_code_ensure(partner=personas.paul).code == first.code
    assert len(first.code) == 8
    with pytest.raises(PermissionDenied):
        services.referral_code_ensure(partner=personas.marie)


def test_panel_query_count_does_not_depend_on_signups(client_for, personas, program):
    """The home page holds other apps' panels too: count this panel's queries only."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    paul = client_for("paul")
    for n in (1, 20):
        for _i in range(n if n == 1 else n - 1):
            make_entry(partner=personas.paul)
        paul.get("/fr/account/home/")
        with CaptureQueriesContext(connection) as captured:
            paul.get("/fr/account/home/")
        ours = [q["sql"] for q in captured.captured_queries if "waitlist_" in q["sql"]]
        # the referral code, then one aggregate of the partner's sign-ups
        assert len(ours) == 2, ours


def test_admin_home_panel_counts_entries_by_status(client_for, personas, program):
    make_entry()
    make_entry()
    make_entry(status=EntryStatus.UNCONFIRMED)
    body = panel(client_for("ada"))
    assert '<th scope="row">En attente dans la file</th><td class="num">2</td>' in body
    assert '<th scope="row">Courriel non confirmé</th><td class="num">1</td>' in body
    assert "0 vague d'invitations ouverte." in body
