"""Training pages: the public catalog and session pages, the merchant's trainings and hours,
the advisor's view of their businesses, the trainer's sessions and roster, the attestation,
and the program admin's modules, sessions and rates. Views parse, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from virage.accounts.permissions import is_advisor, is_merchant, role_required
from virage.enterprises.selectors import business_for_merchant

from . import permissions, selectors, services
from .forms import (
    CatalogFilterForm,
    ModuleForm,
    RegisterOnBehalfForm,
    ReplayForm,
    RosterForm,
    SessionCancelForm,
    SessionForm,
)
from .models import Registration, TrainingModule, TrainingSession


def _apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in error.messages:
            form.add_error(None, message)


# ------------------------------------------------------------------ public catalog


def catalog(request):
    """Upcoming sessions, filtered by region, mode, topic and language (GET form)."""
    form = CatalogFilterForm(request.GET or None)
    filters = selectors.CatalogFilters()
    if form.is_bound:
        form.is_valid()  # keep what is valid, show what is not
        data = getattr(form, "cleaned_data", {})
        filters = selectors.CatalogFilters(
            region=data.get("region"),
            mode=data.get("mode") or "",
            topic=data.get("topic") or "",
            language=data.get("language") or "",
        )
    sessions = list(selectors.catalog_sessions(filters=filters))
    mine = selectors.own_registrations(user=request.user, session_ids=[s.pk for s in sessions])
    rows = [(s, mine.get(s.pk)) for s in sessions]
    return render(request, "training/catalog.html", {"form": form, "rows": rows})


def session_detail(request, pk: int):
    """A session's public page; the online link and replay only for those entitled."""
    session = selectors.session_get(pk=pk)
    if session is None:
        raise Http404
    user = request.user
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(session=session, person=user).first()
    on_behalf = None
    if is_advisor(user) and session.status == TrainingSession.Status.SCHEDULED:
        on_behalf = RegisterOnBehalfForm(people=selectors.registrable_people(user=user))
    context = {
        "session": session,
        "module": session.module,
        "registration": registration,
        "show_link": permissions.sees_online_link(user, session, registration),
        "show_replay": permissions.sees_replay(user, session, registration),
        "runs_session": permissions.runs_session(user, session),
        "can_register": is_merchant(user)
        and session.status == TrainingSession.Status.SCHEDULED
        and not session.has_started(),
        "on_behalf": on_behalf,
        "now": timezone.now(),
    }
    return render(request, "training/session_detail.html", context)


@require_POST
@role_required("merchant", "advisor")
def session_register(request, pk: int):
    """A merchant registers themselves; an advisor registers a person of an assigned
    business. Full → waitlist. Submitting twice registers once."""
    session = get_object_or_404(TrainingSession, pk=pk)
    if is_merchant(request.user):
        business = business_for_merchant(user=request.user)
        if business is None:
            raise Http404
        person = request.user
    else:
        form = RegisterOnBehalfForm(
            request.POST, people=selectors.registrable_people(user=request.user)
        )
        if not form.is_valid():
            messages.error(request, _("Choose the person to register."))
            return redirect("training:session_detail", pk=session.pk)
        business, person = form.cleaned_data["person"]
    try:
        registration = services.registration_create(
            session=session, person=person, business=business, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("training:session_detail", pk=session.pk)
    name = person.get_full_name() or person.email
    if registration.status == Registration.Status.REGISTERED:
        messages.success(
            request,
            _("%(name)s is registered. A confirmation with a calendar file was sent by e-mail.")
            % {"name": name},
        )
    else:
        messages.warning(
            request,
            _(
                "The session is full: %(name)s is on the waitlist (position %(position)s). "
                "If a seat frees up, the seat is given automatically and an e-mail is sent."
            )
            % {"name": name, "position": registration.waitlist_position},
        )
    return redirect("training:session_detail", pk=session.pk)


@require_POST
@role_required("merchant", "advisor", "admin")
def registration_cancel(request, pk: int):
    registration = get_object_or_404(Registration.objects.visible_to(request.user), pk=pk)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration is cancelled."))
    next_page = request.POST.get("next")
    if next_page == "mine":
        return redirect("training:my_trainings")
    if next_page == "advisor":
        return redirect("training:advisor_trainings")
    return redirect("training:session_detail", pk=registration.session_id)


# ------------------------------------------------------------------ merchant and advisor


@role_required("merchant")
def my_trainings(request):
    """The business's registrations (all its people) and its training hours."""
    business = business_for_merchant(user=request.user)
    registrations = []
    allowance = None
    if business is not None:
        registrations = list(
            selectors.registration_list(user=request.user, business=business).exclude(
                status=Registration.Status.CANCELLED
            )
        )
        allowance = selectors.allowance_for(business=business)
    now = timezone.now()
    upcoming = [r for r in registrations if r.session.starts_at > now]
    upcoming.reverse()
    past = [r for r in registrations if r.session.starts_at <= now]
    return render(
        request,
        "training/my_trainings.html",
        {"business": business, "allowance": allowance, "upcoming": upcoming, "past": past},
    )


@role_required("advisor")
def advisor_trainings(request):
    """Trainings the advisor's businesses registered for and attended, with hours used."""
    businesses = list(selectors.advisor_businesses(user=request.user))
    selected = None
    business_id = request.GET.get("business", "")
    if business_id.isdigit():
        selected = next((b for b in businesses if b.pk == int(business_id)), None)
    registrations = selectors.registration_list(user=request.user, business=selected).exclude(
        status=Registration.Status.CANCELLED
    )
    return render(
        request,
        "training/advisor_trainings.html",
        {"businesses": businesses, "selected": selected, "registrations": list(registrations)},
    )


@login_required
def attestation(request, pk: int):
    """Printable attestation of participation, in the participant's language, for an
    attended registration only."""
    registration = get_object_or_404(
        Registration.objects.visible_to(request.user)
        .filter(status=Registration.Status.ATTENDED)
        .select_related("person", "business", "session__module", "session__trainer"),
        pk=pk,
    )
    language = registration.person.language or "fr"
    with translation.override(language):
        return render(
            request,
            "training/attestation.html",
            {
                "registration": registration,
                "session": registration.session,
                "issued": timezone.now(),
            },
        )


# ------------------------------------------------------------------ trainer


@role_required("trainer")
def trainer_sessions(request):
    sessions = list(selectors.trainer_sessions(user=request.user))
    now = timezone.now()
    upcoming = [s for s in sessions if s.starts_at > now]
    upcoming.reverse()
    past = [s for s in sessions if s.starts_at <= now]
    return render(request, "training/trainer_sessions.html", {"upcoming": upcoming, "past": past})


@role_required("trainer", "admin")
def roster(request, pk: int):
    """The session's people; once it has started, attendance and closing."""
    session = get_object_or_404(
        TrainingSession.objects.visible_to(request.user).select_related(
            "module", "region", "trainer"
        ),
        pk=pk,
    )
    registrations = list(selectors.roster(session=session))
    seated = [r for r in registrations if r.status == Registration.Status.REGISTERED]
    form = None
    replay_form = ReplayForm(initial={"replay_url": session.replay_url})
    open_for_attendance = (
        session.status == TrainingSession.Status.SCHEDULED and session.has_started()
    )
    if open_for_attendance:
        form = RosterForm(
            request.POST or None, registrations=seated, duration=session.duration_minutes
        )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "replay":
            replay_form = ReplayForm(request.POST)
            if replay_form.is_valid():
                services.session_set_replay(
                    session=session,
                    replay_url=replay_form.cleaned_data["replay_url"],
                    actor=request.user,
                )
                messages.success(request, _("The replay link is saved."))
                return redirect("training:roster", pk=session.pk)
        elif form is None:
            messages.error(request, _("Attendance can be taken once the session has started."))
            return redirect("training:roster", pk=session.pk)
        elif form.is_valid():
            try:
                if action == "close":
                    services.session_close(
                        session=session, entries=form.entries(), actor=request.user
                    )
                    messages.success(
                        request,
                        _("The session is closed and the attended hours are credited."),
                    )
                else:
                    services.attendance_record(
                        session=session, entries=form.entries(), actor=request.user
                    )
                    messages.success(request, _("Attendance saved."))
                return redirect("training:roster", pk=session.pk)
            except ValidationError as error:
                _apply_errors(form, error)
    return render(
        request,
        "training/roster.html",
        {
            "session": session,
            "registrations": registrations,
            "seated": seated,
            "waitlisted": [r for r in registrations if r.status == Registration.Status.WAITLISTED],
            "form": form,
            "replay_form": replay_form,
            "show_link": permissions.sees_online_link(request.user, session),
        },
    )


# ------------------------------------------------------------------ program admin


@role_required("admin")
def manage(request):
    """Modules and sessions of the program."""
    return render(
        request,
        "training/manage.html",
        {
            "modules": list(selectors.admin_modules()),
            "sessions": list(selectors.admin_sessions()),
            "now": timezone.now(),
        },
    )


@role_required("admin")
def rates(request):
    """Fill rate and attendance rate per module and per region, as tables."""
    return render(
        request,
        "training/rates.html",
        {
            "by_module": selectors.rates_by_module(),
            "by_region": selectors.rates_by_region(online_label=_("Online")),
        },
    )


@role_required("admin")
def module_create(request):
    form = ModuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            module = services.module_create(data=form.cleaned_data, actor=request.user)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Module “%(title)s” created.") % {"title": module.title})
            return redirect("training:manage")
    return render(request, "training/module_form.html", {"form": form, "module": None})


@role_required("admin")
def module_edit(request, pk: int):
    module = get_object_or_404(TrainingModule.objects.prefetch_related("topics"), pk=pk)
    if request.method == "POST":
        form = ModuleForm(request.POST, module=module)
        if form.is_valid():
            try:
                services.module_update(module=module, data=form.cleaned_data, actor=request.user)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Module “%(title)s” saved.") % {"title": module.title})
                return redirect("training:manage")
    else:
        form = ModuleForm(initial=ModuleForm.initial_for(module), module=module)
    return render(request, "training/module_form.html", {"form": form, "module": module})


@role_required("admin")
def session_create(request):
    default = services.default_cancellation_deadline_hours()
    form = SessionForm(request.POST or None, default_deadline=default)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(data=form.service_data(), actor=request.user)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Session scheduled."))
            return redirect("training:session_detail", pk=session.pk)
    return render(request, "training/session_form.html", {"form": form, "session": None})


@role_required("admin")
def session_edit(request, pk: int):
    session = get_object_or_404(TrainingSession.objects.select_related("module"), pk=pk)
    default = services.default_cancellation_deadline_hours()
    if request.method == "POST":
        form = SessionForm(request.POST, default_deadline=default)
        if form.is_valid():
            try:
                services.session_update(
                    session=session, data=form.service_data(), actor=request.user
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Session saved."))
                return redirect("training:session_detail", pk=session.pk)
    else:
        form = SessionForm(initial=SessionForm.initial_for(session), default_deadline=default)
    return render(request, "training/session_form.html", {"form": form, "session": session})


@role_required("admin")
def session_cancel(request, pk: int):
    session = get_object_or_404(TrainingSession.objects.select_related("module"), pk=pk)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(
                session=session, reason=form.cleaned_data["reason"], actor=request.user
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The session is cancelled and the participants are told."))
            return redirect("training:manage")
    return render(request, "training/session_cancel.html", {"form": form, "session": session})
