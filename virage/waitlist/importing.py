"""Reading the existing callback list (CSV, format in docs/callback-import.md), as pure code.

`read_csv` turns the file's text into validated rows and issues; `plan_import` compares them
with what the list already holds. Neither touches the database: the service passes in the
lookups (regions, subsectors, existing e-mails and NEQs) and writes the plan.

Issues carry a line number, a column and a code with parameters, never the values typed, so
the report can be kept and shown in the reader's language (`issue_message`)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext

from . import rules

REQUIRED_COLUMNS = (
    "business_name",
    "contact_name",
    "email",
    "postal_code",
    "region",
    "signed_up_at",
    "consent_contact",
)
OPTIONAL_COLUMNS = (
    "phone",
    "subsector",
    "employees",
    "locations",
    "neq",
    "consent_newsletter",
    "consent_research",
    "consent_version",
    "language",
)
# Columns our own CSV export adds; an export can be imported back as is.
EXPORT_ONLY_COLUMNS = ("status", "source", "referral_partner", "wave", "eligibility")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

YES = frozenset({"yes", "y", "oui", "o", "1", "true", "vrai", "x"})
NO = frozenset({"no", "n", "non", "0", "false", "faux", ""})
LANGUAGES = {"fr": "fr", "fr-ca": "fr", "français": "fr", "en": "en", "en-ca": "en"}
DEFAULT_CONSENT_VERSION = "legacy-callback-list"
MAX_LENGTHS = {
    "business_name": 200,
    "contact_name": 200,
    "email": 254,
    "phone": 30,
    "consent_version": 60,
}


@dataclass(frozen=True)
class Issue:
    line: int
    field: str
    code: str
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"line": self.line, "field": self.field, "code": self.code, "params": self.params}


@dataclass
class Row:
    """A valid line of the file, normalised."""

    line: int
    business_name: str
    contact_name: str
    email: str
    phone: str
    postal_code: str
    region_id: int
    region_code: str
    subsector_id: int | None
    subsector_code: str | None
    employees: int | None
    locations_count: int
    neq: str | None
    signed_up_at: datetime
    consent_newsletter: bool
    consent_research: bool
    consent_version: str
    language: str


@dataclass
class ReadResult:
    rows: list[Row] = field(default_factory=list)
    invalid: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    rows_total: int = 0
    fatal: bool = False


@dataclass
class Plan:
    create: list[Row] = field(default_factory=list)
    duplicates: list[Issue] = field(default_factory=list)
    invalid: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    move_earlier: dict[int, datetime] = field(default_factory=dict)
    rows_total: int = 0

    def report(self) -> dict:
        return {
            "duplicates": [i.as_dict() for i in self.duplicates],
            "invalid": [i.as_dict() for i in self.invalid],
            "notes": [i.as_dict() for i in self.notes],
        }


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM); files saved by Excel in Windows-1252 are accepted too."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _yes_no(value: str) -> bool | None:
    v = value.strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    return None


def _integer(value: str) -> int | None:
    v = value.strip().replace(" ", "")
    if not v:
        return None
    if not v.lstrip("-").isdigit():
        raise ValueError
    return int(v)


def _parse_datetime(value: str, tz: tzinfo) -> datetime | None:
    v = value.strip()
    if not v:
        return None
    parsed = datetime.fromisoformat(v.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def read_csv(
    text: str,
    *,
    regions: dict[str, tuple[int, str]],
    subsectors: dict[str, int],
    tz: tzinfo,
    now: datetime,
) -> ReadResult:
    """Validate every line. `regions` maps a code ("16", "6") or a name folded with
    `rules.fold` to (region id, code); `subsectors` maps a NAICS code to its id."""
    result = ReadResult()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        result.invalid.append(Issue(1, "", "empty_file"))
        result.fatal = True
        return result
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    for column in missing:
        result.invalid.append(Issue(1, column, "column_missing"))
    for column in columns:
        if column and column not in COLUMNS and column not in EXPORT_ONLY_COLUMNS:
            result.notes.append(Issue(1, column, "column_ignored"))
    if missing:
        result.fatal = True
        return result
    index = {name: columns.index(name) for name in COLUMNS if name in columns}
    previous = reader.line_num
    for values in reader:
        # a quoted value may span several lines: report the line where the row starts
        line, previous = previous + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        result.rows_total += 1
        if len(values) != len(columns):
            result.invalid.append(
                Issue(line, "", "row_shape", {"found": len(values), "expected": len(columns)})
            )
            continue
        row, issues = _validate(line, values, index, regions, subsectors, tz, now)
        if issues:
            result.invalid.extend(issues)
        else:
            result.rows.append(row)
    return result


def _validate(line, values, index, regions, subsectors, tz, now) -> tuple[Row | None, list]:
    issues: list[Issue] = []

    def get(name: str) -> str:
        return values[index[name]].strip() if name in index else ""

    def fail(name: str, code: str, **params) -> None:
        issues.append(Issue(line, name, code, params))

    for name in REQUIRED_COLUMNS:
        if not get(name):
            fail(name, "required")
    for name, limit in MAX_LENGTHS.items():
        if len(get(name)) > limit:
            fail(name, "too_long", limit=limit)

    email = rules.normalize_email(get("email"))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            fail("email", "email_invalid")

    postal_code = rules.normalize_postal_code(get("postal_code"))
    if postal_code and not rules.is_postal_code(postal_code):
        fail("postal_code", "postal_code_invalid")

    region = None
    if get("region"):
        key = rules.fold(get("region"))
        region = regions.get(key) or regions.get(key.lstrip("0"))
        if region is None:
            fail("region", "region_unknown")

    subsector_code = get("subsector") or None
    subsector_id = None
    if subsector_code:
        subsector_id = subsectors.get(subsector_code[:3])
        if subsector_id is None or not subsector_code.isdigit():
            fail("subsector", "subsector_unknown")
        subsector_code = subsector_code[:3]

    employees = None
    try:
        employees = _integer(get("employees"))
        if employees is not None and employees < 0:
            fail("employees", "integer_min", minimum=0)
    except ValueError:
        fail("employees", "integer_invalid")

    locations = 1
    try:
        value = _integer(get("locations"))
        locations = 1 if value is None else value
        if locations < 1:
            fail("locations", "integer_min", minimum=1)
    except ValueError:
        fail("locations", "integer_invalid")

    neq = rules.normalize_neq(get("neq")) or None
    if neq and not rules.is_neq(neq):
        fail("neq", "neq_invalid")

    signed_up_at = None
    if get("signed_up_at"):
        try:
            signed_up_at = _parse_datetime(get("signed_up_at"), tz)
        except ValueError:
            fail("signed_up_at", "date_invalid")
        if signed_up_at is not None and signed_up_at > now:
            fail("signed_up_at", "date_future")

    if get("consent_contact"):
        consent = _yes_no(get("consent_contact"))
        if consent is None:
            fail("consent_contact", "yes_no_invalid")
        elif not consent:
            fail("consent_contact", "consent_missing")
    consents = {}
    for name in ("consent_newsletter", "consent_research"):
        value = _yes_no(get(name))
        if value is None:
            fail(name, "yes_no_invalid")
        consents[name] = bool(value)

    language = LANGUAGES.get(get("language").lower() or "fr")
    if language is None:
        fail("language", "language_invalid")

    if issues:
        return None, issues
    return (
        Row(
            line=line,
            business_name=get("business_name"),
            contact_name=get("contact_name"),
            email=email,
            phone=get("phone"),
            postal_code=postal_code,
            region_id=region[0],
            region_code=region[1],
            subsector_id=subsector_id,
            subsector_code=subsector_code,
            employees=employees,
            locations_count=locations,
            neq=neq,
            signed_up_at=signed_up_at,
            consent_newsletter=consents["consent_newsletter"],
            consent_research=consents["consent_research"],
            consent_version=get("consent_version") or DEFAULT_CONSENT_VERSION,
            language=language,
        ),
        [],
    )


def plan_import(
    read: ReadResult,
    *,
    existing_emails: dict[str, tuple[int, datetime, bool]],
    existing_neqs: dict[str, tuple[int, datetime, bool]],
) -> Plan:
    """Split valid rows into rows to create and duplicates. A row is a duplicate when its
    e-mail or NEQ is already on the list or on an earlier line of the file (the first line
    wins). `existing_*` map a key to (entry id, signed_up_at, may move earlier): when the
    file holds an earlier original date for an entry still waiting, the entry takes it."""
    plan = Plan(invalid=list(read.invalid), notes=list(read.notes), rows_total=read.rows_total)
    seen_emails: dict[str, int] = {}
    seen_neqs: dict[str, int] = {}
    for row in read.rows:
        existing = existing_emails.get(row.email)
        field_name, code, params = "email", "", {}
        if existing is not None:
            code = "duplicate_email_listed"
        elif row.neq and row.neq in existing_neqs:
            existing = existing_neqs[row.neq]
            field_name, code = "neq", "duplicate_neq_listed"
        elif row.email in seen_emails:
            code, params = "duplicate_email_line", {"other": seen_emails[row.email]}
        elif row.neq and row.neq in seen_neqs:
            field_name, code, params = "neq", "duplicate_neq_line", {"other": seen_neqs[row.neq]}
        if code:
            plan.duplicates.append(Issue(row.line, field_name, code, params))
            if existing is not None:
                entry_id, signed_up_at, movable = existing
                best = plan.move_earlier.get(entry_id, signed_up_at)
                if movable and row.signed_up_at < best:
                    plan.move_earlier[entry_id] = row.signed_up_at
            continue
        seen_emails[row.email] = row.line
        if row.neq:
            seen_neqs[row.neq] = row.line
        plan.create.append(row)
    # queue order: ids follow the original sign-up dates, then the file's order
    plan.create.sort(key=lambda r: (r.signed_up_at, r.line))
    return plan


def issue_message(code: str, params: dict | None = None) -> str:
    """The reason for an issue, in the active language."""
    params = params or {}
    messages = {
        "empty_file": gettext("The file is empty."),
        "column_missing": gettext("This required column is missing from the first line."),
        "column_ignored": gettext("Unknown column: its values are ignored."),
        "row_shape": gettext(
            "This line has %(found)s values; the first line names %(expected)s columns."
        ),
        "required": gettext("A value is required."),
        "too_long": gettext("At most %(limit)s characters."),
        "email_invalid": gettext("This is not a valid e-mail address."),
        "postal_code_invalid": gettext("This is not a Canadian postal code (e.g. H2X 1Y4)."),
        "region_unknown": gettext("Unknown region: use the region's code (01 to 17) or its name."),
        "subsector_unknown": gettext("Unknown NAICS subsector: use a 3-digit code (e.g. 458)."),
        "integer_invalid": gettext("Must be a whole number."),
        "integer_min": gettext("Must be %(minimum)s or more."),
        "neq_invalid": gettext("The NEQ has exactly 10 digits."),
        "date_invalid": gettext("Use the form YYYY-MM-DD or YYYY-MM-DD HH:MM."),
        "date_future": gettext("The sign-up date is in the future."),
        "yes_no_invalid": gettext("Use yes or no (oui or non)."),
        "consent_missing": gettext(
            "The person did not agree to be contacted: they cannot be put on the list."
        ),
        "language_invalid": gettext("Use fr or en."),
        "duplicate_email_listed": gettext("This e-mail address is already on the list."),
        "duplicate_neq_listed": gettext("This NEQ is already on the list."),
        "duplicate_email_line": gettext("Same e-mail address as line %(other)s."),
        "duplicate_neq_line": gettext("Same NEQ as line %(other)s."),
    }
    message = messages.get(code, code)
    return message % params if params else message
