"""Privacy pages: the policy (public), my data and my consents (everyone signed in), and the
privacy officer's desk (requests, access log, incident register)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from virage.accounts.permissions import role_required
from virage.programs.selectors import program_current

from . import selectors, services
from .documents import incident_notice, incident_register_csv
from .forms import (
    AccessLogFilterForm,
    ConsentActionForm,
    DecisionForm,
    IncidentForm,
    PrivacyRequestForm,
)
from .models import AccessLogEntry, ConfidentialityIncident, PolicyVersion, PrivacyRequest
from .permissions import can_manage_privacy
from .registry import purposes


def privacy_officer_required(view):
    """Anonymous → login; signed in but not the privacy officer → 403."""

    @role_required("admin")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_privacy(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# --- public: policies --------------------------------------------------------------------------


def _policy_page(request, kind: str, version: str | None = None):
    history = list(selectors.policy_history(kind))
    if version is None:
        current = history[0] if history else None
    else:
        current = next((p for p in history if p.version == version), None)
        if current is None:
            raise Http404
    return render(
        request,
        "privacy/policy.html",
        {
            "kind": kind,
            "policy": current,
            "is_latest": bool(history) and current == history[0],
            "history": history,
            "kind_label": PolicyVersion.Kind(kind).label,
        },
    )


def policy(request):
    return _policy_page(request, PolicyVersion.Kind.PRIVACY)


def terms(request):
    return _policy_page(request, PolicyVersion.Kind.TERMS)


def policy_version(request, kind: str, version: str):
    if kind not in PolicyVersion.Kind.values:
        raise Http404
    return _policy_page(request, kind, version)


# --- signed in: my data, my consents, my requests ----------------------------------------------


@login_required
def my_data(request):
    requests = PrivacyRequest.objects.filter(requester=request.user).order_by("-created_at")
    return render(
        request,
        "privacy/my_data.html",
        {"requests": requests, "open_kinds": {r.kind for r in requests if r.status == "open"}},
    )


@login_required
@require_GET
def my_data_download(request):
    filename, content = services.data_export(user=request.user, actor=request.user)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def consents(request):
    user = request.user
    available = purposes(role=user.role)
    if request.method == "POST":
        form = ConsentActionForm(request.POST, purposes=available)
        if form.is_valid():
            purpose = form.cleaned_data["purpose"]
            try:
                if form.cleaned_data["action"] == "give":
                    services.consent_give(
                        person=user, purpose=purpose, source="my_consents", actor=user
                    )
                    messages.success(request, _("Your consent was recorded."))
                else:
                    services.consent_withdraw(
                        person=user, purpose=purpose, source="my_consents", actor=user
                    )
                    messages.success(request, _("Your consent was withdrawn."))
            except ValidationError as exc:
                for error in exc.messages:
                    messages.error(request, error)
            return redirect("privacy:consents")
        messages.error(request, _("This choice is not available."))
        return redirect("privacy:consents")
    return render(
        request,
        "privacy/consents.html",
        {
            "rows": selectors.consent_current(user),
            "history": [
                {"record": r, "label": selectors.purpose_label(r.purpose)}
                for r in selectors.consent_history(user)[:50]
            ],
        },
    )


@login_required
def request_new(request, kind: str):
    if kind not in PrivacyRequest.Kind.values:
        raise Http404
    if request.method == "POST":
        form = PrivacyRequestForm(request.POST, kind=kind)
        if form.is_valid():
            try:
                services.privacy_request_create(
                    requester=request.user,
                    kind=kind,
                    details=form.cleaned_data["details"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Your request was sent to the privacy officer, who answers within 30 days."),
                )
                return redirect("privacy:my_data")
    else:
        form = PrivacyRequestForm(kind=kind)
    return render(request, "privacy/request_new.html", {"form": form, "kind": kind})


# --- privacy officer ---------------------------------------------------------------------------


@privacy_officer_required
def officer_home(request):
    user = request.user
    open_requests = selectors.privacy_request_list(user=user, status="open")
    return render(
        request,
        "privacy/officer_home.html",
        {
            "open_requests": open_requests,
            "recent_requests": selectors.privacy_request_list(user=user).exclude(status="open")[
                :20
            ],
            "incident_count": ConfidentialityIncident.objects.visible_to(user).count(),
            "today": timezone.localdate(),
        },
    )


@privacy_officer_required
def request_detail(request, pk: int):
    item = get_object_or_404(
        selectors.privacy_request_list(user=request.user).select_related("requester"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    is_open = item.status == PrivacyRequest.Status.OPEN
    if request.method == "POST" and is_open and form.is_valid():
        try:
            services.privacy_request_decide(
                request=item,
                approve=form.cleaned_data["decision"] == "approve",
                notes=form.cleaned_data["notes"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The decision was recorded and the person told."))
            return redirect("privacy:request_detail", pk=item.pk)
    return render(request, "privacy/request_detail.html", {"item": item, "form": form})


ACCESS_LOG_PAGE_SIZE = 50


@privacy_officer_required
def access_log(request):
    object_types = list(
        AccessLogEntry.objects.order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )
    form = AccessLogFilterForm(request.GET or None, object_types=object_types)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "actor_id": data["actor"].pk if data["actor"] else None,
            "object_type": data["object_type"],
            "business_id": data["business_id"],
            "action": data["action"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }
    entries = selectors.access_log_list(user=request.user, **filters)
    page = Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "privacy/access_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@privacy_officer_required
def incident_list(request):
    incidents = ConfidentialityIncident.objects.visible_to(request.user)
    return render(request, "privacy/incident_list.html", {"incidents": incidents})


@privacy_officer_required
def incident_new(request):
    form = IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The incident was recorded in the register."))
            return redirect("privacy:incident_detail", pk=incident.pk)
    return render(request, "privacy/incident_form.html", {"form": form, "incident": None})


@privacy_officer_required
def incident_edit(request, pk: int):
    incident = get_object_or_404(ConfidentialityIncident.objects.visible_to(request.user), pk=pk)
    form = IncidentForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(incident=incident, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The incident was updated."))
            return redirect("privacy:incident_detail", pk=incident.pk)
    return render(request, "privacy/incident_form.html", {"form": form, "incident": incident})


@privacy_officer_required
def incident_detail(request, pk: int):
    incident = get_object_or_404(ConfidentialityIncident.objects.visible_to(request.user), pk=pk)
    return render(request, "privacy/incident_detail.html", {"incident": incident})


@privacy_officer_required
def incident_notice_view(request, pk: int):
    incident = get_object_or_404(ConfidentialityIncident.objects.visible_to(request.user), pk=pk)
    language = request.GET.get("lang", "fr")
    if language not in {"fr", "en"}:
        language = "fr"
    text = incident_notice(incident, language=language, program=program_current())
    if request.GET.get("download"):
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="notice-incident-{incident.pk}-{language}.txt"'
        )
        return response
    return render(
        request,
        "privacy/incident_notice.html",
        {"incident": incident, "text": text, "notice_language": language},
    )


@privacy_officer_required
def incident_export(request):
    incidents = ConfidentialityIncident.objects.visible_to(request.user).order_by(
        "discovered_on", "id"
    )
    response = HttpResponse(
        incident_register_csv(incidents), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="incident-register-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response
