"""The retention schedule covers every model holding personal data, and the daily purge
disposes of what expired, idempotently."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from virage.core.models import OutgoingEmail
from virage.privacy.models import AccessLogEntry, ConfidentialityIncident, ConsentRecord
from virage.privacy.registry import register_retention_rule
from virage.privacy.retention import (
    SCHEDULE,
    RetentionRule,
    add_months,
    covered_models,
    personal_data_models,
    program_end,
    retention_run,
)

pytestmark = pytest.mark.django_db


def test_every_model_holding_personal_data_is_in_the_schedule():
    missing = [label for label in personal_data_models() if label.lower() not in covered_models()]
    assert missing == [], (
        "Add these models to virage/privacy/retention.py (or register a RetentionRule from "
        "your app), or mark them PERSONAL_DATA = False if they hold none"
    )


def test_the_scan_finds_personal_fields_and_the_marker():
    found = personal_data_models()
    for label in ["accounts.User", "enterprises.Business", "enterprises.Location"]:
        assert label in found
    # a model with none of the field names is not flagged… unless it says so
    assert "privacy.AccessLogEntry" not in found

    from virage.privacy.models import AccessLogEntry as Model

    Model.PERSONAL_DATA = True
    try:
        assert "privacy.AccessLogEntry" in personal_data_models()
    finally:
        del Model.PERSONAL_DATA


def test_a_missing_model_makes_the_coverage_check_fail(monkeypatch):
    """The check is real: drop the accounts rules and accounts.User shows up as missing."""
    import virage.privacy.retention as retention

    trimmed = [r for r in SCHEDULE if "accounts.User" not in r.models]
    monkeypatch.setattr(retention, "SCHEDULE", trimmed)
    missing = [
        label
        for label in retention.personal_data_models()
        if label.lower() not in retention.covered_models()
    ]
    assert "accounts.User" in missing


def test_installed_apps_models_named_in_the_schedule_exist():
    """A rule naming a model of an installed app that does not exist is a typo."""
    wrong = []
    for rule in SCHEDULE:
        for label in rule.models:
            app_label, model = label.split(".")
            try:
                config = apps.get_app_config(app_label)
            except LookupError:
                continue
            try:
                config.get_model(model)
            except LookupError:
                wrong.append(label)
    assert wrong == []


def test_apps_can_register_their_own_rules():
    rule = RetentionRule(
        key="test.rule", category="x", models=("test.Thing",), retention="1 day", disposal="purge"
    )
    register_retention_rule(rule)
    assert "test.thing" in covered_models()


def test_program_end_and_month_arithmetic(program):
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 9, 1), -60) == date(2021, 9, 1)
    assert program_end(program) == add_months(program.start_date, program.duration_months)


def _old(model, pk_field, days, **values):
    moment = timezone.now() - timedelta(days=days)
    model.objects.filter(**values).update(**{pk_field: moment})


def test_purge_disposes_of_what_expired_and_is_idempotent(personas):
    now = timezone.now()
    # sessions: one expired, one alive
    Session.objects.create(
        session_key="old", session_data="x", expire_date=now - timedelta(hours=1)
    )
    Session.objects.create(
        session_key="new", session_data="x", expire_date=now + timedelta(hours=1)
    )
    # e-mails: one from 13 months ago, one from last week
    for key, days in (("e-old", 400), ("e-new", 7)):
        OutgoingEmail.objects.create(
            key=key, to="a@b.ca", language="fr", template="t", subject="s", body_text="b"
        )
        OutgoingEmail.objects.filter(key=key).update(created_at=now - timedelta(days=days))
    # consents: withdrawn 4 years ago (purged), withdrawn last month (kept), active (kept)
    marie = personas.marie
    for purpose, given, withdrawn in (
        ("newsletter", now - timedelta(days=1600), now - timedelta(days=1500)),
        ("research", now - timedelta(days=60), now - timedelta(days=30)),
        ("program_contact", now - timedelta(days=60), None),
    ):
        ConsentRecord.objects.create(
            user=marie,
            purpose=purpose,
            text_version="1",
            language="fr",
            source="t",
            given_at=given,
            withdrawn_at=withdrawn,
        )
    # access log: 3 years old and today
    for days in (3 * 365, 0):
        entry = AccessLogEntry.objects.create(
            actor=personas.antoine,
            actor_role="advisor",
            action="view",
            object_type="enterprises.business",
            object_id="1",
        )
        AccessLogEntry.objects.filter(pk=entry.pk).update(at=now - timedelta(days=days))
    # incidents: known 6 years ago (purged) and last month
    for known in (
        timezone.localdate() - timedelta(days=6 * 366),
        timezone.localdate() - timedelta(days=30),
    ):
        ConfidentialityIncident.objects.create(
            information_fr="x",
            circumstances_fr="x",
            occurred_from=known,
            discovered_on=known,
            persons_affected=1,
            risk="low",
            risk_assessment="x",
            measures_fr="x",
        )

    dry = {r.rule.key: r.count for r in retention_run(dry_run=True) if r.status == "dry-run"}
    assert (dry["sessions"], dry["core.emails"], dry["privacy.consents"]) == (1, 1, 1)
    assert Session.objects.count() == 2  # a dry run changes nothing

    done = {r.rule.key: r.count for r in retention_run() if r.status == "done"}
    assert (
        done["sessions"],
        done["core.emails"],
        done["privacy.consents"],
        done["privacy.access_log"],
        done["privacy.incidents"],
    ) == (1, 1, 1, 1, 1)
    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]
    assert list(OutgoingEmail.objects.values_list("key", flat=True)) == ["e-new"]
    assert sorted(ConsentRecord.objects.values_list("purpose", flat=True)) == [
        "program_contact",
        "research",
    ]
    assert AccessLogEntry.objects.count() == 1
    assert ConfidentialityIncident.objects.count() == 1

    again = {r.rule.key: r.count for r in retention_run() if r.status == "done"}
    assert sum(again.values()) == 0


def _callback_entry(**values):
    from virage.programs.models import Region

    model = apps.get_model("waitlist", "CallbackEntry")
    defaults = {
        "business_name": "Fleuriste Lavoie",
        "contact_name": "Jeanne Lavoie",
        "phone": "819-555-0134",
        "postal_code": "J1H 1A1",
        "region": Region.objects.get(code="05"),
        "source": "web",
        "signed_up_at": timezone.now(),
    }
    defaults.update(values)
    return model.objects.create(**defaults)


def test_unconfirmed_sign_ups_go_after_30_days(db):
    old = _callback_entry(
        email="vieux@exemple.ca",
        status="unconfirmed",
        signed_up_at=timezone.now() - timedelta(days=31),
    )
    recent = _callback_entry(
        email="recent@exemple.ca",
        status="unconfirmed",
        signed_up_at=timezone.now() - timedelta(days=29),
    )
    waiting = _callback_entry(
        email="attente@exemple.ca",
        status="waiting",
        signed_up_at=timezone.now() - timedelta(days=90),
    )
    results = {r.rule.key: r for r in retention_run()}
    assert (results["waitlist.unconfirmed"].status, results["waitlist.unconfirmed"].count) == (
        "done",
        1,
    )
    model = type(old)
    assert sorted(model.objects.values_list("email", flat=True)) == [
        "attente@exemple.ca",
        "recent@exemple.ca",
    ]
    assert {recent.pk, waiting.pk} == set(model.objects.values_list("pk", flat=True))


def test_entries_never_invited_are_anonymised_after_the_program(program):
    waiting = _callback_entry(email="attente@exemple.ca", status="waiting", neq="1234567890")
    during = program_end(program) - timedelta(days=10)
    retention_run(now=_noon(during))
    assert type(waiting).objects.get().email == "attente@exemple.ca"
    after = add_months(program_end(program), 4)
    results = {r.rule.key: r.count for r in retention_run(now=_noon(after))}
    assert results["waitlist.never_invited"] == 1
    entry = type(waiting).objects.get()
    assert (entry.email, entry.contact_name, entry.phone, entry.neq, entry.business_name) == (
        f"erased-{entry.pk}@erased.invalid",
        "",
        "",
        None,
        "",
    )
    # statistics stay
    assert (entry.region.code, entry.status, entry.postal_code) == ("05", "waiting", "J1H 1A1")
    again = {r.rule.key: r.count for r in retention_run(now=_noon(after))}
    assert again["waitlist.never_invited"] == 0


def test_merchants_are_anonymised_two_years_after_the_program(program, personas, businesses):
    late = add_months(program_end(program), 25)
    results = {r.rule.key: r.count for r in retention_run(now=_noon(late))}
    assert results["accounts.merchants"] == 2
    personas.marie.refresh_from_db()
    assert personas.marie.email == f"anonymised-{personas.marie.pk}@anonymised.invalid"
    personas.antoine.refresh_from_db()
    assert personas.antoine.anonymised_at is None  # staff follow their own rule


def test_the_command_reports_each_rule(capsys, db):
    call_command("retention_purge", "--dry-run")
    out = capsys.readouterr().out
    assert "sessions" in out
    assert out.strip().splitlines()[-1] == "0 row(s) would be disposed of."


def test_the_daily_task_runs_the_schedule(db):
    from virage.privacy.tasks import retention_purge_daily

    Session.objects.create(
        session_key="old", session_data="x", expire_date=timezone.now() - timedelta(days=1)
    )
    result = retention_purge_daily.enqueue()
    assert result.return_value["sessions"] == 1


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def test_the_documented_schedule_names_every_rule():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "privacy.md").read_text()
    assert [rule.key for rule in SCHEDULE if f"`{rule.key}`" not in doc] == []


def test_the_purge_is_registered_as_a_daily_job():
    from virage.core.scheduling import periodic_jobs, resolve

    job = next(j for j in periodic_jobs() if j.name == "privacy.retention_purge")
    assert job.every_minutes == 24 * 60
    assert resolve(job).__name__ == "retention_purge_scheduled"
