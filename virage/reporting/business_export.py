"""The program admin's export of every business: one row per business, built from the dicts
of `selectors.business_export_rows` as they stream (no list of all rows is ever made).

Without `contact`, a row holds no name, NEQ, e-mail or phone: status, region, package,
cohort, dates, hours used and allowed, T0/T1 overall maturity, actions implemented and the
transactional site at intake and now. The contact variant adds the business's names and NEQ
and its owner's name, e-mail and phone."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import pgettext

from virage.enterprises.models import Business

from .presenters import hours, one_decimal

CONTACT_KEYS = (
    "legal_name",
    "operating_name",
    "neq",
    "owner_first_name",
    "owner_last_name",
    "owner_email",
    "owner_phone",
)


def header(*, contact: bool) -> list[str]:
    columns = [
        pgettext("reporting", "Business id"),
        pgettext("reporting", "Status"),
        pgettext("reporting", "Status code"),
        pgettext("reporting", "Region"),
        pgettext("reporting", "Package"),
        pgettext("reporting", "Cohort"),
        pgettext("reporting", "Invited on"),
        pgettext("reporting", "Applied on"),
        pgettext("reporting", "Enrolled on"),
        pgettext("reporting", "Status changed on"),
        pgettext("reporting", "Coaching hours used"),
        pgettext("reporting", "Coaching hours allowed"),
        pgettext("reporting", "Training hours credited"),
        pgettext("reporting", "Training hours allowed"),
        pgettext("reporting", "T0 overall maturity (0–100)"),
        pgettext("reporting", "T0 submitted on"),
        pgettext("reporting", "T1 overall maturity (0–100)"),
        pgettext("reporting", "T1 submitted on"),
        pgettext("reporting", "Actions implemented"),
        pgettext("reporting", "Actions in the plan (not dropped)"),
        pgettext("reporting", "Transactional site at intake"),
        pgettext("reporting", "Transactional site now (r2_1)"),
    ]
    if contact:
        columns += [
            pgettext("reporting", "Legal name"),
            pgettext("reporting", "Operating name"),
            pgettext("reporting", "NEQ"),
            pgettext("reporting", "Owner's first name"),
            pgettext("reporting", "Owner's last name"),
            pgettext("reporting", "Owner's e-mail"),
            pgettext("reporting", "Owner's phone"),
        ]
    return columns


def _yes_no(value: bool) -> str:
    return pgettext("reporting", "yes") if value else pgettext("reporting", "no")


def _now_answer(row: dict) -> str:
    answer = row["transactional_now"]
    if answer is None:
        return ""
    return _yes_no(answer == "yes")


def row_values(row: dict, *, contact: bool) -> list:
    values = [
        row["pk"],
        str(Business.Status(row["status"]).label),
        row["status"],
        row["region__code"] or "",
        row["package__key"] or "",
        row["cohort__name"] or "",
        row["created_at"],
        row["applied_at"],
        row["enrolled_at"],
        row["status_changed_at"],
        hours(row["coaching_used"]),
        hours(row["coaching_minutes_allowed"] + row["coaching_extended"]),
        hours(row["training_used"]),
        hours(row["training_minutes_allowed"]),
        one_decimal(row["t0_overall"]),
        row["t0_on"],
        one_decimal(row["t1_overall"]),
        row["t1_on"],
        row["actions_implemented"],
        row["actions_total"],
        _yes_no(row["has_transactional_site"]),
        _now_answer(row),
    ]
    if contact:
        values += [row[key] or "" for key in CONTACT_KEYS]
    return values


def rows(queryset_rows, *, contact: bool) -> Iterator[list]:
    yield header(contact=contact)
    for row in queryset_rows:
        yield row_values(row, contact=contact)
