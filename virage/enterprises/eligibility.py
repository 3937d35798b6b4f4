"""Eligibility rules of the program (DOMAIN.md §4) as a pure function on plain data.

`evaluate(facts, criteria)` never touches the database: the criteria come from the program's
settings (`criteria_from_program`), the facts from a callback entry, a public check or an
application. The result is only a *proposal*: a program admin confirms every decision.

Rules (each one explained in plain words, in French and in English):

- retail: the NAICS code belongs to an eligible subsector (its first 3 digits are in the
  program's list). A retail code (44–45) the list does not know (e.g. a NAICS 2017 code such as
  448, or a subsector the list lacks) needs a person's review; a retail subsector the admin
  marked not eligible, or any non-retail code, is ineligible; a missing code needs review.
- size: fewer than `employee_limit` employees (full-time equivalents); unknown → review.
- in Québec: at least one location whose postal code starts with an eligible letter (G, H, J);
  no address → review; only well-formed postal codes elsewhere → ineligible; malformed postal
  codes and none in Québec → review.
- region: at least one administrative region is known, else review.
- NEQ (when `criteria.require_neq`): present and 10 digits, else review.

Outcome: any ineligible reason → "ineligible"; otherwise any uncertain reason →
"needs_review"; otherwise "eligible". Every reason is kept, so the merchant learns everything
at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

RULES_VERSION = "eligibility-2026.1"

ELIGIBLE = "eligible"
INELIGIBLE = "ineligible"
NEEDS_REVIEW = "needs_review"
OUTCOMES = (ELIGIBLE, INELIGIBLE, NEEDS_REVIEW)

# Reason codes (stable: stored with decisions and used by tests and other apps).
SUBSECTOR_UNKNOWN = "subsector_unknown"
SUBSECTOR_NOT_RETAIL = "subsector_not_retail"
SUBSECTOR_EXCLUDED = "subsector_excluded"
SUBSECTOR_UNLISTED = "subsector_retail_unlisted"
EMPLOYEES_UNKNOWN = "employees_unknown"
EMPLOYEES_INVALID = "employees_invalid"
EMPLOYEES_OVER_LIMIT = "employees_over_limit"
LOCATION_UNKNOWN = "location_unknown"
LOCATION_OUTSIDE = "location_outside_quebec"
POSTAL_CODE_INVALID = "postal_code_invalid"
REGION_UNKNOWN = "region_unknown"
NEQ_MISSING = "neq_missing"
NEQ_INVALID = "neq_invalid"

# A Canadian postal code (full "H2X 1Y4" or forward sortation area "H2X"), spaces removed.
_POSTAL_RE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](\d[ABCEGHJ-NPRSTV-Z]\d)?$")
_NAICS_RE = re.compile(r"^\d{2,6}$")
_NEQ_RE = re.compile(r"^\d{10}$")


@dataclass(frozen=True)
class EligibilityFacts:
    """What we know about a business. Unknown values are None / empty."""

    subsector_code: str | None = None  # NAICS code, 2 to 6 digits ("458", "4581")
    employees: int | None = None  # full-time equivalents
    postal_codes: tuple[str, ...] = ()  # one per location
    region_codes: tuple[str, ...] = ()  # administrative regions ("01"…"17")
    neq: str | None = None


@dataclass(frozen=True)
class EligibilityCriteria:
    """The program's rules as data (see `criteria_from_program`)."""

    subsector_codes: frozenset[str]  # eligible 3-digit NAICS subsectors
    employee_limit: int  # eligible when employees < employee_limit
    postal_prefixes: tuple[str, ...]  # first letters of eligible postal codes
    excluded_subsector_codes: frozenset[str] = frozenset()  # retail but not eligible
    retail_sectors: tuple[str, ...] = ("44", "45")
    require_neq: bool = True

    def as_dict(self) -> dict:
        """A JSON snapshot stored with each evaluation."""
        return {
            "subsector_codes": sorted(self.subsector_codes),
            "excluded_subsector_codes": sorted(self.excluded_subsector_codes),
            "employee_limit": self.employee_limit,
            "postal_prefixes": list(self.postal_prefixes),
            "retail_sectors": list(self.retail_sectors),
            "require_neq": self.require_neq,
        }

    @classmethod
    def from_dict(cls, data: dict) -> EligibilityCriteria:
        return cls(
            subsector_codes=frozenset(data["subsector_codes"]),
            excluded_subsector_codes=frozenset(data.get("excluded_subsector_codes", [])),
            employee_limit=data["employee_limit"],
            postal_prefixes=tuple(data["postal_prefixes"]),
            retail_sectors=tuple(data.get("retail_sectors", ("44", "45"))),
            require_neq=data.get("require_neq", True),
        )


@dataclass(frozen=True)
class Reason:
    """Why a criterion is not met (severity "ineligible") or not certain ("needs_review")."""

    code: str
    field: str  # the fact concerned: subsector, employees, postal_codes, region_codes, neq
    message_fr: str
    message_en: str
    severity: str = NEEDS_REVIEW

    def message(self, language: str | None = None) -> str:
        if language and language.lower().startswith("en"):
            return self.message_en
        return self.message_fr

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "field": self.field,
            "message_fr": self.message_fr,
            "message_en": self.message_en,
            "severity": self.severity,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Reason:
        return cls(
            code=data["code"],
            field=data["field"],
            message_fr=data["message_fr"],
            message_en=data["message_en"],
            severity=data.get("severity", NEEDS_REVIEW),
        )


@dataclass(frozen=True)
class EligibilityResult:
    outcome: str
    reasons: list[Reason] = field(default_factory=list)
    version: str = RULES_VERSION

    @property
    def is_eligible(self) -> bool:
        return self.outcome == ELIGIBLE

    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]

    def as_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "version": self.version,
            "reasons": [r.as_dict() for r in self.reasons],
        }

    @classmethod
    def from_dict(cls, data: dict) -> EligibilityResult:
        return cls(
            outcome=data["outcome"],
            version=data.get("version", RULES_VERSION),
            reasons=[Reason.from_dict(r) for r in data.get("reasons", [])],
        )


def criteria_from_program(program, subsectors: Iterable, *, require_neq: bool = True):
    """Criteria from the program's settings and the subsector list (programs.Subsector rows,
    or objects with `code` and `is_eligible`). `require_neq=False` for a public check where
    the NEQ is not asked."""
    eligible, excluded = set(), set()
    for s in subsectors:
        (eligible if getattr(s, "is_eligible", True) else excluded).add(str(s.code))
    return EligibilityCriteria(
        subsector_codes=frozenset(eligible),
        excluded_subsector_codes=frozenset(excluded),
        employee_limit=int(program.employee_limit),
        postal_prefixes=tuple(program.postal_prefixes),
        require_neq=require_neq,
    )


# --- helpers -------------------------------------------------------------------------------


def normalize_postal_code(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def _join(items: Iterable[str], last: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _codes_fr(codes: Iterable[str]) -> str:
    return _join(sorted(codes), "ou")


def _codes_en(codes: Iterable[str]) -> str:
    return _join(sorted(codes), "or")


def _sectors(criteria: EligibilityCriteria) -> str:
    return "-".join(criteria.retail_sectors)


# --- rules ---------------------------------------------------------------------------------


def _check_subsector(facts, criteria) -> Reason | None:
    code = (facts.subsector_code or "").strip()
    sectors = _sectors(criteria)
    if not code:
        return Reason(
            SUBSECTOR_UNKNOWN,
            "subsector",
            "Le sous-secteur d'activité (code SCIAN) n'est pas indiqué : une personne de "
            "l'équipe devra confirmer que l'entreprise est un commerce de détail.",
            "The business's subsector (NAICS code) is not given: someone from the team will "
            "need to confirm that it is a retail business.",
        )
    if not _NAICS_RE.match(code):
        return Reason(
            SUBSECTOR_UNKNOWN,
            "subsector",
            f"Le code SCIAN « {code} » n'est pas reconnu : une personne de l'équipe vérifiera "
            "le secteur d'activité.",
            f"The NAICS code “{code}” is not recognised: someone from the team will check the "
            "line of business.",
        )
    subsector = code[:3]
    if subsector in criteria.subsector_codes:
        return None
    if subsector in criteria.excluded_subsector_codes:
        return Reason(
            SUBSECTOR_EXCLUDED,
            "subsector",
            f"Le sous-secteur {subsector} fait partie du commerce de détail, mais le programme "
            "ne l'accepte pas en ce moment.",
            f"Subsector {subsector} is part of retail trade, but the program does not accept it "
            "at this time.",
            INELIGIBLE,
        )
    if code[:2] in criteria.retail_sectors:
        listed_fr = _codes_fr(criteria.subsector_codes)
        listed_en = _codes_en(criteria.subsector_codes)
        return Reason(
            SUBSECTOR_UNLISTED,
            "subsector",
            f"Le code SCIAN {code} relève du commerce de détail (SCIAN {sectors}), mais il ne "
            f"correspond à aucun des sous-secteurs du programme ({listed_fr}) : une personne "
            "de l'équipe vérifiera votre activité.",
            f"NAICS code {code} is in retail trade (NAICS {sectors}), but it matches none of "
            f"the program's subsectors ({listed_en}): someone from the team will check your "
            "line of business.",
        )
    return Reason(
        SUBSECTOR_NOT_RETAIL,
        "subsector",
        f"Le programme s'adresse aux commerces de détail (SCIAN {sectors}) ; le sous-secteur "
        f"{code} n'en fait pas partie.",
        f"The program is for retail businesses (NAICS {sectors}); subsector {code} is not one "
        "of them.",
        INELIGIBLE,
    )


def _check_employees(facts, criteria) -> Reason | None:
    n = facts.employees
    limit = criteria.employee_limit
    if n is None:
        return Reason(
            EMPLOYEES_UNKNOWN,
            "employees",
            f"Le nombre d'employés n'est pas indiqué : le programme s'adresse aux entreprises "
            f"de moins de {limit} employés, et nous devons le confirmer.",
            f"The number of employees is not given: the program is for businesses with fewer "
            f"than {limit} employees, and we need to confirm it.",
        )
    if n < 0:
        return Reason(
            EMPLOYEES_INVALID,
            "employees",
            f"Le nombre d'employés indiqué ({n}) n'est pas valide : une personne de l'équipe "
            "le vérifiera.",
            f"The number of employees given ({n}) is not valid: someone from the team will "
            "check it.",
        )
    if n >= limit:
        return Reason(
            EMPLOYEES_OVER_LIMIT,
            "employees",
            f"Le programme s'adresse aux entreprises de moins de {limit} employés (équivalents "
            f"temps plein) ; l'entreprise en compte {n}.",
            f"The program is for businesses with fewer than {limit} employees (full-time "
            f"equivalents); this business has {n}.",
            INELIGIBLE,
        )
    return None


def _check_location(facts, criteria) -> Reason | None:
    codes = [normalize_postal_code(c) for c in facts.postal_codes]
    codes = [c for c in codes if c]
    prefixes = tuple(p.upper() for p in criteria.postal_prefixes)
    prefixes_fr, prefixes_en = _codes_fr(prefixes), _codes_en(prefixes)
    if not codes:
        return Reason(
            LOCATION_UNKNOWN,
            "postal_codes",
            f"Aucune adresse d'établissement n'est indiquée : il en faut au moins une au "
            f"Québec (code postal commençant par {prefixes_fr}).",
            f"No business address is given: at least one must be in Québec (postal code "
            f"starting with {prefixes_en}).",
        )
    valid = [c for c in codes if _POSTAL_RE.match(c)]
    if any(c.startswith(prefixes) for c in valid):
        return None
    invalid = [c for c in codes if not _POSTAL_RE.match(c)]
    if invalid:
        shown = ", ".join(invalid)
        return Reason(
            POSTAL_CODE_INVALID,
            "postal_codes",
            f"Le code postal « {shown} » n'a pas la forme d'un code postal canadien (ex. "
            f"H2X 1Y4) : une personne de l'équipe vérifiera que l'établissement est au Québec.",
            f"The postal code “{shown}” does not look like a Canadian postal code (e.g. "
            f"H2X 1Y4): someone from the team will check that the business is in Québec.",
        )
    shown = ", ".join(f"{c[:3]} {c[3:]}".strip() for c in valid)
    return Reason(
        LOCATION_OUTSIDE,
        "postal_codes",
        f"Le programme s'adresse aux commerces qui ont au moins un établissement au Québec "
        f"(code postal commençant par {prefixes_fr}) ; aucune des adresses indiquées ne "
        f"s'y trouve ({shown}).",
        f"The program is for retailers with at least one location in Québec (postal code "
        f"starting with {prefixes_en}); none of the addresses given is in Québec ({shown}).",
        INELIGIBLE,
    )


def _check_region(facts, criteria) -> Reason | None:
    if any((c or "").strip() for c in facts.region_codes):
        return None
    return Reason(
        REGION_UNKNOWN,
        "region_codes",
        "La région administrative de l'établissement n'est pas indiquée : une personne de "
        "l'équipe la confirmera.",
        "The administrative region of the location is not given: someone from the team will "
        "confirm it.",
    )


def _check_neq(facts, criteria) -> Reason | None:
    if not criteria.require_neq:
        return None
    neq = re.sub(r"[\s-]+", "", facts.neq or "")
    if not neq:
        return Reason(
            NEQ_MISSING,
            "neq",
            "Le numéro d'entreprise du Québec (NEQ) n'est pas indiqué : une personne de "
            "l'équipe devra vérifier l'entreprise au Registre des entreprises.",
            "The Québec enterprise number (NEQ) is not given: someone from the team will need "
            "to check the business in the enterprise register.",
        )
    if not _NEQ_RE.match(neq):
        return Reason(
            NEQ_INVALID,
            "neq",
            f"Le NEQ indiqué ({neq}) ne compte pas exactement 10 chiffres : une personne de "
            "l'équipe le vérifiera.",
            f"The NEQ given ({neq}) does not have exactly 10 digits: someone from the team "
            "will check it.",
        )
    return None


_CHECKS = (_check_subsector, _check_employees, _check_location, _check_region, _check_neq)


def evaluate(facts: EligibilityFacts, criteria: EligibilityCriteria) -> EligibilityResult:
    """Apply every rule; see the module docstring. Pure and deterministic."""
    reasons = [r for check in _CHECKS if (r := check(facts, criteria)) is not None]
    if any(r.severity == INELIGIBLE for r in reasons):
        outcome = INELIGIBLE
    elif reasons:
        outcome = NEEDS_REVIEW
    else:
        outcome = ELIGIBLE
    return EligibilityResult(outcome=outcome, reasons=reasons)
