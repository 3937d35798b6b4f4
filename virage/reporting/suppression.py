"""Small-cell suppression (DOMAIN.md §7): pure functions, no ORM.

Partners and funders never see a figure computed from fewer than `SMALL_CELL` businesses:
such a cell is shown as `HIDDEN` ("< 5"), and every figure derived from it (a rate, a mean, a
share) is hidden too. Zero is "fewer than 5" as well: a partner whose region has no business
at a stage sees "< 5", exactly like the referral counts of the callback list.

A breakdown whose total is published (enrolments by region…) also gets *complementary*
suppression: when exactly one cell is hidden, the total minus the visible cells would give it
away, so the next smallest visible cell is hidden too (`suppress_breakdown`).

The program admin sees exact figures: callers pass `suppress=False`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

SMALL_CELL = 5
HIDDEN = "< 5"


def is_small(businesses: int | None) -> bool:
    """True when a cell rests on fewer than SMALL_CELL businesses (None: no business at all)."""
    return businesses is None or businesses < SMALL_CELL


def is_hidden(value) -> bool:
    return value == HIDDEN


def round_half_up(value: float | Decimal, digits: int = 1) -> float:
    """School rounding (2.25 → 2.3), never banker's rounding."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def count(n: int, *, suppress: bool) -> int | str:
    """A number of businesses: shown, or "< 5" when suppressed and under the threshold."""
    if suppress and is_small(n):
        return HIDDEN
    return n


def value(amount, *, businesses: int | None, suppress: bool):
    """A figure computed from `businesses` businesses (a sum of hours, a mean score): the
    figure, or "< 5" when suppressed and it rests on too few businesses. None stays None
    (nothing to show)."""
    if suppress and is_small(businesses):
        return HIDDEN
    return amount


def rate(
    numerator: int | float,
    denominator: int | float,
    *,
    suppress: bool,
    numerator_businesses: int | None = None,
    denominator_businesses: int | None = None,
    digits: int = 1,
) -> float | str | None:
    """A percentage (0–100, rounded half-up to `digits`), None when the denominator is 0.

    `numerator_businesses` / `denominator_businesses` are how many businesses each side rests
    on (default: the numerator and denominator themselves, when they count businesses). When
    suppressing, the rate is hidden as soon as either side is small: a rate over a visible
    denominator would otherwise give the hidden numerator back."""
    num_base = numerator if numerator_businesses is None else numerator_businesses
    den_base = denominator if denominator_businesses is None else denominator_businesses
    if suppress and (is_small(num_base) or is_small(den_base)):
        return HIDDEN
    if not denominator:
        return None
    return round_half_up(Decimal(str(numerator)) * 100 / Decimal(str(denominator)), digits)


def derived(result, *inputs) -> object:
    """A figure computed from other cells: hidden as soon as one of them is hidden."""
    if any(is_hidden(i) for i in inputs):
        return HIDDEN
    return result


def suppress_breakdown(counts: Sequence[int], *, suppress: bool) -> list[int | str]:
    """Counts of a breakdown whose total is published (e.g. enrolments in each of the 17
    regions, with the program total).

    Primary suppression hides every cell under the threshold. If that hides exactly one cell,
    the total minus the others would reveal it: the smallest visible cell is hidden as well
    (complementary suppression)."""
    if not suppress:
        return list(counts)
    shown: list[int | str] = [count(n, suppress=True) for n in counts]
    hidden = [i for i, v in enumerate(shown) if is_hidden(v)]
    if len(hidden) == 1:
        visible = [i for i, v in enumerate(shown) if not is_hidden(v)]
        if visible:
            smallest = min(visible, key=lambda i: (counts[i], i))
            shown[smallest] = HIDDEN
    return shown


def suppress_series(
    cumulative: Sequence[int], *, before: int, suppress: bool
) -> tuple[list[int | str], list[int | str]]:
    """A monthly series published as running totals *and* monthly counts (enrolments per
    month): (cumulative cells, new cells). `before` is the running total before the first
    month.

    Hiding a small monthly count is not enough when running totals are shown: the difference
    of two consecutive totals gives it back. So a running total is published only when it is
    at least 5 above the previous published one (or the total before the series), every gap
    between published totals resting on 5 businesses or more; a monthly count is shown only
    between two published totals (then it is that gap). The last total (what the page gives
    as "enrolled") is always published when it is 5 or more, earlier totals too close to it
    being hidden instead."""
    news = [c - p for c, p in zip(cumulative, [before, *cumulative], strict=False)]
    if not suppress:
        return list(cumulative), news
    published: list[bool] = []
    last = before
    for total in cumulative:
        ok = total >= SMALL_CELL and total - last >= SMALL_CELL
        published.append(ok)
        if ok:
            last = total
    if cumulative and not published[-1] and cumulative[-1] >= SMALL_CELL:
        published[-1] = True
        for i in range(len(cumulative) - 2, -1, -1):
            if published[i]:
                if cumulative[-1] - cumulative[i] >= SMALL_CELL:
                    break
                published[i] = False
        if before and cumulative[-1] - before < SMALL_CELL and not any(published[:-1]):
            published[-1] = False  # the total before the period would give the gap back
    before_known = before == 0 or before >= SMALL_CELL
    cells = [total if ok else HIDDEN for total, ok in zip(cumulative, published, strict=True)]
    new_cells: list[int | str] = []
    for i, n in enumerate(news):
        previous_ok = published[i - 1] if i else before_known
        new_cells.append(n if published[i] and previous_ok else HIDDEN)
    return cells, new_cells
