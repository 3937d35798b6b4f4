"""Registries every app plugs its personal data into (Law 25: access, portability, deletion,
retention, consent). Register in your AppConfig.ready():

    from virage.privacy.registry import register_anonymiser, register_exporter

    def ready(self):
        from . import privacy
        register_exporter("coaching", privacy.export_person)
        register_anonymiser("coaching", privacy.anonymise_person)

- exporter(user) -> dict[str, list[dict]]: every piece of personal information the app holds
  about `user` (and the business they act for), one list of rows per table; values must be
  JSON-friendly (str, int, float, bool, None, date/datetime, Decimal, UUID). Leave out what is
  not theirs to see (an advisor's private notes, other people's data).
- anonymiser(user, *, actor) -> dict[str, int]: erase or replace what identifies `user` while
  keeping what statistics need (counts, minutes, regions, statuses, dates); returns rows
  touched per table. Runs inside the deletion transaction, in `order` (accounts runs last,
  so others can still read the user's e-mail address).
- register_purpose(Purpose(...)): a consent purpose (see virage/privacy/purposes.py).
- register_retention_rule(RetentionRule(...)): a retention rule for the app's models (see
  virage/privacy/retention.py); a test fails when a model holding personal data has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Exporter = Callable[..., dict[str, list[dict]]]
Anonymiser = Callable[..., dict[str, int]]


@dataclass(frozen=True)
class Purpose:
    """A purpose someone may consent to. `required` purposes are needed to take part in the
    program (withdrawing means leaving it); the others are optional and off by default.
    Bump `version` whenever the wording changes: each consent stores the version it was
    given for."""

    key: str
    label: str
    description: str
    version: str
    required: bool = False
    roles: frozenset[str] = field(default_factory=lambda: frozenset({"merchant"}))
    order: int = 50


_EXPORTERS: dict[str, Exporter] = {}
_ANONYMISERS: dict[str, tuple[int, Anonymiser]] = {}
_PURPOSES: dict[str, Purpose] = {}
_RETENTION_RULES: dict[str, object] = {}


def register_exporter(key: str, exporter: Exporter) -> None:
    _EXPORTERS[key] = exporter


def exporters() -> list[tuple[str, Exporter]]:
    return sorted(_EXPORTERS.items())


def register_anonymiser(key: str, anonymiser: Anonymiser, *, order: int = 50) -> None:
    _ANONYMISERS[key] = (order, anonymiser)


def anonymisers() -> list[tuple[str, Anonymiser]]:
    ordered = sorted(_ANONYMISERS.items(), key=lambda item: (item[1][0], item[0]))
    return [(key, fn) for key, (_order, fn) in ordered]


def register_purpose(purpose: Purpose) -> None:
    _PURPOSES[purpose.key] = purpose


def purposes(*, role: str | None = None) -> list[Purpose]:
    result = sorted(_PURPOSES.values(), key=lambda p: (p.order, p.key))
    if role is not None:
        result = [p for p in result if role in p.roles]
    return result


def purpose_get(key: str) -> Purpose | None:
    return _PURPOSES.get(key)


def register_retention_rule(rule) -> None:
    _RETENTION_RULES[rule.key] = rule


def registered_retention_rules() -> list:
    return list(_RETENTION_RULES.values())
