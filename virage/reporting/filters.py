"""Report filters as plain data: period, region, cohort, package (no ORM here).

The period selects *when the fact happened*; each figure says which date it uses (see
README.md in this folder): a business entering the funnel (its invitation), an enrolment,
a coaching meeting, a training session, a T1 diagnostic, an action going live, a first
capsule completed. Region, cohort and package select businesses."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode


@dataclass(frozen=True)
class Filters:
    start: date | None = None  # first day of the period (included)
    end: date | None = None  # last day of the period (included)
    region: str = ""  # region code "01"…"17"
    cohort: int | None = None  # cohort id
    package: str = ""  # package key

    @property
    def is_subset(self) -> bool:
        """True when only some businesses are selected (a region, a cohort, a package): the
        program-wide targets do not apply to a subset."""
        return bool(self.region or self.cohort or self.package)

    def with_region(self, code: str) -> Filters:
        return replace(self, region=code)

    def as_dict(self) -> dict:
        """JSON-safe (dates as ISO strings, empty values as None)."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "region": self.region or None,
            "cohort": self.cohort,
            "package": self.package or None,
        }

    def as_query(self) -> str:
        """The query string that gives these filters back (export links)."""
        params = {k: v for k, v in self.as_dict().items() if v not in (None, "")}
        return urlencode(params)


# --- quarters (funder reports) ---------------------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1…4

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * (self.number - 1) + 1, 1)

    @property
    def end(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        first_of_next = date(self.year, 3 * self.number + 1, 1)
        return date.fromordinal(first_of_next.toordinal() - 1)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, key: str) -> Quarter | None:
        """ "2026-Q4" → Quarter(2026, 4); anything else → None."""
        try:
            year_text, q_text = key.split("-Q")
            year, number = int(year_text), int(q_text)
        except (AttributeError, ValueError):
            return None
        if not (1 <= number <= 4 and 2000 <= year <= 2100):
            return None
        return cls(year, number)


def quarters_between(first: date, last: date) -> list[Quarter]:
    """Quarters from the one containing `first` to the one containing `last`, oldest first."""
    quarters = []
    q = Quarter.containing(first)
    stop = Quarter.containing(last)
    while (q.year, q.number) <= (stop.year, stop.number):
        quarters.append(q)
        q = q.next()
    return quarters
