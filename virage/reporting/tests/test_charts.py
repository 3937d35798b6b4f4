"""Chart geometry (pure): bar widths and the enrolment line."""

from virage.reporting import charts
from virage.reporting.suppression import HIDDEN as H


def test_bar_widths_relative_to_the_largest():
    bars = charts.bars([("a", 27), ("b", 18), ("c", 1), ("d", 0), ("e", H), ("f", None)])
    # 18 / 27 = 66.7 % → 67; 1 / 27 = 3.7 % → 4; zero, hidden and missing: no bar
    assert [(b["width"], b["hidden"]) for b in bars] == [
        (100, False),
        (67, False),
        (4, False),
        (0, False),
        (0, True),
        (0, False),
    ]


def test_tiny_share_still_shows():
    # 0.02 % of a 100 % scale rounds to 0 but is not zero: 1 %
    assert charts.bars([("x", 0.02)], maximum=100)[0]["width"] == 1


def test_enrolment_line():
    months = [
        {"month": "2026-09", "cumulative": 2, "target": 139},
        {"month": "2026-10", "cumulative": H, "target": 278},
        {"month": "2026-11", "cumulative": 11, "target": 417},
    ]
    chart = charts.enrolment_line(months)
    # the largest value 417 → a round maximum of 500, six grid lines 0…500
    assert chart.maximum == 500
    assert [t["value"] for t in chart.y_ticks] == [0, 100, 200, 300, 400, 500]
    # x from 56 to 600 (640 − 40); y from 220 (bottom: 260 − 40) to 16 (top)
    # September: x 56, y 220 − 204 × 2 / 500 = 219.2; the hidden October splits the line
    assert chart.actual == ["56.0,219.2", "600.0,215.5"]
    assert chart.target == "56.0,163.3 328.0,106.6 600.0,49.9"


def test_enrolment_line_with_nothing_to_draw():
    assert charts.enrolment_line([]) is None
    assert charts.enrolment_line([{"month": "2026-09", "cumulative": H, "target": None}]) is None
