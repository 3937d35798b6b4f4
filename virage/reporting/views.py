"""Dashboards, exports and the funder report. Views parse the filters, call the selectors and
render; nothing here counts rows.

Who sees what: the program admin sees exact figures (program dashboard, export of all
businesses, and previews of the partner and funder pages); a regional partner sees its own
region only (whatever region is asked for) and a funder program aggregates plus its own
money, always with small cells hidden ("< 5") and never a name, e-mail or business name."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from virage.accounts.permissions import is_partner, is_program_admin, role_required
from virage.enterprises.models import Cohort, Package
from virage.programs.models import Region
from virage.programs.selectors import program_for

from . import business_export as bx
from . import charts, exports, pdf, selectors, services
from . import suppression as S
from . import tables as T
from .filters import Filters, Quarter, quarters_between
from .formatting import format_value
from .forms import FilterForm, QuarterForm

ADMIN, PARTNER, FUNDER = "admin", "partner", "funder"
FILTER_KEYS = ("start", "end", "region", "cohort", "package", "funder")


# --- shared helpers --------------------------------------------------------------------------


def _choices() -> tuple[list, list, list]:
    """Regions, cohorts and packages for the filter form (three queries)."""
    return (
        list(Region.objects.order_by("code")),
        list(Cohort.objects.order_by("starts_on", "name")),
        list(Package.objects.order_by("order", "key")),
    )


def _filter_form(request, *, region_mode: str = "all", funders=None) -> dict:
    """The filter form and the filters it gives: {"form", "filters", "valid", "regions"}.
    Invalid input keeps what was typed and shows its errors; the figures are then those of
    the whole program (no filter), which the page says."""
    regions, cohorts, packages = _choices()
    bound = any(key in request.GET for key in FILTER_KEYS)
    form = FilterForm(
        request.GET if bound else None,
        regions=regions,
        cohorts=cohorts,
        packages=packages,
        region_mode=region_mode,
        funders=funders,
    )
    valid = True
    filters = Filters()
    funder_key = ""
    if bound:
        valid = form.is_valid()
        if valid:
            filters = form.filters()
            funder_key = form.cleaned_data.get("funder") or ""
    if region_mode == "pick" and not filters.region and regions:
        filters = filters.with_region(regions[0].code)
    return {
        "form": form,
        "filters": filters,
        "valid": valid,
        "regions": regions,
        "funder_key": funder_key,
    }


def _check_format(fmt: str) -> None:
    if fmt not in exports.FORMATS:
        raise Http404


def _stamp() -> str:
    return timezone.localdate().isoformat()


def _chart_data(report: dict) -> dict:
    funnel = [
        (str(T.STAGE_LABELS[s["key"]]), s["businesses"])
        for s in report["funnel"]["stages"]
        if s["businesses"] is not None
    ]
    hours = report["hours"]
    transactional = report["transactional_site"]
    data = {
        "funnel": charts.bars(funnel),
        "enrolment": charts.enrolment_line(report["enrolment"]["months"]),
        "hours": charts.bars(
            [
                (pgettext("reporting", "Coaching"), hours["coaching"]["used_percent"]),
                (pgettext("reporting", "Training"), hours["training"]["used_percent"]),
            ],
            maximum=100,
        ),
        "attendance": charts.bars(
            [(pgettext("reporting", "Attendance rate"), report["training_attendance"]["rate"])],
            maximum=100,
        ),
        "maturity": [
            {
                "label": T.dimension_label(d["key"])
                if d["key"] != "overall"
                else pgettext("reporting", "Overall"),
                "bars": charts.bars([("T0", d["t0"]), ("T1", d["t1"])], maximum=100),
            }
            for d in [*report["maturity"]["dimensions"], report["maturity"]["overall"]]
        ],
        "transactional": charts.bars(
            [
                (pgettext("reporting", "At intake"), transactional["at_intake_percent"]),
                (pgettext("reporting", "Now"), transactional["now_percent"]),
                (
                    pgettext("reporting", "Reference before the program"),
                    transactional["baseline_percent"],
                ),
            ],
            maximum=100,
        ),
        "actions": charts.bars(
            [(d["implemented"], d["businesses"]) for d in report["actions"]["distribution"]]
        ),
        "capsules": charts.bars(
            [
                (
                    pgettext("reporting", "Share of the target"),
                    report["capsules"]["percent_of_target"],
                )
            ],
            maximum=100,
        ),
    }
    data["maturity_shown"] = any(
        not bar["hidden"] and bar["value"] is not None
        for group in data["maturity"]
        for bar in group["bars"]
    )
    if report["regions"] is not None:
        data["regions"] = charts.bars(
            [(f"{r['code']} {r['name']}", r["enrolled"]) for r in report["regions"]["rows"]]
        )
    return data


def _export_links(url_name: str, tables: dict, query: str, **kwargs) -> None:
    """Give every table its CSV and XLSX links (same filters as the page)."""
    from django.urls import reverse

    suffix = f"?{query}" if query else ""
    for key, table in tables.items():
        table.exports = {
            fmt: reverse(url_name, kwargs={"table": key, "fmt": fmt, **kwargs}) + suffix
            for fmt in exports.FORMATS
        }


# --- program dashboard (program admin) ------------------------------------------------------


def _program_context(request) -> dict:
    program = program_for(request)
    parsed = _filter_form(request)
    filters = parsed["filters"]
    report = selectors.report(
        filters=filters,
        program=program,
        today=timezone.localdate(),
        suppress=False,
        regions=parsed["regions"],
    )
    tables = T.report_tables(report)
    return {**parsed, "program": program, "report": report, "tables": tables}


@require_POST
@role_required(ADMIN)
def refresh(request):
    """ "Recompute now": drop the pre-computed figures and go back to the dashboard, which
    computes them from the data as it is now."""
    services.snapshots_discard(actor=request.user)
    messages.success(
        request, pgettext("reporting", "The figures have been recomputed from the current data.")
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("reporting:program")
    return redirect(target)


@role_required(ADMIN)
def program_dashboard(request):
    context = _program_context(request)
    _export_links("reporting:program_export", context["tables"], context["filters"].as_query())
    context["charts"] = _chart_data(context["report"])
    context["business_export_query"] = context["filters"].as_query()
    return render(request, "reporting/program.html", context)


@role_required(ADMIN)
def program_export(request, table: str, fmt: str):
    _check_format(fmt)
    context = _program_context(request)
    if not context["valid"]:
        return HttpResponseBadRequest(pgettext("reporting", "The filters are not valid."))
    chosen = context["tables"].get(table)
    if chosen is None:
        raise Http404
    return exports.table_response(chosen, fmt=fmt, filename=f"virage-{table}-{_stamp()}")


@role_required(ADMIN)
def businesses_export(request, fmt: str):
    """Every business of the filters, one row each; contact details only with ?contact=1."""
    _check_format(fmt)
    parsed = _filter_form(request)
    if not parsed["valid"]:
        return HttpResponseBadRequest(pgettext("reporting", "The filters are not valid."))
    contact = request.GET.get("contact") == "1"
    filters = parsed["filters"]
    services.businesses_export_record(
        actor=request.user,
        program=program_for(request),
        filters=filters,
        contact=contact,
        fmt=fmt,
    )
    rows = bx.rows(
        selectors.business_export_rows(filters=filters, contact=contact), contact=contact
    )
    name = "virage-businesses-contacts" if contact else "virage-businesses"
    return exports.rows_response(
        rows, fmt=fmt, filename=f"{name}-{_stamp()}", sheet=pgettext("reporting", "Businesses")
    )


# --- regional partner ------------------------------------------------------------------------


def _partner_context(request) -> dict:
    """A partner always gets their own region (a region asked for in the URL is ignored);
    the program admin picks one to preview what its partner sees."""
    program = program_for(request)
    if is_partner(request.user):
        parsed = _filter_form(request, region_mode="none")
        region = next(r for r in parsed["regions"] if r.pk == request.user.region_id)
        filters = parsed["filters"].with_region(region.code)
    else:
        parsed = _filter_form(request, region_mode="pick")
        filters = parsed["filters"]
        region = next((r for r in parsed["regions"] if r.code == filters.region), None)
        if region is None:
            raise Http404
    report = selectors.region_aggregates(
        region=region.code, filters=filters, program=program, today=timezone.localdate()
    )
    tables = T.report_tables(report)
    referrals = None
    if is_partner(request.user):
        from virage.waitlist.selectors import referral_counts

        counts = referral_counts(partner=request.user)
        referrals = {k: S.count(v, suppress=True) for k, v in counts.items()}
        tables["referrals"] = T.referrals_table(referrals)
    return {
        **parsed,
        "filters": filters,
        "program": program,
        "region": region,
        "report": report,
        "tables": tables,
        "referrals": referrals,
    }


@role_required(PARTNER, ADMIN)
def partner_dashboard(request):
    context = _partner_context(request)
    query = context["filters"].as_query()
    if is_partner(request.user):
        # the region is the partner's own: keep it out of the links
        query = replace(context["filters"], region="").as_query()
    _export_links("reporting:partner_export", context["tables"], query)
    context["charts"] = _chart_data(context["report"])
    return render(request, "reporting/partner.html", context)


@role_required(PARTNER, ADMIN)
def partner_export(request, table: str, fmt: str):
    _check_format(fmt)
    context = _partner_context(request)
    if not context["valid"]:
        return HttpResponseBadRequest(pgettext("reporting", "The filters are not valid."))
    chosen = context["tables"].get(table)
    if chosen is None:
        raise Http404
    code = context["region"].code
    return exports.table_response(
        chosen, fmt=fmt, filename=f"virage-region-{code}-{table}-{_stamp()}"
    )


# --- funders ---------------------------------------------------------------------------------


def _funders(request, parsed) -> list:
    """A funder's own funders; for the admin, the one chosen in the form (or none)."""
    if is_program_admin(request.user):
        key = parsed["funder_key"]
        return [f for f in parsed["funder_choices"] if f.key == key]
    return selectors.funders_for(request.user)


def _admin_funder_choices(request):
    if not is_program_admin(request.user):
        return None
    from virage.funding.models import Funder

    return list(Funder.objects.order_by("name_fr"))


def _money(*, funders: list, filters: Filters, program, enrolled, with_period: bool) -> dict:
    """The funder's contributions and lines, and the program budget summary (three queries:
    contributions, lines, program spending)."""
    contributions = selectors.funder_contributions(funders=funders) if funders else []
    lines = selectors.funder_lines(funders=funders, filters=filters) if funders else []
    money = selectors.program_money(filters=filters)
    budget = program.budget_cents if program else 0
    cost = None
    if isinstance(enrolled, int) and enrolled:
        cost = money["spent"] // enrolled
    elif S.is_hidden(enrolled):
        cost = S.HIDDEN
    summary = {
        "budget": budget,
        "spent": money["spent"],
        "spent_in_period": money["spent_in_period"],
        "cost_per_business": cost,
        "planned_per_business": program.planned_cost_per_business_cents if program else None,
    }
    return {
        "contributions": contributions,
        "contributed": sum(c.amount_cents for c in contributions),
        "lines": lines,
        "summary": summary,
        "money_tables": {
            "contributions": T.contributions_table(contributions),
            "funder_lines": T.funder_lines_table(lines, with_period=with_period),
            "program_budget": T.program_budget_table(summary),
        },
    }


def _funder_context(request) -> dict:
    program = program_for(request)
    choices = _admin_funder_choices(request)
    parsed = _filter_form(request, funders=choices)
    parsed["funder_choices"] = choices or []
    funders = _funders(request, parsed)
    filters = parsed["filters"]
    report = selectors.report(
        filters=filters,
        program=program,
        today=timezone.localdate(),
        suppress=True,
        regions=parsed["regions"],
    )
    tables = T.report_tables(report)
    money = _money(
        funders=funders,
        filters=filters,
        program=program,
        enrolled=report["enrolment"]["enrolled"] if not filters.is_subset else None,
        with_period=bool(filters.start or filters.end),
    )
    tables.update(money["money_tables"])
    return {
        **parsed,
        "program": program,
        "funders": funders,
        "report": report,
        "tables": tables,
        **money,
    }


@role_required(FUNDER, ADMIN)
def funder_dashboard(request):
    context = _funder_context(request)
    query = context["filters"].as_query()
    if context["funder_key"]:
        query = (
            f"{query}&funder={context['funder_key']}"
            if query
            else f"funder={context['funder_key']}"
        )
    _export_links("reporting:funder_export", context["tables"], query)
    context["charts"] = _chart_data(context["report"])
    context["report_query"] = f"funder={context['funder_key']}" if context["funder_key"] else ""
    return render(request, "reporting/funder.html", context)


@role_required(FUNDER, ADMIN)
def funder_export(request, table: str, fmt: str):
    _check_format(fmt)
    context = _funder_context(request)
    if not context["valid"]:
        return HttpResponseBadRequest(pgettext("reporting", "The filters are not valid."))
    chosen = context["tables"].get(table)
    if chosen is None:
        raise Http404
    return exports.table_response(chosen, fmt=fmt, filename=f"virage-funder-{table}-{_stamp()}")


# --- quarterly funder report ------------------------------------------------------------------


def quarter_label(quarter: Quarter) -> str:
    months = {
        1: pgettext("reporting", "January to March"),
        2: pgettext("reporting", "April to June"),
        3: pgettext("reporting", "July to September"),
        4: pgettext("reporting", "October to December"),
    }
    return pgettext("reporting", "Q%(number)s %(year)s (%(months)s)") % {
        "number": quarter.number,
        "year": quarter.year,
        "months": months[quarter.number],
    }


def _report_document(request) -> dict:
    """The quarterly report's content, shared by the HTML page and the PDF: sections of
    paragraphs and tables (figures suppressed as a funder sees them, whoever asks)."""
    program = program_for(request)
    today = timezone.localdate()
    first_day = program.start_date if program else today
    quarters = quarters_between(min(first_day, today), today)
    labels = {q.key: quarter_label(q) for q in quarters}
    choices = _admin_funder_choices(request)
    form = QuarterForm(
        request.GET if "quarter" in request.GET else None,
        quarters=quarters,
        labels=labels,
        funders=choices,
    )
    quarter = quarters[-1]
    funder_key = ""
    if form.is_bound and form.is_valid():
        quarter = form.chosen()
        funder_key = form.cleaned_data.get("funder") or ""
    funders = (
        [f for f in choices if f.key == funder_key]
        if choices is not None
        else selectors.funders_for(request.user)
    )
    filters = Filters(start=quarter.start, end=quarter.end)
    report = selectors.report(
        filters=filters,
        program=program,
        today=today,
        suppress=True,
        regions=list(Region.objects.order_by("code")),
    )
    tables = T.report_tables(report)
    money = _money(
        funders=funders,
        filters=filters,
        program=program,
        enrolled=report["enrolment"]["enrolled"],
        with_period=True,
    )
    enrolment = report["enrolment"]
    hours = report["hours"]
    fmt = format_value
    program_name = program.name if program else pgettext("reporting", "Virage")
    summary = [
        pgettext(
            "reporting",
            "Businesses enrolled since the start of the program, at the end of the quarter: "
            "%(enrolled)s (target: %(target)s; target line at that date: %(line)s).",
        )
        % {
            "enrolled": fmt(enrolment["enrolled"], T.COUNT),
            "target": fmt(enrolment["target"], T.NUMBER),
            "line": fmt(enrolment["target_to_date"], T.NUMBER),
        },
        pgettext(
            "reporting",
            "Coaching delivered in the quarter: %(coaching)s h; training credited: "
            "%(training)s h; training attendance rate: %(attendance)s.",
        )
        % {
            "coaching": fmt(hours["coaching"]["delivered_hours"], T.HOURS),
            "training": fmt(hours["training"]["delivered_hours"], T.HOURS),
            "attendance": fmt(report["training_attendance"]["rate"], T.PERCENT),
        },
        pgettext(
            "reporting",
            "Businesses reached by the capsules since the start: %(reached)s (target: %(target)s).",
        )
        % {
            "reached": fmt(report["capsules"]["reached"], T.COUNT),
            "target": fmt(report["capsules"]["target"], T.NUMBER),
        },
    ]
    sections = [
        {"title": pgettext("reporting", "Summary"), "paragraphs": summary, "tables": []},
        {
            "title": pgettext("reporting", "The path of businesses"),
            "tables": [tables["funnel"], tables["funnel_exits"]],
        },
        {
            "title": pgettext("reporting", "Enrolment"),
            "tables": [tables["enrolment_months"], tables["enrolment_regions"]],
        },
        {
            "title": pgettext("reporting", "Coaching and training"),
            "tables": [tables["hours"], tables["attendance"]],
        },
        {
            "title": pgettext("reporting", "Outcomes"),
            "tables": [
                tables["maturity"],
                tables["transactional"],
                tables["actions"],
                tables["actions_distribution"],
                tables["capsules"],
            ],
        },
    ]
    money_tables = money["money_tables"]
    if funders:
        sections.append(
            {
                "title": pgettext("reporting", "Your contribution"),
                "tables": [money_tables["contributions"], money_tables["funder_lines"]],
            }
        )
    sections.append(
        {
            "title": pgettext("reporting", "Program budget"),
            "tables": [money_tables["program_budget"]],
        }
    )
    title = pgettext("reporting", "Quarterly report to funders")
    subtitle = [program_name, labels[quarter.key]]
    if funders:
        subtitle.append(", ".join(f.name for f in funders))
    subtitle.append(pgettext("reporting", "Produced on %(date)s") % {"date": today.isoformat()})
    return {
        "form": form,
        "quarter": quarter,
        "report": report,
        "funder_key": funder_key,
        "funder_choices": choices,
        "funders": funders,
        "document": {
            "title": title,
            "subtitle": subtitle,
            "language": translation.get_language() or "fr",
            "intro": [
                pgettext(
                    "reporting",
                    "Figures of the quarter %(quarter)s, from %(start)s to %(end)s. To protect "
                    "the businesses' privacy, any figure computed from fewer than 5 "
                    "businesses is shown as “< 5”, and the rates derived from it are hidden too.",
                )
                % {
                    "quarter": labels[quarter.key],
                    "start": quarter.start.isoformat(),
                    "end": quarter.end.isoformat(),
                },
            ],
            "sections": sections,
            "footer": f"{title} · {labels[quarter.key]}",
        },
    }


@role_required(FUNDER, ADMIN)
def funder_report(request):
    context = _report_document(request)
    query = f"quarter={context['quarter'].key}"
    if context["funder_key"]:
        query += f"&funder={context['funder_key']}"
    context["pdf_query"] = query
    return render(request, "reporting/funder_report.html", context)


@role_required(FUNDER, ADMIN)
def funder_report_pdf(request):
    context = _report_document(request)
    content = pdf.render(context["document"])
    stem = pgettext("reporting", "funder-report")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{context["quarter"].key}.pdf"'
    return response
