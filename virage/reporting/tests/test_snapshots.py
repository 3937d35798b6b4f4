"""Pre-computed dashboard figures (snapshots.py): the same numbers as a live computation, read
in one query while fresh, refreshed by the periodic job, recomputed when stale or when the
program admin asks, and shown with the time they were computed."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from virage.core.scheduling import periodic_jobs
from virage.programs.models import Region
from virage.reporting import selectors, snapshots
from virage.reporting.filters import Filters
from virage.reporting.models import ReportSnapshot

from . import dataset as D
from .test_queries import populate

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 30)
ON = override_settings(REPORTING_SNAPSHOT_MAX_AGE=600)
OFF = override_settings(REPORTING_SNAPSHOT_MAX_AGE=0)


def figures(program, filters, *, suppress, with_regions, today=TODAY):
    regions = list(Region.objects.order_by("code")) if with_regions else None
    result = selectors.report(
        filters=filters, program=program, today=today, suppress=suppress, regions=regions
    )
    return {k: v for k, v in result.items() if k != "computed_at"}, result["computed_at"]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(region="16"),
        Filters(start=date(2026, 10, 1), end=date(2026, 10, 31)),
        Filters(package="standard", region="05"),
    ],
)
@pytest.mark.parametrize("suppress", [False, True])
def test_snapshot_gives_exactly_the_live_figures(filters, suppress, personas, program):
    populate(7, personas)
    D.assessment(D.business(status="diagnosed"), time_point="T0", overall=55.5)
    with OFF:
        live, when = figures(program, filters, suppress=suppress, with_regions=True)
    assert when is None
    with ON:
        computed, first = figures(program, filters, suppress=suppress, with_regions=True)
        stored, second = figures(program, filters, suppress=suppress, with_regions=True)
    assert first is not None and second == first  # the second read comes from the snapshot
    assert computed == live
    assert stored == live
    assert ReportSnapshot.objects.count() == 1


def test_region_names_follow_the_viewers_language(personas, program):
    from django.utils import translation

    populate(2, personas)
    regions = list(Region.objects.order_by("code"))
    with ON:
        with translation.override("fr"):
            fr = selectors.report(
                filters=Filters(), program=program, today=TODAY, suppress=False, regions=regions
            )
        with translation.override("en"):
            en = selectors.report(
                filters=Filters(), program=program, today=TODAY, suppress=False, regions=regions
            )
    montérégie = Region.objects.get(code="16")
    assert fr["computed_at"] == en["computed_at"]  # one snapshot for both languages
    names = {row["code"]: row["name"] for row in en["regions"]["rows"]}
    assert names["16"] == montérégie.name_en
    names = {row["code"]: row["name"] for row in fr["regions"]["rows"]}
    assert names["16"] == montérégie.name_fr


def test_snapshot_is_served_until_refreshed_then_shows_new_data(personas, program):
    populate(3, personas)
    today = timezone.localdate()  # the periodic refresh computes today's figures
    with ON:
        before, when = figures(program, Filters(), suppress=False, with_regions=True, today=today)
        D.business(status="enrolled")
        cached, again = figures(program, Filters(), suppress=False, with_regions=True, today=today)
        assert cached == before and again == when
        result = snapshots.refresh_snapshots()
        after, later = figures(program, Filters(), suppress=False, with_regions=True, today=today)
    assert result["refreshed"] >= 2 + 2 * 17  # the defaults: program and every region
    assert after["enrolment"]["enrolled"] == before["enrolment"]["enrolled"] + 1
    assert later >= when


def test_stale_snapshot_is_recomputed(personas, program):
    populate(2, personas)
    with ON:
        figures(program, Filters(), suppress=False, with_regions=False)
        D.business(status="enrolled")
        ReportSnapshot.objects.update(computed_at=timezone.now() - timedelta(seconds=601))
        after, when = figures(program, Filters(), suppress=False, with_regions=False)
    assert after["enrolment"]["enrolled"] == 3
    assert timezone.now() - timezone.datetime.fromisoformat(when) < timedelta(seconds=60)


def test_refresh_drops_scopes_nobody_viewed_for_two_days(personas, program):
    with ON:
        figures(program, Filters(region="05", cohort=None), suppress=True, with_regions=False)
        figures(program, Filters(start=date(2026, 1, 1)), suppress=True, with_regions=False)
    old = ReportSnapshot.objects.get(scope__filters__start="2026-01-01")
    ReportSnapshot.objects.filter(pk=old.pk).update(last_used_at=timezone.now() - timedelta(days=3))
    with ON:
        result = snapshots.refresh_snapshots()
    assert result["dropped"] == 2  # unused for three days; of another day (TODAY)
    assert not ReportSnapshot.objects.filter(scope__filters__start="2026-01-01").exists()
    # the defaults (program and 17 regions, report and key figures) are all there
    assert ReportSnapshot.objects.count() == 2 + 2 * 17


@pytest.mark.parametrize("n", [1, 20])
def test_dashboard_reads_one_snapshot_row(n, personas, client_for, assert_queries):
    populate(n, personas)
    client = client_for("ada")
    with ON:
        client.get(reverse("reporting:program"))  # computes and stores
        # the request: 1 session, 1 user; 1 program; 3 filter choices; 1 snapshot
        with assert_queries(2 + 1 + 3 + 1):
            response = client.get(reverse("reporting:program"))
    assert response.context["report"]["enrolment"]["enrolled"] == n
    assert response.context["report"]["computed_at"] is not None


@pytest.mark.parametrize("n", [1, 20])
def test_home_panel_key_figures_read_one_snapshot_row(n, personas, program, assert_queries):
    populate(n, personas)
    with ON:
        first = selectors.key_figures(filters=Filters(), program=program, suppress=False)
        with assert_queries(1):
            second = selectors.key_figures(filters=Filters(), program=program, suppress=False)
    with OFF:
        live = selectors.key_figures(filters=Filters(), program=program, suppress=False)
    assert first == second == live
    assert live["enrolled"] == n


def test_dashboard_says_when_the_figures_were_computed(personas, client_for):
    populate(2, personas)
    with ON:
        page = client_for("ada").get(reverse("reporting:program")).content.decode()
        partner = client_for("paul").get(reverse("reporting:partner")).content.decode()
    assert "Chiffres calculés le" in page
    assert "Recalculer maintenant" in page
    assert "Chiffres calculés le" in partner
    assert "Recalculer maintenant" not in partner  # only the program admin may


def test_computed_live_pages_show_no_time(personas, client_for):
    with OFF:
        page = client_for("ada").get(reverse("reporting:program")).content.decode()
    assert "Chiffres calculés le" not in page


def test_admin_recompute_now_drops_the_snapshots(personas, client_for):
    populate(2, personas)
    client = client_for("ada")
    with ON:
        client.get(reverse("reporting:program"))
        assert ReportSnapshot.objects.exists()
        D.business(status="enrolled")
        back = reverse("reporting:program") + "?region=16"
        response = client.post(reverse("reporting:refresh"), {"next": back})
        assert response.status_code == 302 and response["Location"] == back
        assert not ReportSnapshot.objects.exists()
        page = client.get(reverse("reporting:program"))
    assert page.context["report"]["enrolment"]["enrolled"] == 3


def test_recompute_now_never_redirects_elsewhere(client_for):
    response = client_for("ada").post(
        reverse("reporting:refresh"), {"next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:program")


@pytest.mark.parametrize("who", ["paul", "fatou", "marie", "antoine"])
def test_only_the_program_admin_may_recompute(who, personas, client_for):
    with ON:
        selectors.key_figures(filters=Filters(), program=None, suppress=True)
    response = client_for(who).post(reverse("reporting:refresh"), {"next": "/"})
    assert response.status_code == 403
    assert ReportSnapshot.objects.count() == 1


def test_refresh_command_and_periodic_job(personas, program):
    from io import StringIO

    out = StringIO()
    with ON:
        call_command("refresh_reports", stdout=out)
    assert "36 snapshot(s) computed" in out.getvalue()
    jobs = {job.name: job for job in periodic_jobs()}
    assert jobs["reporting.refresh_snapshots"].every_minutes == 15


def test_snapshots_hold_no_personal_data(personas, program):
    populate(3, personas)
    with ON:
        snapshots.refresh_snapshots()
    text = str(list(ReportSnapshot.objects.values_list("data", flat=True)))
    from virage.enterprises.models import Business

    for business in Business.objects.all():
        assert business.legal_name not in text
    for user in personas.__dict__.values():
        email = getattr(user, "email", None)
        if email:
            assert email not in text
