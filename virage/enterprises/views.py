"""Intake pages: the invitation link, the merchant's application steps, "my business", the
decision page, and the program admin's applications list, CSV export and detail.

Views parse the request, call one service and render; scoping comes from the selectors
(`Business.objects.visible_to(user)`): another business's objects are a 404."""

from __future__ import annotations

import csv
from typing import NamedTuple

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from virage.accounts.permissions import role_required
from virage.core.i18n import localized
from virage.programs.selectors import program_current

from . import permissions, rules, selectors, services
from .forms import (
    STATUS_BADGES,
    ApplicationFilterForm,
    BusinessStepForm,
    ContactForm,
    DecisionForm,
    EnrolmentForm,
    LocationForm,
    OnlineStepForm,
    ReviewRequestForm,
    SignUpForm,
)
from .models import Application, Business, Contact, Location

MERCHANT = "merchant"
ADMIN = "admin"
PAGE_SIZE = 25  # rows per page of the admin list (rendering cost grows with each row)


def _add_errors(form, exc: ValidationError, mapping: dict | None = None) -> None:
    """Attach a service's ValidationError to the form (field errors where they belong)."""
    mapping = mapping or {}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = mapping.get(field, field)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _merchant_business(request) -> Business:
    business = selectors.business_for_merchant(user=request.user)
    if business is None:
        raise Http404
    return business


# --- the invitation link ----------------------------------------------------------------------


def _started(request):
    messages.success(
        request, _("Your account is ready. Fill in your application: it is saved as you go.")
    )
    return redirect("enterprises:application")


def apply(request, token: str):
    """From the invitation e-mail: create the account, then continue to the application."""
    from virage.waitlist.services import invitation_for_token

    invitation = invitation_for_token(token)
    if invitation is None:
        return render(request, "enterprises/apply_invalid.html", status=404)
    entry = invitation.entry
    user = request.user
    same_person = (
        user.is_authenticated
        and user.role == MERCHANT
        and user.email.lower() == (entry.email or "").lower()
    )
    if user.is_authenticated and not same_person:
        return render(request, "enterprises/apply_signed_in.html", {"entry": entry})
    form = None if same_person else SignUpForm(request.POST or None)
    if request.method == "POST":
        try:
            if same_person:
                services.application_start(invitation=invitation, actor=user)
                return _started(request)
            if form.is_valid():
                data = form.cleaned_data
                business = services.application_start(
                    invitation=invitation,
                    password=data["password1"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    language=translation.get_language() or "fr",
                )
                member = business.members.select_related("user").get()
                login(request, member.user, backend=settings.AUTHENTICATION_BACKENDS[0])
                return _started(request)
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("enterprises:application")
            _add_errors(form, exc, {"password": "password1", "email": None})
    return render(
        request,
        "enterprises/apply.html",
        {"entry": entry, "invitation": invitation, "form": form, "same_person": same_person},
    )


# --- the application, step by step ------------------------------------------------------------

STEPS = ["business", "locations", "online", "contacts"]


def _steps(business: Business, missing: list[dict], current: str) -> list[dict]:
    labels = {
        "business": _("The business"),
        "locations": _("Locations"),
        "online": _("Online today"),
        "contacts": _("Contacts"),
        "review": _("Review and submit"),
    }
    urls = {
        "business": reverse("enterprises:application_step", kwargs={"step": "business"}),
        "online": reverse("enterprises:application_step", kwargs={"step": "online"}),
        "locations": reverse("enterprises:locations"),
        "contacts": reverse("enterprises:contacts"),
        "review": reverse("enterprises:application"),
    }
    incomplete = {m["step"] for m in missing}
    return [
        {
            "key": key,
            "label": labels[key],
            "url": urls[key],
            "done": key not in incomplete,
            "current": key == current,
            "number": i,
        }
        for i, key in enumerate([*STEPS, "review"], start=1)
    ]


def _next_step(step: str) -> str:
    i = STEPS.index(step)
    if i + 1 < len(STEPS):
        nxt = STEPS[i + 1]
        if nxt in ("business", "online"):
            return reverse("enterprises:application_step", kwargs={"step": nxt})
        return reverse(f"enterprises:{nxt}")
    return reverse("enterprises:application")


@role_required(MERCHANT)
def application(request):
    """Overview: the steps, what is missing, and the submit button."""
    business = _merchant_business(request)
    if not permissions.application_editable(business.status):
        return redirect("enterprises:status")
    missing = selectors.application_missing(business=business)
    if request.method == "POST":
        try:
            services.application_submit(business=business, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("enterprises:application")
        messages.success(
            request,
            _("Your application was submitted. A person from the program team will review it."),
        )
        return redirect("enterprises:status")
    return render(
        request,
        "enterprises/application.html",
        {
            "business": business,
            "app": selectors.application_for(business=business),
            "missing": missing,
            "steps": _steps(business, missing, "review"),
            "locations": selectors.business_locations(user=request.user, business=business),
            "contacts": selectors.business_contacts(user=request.user, business=business),
        },
    )


@role_required(MERCHANT)
def application_step(request, step: str):
    business = _merchant_business(request)
    if step not in ("business", "online"):
        raise Http404
    if not permissions.application_editable(business.status):
        return redirect("enterprises:status")
    app = selectors.application_for(business=business)
    form_class = BusinessStepForm if step == "business" else OnlineStepForm
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                if step == "business":
                    services.application_update_business(
                        business=business, actor=request.user, data=form.cleaned_data
                    )
                else:
                    services.application_update_online(
                        business=business, actor=request.user, **form.cleaned_data
                    )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                if "save_stay" in request.POST:
                    return redirect(request.path)
                return redirect(_next_step(step))
    elif step == "business":
        form = form_class(
            initial={
                "legal_name": business.legal_name,
                "operating_name": business.operating_name,
                "neq": business.neq,
                "has_no_neq": app.has_no_neq,
                "subsector": business.subsector_id,
                "naics_code": app.naics_code,
                "activity": app.activity,
                "employees": business.employees,
                "revenue_band": business.revenue_band,
            }
        )
    else:
        form = form_class(
            initial={
                "has_website": business.has_website,
                "website_url": app.website_url,
                "has_transactional_site": business.has_transactional_site,
                "has_marketplace": business.has_marketplace,
                "marketplaces": app.marketplaces,
            }
        )
    missing = selectors.application_missing(business=business)
    return render(
        request,
        f"enterprises/step_{step}.html",
        {"business": business, "form": form, "steps": _steps(business, missing, step)},
    )


# --- locations and contacts (during the application, and after enrolment) ---------------------


def _location_kwargs(data: dict) -> dict:
    return {k: data[k] for k in ("name", "address", "city", "postal_code", "region")}


@role_required(MERCHANT)
def locations(request):
    business = _merchant_business(request)
    editable = permissions.locations_editable(business.status)
    form = LocationForm(request.POST or None) if editable else None
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid():
            try:
                services.location_add(
                    business=business, actor=request.user, **_location_kwargs(form.cleaned_data)
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The location was added."))
                return redirect("enterprises:locations")
    missing = selectors.application_missing(business=business)
    return render(
        request,
        "enterprises/locations.html",
        {
            "business": business,
            "form": form,
            "editable": editable,
            "applying": business.status == rules.INVITED,
            "locations": selectors.business_locations(user=request.user, business=business),
            "steps": _steps(business, missing, "locations"),
            "next_url": _next_step("locations"),
        },
    )


def _own_location(request, pk: int) -> tuple[Business, Location]:
    business = _merchant_business(request)
    location = get_object_or_404(
        selectors.business_locations(user=request.user, business=business), pk=pk
    )
    return business, location


@role_required(MERCHANT)
def location_edit(request, pk: int):
    business, location = _own_location(request, pk)
    if not permissions.locations_editable(business.status):
        return redirect("enterprises:locations")
    if request.method == "POST":
        form = LocationForm(request.POST)
        if form.is_valid():
            try:
                services.location_update(
                    location=location, actor=request.user, **_location_kwargs(form.cleaned_data)
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The location was saved."))
                return redirect("enterprises:locations")
    else:
        form = LocationForm(
            initial={
                "name": location.name,
                "address": location.address,
                "city": location.city,
                "postal_code": location.postal_code,
                "region": location.region_id,
            }
        )
    return render(
        request,
        "enterprises/location_form.html",
        {"business": business, "location": location, "form": form},
    )


@role_required(MERCHANT)
def location_delete(request, pk: int):
    business, location = _own_location(request, pk)
    if not permissions.locations_editable(business.status):
        return redirect("enterprises:locations")
    if request.method == "POST":
        try:
            services.location_remove(location=location, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The location was removed."))
        return redirect("enterprises:locations")
    return render(
        request, "enterprises/location_delete.html", {"business": business, "location": location}
    )


@role_required(MERCHANT)
def contacts(request):
    business = _merchant_business(request)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_add(business=business, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The contact was added."))
            return redirect("enterprises:contacts")
    missing = selectors.application_missing(business=business)
    return render(
        request,
        "enterprises/contacts.html",
        {
            "business": business,
            "form": form,
            "applying": business.status == rules.INVITED,
            "contacts": selectors.business_contacts(user=request.user, business=business),
            "steps": _steps(business, missing, "contacts"),
        },
    )


@role_required(MERCHANT)
def contact_delete(request, pk: int):
    business = _merchant_business(request)
    contact: Contact = get_object_or_404(
        selectors.business_contacts(user=request.user, business=business), pk=pk
    )
    if request.method == "POST":
        services.contact_remove(contact=contact, actor=request.user)
        messages.success(request, _("The contact was removed."))
        return redirect("enterprises:contacts")
    return render(
        request, "enterprises/contact_delete.html", {"business": business, "contact": contact}
    )


# --- the merchant's business and decision ------------------------------------------------------


@role_required(MERCHANT)
def my_business(request):
    business = _merchant_business(request)
    return render(
        request,
        "enterprises/my_business.html",
        {
            "business": business,
            "app": selectors.application_for(business=business),
            "locations": selectors.business_locations(user=request.user, business=business),
            "contacts": selectors.business_contacts(user=request.user, business=business),
            "locations_editable": permissions.locations_editable(business.status),
            "badge": STATUS_BADGES.get(business.status, ""),
        },
    )


def _reasons(app, language: str) -> list[dict]:
    result = app.result() if app.pk else None
    if result is None:
        return []
    return [
        {"message": r.message(language), "severity": r.severity, "code": r.code}
        for r in result.reasons
    ]


@role_required(MERCHANT)
def status(request):
    """Where the application stands: the decision, its reasons, and a review request after a
    refusal (a person looks again)."""
    business = _merchant_business(request)
    app = selectors.application_for(business=business)
    can_review = permissions.can_request_review(request.user, business.status)
    form = ReviewRequestForm(request.POST or None) if can_review else None
    if request.method == "POST":
        if not can_review:
            messages.error(request, _("A review can be asked for only after a refusal."))
            return redirect("enterprises:status")
        if form.is_valid():
            try:
                services.review_request(
                    business=business, actor=request.user, message=form.cleaned_data["message"]
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Your request was sent. A person from the program team will review it."),
                )
                return redirect("enterprises:status")
    decisions = list(selectors.business_decisions(user=request.user, business=business))
    return render(
        request,
        "enterprises/status.html",
        {
            "business": business,
            "app": app,
            "decision": decisions[0] if decisions else None,
            "decisions": decisions,
            "reasons": _reasons(app, translation.get_language() or "fr") if decisions else [],
            "review_requests": selectors.business_review_requests(
                user=request.user, business=business
            ),
            "form": form,
            "badge": STATUS_BADGES.get(business.status, ""),
        },
    )


# --- program admin ---------------------------------------------------------------------------


def _filters(request):
    form = ApplicationFilterForm(request.GET or None, waves=selectors.wave_choices())
    data = form.cleaned_data if form.is_valid() else {}
    return form, {
        "status": data.get("status") or "",
        "region": data.get("region"),
        "wave": data.get("wave") or None,
        "package": data.get("package"),
        "cohort": data.get("cohort"),
        "q": data.get("q") or "",
    }


class _ListRow(NamedTuple):
    business: Business
    url: str
    name: str
    region: str
    badge: str
    status: str
    proposal: str
    package: str
    cohort: str
    applied_on: str


# Choice labels looked up once per row (`get_FOO_display` hashes every lazy label per call).
_STATUS_LABELS = dict(Business.Status.choices)
_PROPOSAL_LABELS = dict(Application.Proposal.choices)
_PK_MARK = 918273645  # a pk placeholder: reverse() once per page, not once per row


def _list_rows(businesses) -> list[_ListRow]:
    """What each row of the admin list shows, computed in Python once per page (per-row
    `{% url %}`, `|date`, `get_FOO_display` and nested lookups cost more than the query)."""
    detail = reverse("enterprises:admin_application", kwargs={"pk": _PK_MARK})
    date_format = get_format("SHORT_DATE_FORMAT")
    no_name = _("(no name yet)")
    rows = []
    for b in businesses:
        proposal = b.application_proposal
        rows.append(
            _ListRow(
                business=b,
                url=detail.replace(str(_PK_MARK), str(b.pk)),
                name=b.legal_name or no_name,
                region=b.region.name if b.region_id else "",
                badge=STATUS_BADGES.get(b.status, ""),
                status=_STATUS_LABELS.get(b.status, b.status),
                proposal=_PROPOSAL_LABELS.get(proposal, proposal) if proposal else "",
                package=localized(b.package, "name") if b.package_id else "",
                cohort=b.cohort.name if b.cohort_id else "",
                applied_on=(
                    dateformat.format(timezone.localtime(b.applied_at), date_format)
                    if b.applied_at
                    else ""
                ),
            )
        )
    return rows


@role_required(ADMIN)
def admin_applications(request):
    form, filters = _filters(request)
    qs = selectors.application_list(user=request.user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "enterprises/admin_list.html",
        {
            "form": form,
            "page": page,
            "rows": _list_rows(page.object_list),
            "query": query.urlencode(),
            "counts": selectors.application_counts(user=request.user),
        },
    )


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@role_required(ADMIN)
def admin_applications_csv(request):
    """The filtered list as CSV, streamed row by row (no personal data of contacts)."""
    _form, filters = _filters(request)
    qs = selectors.application_list(user=request.user, **filters)
    header = [
        _("id"),
        _("legal name"),
        _("operating name"),
        _("NEQ"),
        _("status"),
        _("region"),
        _("subsector"),
        _("employees"),
        _("annual revenue"),
        _("locations"),
        _("web site"),
        _("transactional site"),
        _("marketplaces"),
        _("proposal"),
        _("package"),
        _("cohort"),
        _("applied on"),
        _("enrolled on"),
    ]

    def rows():
        yield header
        for b in qs.iterator(chunk_size=500):
            proposal = b.application_proposal
            yield [
                b.pk,
                b.legal_name,
                b.operating_name,
                b.neq or "",
                _STATUS_LABELS.get(b.status, b.status),
                b.region.code if b.region_id else "",
                b.subsector_code if b.subsector_id else (b.application_naics or ""),
                "" if b.employees is None else b.employees,
                b.get_revenue_band_display() if b.revenue_band else "",
                b.location_count,
                int(b.has_website),
                int(b.has_transactional_site),
                int(b.has_marketplace),
                _PROPOSAL_LABELS.get(proposal, proposal) if proposal else "",
                b.package.key if b.package_id else "",
                b.cohort.name if b.cohort_id else "",
                b.applied_at.date().isoformat() if b.applied_at else "",
                b.enrolled_at.date().isoformat() if b.enrolled_at else "",
            ]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow([_cell(v) for v in row]) for row in rows()),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="applications-{stamp}.csv"'
    return response


def _admin_detail(request, business: Business, *, decision_form=None, enrol_form=None, status=200):
    app = selectors.application_for(business=business)
    locations = list(selectors.business_locations(user=request.user, business=business))
    suggested = services.package_suggest(locations=len(locations))
    places = selectors.program_places(program=program_current())
    if decision_form is None:
        decision_form = DecisionForm()
    if enrol_form is None and business.status == rules.ELIGIBLE:
        enrol_form = EnrolmentForm(
            initial={"package": suggested.pk if suggested else None}, auto_id="enrol_%s"
        )
    language = translation.get_language() or "fr"
    return render(
        request,
        "enterprises/admin_detail.html",
        {
            "business": business,
            "app": app,
            "reasons": _reasons(app, language),
            "locations": locations,
            "contacts": selectors.business_contacts(user=request.user, business=business),
            "decisions": selectors.business_decisions(user=request.user, business=business),
            "review_requests": selectors.business_review_requests(
                user=request.user, business=business
            ),
            "wave": selectors.wave_for(business=business),
            "suggested": suggested,
            "suggested_name": localized(suggested, "name") if suggested else "",
            "can_decide": business.status
            in (rules.APPLIED, rules.NEEDS_REVIEW, rules.ELIGIBLE, rules.INELIGIBLE),
            "decision_form": decision_form,
            "enrol_form": enrol_form,
            "places_left": places["left"],
            "badge": STATUS_BADGES.get(business.status, ""),
        },
        status=status,
    )


def _admin_business(request, pk: int) -> Business:
    try:
        return selectors.application_detail(user=request.user, pk=pk)
    except Business.DoesNotExist:
        raise Http404 from None


@role_required(ADMIN)
def admin_application(request, pk: int):
    from virage.privacy.services import access_log

    business = _admin_business(request, pk)
    access_log(user=request.user, obj=business, action="view")  # Law 25: staff views logged
    return _admin_detail(request, business)


@role_required(ADMIN)
@require_POST
def admin_decide(request, pk: int):
    business = _admin_business(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.application_decide(
                business=business,
                actor=request.user,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The decision was recorded and the merchant notified."))
            return redirect("enterprises:admin_application", pk=business.pk)
    return _admin_detail(request, business, decision_form=form)


@role_required(ADMIN)
@require_POST
def admin_enrol(request, pk: int):
    business = _admin_business(request, pk)
    form = EnrolmentForm(request.POST, auto_id="enrol_%s")  # ids distinct from the decision form
    if form.is_valid():
        try:
            services.business_enrol(
                business=business,
                actor=request.user,
                cohort=form.cleaned_data["cohort"],
                package=form.cleaned_data["package"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The business is enrolled."))
            return redirect("enterprises:admin_application", pk=business.pk)
    return _admin_detail(request, business, enrol_form=form)
