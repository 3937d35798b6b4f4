"""Every French catalog carries French plural rules (0 and 1 are singular): a catalog compiled
without its Plural-Forms header would make Django fall back to English rules for its strings."""

import gettext
from pathlib import Path

import pytest
from django.utils import translation

BASE = Path(__file__).resolve().parents[3]
CATALOGS = sorted(
    [
        *BASE.glob("locale/fr/LC_MESSAGES/django.mo"),
        *BASE.glob("virage/*/locale/fr/LC_MESSAGES/django.mo"),
    ]
)


def test_catalogs_are_compiled():
    assert len(CATALOGS) >= 16


@pytest.mark.parametrize("mo", CATALOGS, ids=lambda p: str(p.relative_to(BASE)))
def test_every_french_catalog_has_french_plural_rules(mo):
    with mo.open("rb") as f:
        info = gettext.GNUTranslations(f).info()
    assert info.get("plural-forms", "").replace(" ", "") == "nplurals=2;plural=(n>1);"


def test_zero_is_singular_in_french():
    # a string of the coaching catalog, which once lacked the header
    with translation.override("fr"):
        assert translation.ngettext("%(days)s day ago", "%(days)s days ago", 0) == (
            "il y a %(days)s jour"
        )
        assert translation.ngettext("%(days)s day ago", "%(days)s days ago", 2) == (
            "il y a %(days)s jours"
        )
