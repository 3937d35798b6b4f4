"""Diagnostic pages: parse the request, call one service, render.

Objects come from ``visible_to(user)``: out of scope is a 404. Role pages use
``role_required``: a trainer, partner or funder gets a 403.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from virage.accounts.permissions import role_required
from virage.enterprises.selectors import business_for_merchant
from virage.programs.selectors import region_list

from . import permissions, presenters, selectors, services
from . import questionnaire as qn
from .forms import PageForm
from .models import Assessment
from .progress import page_by_key, page_index, progress

VIEW_ROLES = ("merchant", "advisor", "admin")
PAGE_SIZE = 50


def _assessment_or_404(request, pk: int) -> Assessment:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    if assessment is None:
        raise Http404
    return assessment


def _business_or_404(request, business_id: int):
    business = selectors.business_get(user=request.user, pk=business_id)
    if business is None:
        raise Http404
    return business


@role_required("merchant")
def mine(request):
    """The merchant's entry point: their business's diagnostics."""
    business = business_for_merchant(user=request.user)
    if business is None:
        return render(request, "diagnostics/no_business.html")
    return redirect("diagnostics:overview", business_id=business.pk)


@role_required(*VIEW_ROLES)
def overview(request, business_id: int):
    """T0 and T1 of one business: status, progress and what to do next."""
    business = _business_or_404(request, business_id)
    by_time_point = selectors.business_assessments(business=business)
    t0, t1 = by_time_point.get("T0"), by_time_point.get("T1")
    cards = []
    for time_point, assessment in (("T0", t0), ("T1", t1)):
        card = {"time_point": time_point, "assessment": assessment}
        if assessment is not None and assessment.is_draft:
            card["progress"] = progress(assessment.answers)
            card["continue_url"] = presenters.continue_url(assessment)
        cards.append(card)
    context = {
        "business": business,
        "cards": cards,
        "can_start": t0 is None
        and permissions.can_start_t0(request.user, business_status=business.status),
        "can_open_t1": t1 is None
        and permissions.can_open_t1(
            request.user,
            business_status=business.status,
            t0_submitted=t0 is not None and t0.is_submitted,
        ),
        "may_open_t1": permissions.may_open_t1_role(request.user),
    }
    return render(request, "diagnostics/overview.html", context)


@require_POST
@role_required(*VIEW_ROLES)
def start(request, business_id: int):
    business = _business_or_404(request, business_id)
    try:
        assessment = services.assessment_start(business=business, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("diagnostics:overview", business_id=business.pk)
    if assessment.is_submitted:
        return redirect("diagnostics:results", pk=assessment.pk)
    return redirect(presenters.continue_url(assessment))


@require_POST
@role_required("advisor", "admin")
def open_t1(request, business_id: int):
    business = _business_or_404(request, business_id)
    try:
        assessment = services.assessment_open_t1(business=business, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("diagnostics:overview", business_id=business.pk)
    messages.success(request, _("The re-assessment (T1) is open."))
    return redirect(presenters.continue_url(assessment))


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def page(request, pk: int, page_key: str):
    """One page of the questionnaire: answer, save, go on (or come back later)."""
    assessment = _assessment_or_404(request, pk)
    try:
        current = page_by_key(page_key)
    except KeyError:
        raise Http404 from None
    if assessment.is_submitted:
        messages.info(request, _("This diagnostic was submitted: its answers are locked."))
        return redirect("diagnostics:review", pk=assessment.pk)
    pages = qn.pages()
    index = page_index(page_key)
    if request.method == "POST":
        form = PageForm(current, data=request.POST)
        if form.is_valid():
            try:
                assessment = services.assessment_save_page(
                    assessment=assessment,
                    page_key=page_key,
                    answers=form.cleaned,
                    actor=request.user,
                )
            except services.InvalidAnswers as exc:
                form.add_answer_errors(exc.answer_errors)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("diagnostics:review", pk=assessment.pk)
            else:
                messages.success(
                    request,
                    _("Page %(number)s saved.") % {"number": index + 1},
                )
                action = request.POST.get("action", "next")
                if action == "previous" and index > 0:
                    target = pages[index - 1].key
                elif action == "later":
                    return redirect("diagnostics:overview", business_id=assessment.business_id)
                elif action == "next" and index + 1 < len(pages):
                    target = pages[index + 1].key
                else:
                    return redirect("diagnostics:review", pk=assessment.pk)
                return redirect("diagnostics:page", pk=assessment.pk, page_key=target)
    else:
        form = PageForm(current, answers=assessment.answers)
    first_of_module = index == 0 or pages[index - 1].module != current.module
    context = {
        "assessment": assessment,
        "business": assessment.business,
        "page": current,
        "number": index + 1,
        "previous": pages[index - 1] if index > 0 else None,
        "is_last": index + 1 == len(pages),
        "form": form,
        "questions": form.questions(),
        "error_summary": form.summary() if form.errors else [],
        "progress": progress(assessment.answers),
        "module": qn.MODULES[current.module] if first_of_module else None,
    }
    return render(request, "diagnostics/page.html", context)


@role_required(*VIEW_ROLES)
def review(request, pk: int):
    """Draft: what is done, what is missing, submit. Submitted: the answers in words."""
    assessment = _assessment_or_404(request, pk)
    context = {
        "assessment": assessment,
        "business": assessment.business,
        "progress": progress(assessment.answers),
    }
    if assessment.is_submitted:
        context["summary"] = presenters.answers_summary(assessment.answers)
    else:
        context["missing"] = context["progress"].missing()
    return render(request, "diagnostics/review.html", context)


@require_POST
@role_required(*VIEW_ROLES)
def submit(request, pk: int):
    assessment = _assessment_or_404(request, pk)
    was_submitted = assessment.is_submitted
    try:
        assessment = services.assessment_submit(assessment=assessment, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("diagnostics:review", pk=assessment.pk)
    if not was_submitted:
        messages.success(request, _("Your diagnostic is submitted. Here are your results."))
    return redirect("diagnostics:results", pk=assessment.pk)


@role_required(*VIEW_ROLES)
def results(request, pk: int):
    """Scores, bands, chart and table, largest gaps, peers, and T0 → T1 once both exist."""
    assessment = selectors.assessment_for_results(user=request.user, pk=pk)
    if assessment is None:
        raise Http404
    if not assessment.is_submitted:
        return redirect("diagnostics:review", pk=assessment.pk)
    business = assessment.business
    # the page shows the requested assessment; the other time point is for the comparison
    other = selectors.assessment_other_time_point(assessment)
    t0, t1 = (assessment, other) if assessment.time_point == "T0" else (other, assessment)
    peers = selectors.peer_groups(business=business, own_t0=t0)
    data = presenters.results(assessment, t0=t0, t1=t1, peers=peers)
    context = {
        "assessment": assessment,
        "business": business,
        "results": data,
        "other": other,
        "peer_minimum": selectors.PEER_MIN_BUSINESSES,
    }
    return render(request, "diagnostics/results.html", context)


@role_required(*VIEW_ROLES)
def export(request, pk: int):
    """The answers of a submitted assessment as the canonical JSON answers file."""
    assessment = _assessment_or_404(request, pk)
    if not assessment.is_submitted:
        raise Http404
    body = json.dumps(services.canonical(assessment.answers), ensure_ascii=False, indent=2)
    response = HttpResponse(body + "\n", content_type="application/json; charset=utf-8")
    filename = f"diagnostic-{assessment.business_id}-{assessment.time_point}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required("advisor", "admin")
def assessment_list(request):
    """Assessments of the businesses in scope, with status and scores; filters in the query
    string; a fixed number of queries per page."""
    filters = {
        "time_point": request.GET.get("time_point", ""),
        "status": request.GET.get("status", ""),
        "band": request.GET.get("band", ""),
        "region": request.GET.get("region", ""),
        "q": request.GET.get("q", "").strip()[:100],
    }
    qs = selectors.assessment_list(user=request.user, **filters)
    paginator = Paginator(qs, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    rows = []
    for assessment in page_obj.object_list:
        row = {"assessment": assessment}
        if assessment.is_submitted:
            row["band"] = qn.BANDS_BY_KEY.get(assessment.m2_result.get("band"))
        else:
            row["progress"] = progress(assessment.answers)
        rows.append(row)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "rows": rows,
        "page_obj": page_obj,
        "filters": filters,
        "querystring": query.urlencode(),
        "time_points": Assessment.TimePoint.choices,
        "statuses": Assessment.Status.choices,
        "bands": qn.BANDS,
        "regions": region_list(),
    }
    return render(request, "diagnostics/list.html", context)
