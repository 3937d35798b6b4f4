"""Coaching pages: parse the request, call one service or selector, render.

Objects come from `visible_to(user)`: a business or meeting outside one's scope is a 404;
a page of another role is a 403 (`role_required`)."""

from __future__ import annotations

import html
from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from virage.accounts.models import Role, User
from virage.accounts.permissions import role_required
from virage.core.i18n import current_language
from virage.core.templatetags.virage import hours
from virage.enterprises.models import Business, Cohort

from . import integrations, selectors, services
from .forms import (
    AdvisorProfileForm,
    AssignForm,
    BulkConfirmForm,
    ExtensionForm,
    MeetingCancelForm,
    MeetingCorrectForm,
    MeetingLogForm,
    MeetingPlanForm,
    YearForm,
)
from .models import AdvisorProfile, Meeting
from .permissions import can_coach, can_correct_meeting, can_see_private_notes
from .templatetags.coaching import allowance_badge

ADMIN = Role.ADMIN
ADVISOR = Role.ADVISOR
MERCHANT = Role.MERCHANT


def _apply_errors(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form's fields (or to the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _staff_business(request, pk) -> Business:
    return get_object_or_404(
        Business.objects.visible_to(request.user).select_related(
            "region", "subsector", "advisor", "package", "cohort"
        ),
        pk=pk,
    )


def _staff_meeting(request, pk) -> Meeting:
    meeting = selectors.meeting_for_staff(user=request.user, pk=pk)
    if meeting is None:
        raise Http404
    return meeting


# --- Merchant ----------------------------------------------------------------------------------


@role_required(MERCHANT)
def my_coaching(request):
    """The merchant's advisor, hours used and left, upcoming and past meetings, next steps."""
    data = selectors.merchant_coaching(user=request.user)
    return render(request, "coaching/my_coaching.html", {"data": data})


@role_required(MERCHANT, ADVISOR, ADMIN)
def meeting_ics(request, pk):
    """Download a meeting's invitation (.ics) again; no private notes inside."""
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user)
        .select_related("business", "advisor")
        .exclude(status=Meeting.Status.CANCELLED),
        pk=pk,
    )
    content = services.meeting_ics(meeting=meeting, language=current_language())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="virage-coaching-{meeting.pk}.ics"'
    return response


# --- Advisor -----------------------------------------------------------------------------------


class _CaseloadLine(NamedTuple):
    """A caseload row and its cells, formatted once in Python: per-row `{% url %}`, `|date`,
    `|hours`, `get_status_display` and `{% blocktranslate %}` cost more than the queries."""

    row: selectors.CaseloadRow
    url: str
    name: str
    region: str
    status: str
    used: str
    total: str
    badge: str
    percent: str
    plan: str
    trainings: int
    last_contact: str
    days_ago: str
    next_meeting: str
    reasons: list[str]

    def html(self, no_meeting: str, no: str) -> str:
        """The table row, escaped like the template did (`html.escape` on every value) and
        built with one f-string: a template loop over the rows cost more than the page's
        queries, and `format_html` about as much."""
        e = _escape
        region = f'<br><span class="help">{e(self.region)}</span>' if self.region else ""
        if self.last_contact:
            last = f'{e(self.last_contact)}<br><span class="help">{e(self.days_ago)}</span>'
        else:
            last = e(no_meeting)
        if self.reasons:
            items = "".join(
                f'<li><span class="badge badge-warn">{e(r)}</span></li>' for r in self.reasons
            )
            flags = f'<ul class="coaching-flags">{items}</ul>'
        else:
            flags = f'<span class="visually-hidden">{e(no)}</span>—'
        return mark_safe(  # noqa: S308 — every value above is escaped
            f'<tr><th scope="row"><a href="{e(self.url)}">{e(self.name)}</a>{region}</th>'
            f"<td>{e(self.status)}</td>"
            f'<td class="num">{e(self.used)} / {e(self.total)} h '
            f'<span class="badge badge-{e(self.badge)}">{e(self.percent)}</span></td>'
            f'<td class="num">{e(self.plan)}</td><td class="num">{e(self.trainings)}</td>'
            f"<td>{last}</td><td>{e(self.next_meeting or '—')}</td><td>{flags}</td></tr>"
        )


def _escape(value) -> str:
    return html.escape(str(value), quote=True)


_STATUS_LABELS = dict(Business.Status.choices)
CASELOAD_PAGE_SIZE = 25
_PK_MARK = 918273645  # a pk placeholder: reverse() once per page, not once per row


def _caseload_lines(rows) -> list[_CaseloadLine]:
    language = current_language()
    detail = reverse("coaching:business", args=[_PK_MARK])
    short_date, time_format = get_format("SHORT_DATE_FORMAT"), get_format("TIME_FORMAT")

    def day(value):
        return dateformat.format(timezone.localtime(value), short_date)

    lines = []
    for row in rows:
        b, allowance = row.business, row.allowance
        days = row.days_without_contact
        lines.append(
            _CaseloadLine(
                row=row,
                url=detail.replace(str(_PK_MARK), str(b.pk)),
                name=b.name,
                region=b.region.name if b.region_id else "",
                status=_STATUS_LABELS.get(b.status, b.status),
                used=hours(allowance.used),
                total=hours(allowance.total),
                badge=allowance_badge(allowance),
                percent=_("%(percent)s%%") % {"percent": allowance.percent},
                plan=f"{row.plan.implemented} / {row.plan.total}" if row.plan else "—",
                trainings=row.trainings_attended,
                last_contact=day(row.last_contact) if row.last_contact else "",
                days_ago=(
                    ngettext("%(days)s day ago", "%(days)s days ago", days) % {"days": days}
                    if row.last_contact
                    else ""
                ),
                next_meeting=(
                    day(row.next_meeting)
                    + " "
                    + dateformat.time_format(timezone.localtime(row.next_meeting), time_format)
                    if row.next_meeting
                    else ""
                ),
                reasons=[reason.message(language) for reason in row.attention],
            )
        )
    return lines


@role_required(ADVISOR)
def caseload(request):
    rows = selectors.caseload(user=request.user)
    page = Paginator(rows, CASELOAD_PAGE_SIZE).get_page(request.GET.get("page"))
    no_meeting, no = _("No meeting yet"), _("No")
    return render(
        request,
        "coaching/caseload.html",
        {
            "rows": rows,
            "page": page,
            "lines": [line.html(no_meeting, no) for line in _caseload_lines(page.object_list)],
            "attention_count": sum(1 for r in rows if r.needs_attention),
        },
    )


@role_required(ADVISOR, ADMIN)
def business_detail(request, pk):
    """A business's coaching file (staff): allowance, meetings with private notes, extensions,
    advisor history."""
    business = _staff_business(request, pk)
    user = request.user
    meetings = list(selectors.meetings_for_business(user=user, business=business))
    now = timezone.now()
    return render(
        request,
        "coaching/business_detail.html",
        {
            "business": business,
            "allowance": selectors.allowance_for(business=business),
            "upcoming": [m for m in meetings if m.status == Meeting.Status.PLANNED],
            "held": [m for m in meetings if m.status == Meeting.Status.HELD],
            "cancelled": [m for m in meetings if m.status == Meeting.Status.CANCELLED],
            "extensions": list(selectors.extensions_for_business(user=user, business=business)),
            "history": list(selectors.assignment_history(user=user, business=business)),
            "can_coach": can_coach(user, business),
            "can_correct": can_correct_meeting(user, business),
            "show_private_notes": can_see_private_notes(user, business),
            "is_admin": user.role == ADMIN,
            "now": now,
        },
    )


@role_required(ADVISOR)
def meeting_plan(request, pk):
    business = _staff_business(request, pk)
    if not can_coach(request.user, business):
        raise PermissionDenied
    if request.method == "POST":
        form = MeetingPlanForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_plan(
                    business=business,
                    actor=request.user,
                    starts_at=data["starts_at"],
                    planned_minutes=data["planned_minutes"],
                    mode=data["mode"],
                    location=data["location"],
                    agenda=data["agenda"],
                    request_token=data.get("request_token"),
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Meeting planned: the invitation was sent to the merchant by e-mail."),
                )
                return redirect("coaching:meeting_detail", pk=meeting.pk)
    else:
        primary = business.locations.filter(is_primary=True).first()
        initial = {"mode": Meeting.Mode.ON_SITE}
        if primary:
            initial["location"] = f"{primary.address}, {primary.city} {primary.postal_code}"
        form = MeetingPlanForm(initial=initial)
    return render(request, "coaching/meeting_plan.html", {"business": business, "form": form})


@role_required(ADVISOR, ADMIN)
def meeting_detail(request, pk):
    meeting = _staff_meeting(request, pk)
    business = meeting.business
    actions = list(meeting.plan_actions.all())
    return render(
        request,
        "coaching/meeting_detail.html",
        {
            "meeting": meeting,
            "business": business,
            "plan_actions": actions,
            "can_coach": can_coach(request.user, business),
            "can_correct": can_correct_meeting(request.user, business)
            and meeting.status == Meeting.Status.HELD,
            "can_log": can_coach(request.user, business)
            and meeting.status == Meeting.Status.PLANNED
            and meeting.starts_at <= timezone.now(),
            "show_private_notes": can_see_private_notes(request.user, business),
            "cancel_form": MeetingCancelForm(),
        },
    )


@role_required(ADVISOR)
def meeting_log(request, pk):
    meeting = _staff_meeting(request, pk)
    business = meeting.business
    if not can_coach(request.user, business):
        raise PermissionDenied
    if meeting.status == Meeting.Status.HELD:
        messages.info(request, _("This meeting is already logged."))
        return redirect("coaching:meeting_detail", pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise Http404
    choices = integrations.plan_action_choices(business, user=request.user)
    allowance = selectors.allowance_for(business=business)
    exceeded = False
    if request.method == "POST":
        form = MeetingLogForm(request.POST, action_choices=choices)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.meeting_log(
                    meeting=meeting,
                    actor=request.user,
                    actual_minutes=data["actual_minutes"],
                    topics=data["topics"],
                    next_steps=data["next_steps"],
                    private_notes=data["private_notes"],
                    plan_action_ids=data.get("plan_actions", []),
                )
            except services.AllowanceExceeded as exc:
                exceeded = True
                _apply_errors(form, exc)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Meeting logged."))
                _allowance_warning(request, business)
                return redirect("coaching:meeting_detail", pk=meeting.pk)
    else:
        form = MeetingLogForm(
            initial={"actual_minutes": meeting.planned_minutes}, action_choices=choices
        )
    return render(
        request,
        "coaching/meeting_log.html",
        {
            "meeting": meeting,
            "business": business,
            "form": form,
            "allowance": allowance,
            "exceeded": exceeded,
            "started": meeting.starts_at <= timezone.now(),
        },
    )


def _allowance_warning(request, business) -> None:
    """After minutes were counted: warn from 80 % of the allowance (one query)."""
    after = selectors.allowance_for(business=business)
    if after.needs_attention:
        messages.warning(
            request,
            _(
                "%(business)s has used %(percent)s%% of its coaching allowance "
                "(%(used)s of %(total)s minutes)."
            )
            % {
                "business": business.name,
                "percent": after.percent,
                "used": after.used,
                "total": after.total,
            },
        )


@role_required(ADVISOR, ADMIN)
def meeting_correct(request, pk):
    """Correct a meeting held (minutes, topics, next steps, private notes) with a reason: the
    business's advisor or a program admin. GET shows the values recorded; a meeting not held
    gets an explanation instead of the form."""
    meeting = _staff_meeting(request, pk)
    business = meeting.business
    user = request.user
    if not can_correct_meeting(user, business):
        raise PermissionDenied
    show_notes = can_see_private_notes(user, business)
    refusal = services.meeting_correction_refusal(meeting)
    form = None
    exceeded = False
    if refusal is None:
        if request.method == "POST":
            form = MeetingCorrectForm(request.POST, show_private_notes=show_notes)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    result = services.meeting_correct(
                        meeting=meeting,
                        actor=user,
                        actual_minutes=data["actual_minutes"],
                        topics=data["topics"],
                        next_steps=data["next_steps"],
                        private_notes=data["private_notes"] if show_notes else None,
                        reason=data["reason"],
                    )
                except services.AllowanceExceeded as exc:
                    exceeded = True
                    _apply_errors(form, exc)
                except ValidationError as exc:
                    _apply_errors(form, exc)
                else:
                    if result.changed:
                        messages.success(request, _("Meeting corrected."))
                        if "actual_minutes" in result.changed:
                            _allowance_warning(request, business)
                    else:
                        messages.info(request, _("Nothing was changed: the values were the same."))
                    return redirect("coaching:business", pk=business.pk)
        else:
            initial = {
                "actual_minutes": meeting.actual_minutes,
                "topics": meeting.topics,
                "next_steps": meeting.next_steps,
            }
            if show_notes:
                initial["private_notes"] = meeting.private_notes
            form = MeetingCorrectForm(initial=initial, show_private_notes=show_notes)
    return render(
        request,
        "coaching/meeting_correct.html",
        {
            "meeting": meeting,
            "business": business,
            "form": form,
            "refusal": refusal,
            "allowance": selectors.allowance_for(business=business),
            "exceeded": exceeded,
            "is_admin": user.role == ADMIN,
        },
    )


@require_POST
@role_required(ADVISOR)
def meeting_cancel(request, pk):
    meeting = _staff_meeting(request, pk)
    form = MeetingCancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.meeting_cancel(meeting=meeting, actor=request.user, reason=reason)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Meeting cancelled: the merchant was notified by e-mail."))
    return redirect("coaching:meeting_detail", pk=meeting.pk)


# --- Program admin -----------------------------------------------------------------------------


@role_required(ADMIN)
def advisors(request):
    """Every advisor's profile and load, and coaching hours held per month of a year."""
    form = YearForm(request.GET or None)
    year = timezone.localdate().year
    if form.is_valid() and form.cleaned_data.get("year"):
        year = form.cleaned_data["year"]
    overview = selectors.advisor_load_overview(user=request.user, year=year)
    return render(
        request,
        "coaching/advisors.html",
        {
            "form": form,
            "year": year,
            "profiles": list(selectors.advisor_profiles_with_load()),
            "without_profile": list(selectors.advisors_without_profile(user=request.user)),
            "overview": overview,
            "previous_year": year - 1,
            "next_year": year + 1,
        },
    )


@role_required(ADMIN)
def advisor_edit(request, user_pk):
    advisor = get_object_or_404(User, pk=user_pk, role=Role.ADVISOR)
    profile = AdvisorProfile.objects.filter(user=advisor).first()
    if request.method == "POST":
        form = AdvisorProfileForm(request.POST)
        if form.is_valid():
            try:
                services.advisor_profile_save(
                    advisor=advisor, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Advisor profile saved."))
                return redirect("coaching:advisors")
    elif profile is not None:
        form = AdvisorProfileForm(
            initial={
                "regions": list(profile.regions.all()),
                "languages": profile.languages,
                "subsectors": list(profile.subsectors.all()),
                "max_caseload": profile.max_caseload,
                "availability": profile.availability,
            }
        )
    else:
        form = AdvisorProfileForm(
            initial={
                "languages": ["fr"],
                "max_caseload": 40,
                "availability": AdvisorProfile.Availability.ACTIVE,
            }
        )
    return render(
        request,
        "coaching/advisor_edit.html",
        {"advisor": advisor, "profile": profile, "form": form},
    )


@role_required(ADMIN)
def assignments(request):
    """Businesses to assign (or, with ?show=assigned, those assigned), and cohorts."""
    show = request.GET.get("show", "unassigned")
    qs = selectors.assignable_businesses(user=request.user)
    qs = qs.filter(advisor__isnull=show != "assigned")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "coaching/assignments.html",
        {
            "page": page,
            "show": "assigned" if show == "assigned" else "unassigned",
            "cohorts": Cohort.objects.order_by("-starts_on", "name"),
        },
    )


@role_required(ADMIN)
def assign(request, pk):
    business = get_object_or_404(selectors.assignable_businesses(user=request.user), pk=pk)
    suggestions = selectors.advisor_suggestions(user=request.user, business=business)
    reassigning = business.advisor_id is not None
    if request.method == "POST":
        form = AssignForm(request.POST, suggestions=suggestions, reassigning=reassigning)
        if form.is_valid():
            advisor = User.objects.get(pk=form.cleaned_data["advisor"])
            try:
                row = services.advisor_assign(
                    business=business,
                    advisor=advisor,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                if row is None:
                    messages.info(request, _("This advisor was already assigned: nothing changed."))
                else:
                    messages.success(
                        request,
                        _("%(advisor)s now advises %(business)s.")
                        % {"advisor": advisor.get_full_name(), "business": business.name},
                    )
                return redirect("coaching:assignments")
    else:
        form = AssignForm(suggestions=suggestions, reassigning=reassigning)
    return render(
        request,
        "coaching/assign.html",
        {
            "business": business,
            "suggestions": suggestions,
            "form": form,
            "reassigning": reassigning,
            "history": list(selectors.assignment_history(user=request.user, business=business)),
        },
    )


def _bulk_selection(request):
    """Unassigned businesses of the chosen cohort, or those ticked (?business=…)."""
    qs = selectors.assignable_businesses(user=request.user).filter(advisor__isnull=True)
    source = request.POST if request.method == "POST" else request.GET
    cohort = None
    cohort_id = source.get("cohort")
    ids = [int(v) for v in source.getlist("business") if v.isdigit()]
    if cohort_id and cohort_id.isdigit():
        cohort = get_object_or_404(Cohort, pk=int(cohort_id))
        qs = qs.filter(cohort=cohort)
    elif ids:
        qs = qs.filter(pk__in=ids)
    else:
        qs = qs.none()
    return cohort, ids, list(qs)


@role_required(ADMIN)
def bulk_assign(request):
    """Preview (GET) the balanced proposals for a cohort or a selection, then confirm (POST)
    the ticked ones, all or nothing."""
    cohort, ids, businesses = _bulk_selection(request)
    proposals = selectors.bulk_proposals(user=request.user, businesses=businesses)
    pairs = [(p.business_id, p.advisor_id) for p in proposals if p.advisor_id]
    if request.method == "POST":
        form = BulkConfirmForm(request.POST, pairs=_posted_pairs(request))
        if form.is_valid():
            try:
                result = services.assignment_bulk_apply(pairs=form.pairs(), actor=request.user)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Assigned: %(assigned)s. Already assigned: %(unchanged)s.")
                    % {"assigned": result.assigned, "unchanged": result.unchanged},
                )
                return redirect("coaching:assignments")
    else:
        form = BulkConfirmForm(pairs=pairs, initial={"pair": [f"{b}:{a}" for b, a in pairs]})
    by_business = {b.pk: b for b in businesses}
    names = {a.pk: a for a in User.objects.filter(pk__in={a for _b, a in pairs})}
    rows = [
        {
            "business": by_business.get(p.business_id),
            "advisor": names.get(p.advisor_id),
            "proposal": p,
            "value": f"{p.business_id}:{p.advisor_id}" if p.advisor_id else "",
        }
        for p in proposals
    ]
    return render(
        request,
        "coaching/bulk_assign.html",
        {"cohort": cohort, "ids": ids, "rows": rows, "form": form},
    )


def _posted_pairs(request) -> list[tuple[int, int]]:
    """The pairs the admin saw and ticked: each must still be a valid (business, advisor) pair
    of ids; the service checks everything else under lock."""
    result = []
    for value in request.POST.getlist("pair"):
        business, _sep, advisor = value.partition(":")
        if business.isdigit() and advisor.isdigit():
            result.append((int(business), int(advisor)))
    return result


@role_required(ADMIN)
def extension(request, pk):
    business = _staff_business(request, pk)
    allowance = selectors.allowance_for(business=business)
    if request.method == "POST":
        form = ExtensionForm(request.POST)
        if form.is_valid():
            try:
                services.allowance_extension_grant(
                    business=business,
                    minutes=form.cleaned_data["minutes"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    request_token=form.cleaned_data.get("request_token"),
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Extension granted."))
                return redirect(reverse("coaching:business", kwargs={"pk": business.pk}))
    else:
        form = ExtensionForm()
    return render(
        request,
        "coaching/extension.html",
        {"business": business, "allowance": allowance, "form": form},
    )
