"""Small-cell suppression: pure rules on hand-made numbers."""

import itertools

import pytest

from virage.reporting import suppression as S

H = S.HIDDEN


@pytest.mark.parametrize(
    ("n", "suppress", "expected"),
    [
        (0, True, H),  # zero is "fewer than 5" too
        (1, True, H),
        (4, True, H),
        (5, True, 5),  # the threshold itself is shown
        (1234, True, 1234),
        (0, False, 0),  # the program admin sees exact figures
        (4, False, 4),
    ],
)
def test_count(n, suppress, expected):
    assert S.count(n, suppress=suppress) == expected


def test_hidden_is_the_text_less_than_5():
    assert H == "< 5"
    assert S.is_hidden("< 5") is True
    assert S.is_hidden(5) is False
    assert S.is_hidden(None) is False


def test_value_rests_on_the_number_of_businesses():
    # 13.5 coaching hours delivered to 4 businesses: hidden; to 5 businesses: shown
    assert S.value(13.5, businesses=4, suppress=True) == H
    assert S.value(13.5, businesses=5, suppress=True) == 13.5
    assert S.value(13.5, businesses=4, suppress=False) == 13.5
    # no business at all: nothing to show, and hidden when suppressing
    assert S.value(None, businesses=0, suppress=True) == H
    assert S.value(None, businesses=0, suppress=False) is None


def test_rate_is_a_percentage_rounded_half_up():
    # 2 / 3 = 66.666… % → 66.7; 1 / 8 = 12.5 % exactly; 1 / 16 = 6.25 → 6.3 (half-up)
    assert S.rate(2, 3, suppress=False) == 66.7
    assert S.rate(1, 8, suppress=False) == 12.5
    assert S.rate(1, 16, suppress=False) == 6.3
    assert S.rate(1, 16, suppress=False, digits=2) == 6.25
    assert S.rate(0, 0, suppress=False) is None  # nothing to divide


def test_rate_hidden_when_either_side_is_small():
    # 4 of 100: the numerator would come back from the rate × a visible denominator
    assert S.rate(4, 100, suppress=True) == H
    # 4 of 4: the denominator itself is small
    assert S.rate(4, 4, suppress=True) == H
    # 50 of 100: both sides have at least 5 businesses
    assert S.rate(50, 100, suppress=True) == 50.0
    # rates over registrations rest on the businesses behind them
    assert S.rate(30, 40, suppress=True, numerator_businesses=4, denominator_businesses=20) == H
    assert S.rate(30, 40, suppress=True, numerator_businesses=6, denominator_businesses=20) == 75.0


def test_derived_figure_is_hidden_with_its_inputs():
    assert S.derived(12.5, 10, H) == H
    assert S.derived(12.5, 10, 20) == 12.5


def test_round_half_up_never_rounds_to_even():
    assert S.round_half_up(0.25, 1) == 0.3
    assert S.round_half_up(2.5, 0) == 3.0
    assert S.round_half_up(41.65, 1) == 41.7


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # one small cell (3): total − the others would reveal it, so the smallest visible
        # cell (8) is hidden too
        ([10, 3, 8, 12], [10, H, H, 12]),
        # two small cells already protect each other
        ([10, 3, 2, 12], [10, H, H, 12]),
        # nothing small: nothing hidden
        ([10, 12, 7], [10, 12, 7]),
        # a single zero is a small cell too: its complement (20) is hidden
        ([0, 20, 30], [H, H, 30]),
        # ties: the first of the smallest visible cells
        ([2, 9, 9], [H, H, 9]),
        # every cell small
        ([1, 2], [H, H]),
        ([], []),
    ],
)
def test_suppress_breakdown(counts, expected):
    assert S.suppress_breakdown(counts, suppress=True) == expected


def test_breakdown_exact_for_the_admin():
    assert S.suppress_breakdown([10, 3, 8], suppress=False) == [10, 3, 8]


# --- running totals and monthly counts (suppress_series) ---------------------------------


def test_series_exact_for_the_program_admin():
    assert S.suppress_series([2, 4, 9], before=0, suppress=False) == ([2, 4, 9], [2, 2, 5])


def test_series_hides_totals_whose_difference_would_give_a_small_month_back():
    cells, news = S.suppress_series([2, 4, 9, 10, 16], before=0, suppress=True)
    assert cells == [H, H, 9, H, 16]
    assert news == [H, H, H, H, H]  # no two consecutive totals are both shown
    cells, news = S.suppress_series([6, 12, 13, 30], before=0, suppress=True)
    assert cells == [6, 12, H, 30]
    assert news == [6, 6, H, H]


def test_series_always_shows_the_last_total_hiding_earlier_ones_too_close():
    # 22 is the number of businesses enrolled (shown elsewhere on the page): 20 → 22 would
    # give the last month's 2 back, so 20 is hidden instead
    cells, news = S.suppress_series([10, 20, 22], before=0, suppress=True)
    assert cells == [10, H, 22]
    assert news == [10, H, H]


def test_series_total_before_the_period_counts_as_a_reference():
    # 40 enrolled before the period: a first month of 3 must not be derivable (43 − 40)
    cells, news = S.suppress_series([43, 50], before=40, suppress=True)
    assert cells == [H, 50]
    assert news == [H, H]
    cells, news = S.suppress_series([43], before=40, suppress=True)
    assert cells == [H] and news == [H]


def test_series_never_lets_a_hidden_month_be_worked_out():
    import random

    rng = random.Random(7)
    for _ in range(500):
        before = rng.choice([0, 0, 3, 12])
        monthly = [rng.choice([0, 1, 2, 3, 4, 5, 8, 20]) for _ in range(rng.randint(1, 12))]
        totals, running = [], before
        for n in monthly:
            running += n
            totals.append(running)
        cells, news = S.suppress_series(totals, before=before, suppress=True)
        shown = [t for t in cells if t != H]
        references = ([before] if before == 0 or before >= 5 else []) + shown
        # every difference a reader can take between two published totals rests on ≥ 5
        for a, b in itertools.pairwise(references):
            assert b - a >= 5
        assert all(t >= 5 for t in shown)
        for i, n in enumerate(news):
            if n != H:
                assert n == monthly[i] and n >= 5
        if totals[-1] >= 5 and (before == 0 or totals[-1] - before >= 5):
            assert cells[-1] == totals[-1]
