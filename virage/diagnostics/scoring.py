"""Pure, versioned scoring of the digital diagnostic (no Django import, no ORM).

Rules and the answers format are documented in ``docs/scoring.md``. In short:

- ``dma-b1`` scores module M2 (EU Digital Maturity Assessment structure, DOMAIN.md 5.1);
- ``retail-r1`` scores module R (retail essentials, DOMAIN.md 5.2).

Answers are one mapping (the same shape as the JSON answers file)::

    {
        "m2_1_1": {"already": [2, 6], "plans": [5]},   # invest matrix: area numbers
        "m2_1_2": [1, 5, 6],                            # multi-select: ticked item numbers
        "m2_2_4": [0, 1, 0, 0, 2, 0, 0],                # levels: one 0-5 level per row
        "m2_6_11": ["no", "partially", "yes", "no", "no"],  # tri-state: one per row
        "r2_1": "partially",                            # module R: yes/partially/no/na
    }

Item numbers are 1-based, in questionnaire order. Computation is exact (fractions), so half-up
rounding and band boundaries never suffer from binary floating point; results expose floats.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from . import questionnaire as qn

M2_VERSION = "dma-b1"
R_VERSION = "retail-r1"

# --------------------------------------------------------------------------------------------
# Rounding and bands
# --------------------------------------------------------------------------------------------


def _to_fraction(value) -> Fraction:
    """Exact value of a number; a float is read as the decimal it prints as (``repr``)."""
    if isinstance(value, bool):
        raise TypeError("a score cannot be a boolean")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"score {value!r} is not a finite number")
        return Fraction(Decimal(repr(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"score {value!r} is not a finite number")
        return Fraction(value)
    raise TypeError(f"cannot use {type(value).__name__} as a score")


def _half_up(value: Fraction, ndigits: int = 0) -> Fraction:
    """Round half away from zero (the school rule), exactly."""
    scale = Fraction(10) ** ndigits
    magnitude = Fraction(math.floor(abs(value) * scale + Fraction(1, 2))) / scale
    return magnitude if value >= 0 else -magnitude


def round_half_up(value, ndigits: int = 1) -> float:
    """``value`` rounded half-up to ``ndigits`` decimals: 46.65 -> 46.7, 25.45 -> 25.5.

    Python's ``round`` rounds halves to even and works on binary floats; this does not.
    """
    return float(_half_up(_to_fraction(value), ndigits))


def band_for(value) -> str:
    """Band key of a 0-100 value, after rounding it half-up to an integer.

    0-25 ``basic``, 26-50 ``average``, 51-75 ``moderate``, 76-100 ``advanced``: so 25.4 is
    basic and 25.5 is average.
    """
    exact = _to_fraction(value)
    if not 0 <= exact <= 100:
        raise ValueError(f"score {value!r} is outside 0-100")
    whole = _half_up(exact)
    for band in qn.BANDS:
        if band.low <= whole <= band.high:
            return band.key
    raise AssertionError("bands must cover 0-100")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerError:
    """A problem with one answer, in plain English and French. ``key`` is "" for the whole."""

    key: str
    message_en: str
    message_fr: str


class InvalidAnswersError(ValueError):
    """Raised by the scorers when answers do not validate; ``errors`` lists why."""

    def __init__(self, errors):
        self.errors = tuple(errors)
        super().__init__("; ".join(e.message_en for e in self.errors))


def _show(value) -> str:
    """A value as it looks in the JSON answers file."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _error(key: str, en: str, fr: str) -> AnswerError:
    return AnswerError(key, f"{key}: {en}", f"{key} : {fr}")


def _check_numbers(key, numbers, count, *, area_of: str = "") -> list[AnswerError]:
    """Check a list of 1-based item numbers (``area_of`` names the invest-matrix box)."""
    if area_of:
        noun_en, noun_fr = "area", "le secteur"
        where_en, where_fr = f' in "{area_of}"', f" dans « {area_of} »"
    else:
        noun_en, noun_fr, where_en, where_fr = "item", "l'élément", "", ""
    errors = []
    seen = set()
    for number in numbers:
        shown = _show(number)
        if not _is_whole(number):
            errors.append(
                _error(
                    key,
                    f"{noun_en} {shown}{where_en} is not a whole number.",
                    f"{noun_fr} {shown}{where_fr} n'est pas un nombre entier.",
                )
            )
        elif not 1 <= number <= count:
            errors.append(
                _error(
                    key,
                    f"{noun_en} {number}{where_en} is out of range (1 to {count}).",
                    f"{noun_fr} {number}{where_fr} est hors limites (1 à {count}).",
                )
            )
        elif number in seen:
            errors.append(
                _error(
                    key,
                    f"{noun_en} {number} appears more than once{where_en}.",
                    f"{noun_fr} {number} figure plus d'une fois{where_fr}.",
                )
            )
        seen.add(number)
    return errors


def _check_invest_matrix(question, value) -> list[AnswerError]:
    key, count = question.key, len(question.items)
    if not isinstance(value, Mapping):
        return [
            _error(
                key,
                'expected an object with two lists, "already" and "plans".',
                "un objet avec deux listes, « already » et « plans », est attendu.",
            )
        ]
    errors = []
    for extra in sorted((k for k in value if k not in qn.INVEST_BOXES), key=str):
        errors.append(
            _error(
                key,
                f'unexpected field {_show(extra)}; only "already" and "plans" are allowed.',
                f"champ inattendu {_show(extra)}; seuls « already » et « plans » sont permis.",
            )
        )
    for box in qn.INVEST_BOXES:
        if box not in value:
            errors.append(
                _error(key, f'the list "{box}" is missing.', f"la liste « {box} » est manquante.")
            )
        elif not isinstance(value[box], list):
            errors.append(
                _error(
                    key,
                    f'"{box}" must be a list of area numbers.',
                    f"« {box} » doit être une liste de numéros de secteurs.",
                )
            )
        else:
            errors.extend(_check_numbers(key, value[box], count, area_of=box))
    return errors


def _check_multi(question, value) -> list[AnswerError]:
    if not isinstance(value, list):
        return [
            _error(
                question.key,
                "expected a list of ticked item numbers.",
                "une liste des numéros d'éléments cochés est attendue.",
            )
        ]
    return _check_numbers(question.key, value, len(question.items))


def _check_rows(question, value, *, what_en: str, what_fr: str) -> list[AnswerError]:
    """Check a list with one answer per row; returns an error on shape, or ``[]``."""
    key, rows = question.key, len(question.items)
    if not isinstance(value, list):
        return [
            _error(
                key,
                f"expected a list of {rows} {what_en}, one per row.",
                f"une liste de {rows} {what_fr}, une valeur par ligne, est attendue.",
            )
        ]
    if len(value) != rows:
        return [
            _error(
                key,
                f"expected {rows} {what_en}, one per row, got {len(value)}.",
                f"{rows} {what_fr} sont attendus, une valeur par ligne; {len(value)} reçus.",
            )
        ]
    return []


def _check_levels(question, value) -> list[AnswerError]:
    errors = _check_rows(question, value, what_en="levels", what_fr="niveaux")
    if errors:
        return errors
    for row, level in enumerate(value, start=1):
        if not _is_whole(level):
            errors.append(
                _error(
                    question.key,
                    f"row {row}: level {_show(level)} is not a whole number.",
                    f"ligne {row} : le niveau {_show(level)} n'est pas un nombre entier.",
                )
            )
        elif not qn.LEVEL_MIN <= level <= qn.LEVEL_MAX:
            errors.append(
                _error(
                    question.key,
                    f"row {row}: level {level} is out of range ({qn.LEVEL_MIN} to {qn.LEVEL_MAX}).",
                    f"ligne {row} : le niveau {level} est hors limites "
                    f"({qn.LEVEL_MIN} à {qn.LEVEL_MAX}).",
                )
            )
    return errors


def _check_tristate(question, value) -> list[AnswerError]:
    errors = _check_rows(question, value, what_en="answers", what_fr="choix")
    if errors:
        return errors
    for row, answer in enumerate(value, start=1):
        if not isinstance(answer, str) or answer not in qn.TRISTATE_VALUES:
            errors.append(
                _error(
                    question.key,
                    f'row {row}: answer {_show(answer)} is not "no", "partially" or "yes".',
                    f"ligne {row} : la réponse {_show(answer)} n'est pas « no », « partially » "
                    "ou « yes ».",
                )
            )
    return errors


def _check_retail(key, value) -> list[AnswerError]:
    if isinstance(value, str) and value in qn.RETAIL_VALUES:
        return []
    return [
        _error(
            key,
            f'answer {_show(value)} is not "yes", "partially", "no" or "na".',
            f"la réponse {_show(value)} n'est pas « yes », « partially », « no » ou « na ».",
        )
    ]


_CHECKERS = {
    qn.INVEST_MATRIX: _check_invest_matrix,
    qn.MULTI: _check_multi,
    qn.LEVELS: _check_levels,
    qn.TRISTATE: _check_tristate,
}


def validate_answers(answers, *, module: str | None = None, partial: bool = False):
    """Return the list of :class:`AnswerError` for ``answers`` (empty when valid).

    ``module`` ("m2" or "r") checks only that module's answers; keys of the other module are
    then ignored, but keys of neither module are always errors. ``partial=True`` accepts
    missing answers (a questionnaire saved between sittings). Errors come in questionnaire
    order, then unknown keys in sorted order.
    """
    if not isinstance(answers, Mapping):
        return [
            AnswerError(
                "",
                "Answers must be a JSON object whose keys are question or item keys.",
                "Les réponses doivent former un objet JSON dont les clés sont des clés de "
                "questions ou d'éléments.",
            )
        ]
    errors: list[AnswerError] = []
    for question in qn.questions(module):
        if question.answer_type == qn.RETAIL:
            for item in question.items:
                if item.key in answers:
                    errors.extend(_check_retail(item.key, answers[item.key]))
                elif not partial:
                    errors.append(_error(item.key, "answer missing.", "réponse manquante."))
        elif question.key in answers:
            errors.extend(_CHECKERS[question.answer_type](question, answers[question.key]))
        elif not partial:
            errors.append(_error(question.key, "answer missing.", "réponse manquante."))
    known = set(qn.answer_keys())
    for key in sorted(str(k) for k in answers if k not in known):
        errors.append(
            _error(key, "unknown question or item key.", "clé de question ou d'élément inconnue.")
        )
    return errors


def _require_valid(answers, module: str) -> None:
    errors = validate_answers(answers, module=module)
    if errors:
        raise InvalidAnswersError(errors)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def _rounded_map(values: Mapping[str, float | None], ndigits: int) -> dict[str, float | None]:
    return {k: None if v is None else round_half_up(v, ndigits) for k, v in values.items()}


@dataclass(frozen=True)
class M2Result:
    """Module M2 scores: ``questions`` on 0-10, ``dimensions`` and ``overall`` on 0-100.

    Values are unrounded; ``band`` and ``dimension_bands`` come from the exact values.
    """

    version: str
    questions: Mapping[str, float]
    dimensions: Mapping[str, float]
    overall: float
    band: str
    dimension_bands: Mapping[str, str]

    def rounded(self, ndigits: int = 1) -> M2Result:
        """A copy with every score rounded half-up (bands unchanged)."""
        return replace(
            self,
            questions=_rounded_map(self.questions, ndigits),
            dimensions=_rounded_map(self.dimensions, ndigits),
            overall=round_half_up(self.overall, ndigits),
        )

    def as_dict(self, ndigits: int = 1) -> dict:
        """Everything, rounded, as plain JSON-ready data."""
        result = self.rounded(ndigits)
        return {
            "version": result.version,
            "questions": dict(result.questions),
            "dimensions": dict(result.dimensions),
            "overall": result.overall,
            "band": result.band,
            "dimension_bands": dict(result.dimension_bands),
        }


@dataclass(frozen=True)
class RResult:
    """Module R scores on 0-100; ``None`` where no item applies.

    ``items`` holds each item's points (1, 0.5, 0, or ``None`` for "na").
    """

    version: str
    items: Mapping[str, float | None]
    groups: Mapping[str, float | None]
    overall: float | None
    applicable: int

    def rounded(self, ndigits: int = 1) -> RResult:
        overall = None if self.overall is None else round_half_up(self.overall, ndigits)
        return replace(self, groups=_rounded_map(self.groups, ndigits), overall=overall)

    def as_dict(self, ndigits: int = 1) -> dict:
        result = self.rounded(ndigits)
        return {
            "version": result.version,
            "items": dict(result.items),
            "groups": dict(result.groups),
            "overall": result.overall,
            "applicable": result.applicable,
        }


def to_json_result(m2_result: M2Result) -> dict:
    """The summary printed by ``manage.py diagnostic_score``, one decimal, half-up."""
    rounded = m2_result.rounded(1)
    return {
        "version": rounded.version,
        "dimensions": dict(rounded.dimensions),
        "overall": rounded.overall,
        "band": rounded.band,
    }


# --------------------------------------------------------------------------------------------
# Scoring version "dma-b1" (module M2)
# --------------------------------------------------------------------------------------------

TEN = Fraction(10)
HALF = Fraction(1, 2)
TRISTATE_POINTS = {"no": Fraction(0), "partially": HALF, "yes": Fraction(1)}
RETAIL_POINTS = {"no": Fraction(0), "partially": HALF, "yes": Fraction(1), "na": None}

# dma-b1: Q1 divides by 15 (10 areas x 1.5 points); Q7 by 6 (then clamped to 0-10); any
# other multi-select by its item count.
DMA_B1_INVEST_DIVISOR = 15
DMA_B1_MULTI_DIVISORS = {"m2_4_7": 6}


def _mean(values) -> Fraction:
    values = list(values)
    return Fraction(sum(values), len(values))


def _clamp(value: Fraction, low, high) -> Fraction:
    return max(Fraction(low), min(Fraction(high), value))


def _dma_b1_question(question, answer) -> Fraction:
    kind = question.answer_type
    if kind == qn.INVEST_MATRIX:
        points = len(answer["already"]) + HALF * len(answer["plans"])
        return TEN * points / DMA_B1_INVEST_DIVISOR
    if kind == qn.MULTI:
        total = sum(question.item(n).weight for n in answer)
        divisor = DMA_B1_MULTI_DIVISORS.get(question.key, len(question.items))
        return _clamp(TEN * total / divisor, 0, 10)
    if kind == qn.LEVELS:
        return TEN * _mean(answer) / qn.LEVEL_MAX
    if kind == qn.TRISTATE:
        return TEN * _mean(TRISTATE_POINTS[a] for a in answer)
    raise ValueError(f"dma-b1 cannot score answer type {kind!r}")  # pragma: no cover


def _score_dma_b1(answers) -> M2Result:
    question_scores = {q.key: _dma_b1_question(q, answers[q.key]) for q in qn.questions("m2")}
    dimensions = {
        d: TEN * _mean(question_scores[q.key] for q in qn.dimension_questions(d))
        for d in qn.DIMENSIONS
    }
    overall = _mean(dimensions.values())
    return M2Result(
        version=M2_VERSION,
        questions={k: float(v) for k, v in question_scores.items()},
        dimensions={k: float(v) for k, v in dimensions.items()},
        overall=float(overall),
        band=band_for(overall),
        dimension_bands={k: band_for(v) for k, v in dimensions.items()},
    )


# --------------------------------------------------------------------------------------------
# Scoring version "retail-r1" (module R)
# --------------------------------------------------------------------------------------------


def _score_retail_r1(answers) -> RResult:
    points = {key: RETAIL_POINTS[answers[key]] for key in qn.all_item_keys("r")}

    def percent(keys) -> Fraction | None:
        applicable = [points[k] for k in keys if points[k] is not None]
        return 100 * _mean(applicable) if applicable else None

    groups = {
        g: percent(item.key for q in qn.dimension_questions(g) for item in q.items)
        for g in qn.R_GROUPS
    }
    overall = percent(points)
    return RResult(
        version=R_VERSION,
        items={k: None if v is None else float(v) for k, v in points.items()},
        groups={k: None if v is None else float(v) for k, v in groups.items()},
        overall=None if overall is None else float(overall),
        applicable=sum(1 for v in points.values() if v is not None),
    )


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scorer:
    """A scoring version: stored answers can be re-scored with any registered version."""

    version: str
    module: str
    description: str
    score: Callable[[Mapping], M2Result | RResult]


SCORERS: dict[str, Scorer] = {
    M2_VERSION: Scorer(
        M2_VERSION,
        qn.MODULE_M2,
        "EU Digital Maturity Assessment structure, published reading (DOMAIN.md 5.1).",
        _score_dma_b1,
    ),
    R_VERSION: Scorer(
        R_VERSION,
        qn.MODULE_R,
        "Retail essentials: yes 1, partially 0.5, no 0, n/a left out (DOMAIN.md 5.2).",
        _score_retail_r1,
    ),
}
DEFAULT_VERSIONS = {qn.MODULE_M2: M2_VERSION, qn.MODULE_R: R_VERSION}


def _scorer(version: str, module: str) -> Scorer:
    scorer = SCORERS.get(version)
    if scorer is None or scorer.module != module:
        known = sorted(v for v, s in SCORERS.items() if s.module == module)
        raise ValueError(f"unknown scoring version {version!r} for module {module}: {known}")
    return scorer


def score_m2(answers, version: str = M2_VERSION) -> M2Result:
    """Score module M2; raises :class:`InvalidAnswersError` unless every M2 answer is valid.

    Module R keys in ``answers`` are ignored.
    """
    scorer = _scorer(version, qn.MODULE_M2)
    _require_valid(answers, qn.MODULE_M2)
    return scorer.score(answers)


def score_r(answers, version: str = R_VERSION) -> RResult:
    """Score module R; raises :class:`InvalidAnswersError` unless every R answer is valid.

    Module M2 keys in ``answers`` are ignored.
    """
    scorer = _scorer(version, qn.MODULE_R)
    _require_valid(answers, qn.MODULE_R)
    return scorer.score(answers)


# --------------------------------------------------------------------------------------------
# Gaps (what to improve first)
# --------------------------------------------------------------------------------------------

GAP_R_ITEM = "r_item"
GAP_M2_QUESTION = "m2_question"
# An M2 question becomes a gap only when at most this share of its retail-relevant items is
# in place.
M2_WEAK_THRESHOLD = HALF


@dataclass(frozen=True)
class Gap:
    """Something to improve, explained in plain words; never names an irrelevant or n/a item.

    ``severity`` is the missing share, 0-1 (R "no" 1, "partially" 0.5; M2: 1 minus the share
    of its retail-relevant items in place). ``key`` is an R item key or an M2 question key;
    ``item_keys`` are the items named; ``categories`` the solution categories (R items).
    """

    kind: str
    key: str
    dimension: str
    severity: float
    title_fr: str
    title_en: str
    explanation_fr: str
    explanation_en: str
    item_keys: tuple[str, ...]
    categories: tuple[str, ...]


def _gap_label(item, lang: str) -> str:
    return getattr(item, f"gap_label_{lang}") or getattr(item, f"label_{lang}")


def _relevant_progress(question, answer) -> tuple[Fraction, tuple]:
    """Share (0-1) of the retail-relevant part of a question in place, and what is missing.

    Missing: areas not yet invested in, positive items not ticked, a negative item ticked,
    rows below the top level or not answered "yes". Items with ``relevant_to_retail=False``
    are left out entirely.
    """
    relevant = [i for i in question.items if i.relevant_to_retail]
    kind = question.answer_type
    if not relevant:
        return Fraction(1), ()
    if kind == qn.INVEST_MATRIX:
        already, plans = set(answer["already"]), set(answer["plans"])
        points = sum((i.number in already) + HALF * (i.number in plans) for i in relevant)
        missing = [i for i in relevant if i.number not in already]
        return points / (Fraction(3, 2) * len(relevant)), tuple(missing)
    if kind == qn.MULTI:
        ticked = set(answer)
        positive = [i for i in relevant if not i.is_negative]
        total = sum(i.weight for i in relevant if i.number in ticked)
        # Missing: a positive item left unticked, or the negative item ticked.
        missing = [i for i in relevant if (i.number in ticked) == i.is_negative]
        return _clamp(Fraction(total, len(positive)), 0, 1), tuple(missing)
    if kind == qn.LEVELS:
        levels = [answer[i.number - 1] for i in relevant]
        missing = [i for i in relevant if answer[i.number - 1] < qn.LEVEL_MAX]
        return _mean(levels) / qn.LEVEL_MAX, tuple(missing)
    if kind == qn.TRISTATE:
        values = [TRISTATE_POINTS[answer[i.number - 1]] for i in relevant]
        missing = [i for i in relevant if answer[i.number - 1] != "yes"]
        return _mean(values), tuple(missing)
    raise ValueError(f"no gap rule for answer type {kind!r}")  # pragma: no cover


def _format_score(value: float, lang: str) -> str:
    text = f"{round_half_up(value, 1):.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _r_gap(question, item, answer) -> Gap:
    group = qn.R_GROUPS[question.dimension]
    if answer == "no":
        fr = (
            f"Pas encore en place : {item.label_fr}. C'est un des essentiels du volet "
            f"« {group.title_fr} »."
        )
        en = (
            f"Not in place yet: {item.label_en}. It is one of the essentials of “{group.title_en}”."
        )
    else:
        fr = (
            f"En place en partie seulement : {item.label_fr}. Le compléter renforcerait le "
            f"volet « {group.title_fr} »."
        )
        en = (
            f"Only partly in place: {item.label_en}. Completing it would strengthen "
            f"“{group.title_en}”."
        )
    return Gap(
        kind=GAP_R_ITEM,
        key=item.key,
        dimension=group.key,
        severity=float(1 - RETAIL_POINTS[answer]),
        title_fr=item.label_fr,
        title_en=item.label_en,
        explanation_fr=fr,
        explanation_en=en,
        item_keys=(item.key,),
        categories=item.categories,
    )


def _m2_gap(question, severity: Fraction, missing, score: float) -> Gap:
    fr_items = "; ".join(_gap_label(i, "fr") for i in missing)
    en_items = "; ".join(_gap_label(i, "en") for i in missing)
    return Gap(
        kind=GAP_M2_QUESTION,
        key=question.key,
        dimension=question.dimension,
        severity=float(severity),
        title_fr=question.short_fr,
        title_en=question.short_en,
        explanation_fr=(
            f"« {question.short_fr} » obtient {_format_score(score, 'fr')} sur 10. Pas encore "
            f"en place (éléments utiles à un commerce de détail) : {fr_items}."
        ),
        explanation_en=(
            f"“{question.short_en}” scores {_format_score(score, 'en')} out of 10. Not in "
            f"place yet (items that matter to a retail business): {en_items}."
        ),
        item_keys=tuple(i.key for i in missing),
        categories=(),
    )


def gaps(answers, m2_result: M2Result | None, r_result: RResult | None, limit: int | None = 3):
    """The largest gaps, most severe first, at most ``limit`` (``None``: all).

    Candidates: module R items answered "no" (severity 1) or "partially" (0.5), when
    ``r_result`` is given; M2 questions where at most half of the retail-relevant part is in
    place (severity 1 minus that share), when ``m2_result`` is given. Never an item with
    ``relevant_to_retail=False``, never an item answered "na".

    Ranking (deterministic): severity descending; on a tie, module R items before M2 questions
    (they map to catalog solutions); then questionnaire order.
    """
    if limit is not None and limit < 0:
        raise ValueError("limit must be 0 or more")
    candidates: list[tuple[tuple, Gap]] = []
    position = 0
    if r_result is not None:
        _require_valid(answers, qn.MODULE_R)
        for question in qn.questions(qn.MODULE_R):
            for item in question.items:
                position += 1
                answer = answers[item.key]
                if answer in ("no", "partially"):
                    gap = _r_gap(question, item, answer)
                    candidates.append(((-(1 - RETAIL_POINTS[answer]), 0, position), gap))
    if m2_result is not None:
        _require_valid(answers, qn.MODULE_M2)
        for question in qn.questions(qn.MODULE_M2):
            position += 1
            share, missing = _relevant_progress(question, answers[question.key])
            if missing and share <= M2_WEAK_THRESHOLD:
                score = m2_result.questions[question.key]
                gap = _m2_gap(question, 1 - share, missing, score)
                candidates.append(((-(1 - share), 1, position), gap))
    candidates.sort(key=lambda c: c[0])
    ranked = [gap for _, gap in candidates]
    return ranked if limit is None else ranked[:limit]
