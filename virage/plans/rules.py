"""Recommendation rules of the digital action plan: rules as data, plus a pure engine.

Pure Python: no Django import, no ORM. The plan service loads the business profile, the
diagnostic answers and the catalog, calls :func:`recommend`, and stores the result with
:data:`RULES_VERSION`; the advisor then curates the proposed actions.

How a recommendation is made (see :data:`RULES`):

- A rule belongs to one solution category and is triggered by module R items. An item
  answered "no" is a full gap (1), "partially" half a gap (0.5); "yes", "na" (not applicable)
  and unanswered items are never gaps, so they never trigger, and are never cited.
- A rule fires when its conditions hold (number of locations, employees, subsector, what the
  profile says the business already has) and at least one of its items is a gap. Its score is
  ``priority × (0.9 × largest gap + 0.1 × mean gap over its applicable items)``: "partially"
  always ranks below "no" for the same rule, and the score never exceeds the priority.
- A weak M2 dimension (band "Basic", 0-25 after half-up rounding) adds a fixed weight to some
  rules that already fired; M2 alone never recommends anything, so manufacturing items of the
  EU questionnaire never become actions.
- Each category appears at most once: its best rule speaks for it. Results are ordered by
  score, then by the rules' order; everything is deterministic.
- Candidate solutions are ordered by fit to the business (:func:`fit_score`) and by name,
  never by anything a vendor could pay for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from virage.diagnostics import questionnaire as qn
from virage.diagnostics.scoring import band_for, round_half_up

RULES_VERSION = "reco-2026.1"

YES = "yes"
PARTIALLY = "partially"
NO = "no"
NA = "na"
ANSWER_VALUES = (YES, PARTIALLY, NO, NA)
GAPS = {NO: Fraction(1), PARTIALLY: Fraction(1, 2)}

# Share of the largest gap in a rule's score; the mean gap over its applicable items gets the
# rest, so a rule with several gaps outranks the same rule with one.
LARGEST_GAP_SHARE = Fraction(9, 10)

# Categories whose solutions must handle several locations when the business has several.
MULTI_LOCATION_CATEGORIES = ("pos", "inventory")

# Candidate solutions kept per recommendation by default.
MAX_SOLUTIONS = 5

# Placeholders a rule's "why" templates may use.
WHY_PLACEHOLDERS = ("answers", "locations", "employees")

R_ITEM_KEYS: tuple[str, ...] = qn.all_item_keys(qn.MODULE_R)
M2_DIMENSION_KEYS: tuple[str, ...] = tuple(qn.DIMENSIONS)
CATEGORY_KEYS: tuple[str, ...] = qn.SOLUTION_CATEGORIES

_NBSP = "\u00a0"


# --------------------------------------------------------------------------------------------
# Inputs and outputs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What the engine needs to know about the business.

    ``subsector`` is a NAICS code of at least three digits ("458", or "4581" which matches
    "458"); ``has_*`` come from the enrolment profile.
    """

    employees: int
    locations: int
    subsector: str
    has_website: bool = False
    has_transactional_site: bool = False
    has_marketplace: bool = False


@dataclass(frozen=True)
class SolutionInfo:
    """A catalog solution, reduced to what fit needs."""

    key: str
    name: str
    category: str
    extra_categories: tuple[str, ...] = ()
    french_interface: bool = False
    quebec_vendor: bool = False
    multi_location: bool = False
    setup_effort: str = "medium"
    price_range: str = "50_200"

    @property
    def categories(self) -> tuple[str, ...]:
        return (self.category, *self.extra_categories)

    @classmethod
    def from_mapping(cls, data: Mapping) -> SolutionInfo:
        """Build from a catalog row or a seed dict (extra keys are ignored)."""
        return cls(
            key=data["key"],
            name=data["name"],
            category=data["category"],
            extra_categories=tuple(data.get("extra_categories") or ()),
            french_interface=bool(data.get("french_interface", False)),
            quebec_vendor=bool(data.get("quebec_vendor", False)),
            multi_location=bool(data.get("multi_location", False)),
            setup_effort=data.get("setup_effort", "medium"),
            price_range=data.get("price_range", "50_200"),
        )


@dataclass(frozen=True)
class LinkedContent:
    """A training module or a capsule, linked to the categories it teaches."""

    key: str
    title_fr: str
    title_en: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class M2Boost:
    """Weight added to a rule that fired when an M2 dimension is in the "Basic" band."""

    dimension: str
    weight: float


@dataclass(frozen=True)
class Rule:
    """One recommendation rule.

    ``triggers`` are module R item keys. ``why_fr`` / ``why_en`` are templates with the named
    placeholders of :data:`WHY_PLACEHOLDERS` (``%(answers)s`` cites the answers behind it).
    Conditions: ``min_locations``, ``min_employees``; ``requires_no_website`` /
    ``requires_no_transactional`` / ``requires_no_marketplace`` (the profile says the business
    has none); ``applies_to_subsectors`` (NAICS prefixes, ``None`` for every subsector).
    """

    key: str
    category: str
    triggers: tuple[str, ...]
    priority: float
    why_fr: str
    why_en: str
    min_locations: int = 1
    min_employees: int = 0
    requires_no_website: bool = False
    requires_no_transactional: bool = False
    requires_no_marketplace: bool = False
    applies_to_subsectors: tuple[str, ...] | None = None
    m2_boosts: tuple[M2Boost, ...] = ()

    def applies_to(self, profile: Profile) -> bool:
        """Whether the rule's conditions hold for this business (answers aside)."""
        if profile.locations < self.min_locations or profile.employees < self.min_employees:
            return False
        if self.requires_no_website and profile.has_website:
            return False
        if self.requires_no_transactional and profile.has_transactional_site:
            return False
        if self.requires_no_marketplace and profile.has_marketplace:
            return False
        if self.applies_to_subsectors is not None:
            return profile.subsector.startswith(self.applies_to_subsectors)
        return True


@dataclass(frozen=True)
class Recommendation:
    """A proposed action: one category, why (in plain language), and what could help."""

    category: str
    rank: int
    score: float
    why_fr: str
    why_en: str
    source_items: tuple[str, ...]
    solution_keys: tuple[str, ...]
    training_keys: tuple[str, ...]
    capsule_keys: tuple[str, ...]
    rule_key: str


# --------------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------------

# Ordered by priority; at equal score, the earlier rule wins. Apart from "ecommerce_launch",
# every rule's priority plus its M2 boosts stays below 100, so a store without a transactional
# site always gets the online store first (tested).
RULES: tuple[Rule, ...] = (
    Rule(
        key="ecommerce_launch",
        category="ecommerce",
        triggers=("r2_1",),
        priority=100,
        requires_no_transactional=True,
        m2_boosts=(M2Boost("D2", 5),),
        why_fr=(
            "%(answers)s Une boutique en ligne permet à votre clientèle de commander et de payer "
            "à toute heure, et de vous trouver même quand elle ne peut pas se déplacer."
        ),
        why_en=(
            "%(answers)s An online store lets your customers order and pay at any time, and "
            "find you even when they cannot come to the store."
        ),
    ),
    Rule(
        key="omnichannel_multi_location",
        category="pos",
        triggers=("r3_3", "r3_2"),
        priority=95,
        min_locations=2,
        why_fr=(
            "%(answers)s Avec %(locations)s points de vente, un système de caisse relié à un "
            "inventaire unique pour tous les magasins et le site Web évite de vendre un article "
            "déjà épuisé et de recompter d'un magasin à l'autre."
        ),
        why_en=(
            "%(answers)s With %(locations)s locations, a point-of-sale system tied to a single "
            "inventory for every store and the web site avoids selling items already out of "
            "stock and recounting from one store to the next."
        ),
    ),
    Rule(
        key="inventory_multi_location",
        category="inventory",
        triggers=("r4_1",),
        priority=85,
        min_locations=2,
        why_fr=(
            "%(answers)s Avec %(locations)s points de vente, un logiciel de gestion des stocks "
            "montre en tout temps ce qui reste dans chaque magasin et facilite les transferts."
        ),
        why_en=(
            "%(answers)s With %(locations)s locations, inventory software shows at any time what "
            "is left in each store and makes transfers easier."
        ),
    ),
    Rule(
        key="website_launch",
        category="visibility",
        triggers=("r1_1",),
        priority=80,
        requires_no_website=True,
        m2_boosts=(M2Boost("D2", 5),),
        why_fr=(
            "%(answers)s Un site Web simple, avec vos heures, votre adresse et vos produits, est "
            "souvent le premier contact de la clientèle avec votre commerce."
        ),
        why_en=(
            "%(answers)s A simple web site with your hours, address and products is often a "
            "customer's first contact with your business."
        ),
    ),
    Rule(
        key="security_essentials",
        category="cybersecurity",
        triggers=("r7_1", "r7_2"),
        priority=75,
        m2_boosts=(M2Boost("D4", 10),),
        why_fr=(
            "%(answers)s Des sauvegardes testées et l'authentification multifacteur protègent "
            "vos ventes et les renseignements de votre clientèle contre la perte de données et "
            "le piratage de comptes."
        ),
        why_en=(
            "%(answers)s Tested backups and multi-factor authentication protect your sales and "
            "your customers' information against data loss and account takeover."
        ),
    ),
    Rule(
        key="online_presence",
        category="visibility",
        triggers=("r1_1", "r1_2", "r1_3"),
        priority=70,
        m2_boosts=(M2Boost("D2", 5),),
        why_fr=(
            "%(answers)s Une présence à jour sur le Web, sur les cartes et dans les médias "
            "sociaux aide la clientèle des environs à vous trouver."
        ),
        why_en=(
            "%(answers)s An up-to-date presence on the web, on maps and on social media helps "
            "nearby customers find you."
        ),
    ),
    Rule(
        key="online_payments",
        category="payments",
        triggers=("r3_1",),
        priority=65,
        why_fr=(
            "%(answers)s Accepter les paiements en ligne permet d'encaisser les commandes et les "
            "dépôts sans attendre le passage en magasin."
        ),
        why_en=(
            "%(answers)s Accepting online payments lets you collect orders and deposits without "
            "waiting for a store visit."
        ),
    ),
    Rule(
        key="pos_modernise",
        category="pos",
        triggers=("r3_2",),
        priority=65,
        why_fr=(
            "%(answers)s Un point de vente moderne accepte le paiement sans contact et produit "
            "les rapports de ventes sans compilation à la main."
        ),
        why_en=(
            "%(answers)s A modern point of sale accepts contactless payment and produces sales "
            "reports without compiling them by hand."
        ),
    ),
    Rule(
        key="omnichannel_sync",
        category="pos",
        triggers=("r3_3",),
        priority=60,
        why_fr=(
            "%(answers)s Un inventaire partagé entre la caisse et le site Web évite de vendre en "
            "ligne un article déjà épuisé en magasin."
        ),
        why_en=(
            "%(answers)s Stock shared between the till and the web site avoids selling online an "
            "item already sold out in the store."
        ),
    ),
    Rule(
        key="inventory_basic",
        category="inventory",
        triggers=("r4_1",),
        priority=60,
        why_fr=(
            "%(answers)s Un logiciel de gestion des stocks signale les produits à commander et "
            "réduit les ruptures comme les surplus."
        ),
        why_en=(
            "%(answers)s Inventory software flags products to reorder and reduces both stock-outs "
            "and overstock."
        ),
    ),
    Rule(
        key="ecommerce_extend",
        category="ecommerce",
        triggers=("r2_1", "r2_3"),
        priority=55,
        why_fr=(
            "%(answers)s Compléter la vente en ligne, par exemple avec la commande en ligne et la "
            "cueillette en magasin, répond aux habitudes d'achat de la clientèle."
        ),
        why_en=(
            "%(answers)s Rounding out online sales, for example with click-and-collect, matches "
            "how customers shop."
        ),
    ),
    Rule(
        key="accounting",
        category="accounting",
        triggers=("r5_1",),
        priority=55,
        why_fr=(
            "%(answers)s Un logiciel comptable relié à la banque et aux ventes réduit la saisie "
            "et facilite les déclarations de TPS et de TVQ."
        ),
        why_en=(
            "%(answers)s Accounting software connected to the bank and to sales reduces data "
            "entry and makes GST and QST returns easier."
        ),
    ),
    Rule(
        key="hr_payroll_multi_location",
        category="hr_payroll",
        triggers=("r5_2",),
        priority=55,
        min_locations=2,
        min_employees=1,
        why_fr=(
            "%(answers)s Avec %(locations)s points de vente, un logiciel d'horaires et de paie "
            "évite les conflits d'horaires entre magasins et la ressaisie des heures."
        ),
        why_en=(
            "%(answers)s With %(locations)s locations, scheduling and payroll software avoids "
            "scheduling conflicts between stores and re-entering hours."
        ),
    ),
    Rule(
        key="marketplace_products",
        category="marketplace",
        triggers=("r2_2",),
        priority=50,
        requires_no_marketplace=True,
        applies_to_subsectors=("449", "458", "459"),
        why_fr=(
            "%(answers)s Dans votre secteur, les places de marché donnent accès à une clientèle "
            "qui y cherche déjà ce type de produits."
        ),
        why_en=(
            "%(answers)s In your sector, marketplaces give access to customers who already look "
            "for this kind of product there."
        ),
    ),
    Rule(
        key="booking_services",
        category="booking",
        triggers=("r2_4",),
        priority=50,
        applies_to_subsectors=("441", "456"),
        why_fr=(
            "%(answers)s Dans votre secteur, la clientèle prend souvent rendez-vous (essais, "
            "examens, entretien), et la réservation en ligne lui évite un appel."
        ),
        why_en=(
            "%(answers)s In your sector, customers often book appointments (fittings, "
            "examinations, servicing), and online booking saves them a phone call."
        ),
    ),
    Rule(
        key="privacy_consent",
        category="cybersecurity",
        triggers=("r7_3", "r7_4"),
        priority=50,
        m2_boosts=(M2Boost("D4", 5),),
        why_fr=(
            "%(answers)s La Loi 25 exige une politique de confidentialité et des consentements "
            "clairs, et un personnel sensibilisé reconnaît plus facilement l'hameçonnage."
        ),
        why_en=(
            "%(answers)s Law 25 requires a privacy policy and clear consents, and staff who are "
            "aware of the risks recognise phishing more easily."
        ),
    ),
    Rule(
        key="shipping",
        category="shipping",
        triggers=("r4_2",),
        priority=50,
        why_fr=(
            "%(answers)s Des outils d'expédition impriment les étiquettes, comparent les tarifs "
            "des transporteurs et envoient le suivi des colis à la clientèle."
        ),
        why_en=(
            "%(answers)s Shipping tools print labels, compare carrier rates and send parcel "
            "tracking to customers."
        ),
    ),
    Rule(
        key="crm_email",
        category="crm_email",
        triggers=("r6_1", "r6_2"),
        priority=45,
        why_fr=(
            "%(answers)s Un fichier clients et des envois faits avec consentement permettent de "
            "garder le contact avec votre clientèle, dans le respect de la Loi 25 et de la Loi "
            "canadienne anti-pourriel."
        ),
        why_en=(
            "%(answers)s A customer file and mailings sent with consent let you keep in touch "
            "with your customers while respecting Law 25 and Canada's Anti-Spam Legislation."
        ),
    ),
    Rule(
        key="supply_chain",
        category="supply_chain",
        triggers=("r4_3",),
        priority=45,
        why_fr=(
            "%(answers)s Commander aux fournisseurs avec un outil numérique réduit les erreurs "
            "et aide à planifier le réapprovisionnement."
        ),
        why_en=(
            "%(answers)s Ordering from suppliers with a digital tool reduces errors and helps "
            "plan restocking."
        ),
    ),
    Rule(
        key="hr_payroll",
        category="hr_payroll",
        triggers=("r5_2",),
        priority=40,
        min_employees=1,
        why_fr=(
            "%(answers)s Un logiciel d'horaires et de paie réduit le temps passé à faire les "
            "horaires et à compiler les heures travaillées."
        ),
        why_en=(
            "%(answers)s Scheduling and payroll software cuts the time spent building schedules "
            "and compiling hours worked."
        ),
    ),
    Rule(
        key="reviews",
        category="visibility",
        triggers=("r1_4",),
        priority=40,
        why_fr=(
            "%(answers)s Lire les avis en ligne et y répondre montre à la clientèle que son "
            "opinion compte."
        ),
        why_en=(
            "%(answers)s Reading and answering online reviews shows customers that their opinion "
            "counts."
        ),
    ),
    Rule(
        key="marketplace",
        category="marketplace",
        triggers=("r2_2",),
        priority=35,
        why_fr=(
            "%(answers)s Une place de marché permet d'essayer la vente en ligne auprès d'une "
            "clientèle déjà présente, moyennant des frais sur chaque vente."
        ),
        why_en=(
            "%(answers)s A marketplace lets you try online selling with an existing audience, "
            "for a fee on each sale."
        ),
    ),
    Rule(
        key="analytics",
        category="analytics",
        triggers=("r6_4",),
        priority=35,
        m2_boosts=(M2Boost("D4", 15),),
        why_fr=(
            "%(answers)s Mesurer la fréquentation de votre site Web montre ce qui attire la "
            "clientèle et ce qui mène à une vente."
        ),
        why_en=(
            "%(answers)s Measuring your web site's traffic shows what attracts customers and "
            "what leads to a sale."
        ),
    ),
    Rule(
        key="loyalty",
        category="loyalty",
        triggers=("r6_3",),
        priority=30,
        why_fr=(
            "%(answers)s Un programme de fidélisation encourage la clientèle à revenir et vous "
            "aide à mieux la connaître."
        ),
        why_en=(
            "%(answers)s A loyalty program encourages customers to come back and helps you get "
            "to know them better."
        ),
    ),
    Rule(
        key="booking",
        category="booking",
        triggers=("r2_4",),
        priority=30,
        why_fr=(
            "%(answers)s La réservation en ligne permet à la clientèle de prendre rendez-vous à "
            "toute heure, sans appeler."
        ),
        why_en=(
            "%(answers)s Online booking lets customers make appointments at any time, without "
            "calling."
        ),
    ),
)


def validate_rules(rules: Sequence[Rule] = RULES) -> list[str]:
    """Problems in a rule set (empty when it is sound); used by the tests."""
    problems: list[str] = []
    items = qn.items_by_key()
    sample = {"answers": "", "locations": 2, "employees": 3}
    seen: set[str] = set()
    for rule in rules:
        if rule.key in seen:
            problems.append(f"{rule.key}: duplicate key")
        seen.add(rule.key)
        if rule.category not in CATEGORY_KEYS:
            problems.append(f"{rule.key}: unknown category {rule.category!r}")
        if not rule.triggers:
            problems.append(f"{rule.key}: no module R trigger")
        for item_key in rule.triggers:
            if item_key not in R_ITEM_KEYS:
                problems.append(f"{rule.key}: {item_key!r} is not a module R item")
            elif rule.category not in items[item_key][1].categories:
                problems.append(f"{rule.key}: {item_key} does not map to {rule.category}")
        for boost in rule.m2_boosts:
            if boost.dimension not in M2_DIMENSION_KEYS or boost.weight <= 0:
                problems.append(f"{rule.key}: bad M2 boost {boost!r}")
        for template in (rule.why_fr, rule.why_en):
            if "%(answers)s" not in template:
                problems.append(f"{rule.key}: a template does not cite the answers")
            try:
                template % sample
            except (KeyError, ValueError, TypeError) as exc:
                problems.append(f"{rule.key}: bad template ({exc!r})")
    return problems


# --------------------------------------------------------------------------------------------
# Solution fit
# --------------------------------------------------------------------------------------------

_EFFORT_POINTS = {"low": 2, "medium": 1, "high": 0}
_PRICE_POINTS = {"free": 2, "under_50": 2, "50_200": 1, "over_200": 0}


def fit_score(category: str, profile: Profile, solution: SolutionInfo) -> int | None:
    """How well ``solution`` fits this business for ``category``; ``None`` when it does not.

    A solution fits when it covers the category, and, for point of sale and inventory, handles
    several locations when the business has more than one. Points: French interface 4; the
    category is its main one 3; handles several locations when the business has several 2;
    setup effort low 2 / medium 1; price free or under $50 a month 2 / $50-200 1; Québec-based
    vendor 1.
    """
    if category not in solution.categories:
        return None
    several = profile.locations > 1
    if several and category in MULTI_LOCATION_CATEGORIES and not solution.multi_location:
        return None
    points = 0
    points += 4 if solution.french_interface else 0
    points += 3 if solution.category == category else 0
    points += 2 if several and solution.multi_location else 0
    points += _EFFORT_POINTS.get(solution.setup_effort, 0)
    points += _PRICE_POINTS.get(solution.price_range, 0)
    points += 1 if solution.quebec_vendor else 0
    return points


def fit_solutions(
    category: str, profile: Profile, solutions: Iterable[SolutionInfo]
) -> list[SolutionInfo]:
    """The solutions that fit, best fit first; ties by name, then key (deterministic)."""
    scored = []
    for solution in solutions:
        points = fit_score(category, profile, solution)
        if points is not None:
            scored.append((-points, solution.name.casefold(), solution.key, solution))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored]


# --------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    rule: Rule
    index: int
    score: float
    gaps: tuple[tuple[str, str], ...]  # (item key, answer) of the cited items
    boosts: tuple[tuple[str, float], ...]  # (dimension, M2 score) of the boosts applied


def _check_inputs(r_answers: Mapping[str, str], m2_dimensions: Mapping[str, float | None]):
    for key, value in r_answers.items():
        if key not in R_ITEM_KEYS:
            raise ValueError(f"unknown module R item {key!r}")
        if value not in ANSWER_VALUES:
            raise ValueError(f"{key}: answer {value!r} is not one of {ANSWER_VALUES}")
    for key, value in m2_dimensions.items():
        if key not in M2_DIMENSION_KEYS:
            raise ValueError(f"unknown M2 dimension {key!r}")
        if value is not None and not 0 <= value <= 100:
            raise ValueError(f"{key}: score {value!r} is outside 0-100")


def _exact(number: float) -> Fraction:
    """A rule's number as the decimal it is written as (no binary floating-point error)."""
    return Fraction(str(number))


def _evaluate(
    rule: Rule,
    index: int,
    profile: Profile,
    r_answers: Mapping[str, str],
    m2_dimensions: Mapping[str, float | None],
) -> _Match | None:
    if not rule.applies_to(profile):
        return None
    applicable = [key for key in rule.triggers if r_answers.get(key) in (YES, PARTIALLY, NO)]
    gaps = tuple((key, r_answers[key]) for key in applicable if r_answers[key] in GAPS)
    if not gaps:
        return None
    values = [GAPS[answer] for _, answer in gaps]
    mean_gap = sum(values, Fraction(0)) / len(applicable)
    gap = LARGEST_GAP_SHARE * max(values) + (1 - LARGEST_GAP_SHARE) * mean_gap
    score = _exact(rule.priority) * gap
    boosts = []
    for boost in rule.m2_boosts:
        value = m2_dimensions.get(boost.dimension)
        if value is not None and band_for(value) == "basic":
            score += _exact(boost.weight)
            boosts.append((boost.dimension, value))
    return _Match(rule, index, round_half_up(score, 2), gaps, tuple(boosts))


def _quote_fr(text: str) -> str:
    return f"«{_NBSP}{text}{_NBSP}»"


def _quote_en(text: str) -> str:
    return f"“{text}”"


def _join(parts: Sequence[str], last: str) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + last + parts[-1]


_ANSWER_CHOICES = {choice.value: choice for choice in qn.RETAIL_CHOICES}


def cite_answers(gaps: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The sentence citing ``(item key, answer)`` pairs, in French and in English.

    « Vous avez répondu « Non » à « Site Web transactionnel… » et « Partiellement » à … »
    """
    items = qn.items_by_key()
    fr, en = [], []
    for key, answer in gaps:
        item = items[key][1]
        choice = _ANSWER_CHOICES[answer]
        fr.append(f"{_quote_fr(choice.label_fr)} à {_quote_fr(item.label_fr)}")
        en.append(f"{_quote_en(choice.label_en)} to {_quote_en(item.label_en)}")
    return (
        f"Vous avez répondu {_join(fr, ' et ')}.",
        f"You answered {_join(en, ' and ')}.",
    )


def _cite_m2(dimension: str, value: float) -> tuple[str, str]:
    title = qn.DIMENSIONS[dimension]
    band = qn.BANDS_BY_KEY[band_for(value)]
    shown = f"{round_half_up(value, 0):.0f}"
    return (
        f"Votre score M2 en {_quote_fr(title.title_fr)} est de {shown} sur 100, au niveau "
        f"{_quote_fr(band.label_fr)}.",
        f"Your M2 score in {_quote_en(title.title_en)} is {shown} out of 100, at the "
        f"{_quote_en(band.label_en)} level.",
    )


def _why(match: _Match, profile: Profile) -> tuple[str, str]:
    answers_fr, answers_en = cite_answers(match.gaps)
    params = {"locations": profile.locations, "employees": profile.employees}
    why_fr = [match.rule.why_fr % {**params, "answers": answers_fr}]
    why_en = [match.rule.why_en % {**params, "answers": answers_en}]
    for dimension, value in match.boosts:
        m2_fr, m2_en = _cite_m2(dimension, value)
        why_fr.append(m2_fr)
        why_en.append(m2_en)
    return " ".join(why_fr), " ".join(why_en)


def _linked(category: str, contents: Iterable[LinkedContent]) -> tuple[str, ...]:
    return tuple(sorted(c.key for c in contents if category in c.categories))


def recommend(
    profile: Profile,
    r_answers: Mapping[str, str],
    m2_dimensions: Mapping[str, float | None],
    solutions: Sequence[SolutionInfo],
    trainings: Sequence[LinkedContent],
    capsules: Sequence[LinkedContent],
    limit: int | None = None,
    *,
    rules: Sequence[Rule] = RULES,
    max_solutions: int = MAX_SOLUTIONS,
) -> list[Recommendation]:
    """The ranked actions for this business, at most one per category.

    ``r_answers`` maps module R item keys to "yes" / "partially" / "no" / "na" (missing items
    count as unanswered); ``m2_dimensions`` maps "D1".."D6" to 0-100 scores or ``None``.
    Raises ``ValueError`` on an unknown item, answer or dimension, or a score outside 0-100.
    """
    _check_inputs(r_answers, m2_dimensions)
    best: dict[str, _Match] = {}
    for index, rule in enumerate(rules):
        match = _evaluate(rule, index, profile, r_answers, m2_dimensions)
        if match is None:
            continue
        current = best.get(rule.category)
        if current is None or match.score > current.score:
            best[rule.category] = match
    ordered = sorted(best.values(), key=lambda m: (-m.score, m.index))
    if limit is not None:
        ordered = ordered[: max(limit, 0)]
    result = []
    for rank, match in enumerate(ordered, start=1):
        category = match.rule.category
        why_fr, why_en = _why(match, profile)
        fitting = fit_solutions(category, profile, solutions)[:max_solutions]
        result.append(
            Recommendation(
                category=category,
                rank=rank,
                score=match.score,
                why_fr=why_fr,
                why_en=why_en,
                source_items=tuple(key for key, _ in match.gaps),
                solution_keys=tuple(s.key for s in fitting),
                training_keys=_linked(category, trainings),
                capsule_keys=_linked(category, capsules),
                rule_key=match.rule.key,
            )
        )
    return result
