"""Role matrix of the reporting app (GET statuses; see virage/core/testing/matrix.py).

Program admin: everything (the partner and funder pages as previews). Regional partners:
their region's dashboard and its exports only. Funders: the program results, their exports
and the quarterly report. Merchants, advisors and trainers: 403; anonymous: login."""

from virage.core.testing.matrix import ALL, Route, only

ADMIN = only({"ada": 200})
PARTNERS = only({"paul": 200, "rita": 200, "ada": 200})
FUNDERS = only({"fatou": 200, "ada": 200})

ROUTES = [
    Route("reporting:program", ADMIN),
    Route("reporting:refresh", dict.fromkeys(ALL, 405), note="POST only"),
    Route("reporting:program_export", ADMIN, kwargs=lambda w: {"table": "funnel", "fmt": "csv"}),
    Route("reporting:businesses_export", ADMIN, kwargs=lambda w: {"fmt": "csv"}),
    Route("reporting:partner", PARTNERS),
    Route(
        "reporting:partner_export",
        PARTNERS,
        kwargs=lambda w: {"table": "enrolment_months", "fmt": "xlsx"},
    ),
    Route("reporting:funder", FUNDERS),
    Route("reporting:funder_export", FUNDERS, kwargs=lambda w: {"table": "hours", "fmt": "csv"}),
    Route("reporting:funder_report", FUNDERS),
    Route("reporting:funder_report_pdf", FUNDERS),
]
