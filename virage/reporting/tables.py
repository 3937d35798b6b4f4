"""The report dict as titled tables: what pages show next to each chart, and exactly what
the CSV and XLSX exports contain (the same rows, the same columns). Labels are translated in
the active language; values stay as in the report (numbers, "< 5", None)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import pgettext, pgettext_lazy

from virage.core.i18n import current_language
from virage.diagnostics import questionnaire as qn

# column kinds: how a value is formatted on a page (exports keep the raw value)
TEXT, COUNT, PERCENT, HOURS, SCORE, CHANGE, MONEY, MONTH, DATE, NUMBER = (
    "text",
    "count",
    "percent",
    "hours",
    "score",
    "change",
    "money",
    "month",
    "date",
    "number",
)

STAGE_LABELS = {
    "callback": pgettext_lazy("reporting", "On the callback list (confirmed sign-ups)"),
    "invited": pgettext_lazy("reporting", "Invited to apply"),
    "applied": pgettext_lazy("reporting", "Applied"),
    "eligible": pgettext_lazy("reporting", "Accepted (eligible)"),
    "enrolled": pgettext_lazy("reporting", "Enrolled"),
    "diagnosed": pgettext_lazy("reporting", "Diagnosed (T0)"),
    "plan_published": pgettext_lazy("reporting", "Action plan published"),
    "implementing": pgettext_lazy("reporting", "Implementing actions"),
    "reassessed": pgettext_lazy("reporting", "Re-assessed (T1)"),
    "completed": pgettext_lazy("reporting", "Completed"),
}
EXIT_LABELS = {
    "withdrawn": pgettext_lazy("reporting", "Withdrawn (at any step)"),
    "ineligible": pgettext_lazy("reporting", "Refused (ineligible)"),
    "needs_review": pgettext_lazy("reporting", "Waiting for a review"),
}


@dataclass
class Column:
    key: str
    label: str
    kind: str = COUNT

    @property
    def numeric(self) -> bool:
        return self.kind not in (TEXT, MONTH, DATE)


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    footer: list | None = None
    note: str = ""
    row_header: int = 0  # the column that names each row (a <th scope="row">)

    def export_rows(self) -> list[list]:
        """Header, rows, then the footer (a total) if any."""
        rows = [[c.label for c in self.columns], *self.rows]
        if self.footer is not None:
            rows.append(self.footer)
        return rows

    def _cells(self, row):
        return [
            {"column": c, "value": v, "header": i == self.row_header and not c.numeric}
            for i, (c, v) in enumerate(zip(self.columns, row, strict=True))
        ]

    def cells(self):
        """Per row: [{"column", "value", "header"}], for templates."""
        return [self._cells(row) for row in self.rows]

    def footer_cells(self):
        return self._cells(self.footer) if self.footer else None


def dimension_label(key: str) -> str:
    dimension = qn.DIMENSIONS[key]
    title = dimension.title_en if current_language() == "en" else dimension.title_fr
    return f"{key} {title}"


def funnel_table(report: dict) -> Table:
    return Table(
        "funnel",
        pgettext("reporting", "From the callback list to completion"),
        [
            Column("stage", pgettext("reporting", "Step"), TEXT),
            Column("businesses", pgettext("reporting", "Businesses")),
            Column("rate", pgettext("reporting", "Of the previous step (%)"), PERCENT),
        ],
        [
            [str(STAGE_LABELS[s["key"]]), s["businesses"], s["rate"]]
            for s in report["funnel"]["stages"]
        ],
        note=pgettext(
            "reporting",
            "A business counts at every step it reached, even if it withdrew later. The "
            "period applies to the date a business was invited (and to the sign-up date for "
            "the callback list).",
        ),
    )


def exits_table(report: dict) -> Table:
    exits = report["funnel"]["exits"]
    return Table(
        "funnel_exits",
        pgettext("reporting", "Businesses off the path today"),
        [
            Column("status", pgettext("reporting", "Status"), TEXT),
            Column("businesses", pgettext("reporting", "Businesses")),
        ],
        [[str(EXIT_LABELS[key]), exits[key]] for key in EXIT_LABELS],
    )


def enrolment_months_table(report: dict) -> Table:
    enrolment = report["enrolment"]
    columns = [
        Column("month", pgettext("reporting", "Month"), MONTH),
        Column("new", pgettext("reporting", "New enrolments")),
        Column("cumulative", pgettext("reporting", "Enrolled since the start")),
    ]
    with_target = enrolment["target"] is not None
    if with_target:
        columns.append(Column("target", pgettext("reporting", "Target line"), NUMBER))
    rows = []
    for m in enrolment["months"]:
        row = [m["month"], m["new"], m["cumulative"]]
        if with_target:
            row.append(m["target"])
        rows.append(row)
    note = (
        pgettext(
            "reporting",
            "The target line goes straight from 0 at the program's start to "
            "%(target)s businesses at its end.",
        )
        % {"target": formats.number_format(enrolment["target"], force_grouping=True)}
        if with_target
        else pgettext(
            "reporting", "Program-wide targets do not apply to a region, a cohort or a package."
        )
    )
    return Table(
        "enrolment_months", pgettext("reporting", "Enrolment over time"), columns, rows, note=note
    )


def enrolment_regions_table(report: dict) -> Table | None:
    regions = report["regions"]
    if regions is None:
        return None
    total = regions["total"]
    return Table(
        "enrolment_regions",
        pgettext("reporting", "Businesses by region"),
        [
            Column("code", pgettext("reporting", "Code"), TEXT),
            Column("region", pgettext("reporting", "Region"), TEXT),
            Column("enrolled", pgettext("reporting", "Enrolled in the period")),
            Column("active", pgettext("reporting", "In the program today")),
            Column("completed", pgettext("reporting", "Completed")),
        ],
        [
            [r["code"], r["name"], r["enrolled"], r["active"], r["completed"]]
            for r in regions["rows"]
        ],
        footer=[
            "",
            pgettext("reporting", "All regions"),
            total["enrolled"],
            total["active"],
            total["completed"],
        ],
        note=pgettext(
            "reporting", "Every region is listed. The region filter does not apply to this table."
        ),
        row_header=1,
    )


def hours_table(report: dict) -> Table:
    h = report["hours"]
    rows = []
    for key, label in (
        ("coaching", pgettext("reporting", "Coaching")),
        ("training", pgettext("reporting", "Training")),
    ):
        part = h[key]
        rows.append(
            [
                label,
                part["delivered_hours"],
                part["businesses"],
                part["per_business_hours"],
                part["allowance_hours"],
                part["used_percent"],
                part["allowance_per_business_hours"],
            ]
        )
    return Table(
        "hours",
        pgettext("reporting", "Hours delivered and allowances"),
        [
            Column("service", pgettext("reporting", "Service"), TEXT),
            Column("delivered", pgettext("reporting", "Hours delivered in the period"), HOURS),
            Column("businesses", pgettext("reporting", "Businesses served")),
            Column("per_business", pgettext("reporting", "Hours per business served"), HOURS),
            Column(
                "allowance",
                pgettext("reporting", "Allowances of businesses in the program (hours)"),
                HOURS,
            ),
            Column("used", pgettext("reporting", "Share of the allowances (%)"), PERCENT),
            Column(
                "default", pgettext("reporting", "Program allowance per business (hours)"), NUMBER
            ),
        ],
        rows,
        note=pgettext(
            "reporting",
            "Coaching: meetings logged as held, by meeting date. Training: minutes credited "
            "for attendance in closed sessions, by session date. Allowances: businesses in "
            "the program today, coaching extensions included.",
        ),
    )


def attendance_table(report: dict) -> Table:
    a = report["training_attendance"]
    return Table(
        "attendance",
        pgettext("reporting", "Training attendance"),
        [
            Column("attended", pgettext("reporting", "Seats attended")),
            Column("absent", pgettext("reporting", "Seats not attended")),
            Column("businesses", pgettext("reporting", "Businesses registered")),
            Column("rate", pgettext("reporting", "Attendance rate (%)"), PERCENT),
        ],
        [[a["attended"], a["absent"], a["businesses"], a["rate"]]],
        note=pgettext(
            "reporting", "Closed sessions of the period: attended ÷ (attended + not attended)."
        ),
    )


def maturity_table(report: dict) -> Table:
    m = report["maturity"]
    rows = [[dimension_label(d["key"]), d["t0"], d["t1"], d["change"]] for d in m["dimensions"]]
    overall = m["overall"]
    return Table(
        "maturity",
        pgettext("reporting", "Digital maturity, T0 to T1"),
        [
            Column("dimension", pgettext("reporting", "Dimension"), TEXT),
            Column("t0", pgettext("reporting", "Mean at T0 (0–100)"), SCORE),
            Column("t1", pgettext("reporting", "Mean at T1 (0–100)"), SCORE),
            Column("change", pgettext("reporting", "Change (points)"), CHANGE),
        ],
        rows,
        footer=[pgettext("reporting", "Overall"), overall["t0"], overall["t1"], overall["change"]],
        note=pgettext(
            "reporting",
            "Businesses with both diagnostics (T1 submitted in the period): %(n)s. "
            "Module M2 (European digital maturity assessment).",
        )
        % {"n": m["businesses"]},
    )


def transactional_table(report: dict) -> Table:
    t = report["transactional_site"]
    return Table(
        "transactional",
        pgettext("reporting", "Businesses with a transactional web site"),
        [
            Column("when", pgettext("reporting", "When"), TEXT),
            Column("businesses", pgettext("reporting", "Businesses")),
            Column("percent", pgettext("reporting", "Share (%)"), PERCENT),
        ],
        [
            [pgettext("reporting", "At intake"), t["at_intake"], t["at_intake_percent"]],
            [pgettext("reporting", "Now"), t["now"], t["now_percent"]],
            [pgettext("reporting", "Reference before the program"), None, t["baseline_percent"]],
        ],
        note=pgettext(
            "reporting",
            "Businesses in the program today: %(n)s. “Now” is the answer to “transactional "
            "web site” in the latest diagnostic (T1 if done, else T0); a business not yet "
            "diagnosed keeps its answer at intake.",
        )
        % {"n": t["businesses"]},
    )


def actions_table(report: dict) -> Table:
    a = report["actions"]
    return Table(
        "actions",
        pgettext("reporting", "Actions implemented"),
        [
            Column("businesses", pgettext("reporting", "Businesses with a published plan")),
            Column("implemented", pgettext("reporting", "Actions implemented in the period")),
            Column("per_business", pgettext("reporting", "Actions per business"), NUMBER),
            Column("with_one", pgettext("reporting", "Businesses with at least one")),
            Column(
                "with_one_percent", pgettext("reporting", "Share with at least one (%)"), PERCENT
            ),
        ],
        [
            [
                a["businesses"],
                a["implemented"],
                a["per_business"],
                a["with_one_or_more"],
                a["with_one_or_more_percent"],
            ]
        ],
    )


def actions_distribution_table(report: dict) -> Table:
    return Table(
        "actions_distribution",
        pgettext("reporting", "Businesses by number of actions implemented"),
        [
            Column("implemented", pgettext("reporting", "Actions implemented"), TEXT),
            Column("businesses", pgettext("reporting", "Businesses")),
        ],
        [[d["implemented"], d["businesses"]] for d in report["actions"]["distribution"]],
    )


def capsules_table(report: dict) -> Table:
    c = report["capsules"]
    columns = [
        Column("in_period", pgettext("reporting", "Reached in the period")),
        Column("reached", pgettext("reporting", "Reached since the start")),
    ]
    row = [c["reached_in_period"], c["reached"]]
    if c["target"] is not None:
        columns += [
            Column("target", pgettext("reporting", "Target"), NUMBER),
            Column("percent", pgettext("reporting", "Share of the target (%)"), PERCENT),
        ]
        row += [c["target"], c["percent_of_target"]]
    return Table(
        "capsules",
        pgettext("reporting", "Businesses reached by the capsules"),
        columns,
        [row],
        note=pgettext(
            "reporting", "A business counts once, at its first completed capsule (quiz passed)."
        ),
    )


def report_tables(report: dict) -> dict[str, Table]:
    """Every table of a dashboard, by key, in page order."""
    tables = [
        funnel_table(report),
        exits_table(report),
        enrolment_months_table(report),
        enrolment_regions_table(report),
        hours_table(report),
        attendance_table(report),
        maturity_table(report),
        transactional_table(report),
        actions_table(report),
        actions_distribution_table(report),
        capsules_table(report),
    ]
    return {t.key: t for t in tables if t is not None}


# --- partner and funder extras ---------------------------------------------------------------


def referrals_table(counts: dict) -> Table:
    return Table(
        "referrals",
        pgettext("reporting", "Sign-ups through your referral link"),
        [
            Column("what", pgettext("reporting", "Sign-ups"), TEXT),
            Column("businesses", pgettext("reporting", "Businesses")),
        ],
        [
            [pgettext("reporting", "Confirmed sign-ups"), counts["confirmed"]],
            [pgettext("reporting", "Invited to apply"), counts["invited"]],
        ],
    )


def contributions_table(contributions: list) -> Table:
    return Table(
        "contributions",
        pgettext("reporting", "Contributions"),
        [
            Column("funder", pgettext("reporting", "Funder"), TEXT),
            Column("amount", pgettext("reporting", "Amount"), MONEY),
            Column("starts_on", pgettext("reporting", "Period start"), DATE),
            Column("ends_on", pgettext("reporting", "Period end"), DATE),
            Column("schedule", pgettext("reporting", "Reporting"), TEXT),
        ],
        [
            [
                c.funder.name,
                c.amount_cents,
                c.starts_on.isoformat(),
                c.ends_on.isoformat(),
                str(c.get_reporting_schedule_display()),
            ]
            for c in contributions
        ],
    )


def funder_lines_table(lines: list[dict], *, with_period: bool) -> Table:
    columns = [
        Column("funder", pgettext("reporting", "Funder"), TEXT),
        Column("line", pgettext("reporting", "Budget line"), TEXT),
        Column("planned", pgettext("reporting", "Planned"), MONEY),
        Column("committed", pgettext("reporting", "Committed"), MONEY),
    ]
    if with_period:
        columns.append(
            Column("spent_in_period", pgettext("reporting", "Spent in the period"), MONEY)
        )
    columns += [
        Column("spent", pgettext("reporting", "Spent since the start"), MONEY),
        Column("remaining", pgettext("reporting", "Remaining"), MONEY),
    ]
    rows = []
    for line in lines:
        row = [line["funder"], line["category_label"], line["planned"], line["committed"]]
        if with_period:
            row.append(line["spent_in_period"])
        row += [line["spent"], line["remaining"]]
        rows.append(row)
    footer = None
    if lines:
        footer = [
            pgettext("reporting", "Total"),
            "",
            sum(x["planned"] for x in lines),
            sum(x["committed"] for x in lines),
        ]
        if with_period:
            footer.append(sum(x["spent_in_period"] for x in lines))
        footer += [sum(x["spent"] for x in lines), sum(x["remaining"] for x in lines)]
    return Table(
        "funder_lines",
        pgettext("reporting", "Spending on the lines you fund"),
        columns,
        rows,
        footer=footer,
        note=pgettext(
            "reporting",
            "Amounts spent include the costs accrued from coaching hours and training "
            "seat-hours delivered.",
        ),
    )


def program_budget_table(summary: dict) -> Table:
    return Table(
        "program_budget",
        pgettext("reporting", "Program budget"),
        [
            Column("what", pgettext("reporting", "Item"), TEXT),
            Column("amount", pgettext("reporting", "Amount"), MONEY),
        ],
        [
            [pgettext("reporting", "Program budget"), summary["budget"]],
            [pgettext("reporting", "Spent since the start"), summary["spent"]],
            [pgettext("reporting", "Spent in the period"), summary["spent_in_period"]],
            [
                pgettext("reporting", "Cost per enrolled business (spent ÷ enrolled)"),
                summary["cost_per_business"],
            ],
            [
                pgettext("reporting", "Planned cost per business (budget ÷ target)"),
                summary["planned_per_business"],
            ],
        ],
    )
