"""Coaching rules as pure functions on plain dataclasses (no Django, no ORM).

- :func:`rank_advisors`: which advisors suit a business, best first, with the reasons (FR/EN).
- :func:`balance_assignments`: one advisor per business of a cohort or selection, spreading
  the load among the advisors who match equally well.
- :func:`allowance` / :func:`check_log`: coaching minutes used and remaining, the 80 % warning
  and the refusal past 100 % (only a program admin's extension raises the ceiling).
- :func:`attention`: why a business on an advisor's caseload needs attention.

Services load the facts from the database, call these functions and act on the result.

Ranking (integers, deterministic):

==================  ======  =============================================================
criterion           points  rule
==================  ======  =============================================================
region              40      the advisor serves the business's region
language            30      the advisor speaks the language of the business's owner
expertise           20      the advisor knows the business's NAICS subsector
capacity            0–10    ``10 × free places // maximum caseload`` (an empty caseload
                            gets 10, a caseload with one place left about 0)
==================  ======  =============================================================

An advisor on leave or whose caseload is full is still listed, after every available one,
with the reason; ties go to the lighter load, then the name, then the id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

RULES_VERSION = "coaching-2026.1"

POINTS_REGION = 40
POINTS_LANGUAGE = 30
POINTS_EXPERTISE = 20
POINTS_CAPACITY = 10

WARNING_PERCENT = 80
NO_CONTACT_DAYS = 30

LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "fr": ("français", "French"),
    "en": ("anglais", "English"),
    "es": ("espagnol", "Spanish"),
    "ar": ("arabe", "Arabic"),
    "zh": ("chinois", "Chinese"),
    "pt": ("portugais", "Portuguese"),
    "vi": ("vietnamien", "Vietnamese"),
}


@dataclass(frozen=True)
class Reason:
    """One reason, in both languages; `points` is what it adds to a ranking score."""

    code: str
    message_fr: str
    message_en: str
    points: int = 0

    def message(self, language: str) -> str:
        return self.message_en if (language or "fr").startswith("en") else self.message_fr


@dataclass(frozen=True)
class AdvisorFacts:
    """What the ranking needs to know about an advisor."""

    advisor_id: int
    name: str
    regions: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    subsectors: frozenset[str] = frozenset()
    max_caseload: int = 0
    load: int = 0
    on_leave: bool = False


@dataclass(frozen=True)
class BusinessFacts:
    """What the ranking needs to know about a business (codes, plus names for the reasons)."""

    business_id: int
    region: str | None = None
    language: str = "fr"
    subsector: str | None = None
    region_name_fr: str = ""
    region_name_en: str = ""
    subsector_name_fr: str = ""
    subsector_name_en: str = ""


@dataclass(frozen=True)
class Suggestion:
    """An advisor for a business: score, whether they can take it now, and why."""

    advisor_id: int
    name: str
    score: int
    available: bool
    load: int
    max_caseload: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


@dataclass(frozen=True)
class Proposal:
    """The advisor proposed for one business of a bulk assignment (None: nobody available)."""

    business_id: int
    advisor_id: int | None
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def _language_name(code: str) -> tuple[str, str]:
    return LANGUAGE_NAMES.get(code, (code, code))


def _region_reason(business: BusinessFacts, advisor: AdvisorFacts) -> Reason:
    if not business.region:
        return Reason(
            "region_unknown",
            "Région de l'entreprise inconnue",
            "The business's region is unknown",
        )
    name_fr = business.region_name_fr or business.region
    name_en = business.region_name_en or name_fr
    if business.region in advisor.regions:
        return Reason(
            "region_served",
            f"Dessert la région de l'entreprise ({name_fr})",
            f"Serves the business's region ({name_en})",
            POINTS_REGION,
        )
    return Reason(
        "region_not_served",
        f"Ne dessert pas la région de l'entreprise ({name_fr})",
        f"Does not serve the business's region ({name_en})",
    )


def _language_reason(business: BusinessFacts, advisor: AdvisorFacts) -> Reason:
    name_fr, name_en = _language_name(business.language)
    if business.language in advisor.languages:
        return Reason(
            "language_spoken",
            f"Parle la langue du commerçant ({name_fr})",
            f"Speaks the merchant's language ({name_en})",
            POINTS_LANGUAGE,
        )
    return Reason(
        "language_not_spoken",
        f"Ne parle pas la langue du commerçant ({name_fr})",
        f"Does not speak the merchant's language ({name_en})",
    )


def _expertise_reason(business: BusinessFacts, advisor: AdvisorFacts) -> Reason:
    if not business.subsector:
        return Reason(
            "subsector_unknown",
            "Sous-secteur de l'entreprise inconnu",
            "The business's subsector is unknown",
        )
    name_fr = business.subsector_name_fr or business.subsector
    name_en = business.subsector_name_en or name_fr
    if business.subsector in advisor.subsectors:
        return Reason(
            "subsector_expertise",
            f"Connaît le sous-secteur ({name_fr})",
            f"Knows the subsector ({name_en})",
            POINTS_EXPERTISE,
        )
    return Reason(
        "no_subsector_expertise",
        f"N'a pas d'expertise déclarée dans le sous-secteur ({name_fr})",
        f"No declared expertise in the subsector ({name_en})",
    )


def capacity_points(load: int, max_caseload: int) -> int:
    """0–10: ten times the share of the caseload still free, rounded down."""
    if max_caseload <= 0 or load >= max_caseload:
        return 0
    return POINTS_CAPACITY * (max_caseload - max(load, 0)) // max_caseload


def _capacity_reason(advisor: AdvisorFacts) -> Reason:
    load, cap = advisor.load, advisor.max_caseload
    if cap <= 0 or load >= cap:
        return Reason(
            "caseload_full",
            f"Charge complète ({load} sur {cap} entreprises)",
            f"Caseload full ({load} of {cap} businesses)",
        )
    return Reason(
        "capacity",
        f"Charge actuelle : {load} sur {cap} entreprises",
        f"Current load: {load} of {cap} businesses",
        capacity_points(load, cap),
    )


def _on_leave_reason() -> Reason:
    return Reason("on_leave", "En congé", "On leave")


def is_available(advisor: AdvisorFacts) -> bool:
    return not advisor.on_leave and 0 <= advisor.load < advisor.max_caseload


def suggest(business: BusinessFacts, advisor: AdvisorFacts) -> Suggestion:
    """Score one advisor for one business, with every reason."""
    reasons = [
        _region_reason(business, advisor),
        _language_reason(business, advisor),
        _expertise_reason(business, advisor),
        _capacity_reason(advisor),
    ]
    if advisor.on_leave:
        reasons.insert(0, _on_leave_reason())
    return Suggestion(
        advisor_id=advisor.advisor_id,
        name=advisor.name,
        score=sum(r.points for r in reasons),
        available=is_available(advisor),
        load=advisor.load,
        max_caseload=advisor.max_caseload,
        reasons=tuple(reasons),
    )


def rank_advisors(business: BusinessFacts, advisors: Sequence[AdvisorFacts]) -> list[Suggestion]:
    """Every advisor for `business`, best first: available ones by score (then lighter load,
    name, id), then those on leave or full, ranked the same way."""
    suggestions = [suggest(business, a) for a in advisors]
    return sorted(
        suggestions,
        key=lambda s: (not s.available, -s.score, s.load, s.name, s.advisor_id),
    )


def _match_points(business: BusinessFacts, advisor: AdvisorFacts) -> int:
    """Region and language: the criteria that decide whether an advisor can serve at all."""
    return _region_reason(business, advisor).points + _language_reason(business, advisor).points


def balance_assignments(
    businesses: Sequence[BusinessFacts], advisors: Sequence[AdvisorFacts]
) -> list[Proposal]:
    """Propose one advisor per business, in the order given (callers pass enrolment order).

    For each business, among the available advisors with the best region + language match,
    take the one whose caseload is proportionally lightest (load / maximum), then the one
    with the subsector expertise, then the lighter load, the name and the id. Each proposal
    counts in the loads of the next ones, so a cohort spreads evenly and no caseload goes
    past its maximum; a business nobody can take gets `advisor_id=None`."""
    loads = {a.advisor_id: a.load for a in advisors}
    by_id = {a.advisor_id: a for a in advisors}
    proposals: list[Proposal] = []
    for business in businesses:
        candidates = [
            a
            for a in advisors
            if not a.on_leave and loads[a.advisor_id] < a.max_caseload and a.max_caseload > 0
        ]
        if not candidates:
            proposals.append(
                Proposal(
                    business.business_id,
                    None,
                    (
                        Reason(
                            "no_available_advisor",
                            "Aucun conseiller disponible (tous en congé ou à pleine charge)",
                            "No advisor available (all on leave or at full caseload)",
                        ),
                    ),
                )
            )
            continue
        best_match = max(_match_points(business, a) for a in candidates)
        tier = [a for a in candidates if _match_points(business, a) == best_match]
        chosen = min(
            tier,
            key=lambda a: (
                Fraction(loads[a.advisor_id], a.max_caseload),
                -_expertise_reason(business, a).points,
                loads[a.advisor_id],
                a.name,
                a.advisor_id,
            ),
        )
        current = by_id[chosen.advisor_id]
        load_now = loads[chosen.advisor_id]
        facts = AdvisorFacts(
            advisor_id=current.advisor_id,
            name=current.name,
            regions=current.regions,
            languages=current.languages,
            subsectors=current.subsectors,
            max_caseload=current.max_caseload,
            load=load_now,
        )
        reasons = [
            _region_reason(business, facts),
            _language_reason(business, facts),
            _expertise_reason(business, facts),
        ]
        if len(tier) > 1:
            reasons.append(
                Reason(
                    "balanced",
                    f"Charge la plus légère parmi {len(tier)} conseillers aussi bien assortis "
                    f"({load_now} sur {current.max_caseload} avant cette entreprise)",
                    f"Lightest load among {len(tier)} equally matched advisors "
                    f"({load_now} out of {current.max_caseload} before this business)",
                )
            )
        else:
            reasons.append(_capacity_reason(facts))
        proposals.append(Proposal(business.business_id, chosen.advisor_id, tuple(reasons)))
        loads[chosen.advisor_id] = load_now + 1
    return proposals


# --- Allowance ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowance:
    """Coaching minutes of a business: the package's, the extensions granted, those used."""

    allowed: int
    extended: int
    used: int

    @property
    def total(self) -> int:
        return self.allowed + self.extended

    @property
    def remaining(self) -> int:
        return max(self.total - self.used, 0)

    @property
    def percent(self) -> int:
        """Share used, in whole percent rounded down (100 when nothing was ever allowed)."""
        if self.total <= 0:
            return 100 if self.used > 0 else 0
        return self.used * 100 // self.total

    @property
    def level(self) -> str:
        """ "ok", "warning" (80 % or more used) or "exhausted" (everything used)."""
        if self.total <= 0 or self.used >= self.total:
            return "exhausted"
        if self.used * 100 >= WARNING_PERCENT * self.total:
            return "warning"
        return "ok"

    @property
    def needs_attention(self) -> bool:
        return self.level != "ok"


def allowance(*, allowed: int, extended: int = 0, used: int = 0) -> Allowance:
    return Allowance(allowed=max(allowed, 0), extended=max(extended, 0), used=max(used, 0))


def _hours(minutes: int, language: str) -> str:
    value = f"{minutes / 60:.1f}"
    return value.replace(".", ",") if language == "fr" else value


def check_log(current: Allowance, minutes: int) -> Reason | None:
    """None when `minutes` more fit in the allowance; otherwise why the log is refused."""
    if minutes <= 0:
        return Reason(
            "minutes_not_positive",
            "La durée réelle doit être d'au moins une minute.",
            "The actual duration must be at least one minute.",
        )
    if current.used + minutes <= current.total:
        return None
    return Reason(
        "allowance_exceeded",
        (
            f"Ces {minutes} minutes dépasseraient l'enveloppe d'accompagnement : "
            f"{current.used} minutes utilisées sur {current.total} "
            f"({_hours(current.remaining, 'fr')} h restantes). Demandez une prolongation "
            "à l'administration du programme."
        ),
        (
            f"These {minutes} minutes would exceed the coaching allowance: {current.used} "
            f"minutes used out of {current.total} ({_hours(current.remaining, 'en')} h left). "
            "Ask the program administration for an extension."
        ),
    )


def check_correction(current: Allowance, old_minutes: int, new_minutes: int) -> Reason | None:
    """None when a meeting held and counted for `old_minutes` (already in `current.used`) may
    be corrected to `new_minutes`; otherwise why the correction is refused.

    The same rule as `check_log`, the meeting's own minutes taken out first: the corrected
    meeting must fit in what the other meetings leave. Lowering the minutes gives minutes
    back, so it is always accepted (even when the allowance is already passed)."""
    if new_minutes <= 0:
        return check_log(current, new_minutes)
    if new_minutes <= old_minutes:
        return None
    others = allowance(
        allowed=current.allowed, extended=current.extended, used=current.used - old_minutes
    )
    if check_log(others, new_minutes) is None:
        return None
    most = max(others.total - others.used, 0)
    return Reason(
        "allowance_exceeded",
        (
            f"Corriger cette rencontre de {old_minutes} à {new_minutes} minutes dépasserait "
            f"l'enveloppe d'accompagnement : {current.used} minutes utilisées sur "
            f"{current.total}, dont {old_minutes} pour cette rencontre. Elle peut compter au "
            f"plus {most} minutes ; au-delà, demandez une prolongation à l'administration du "
            "programme."
        ),
        (
            f"Correcting this meeting from {old_minutes} to {new_minutes} minutes would exceed "
            f"the coaching allowance: {current.used} minutes used out of {current.total}, "
            f"{old_minutes} of them for this meeting. It can count at most {most} minutes; "
            "beyond that, ask the program administration for an extension."
        ),
    )


# --- Caseload attention ------------------------------------------------------------------


def attention(
    *,
    days_without_contact: int | None,
    ever_met: bool,
    overdue_actions: int,
    current: Allowance,
) -> tuple[Reason, ...]:
    """Why a business needs its advisor's attention (empty: it does not).

    `days_without_contact` counts from the last meeting held, or from the assignment when
    there was none yet (`ever_met=False`); None means unknown."""
    reasons: list[Reason] = []
    if days_without_contact is not None and days_without_contact >= NO_CONTACT_DAYS:
        if ever_met:
            reasons.append(
                Reason(
                    "no_contact",
                    f"Aucune rencontre depuis {days_without_contact} jours",
                    f"No meeting for {days_without_contact} days",
                )
            )
        else:
            reasons.append(
                Reason(
                    "never_met",
                    f"Aucune rencontre {days_without_contact} jours après l'assignation",
                    f"No meeting {days_without_contact} days after assignment",
                )
            )
    if overdue_actions > 0:
        reasons.append(
            Reason(
                "plan_overdue",
                f"Actions du plan en retard : {overdue_actions}",
                f"Plan actions overdue: {overdue_actions}",
            )
        )
    if current.needs_attention:
        reasons.append(
            Reason(
                "allowance_" + current.level,
                f"Enveloppe d'accompagnement utilisée à {current.percent} %",
                f"Coaching allowance {current.percent}% used",
            )
        )
    return tuple(reasons)
