"""Pages of the callback list: the public check and sign-up, the confirmation and status
links, the partners' referral links, and the program admin's list, import and waves."""

from __future__ import annotations

import csv
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit import UNSAFE
from django_ratelimit.core import is_ratelimited

from virage.accounts.permissions import role_required
from virage.core.i18n import current_language

from . import importing, rules, selectors, services
from .forms import (
    CallbackFilterForm,
    EligibilityForm,
    ImportUploadForm,
    SignupForm,
    WaveForm,
    WithdrawForm,
    prefill_from,
)
from .models import (
    CallbackEntry,
    CallbackImport,
    EntryStatus,
    IntakeWave,
    InvitationStatus,
    ReferralCode,
)

# Per IP address (see docs/callback-import.md, "Operations"). "10/10m": 10 per 10 minutes.
RATES = {
    "eligibility": "60/10m",
    "signup": "10/10m",
    "confirm": "20/10m",
    "status": "60/10m",
}
REFERRAL_SESSION_KEY = "waitlist_referral"
PAGE_SIZE = 50


def _limited(request, group: str, method=UNSAFE) -> bool:
    return is_ratelimited(
        request,
        group=f"waitlist.{group}",
        key="ip",
        rate=RATES[group],
        method=method,
        increment=True,
    )


def too_many_requests(request):
    """A clear page in the visitor's language (HTTP 429)."""
    return render(request, "waitlist/rate_limited.html", status=429)


# --- public --------------------------------------------------------------------------------


@require_GET
def eligibility(request):
    """The public eligibility check: explains each criterion not met, in plain words, and
    leads to the sign-up with what was typed."""
    submitted = any(request.GET.get(name) for name in EligibilityForm.base_fields)
    form = EligibilityForm(request.GET if submitted else None)
    result = None
    signup_query = ""
    if submitted:
        if _limited(request, "eligibility", method=["GET"]):
            return too_many_requests(request)
        if form.is_valid():
            data = form.cleaned_data
            result = services.eligibility_of(
                criteria=selectors.eligibility_criteria(),
                subsector_code=data["subsector"].code if data["subsector"] else None,
                employees=data["employees"],
                postal_code=data["postal_code"],
                region_code=data["region"].code,
            )
            signup_query = urlencode(
                {
                    "subsector": data["subsector"].code if data["subsector"] else "",
                    "employees": data["employees"],
                    "postal_code": data["postal_code"],
                    "region": data["region"].code,
                }
            )
    language = current_language()
    return render(
        request,
        "waitlist/eligibility.html",
        {
            "form": form,
            "result": result,
            "reasons": [r.message(language) for r in result.reasons] if result else [],
            "signup_query": signup_query,
        },
    )


@require_http_methods(["GET", "POST"])
def signup(request):
    """Join the callback list. Whatever happens (new entry or duplicate), the visitor is sent
    to the same neutral page."""
    if request.method == "POST":
        if _limited(request, "signup"):
            return too_many_requests(request)
        form = SignupForm(request.POST)
        if form.is_valid():
            try:
                services.callback_signup(
                    data=form.cleaned_data,
                    language=current_language(),
                    referral_code=request.session.get(REFERRAL_SESSION_KEY),
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                return redirect("waitlist:signup_done")
    else:
        form = SignupForm(initial=prefill_from(request.GET))
    return render(request, "waitlist/signup.html", {"form": form})


@require_GET
def signup_done(request):
    return render(
        request,
        "waitlist/signup_done.html",
        {"hours": int(services.CONFIRMATION_LIFETIME.total_seconds() // 3600)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link from the confirmation e-mail. GET shows a button (mail scanners that open
    links do not use it up); POST confirms and leads to the status page."""
    if request.method == "POST":
        if _limited(request, "confirm"):
            return too_many_requests(request)
        entry = services.callback_confirm(token=token)
        if entry is not None:
            messages.success(request, _("Thank you: your entry is confirmed."))
            return redirect("waitlist:status", token=services.status_token(entry))
        valid = False
    else:
        valid = selectors.confirmation_is_valid(token)
    return render(request, "waitlist/confirm.html", {"valid": valid})


@never_cache
@require_http_methods(["GET", "POST"])
def status(request, token):
    """Where an entry stands (reachable from the confirmation and from every e-mail); the
    person may also leave the list here."""
    if _limited(request, "status", method=["GET", "POST"]):
        return too_many_requests(request)
    entry = selectors.entry_for_status_token(token)
    if entry is None:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        try:
            services.callback_withdraw(entry=entry)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your entry was removed from the callback list."))
        return redirect("waitlist:status", token=token)
    context = {"entry": entry, "position": None, "invitation": None, "apply_url": ""}
    if entry.status == EntryStatus.WAITING:
        context["position"], context["waiting"] = selectors.queue_position(entry)
    elif entry.status in (EntryStatus.INVITED, EntryStatus.APPLIED):
        invitation = selectors.live_invitation(entry)
        context["invitation"] = invitation
        if invitation is not None and invitation.status == InvitationStatus.SENT:
            context["apply_url"] = reverse("enterprises:apply", kwargs={"token": invitation.token})
    return render(request, "waitlist/status.html", context)


@require_GET
def referral(request, code):
    """A regional partner's link: remember the partner for this visit's sign-up, then show
    the program. An unknown code is ignored."""
    if ReferralCode.objects.filter(code=code, partner__is_active=True).exists():
        request.session[REFERRAL_SESSION_KEY] = code
    return redirect("core:landing")


# --- program admin -------------------------------------------------------------------------


def _filter_query(request) -> str:
    return urlencode({k: v for k, v in request.GET.items() if k != "page" and v})


ADMIN_LIST_PAGE_SIZE = 25  # entries per page of the admin list (rendering grows per row)
_STATUS_LABELS = dict(EntryStatus.choices)
_LANGUAGE_NAMES = dict(settings.LANGUAGES)


# statuses an admin may still withdraw (an applied entry is handled in its application)
WITHDRAWABLE = frozenset({EntryStatus.UNCONFIRMED, EntryStatus.WAITING, EntryStatus.INVITED})


class _EntryRow(NamedTuple):
    entry: CallbackEntry
    signed_up_on: str
    status: str
    withdraw_url: str  # the entry's page with the withdrawal form; "" when not withdrawable


def _entry_rows(entries) -> list[_EntryRow]:
    """The sign-up date, status label and entry link of each row, computed once per page in
    Python (`|date`, `get_status_display` and `{% url %}` per row cost more than the page's
    query)."""
    short_date = get_format("SHORT_DATE_FORMAT")
    entry_url = reverse("waitlist:entry_detail", kwargs={"pk": 0}).removesuffix("0/")
    return [
        _EntryRow(
            entry=entry,
            signed_up_on=dateformat.format(timezone.localtime(entry.signed_up_at), short_date),
            status=_STATUS_LABELS.get(entry.status, entry.status),
            withdraw_url=f"{entry_url}{entry.pk}/" if entry.status in WITHDRAWABLE else "",
        )
        for entry in entries
    ]


@role_required("admin")
@require_GET
def admin_list(request):
    form = CallbackFilterForm(request.GET)
    entries = selectors.callback_list(user=request.user, **form.filters())
    page = Paginator(entries, ADMIN_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "waitlist/admin_list.html",
        {
            "form": form,
            "page": page,
            "rows": _entry_rows(page.object_list),
            "query": _filter_query(request),
        },
    )


@role_required("admin")
@require_http_methods(["GET", "POST"])
def entry_detail(request, pk):
    """One entry as the program admin sees it, with the withdrawal form: a person may ask by
    phone or e-mail to leave the callback list (Law 25: consent withdrawn at any time)."""
    entry = get_object_or_404(selectors.callback_list(user=request.user), pk=pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if entry.status == EntryStatus.WITHDRAWN:
            messages.info(
                request, _("This entry had already been withdrawn from the callback list.")
            )
            return redirect("waitlist:admin_list")
        if form.is_valid():
            try:
                services.callback_withdraw(
                    entry=entry, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("waitlist:entry_detail", pk=entry.pk)
            messages.success(
                request,
                _(
                    "The entry was withdrawn from the callback list: its contact details were "
                    "erased and its consents marked withdrawn."
                ),
            )
            return redirect("waitlist:admin_list")
    return render(
        request,
        "waitlist/entry_detail.html",
        {
            "entry": entry,
            "status": _STATUS_LABELS.get(entry.status, entry.status),
            "language": _LANGUAGE_NAMES.get(entry.language[:2], entry.language),
            "can_withdraw": entry.status in WITHDRAWABLE,
            "consents": selectors.entry_consents(entry),
            "invitations": selectors.entry_invitations(entry),
            "form": form,
        },
    )


EXPORT_COLUMNS = [
    *importing.COLUMNS,
    "status",
    "source",
    "referral_partner",
    "wave",
    "eligibility",
]


class _Echo:
    def write(self, value):
        return value


@role_required("admin")
@require_GET
def admin_export(request):
    """The filtered list as CSV, streamed (the import format plus status columns)."""
    filters = CallbackFilterForm(request.GET).filters()
    entries = selectors.callback_list(user=request.user, **filters)
    services.callback_export_audit(
        actor=request.user,
        filters={k: str(getattr(v, "pk", v)) for k, v in filters.items() if v},
        count=entries.count(),
    )
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)
        for entry in entries.annotate(**selectors.consent_flags()).iterator(chunk_size=2000):
            local = timezone.localtime(entry.signed_up_at)
            values = {
                "business_name": entry.business_name,
                "contact_name": entry.contact_name,
                # a withdrawn entry keeps a placeholder address (the column is unique):
                # not an address anyone could write to
                "email": "" if entry.status == EntryStatus.WITHDRAWN else entry.email,
                "postal_code": entry.postal_code,
                "region": entry.region.code,
                "signed_up_at": local.strftime("%Y-%m-%d %H:%M:%S"),
                "consent_contact": "yes" if entry.has_contact else "no",
                "phone": entry.phone,
                "subsector": entry.subsector.code if entry.subsector else "",
                "employees": "" if entry.employees is None else entry.employees,
                "locations": entry.locations_count,
                "neq": entry.neq or "",
                "consent_newsletter": "yes" if entry.has_newsletter else "no",
                "consent_research": "yes" if entry.has_research else "no",
                "consent_version": entry.contact_version or "",
                "language": entry.language,
                "status": entry.status,
                "source": entry.source,
                "referral_partner": (
                    entry.referral_partner.organisation or entry.referral_partner.email
                    if entry.referral_partner
                    else ""
                ),
                "wave": entry.wave_name or "",
                "eligibility": entry.eligibility_outcome,
            }
            yield writer.writerow([rules.csv_safe(values[c]) for c in EXPORT_COLUMNS])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="callback-list-{stamp}.csv"'
    return response


@role_required("admin")
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            batch = services.callback_import_check(
                filename=upload.name, content=upload.read(), actor=request.user
            )
            return redirect("waitlist:import_detail", pk=batch.pk)
    else:
        form = ImportUploadForm()
    imports = selectors.import_list(user=request.user)[:20]
    return render(request, "waitlist/import_upload.html", {"form": form, "imports": imports})


REPORT_SHOWN = 200


def _issues(items: list[dict], limit: int | None = None) -> list[dict]:
    shown = items if limit is None else items[:limit]
    return [
        {
            "line": i["line"],
            "field": i["field"],
            "why": importing.issue_message(i["code"], i.get("params")),
        }
        for i in shown
    ]


@role_required("admin")
@require_http_methods(["GET", "POST"])
def import_detail(request, pk):
    batch = get_object_or_404(
        selectors.import_list(user=request.user).defer(None).defer("content"), pk=pk
    )
    if request.method == "POST":
        services.callback_import_queue(batch=batch, actor=request.user)
        return redirect("waitlist:import_detail", pk=batch.pk)
    report = batch.report or {}
    same_file = (
        CallbackImport.objects.filter(sha256=batch.sha256, status=CallbackImport.Status.APPLIED)
        .exclude(pk=batch.pk)
        .order_by("applied_at")
        .first()
    )
    return render(
        request,
        "waitlist/import_detail.html",
        {
            "batch": batch,
            "invalid": _issues(report.get("invalid", []), REPORT_SHOWN),
            "duplicates": _issues(report.get("duplicates", []), REPORT_SHOWN),
            "notes": _issues(report.get("notes", [])),
            "shown": REPORT_SHOWN,
            "same_file": same_file,
            "can_apply": batch.status
            in (CallbackImport.Status.CHECKED, CallbackImport.Status.FAILED)
            and batch.to_create + batch.moved_earlier > 0,
        },
    )


@role_required("admin")
@require_GET
def import_report(request, pk):
    """Every issue of an import as CSV: line, column, kind, reason (no personal values)."""
    batch = get_object_or_404(
        selectors.import_list(user=request.user).defer(None).defer("content"), pk=pk
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-report.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("line"), _("column"), _("kind"), _("reason")])
    report = batch.report or {}
    for kind, label in (
        ("invalid", _("invalid")),
        ("duplicates", _("duplicate")),
        ("notes", _("note")),
    ):
        for issue in _issues(report.get(kind, [])):
            writer.writerow([issue["line"], issue["field"], label, issue["why"]])
    return response


@role_required("admin")
@require_GET
def wave_list(request):
    waves = selectors.wave_list(user=request.user)
    return render(request, "waitlist/wave_list.html", {"waves": waves})


@role_required("admin")
@require_http_methods(["GET", "POST"])
def wave_create(request):
    form = WaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            wave = services.wave_create(
                actor=request.user,
                name=data["name"],
                places=data["places"],
                invitation_days=data["invitation_days"],
                reminder_days=data["reminder_days"],
                quotas=form.quotas(),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("The wave is open."))
            return redirect("waitlist:wave_detail", pk=wave.pk)
    return render(request, "waitlist/wave_form.html", {"form": form})


PREVIEW_SHOWN = 100


@role_required("admin")
@require_http_methods(["GET", "POST"])
def wave_detail(request, pk):
    wave = get_object_or_404(IntakeWave.objects.visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "send":
                services.wave_send(wave=wave, actor=request.user)
                messages.success(
                    request, _("Invitations are being sent: the list below updates as they go.")
                )
            elif action == "close":
                services.wave_close(wave=wave, actor=request.user)
                messages.success(request, _("The wave is closed."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("waitlist:wave_detail", pk=wave.pk)
    places = selectors.wave_places(wave)
    preview = selectors.wave_preview(wave=wave, places=places)
    invitations = Paginator(selectors.wave_invitations(wave=wave), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "waitlist/wave_detail.html",
        {
            "wave": wave,
            "free": places["free"],
            "taken": places["taken"],
            "preview": preview[:PREVIEW_SHOWN],
            "preview_count": len(preview),
            "preview_shown": PREVIEW_SHOWN,
            "regions": selectors.wave_region_table(places, preview),
            "invitations": invitations,
            "language": get_language(),
        },
    )
