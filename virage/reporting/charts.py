"""Chart geometry for the dashboards, computed here so templates stay simple and no script
runs in the page (CSP): bar widths in whole percents (CSS classes `bar-w0`…`bar-w100`) and
SVG points for the enrolment line. Charts are decoration for sighted readers: the same
numbers are always in the table next to them. Hidden cells ("< 5") draw no bar."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import suppression as S


def _number(value) -> float | None:
    if value is None or S.is_hidden(value):
        return None
    return float(value)


def width(value, maximum) -> int:
    """A bar's width in whole percent of `maximum` (0–100); a non-zero value gets at least 1 %
    so that it stays visible."""
    v, m = _number(value), _number(maximum)
    if v is None or not m or v <= 0:
        return 0
    return max(1, min(100, round(100 * v / m)))


def bars(items: list[tuple[str, object]], *, maximum=None) -> list[dict]:
    """[(label, value)] → [{"label", "value", "width", "hidden"}], widths relative to
    `maximum` (default: the largest shown value)."""
    if maximum is None:
        shown = [_number(v) for _label, v in items]
        maximum = max((v for v in shown if v is not None), default=0)
    return [
        {
            "label": label,
            "value": value,
            "width": width(value, maximum),
            "hidden": S.is_hidden(value),
        }
        for label, value in items
    ]


@dataclass
class LineChart:
    """An SVG line chart of cumulative enrolments against the target line."""

    width: int = 640
    height: int = 260
    left: int = 56
    right: int = 40
    top: int = 16
    bottom: int = 40
    maximum: int = 0
    actual: list[str] = field(default_factory=list)  # polyline point lists (gaps split them)
    target: str = ""
    x_labels: list[dict] = field(default_factory=list)
    y_ticks: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)

    @property
    def plot_bottom(self) -> int:
        return self.height - self.bottom

    @property
    def plot_right(self) -> int:
        return self.width - self.right


def _nice_maximum(value: float) -> int:
    """The next "round" number at or above value, at least 5: 5, 10, 20, 50, 100, 200…
    (five grid steps of whole numbers)."""
    if value <= 5:
        return 5
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def enrolment_line(months: list[dict]) -> LineChart | None:
    """From the report's enrolment months ({month, cumulative, target}) to SVG geometry;
    None when there is nothing to draw."""
    if not months:
        return None
    chart = LineChart()
    values = [_number(m["cumulative"]) for m in months] + [_number(m["target"]) for m in months]
    chart.maximum = _nice_maximum(max((v for v in values if v is not None), default=0))
    span_x = chart.plot_right - chart.left
    span_y = chart.plot_bottom - chart.top
    count = len(months)

    def x(i: int) -> float:
        return chart.left + (span_x * i / (count - 1) if count > 1 else span_x / 2)

    def y(v: float) -> float:
        return chart.plot_bottom - span_y * v / chart.maximum

    segment: list[str] = []
    target_points = []
    for i, m in enumerate(months):
        value = _number(m["cumulative"])
        if value is None:
            if segment:
                chart.actual.append(" ".join(segment))
                segment = []
        else:
            segment.append(f"{x(i):.1f},{y(value):.1f}")
            chart.points.append({"x": f"{x(i):.1f}", "y": f"{y(value):.1f}"})
        target = _number(m["target"])
        if target is not None:
            target_points.append(f"{x(i):.1f},{y(target):.1f}")
    if segment:
        chart.actual.append(" ".join(segment))
    chart.target = " ".join(target_points)
    step = max(1, (count + 5) // 6)  # at most about six month labels
    chart.x_labels = [
        {"x": f"{x(i):.1f}", "label": m["month"]} for i, m in enumerate(months) if i % step == 0
    ]
    chart.y_ticks = [
        {"y": f"{y(chart.maximum * k / 5):.1f}", "value": chart.maximum * k // 5} for k in range(6)
    ]
    if not chart.points and not chart.target:
        return None  # every month hidden ("< 5") and no target: nothing to draw
    return chart
