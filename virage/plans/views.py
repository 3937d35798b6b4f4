"""Plan pages: the merchant's plan, the advisor's list and curation, the printable plan.

Thin views: parse the form, call one service, render. Objects come from
`Plan.objects.visible_to(user)`: outside one's scope is a 404.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from virage.accounts.permissions import role_required
from virage.enterprises.selectors import business_for_merchant

from . import permissions, selectors, services, transitions
from .forms import ActionAddForm, ActionEditForm, CommentForm, PlanFilterForm, StatusForm
from .models import Plan
from .presenters import history

MERCHANT_ADVISOR_ADMIN = ("merchant", "advisor", "admin")
ADVISOR_ADMIN = ("advisor", "admin")


def _apply_errors(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form: field errors on their fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _plan_or_404(request, pk: int) -> Plan:
    plan = selectors.plan_get(user=request.user, pk=pk)
    if plan is None:
        raise Http404
    return plan


def _action_or_404(request, pk: int):
    action = selectors.action_get(user=request.user, pk=pk)
    if action is None:
        raise Http404
    return action


def plan_url(plan: Plan) -> str:
    return reverse("plans:detail", kwargs={"pk": plan.pk})


def _decorate(actions, *, role, today) -> list:
    """Per action: overdue? which statuses may the user choose next?"""
    for action in actions:
        action.overdue = action.is_overdue(today)
        action.next_statuses = transitions.next_statuses(action.status, role)
    return actions


def _render_plan(request, plan: Plan | None, *, comment_form=None, status=200):
    user = request.user
    today = timezone.localdate()
    context = {"plan": plan, "today": today}
    if plan is not None:
        actions = _decorate(
            selectors.plan_actions(plan=plan), role=permissions.plan_role(user), today=today
        )
        implemented = sum(1 for a in actions if a.status == transitions.IMPLEMENTED)
        dropped = sum(1 for a in actions if a.status == transitions.DROPPED)
        context.update(
            actions=actions,
            progress=selectors.Progress(len(actions), implemented, dropped),
            history=history(selectors.plan_events(plan=plan)),
            can_curate=permissions.can_curate(user),
            can_respond=permissions.can_respond(user) and plan.is_published,
            can_update_status=permissions.can_update_status(user, plan_status=plan.status),
            comment_form=comment_form or CommentForm(),
        )
    return render(request, "plans/plan_detail.html", context, status=status)


@role_required("merchant")
def my_plan(request):
    """The merchant's current published plan, or a word on what comes first."""
    business = business_for_merchant(user=request.user)
    plan = selectors.plan_current(user=request.user, business=business) if business else None
    return _render_plan(request, plan)


@role_required(*MERCHANT_ADVISOR_ADMIN)
def plan_detail(request, pk: int):
    return _render_plan(request, _plan_or_404(request, pk))


PLANS_PER_PAGE = 20  # rows per page: rendering cost grows with each row
OVERDUE_PER_PAGE = 10


class _CountedPaginator(Paginator):
    """A paginator given its total, counted by a cheaper query than the listed one."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _plan_url_maker():
    """plan id → URL of the plan's page: reversed once, then filled in with each id (the
    plan list has many lines and `reverse` is slow)."""
    marker = "2147483647"
    pattern = reverse("plans:detail", kwargs={"pk": int(marker)})
    return lambda pk: pattern.replace(marker, str(pk))


def _query_without(request, *names: str) -> str:
    """The query string minus `names` (to add a page number to)."""
    return urlencode({k: v for k, v in request.GET.items() if k not in names and v})


@role_required(*ADVISOR_ADMIN)
def plan_list(request):
    """The plans of the advisor's businesses (all for an admin), filtered and paged, with
    their progress; and the overdue actions, oldest first, paged on their own. A fixed
    number of queries whatever the number of plans: totals are counts, progress is counted
    for the plans on the page only."""
    user, today = request.user, timezone.localdate()
    form = PlanFilterForm(request.GET)
    filters = form.filters()
    ids = selectors.plan_rows(user=user, today=today, **filters).values_list("pk", flat=True)
    page = Paginator(ids, PLANS_PER_PAGE).get_page(request.GET.get("page"))
    plans = selectors.plan_lines(ids=list(page.object_list), today=today)
    overdue_page = _CountedPaginator(
        selectors.overdue_values(user=user, today=today),
        OVERDUE_PER_PAGE,
        count=selectors.overdue_count(user=user, today=today),
    ).get_page(request.GET.get("overdue_page"))
    overdue = selectors.overdue_lines(overdue_page.object_list, today=today)
    plan_url = _plan_url_maker()
    for line in plans:
        line.url = plan_url(line.pk)
    for line in overdue:
        line.url = plan_url(line.plan_id)
    return render(
        request,
        "plans/plan_list.html",
        {
            "form": form,
            "filters": filters,
            "filtered": any(filters.values()),
            "page": page,
            "plans": plans,
            "query": _query_without(request, "page"),
            "overdue_page": overdue_page,
            "overdue": overdue,
            "overdue_query": _query_without(request, "overdue_page"),
            "today": today,
        },
    )


def _merchant_language(plan: Plan) -> str:
    """The language of the business's owner (its first member otherwise); French if none."""
    member = (
        plan.business.members.select_related("user")
        .order_by(
            Case(When(role="owner", then=Value(0)), default=Value(1), output_field=IntegerField()),
            "id",
        )
        .first()
    )
    return member.user.language if member else "fr"


@role_required(*MERCHANT_ADVISOR_ADMIN)
def plan_print(request, pk: int):
    """The plan to print (or save as PDF from the browser), in the merchant's language."""
    plan = _plan_or_404(request, pk)
    language = _merchant_language(plan)
    with translation.override(language):
        response = render(
            request,
            "plans/plan_print.html",
            {
                "plan": plan,
                "actions": _decorate(
                    selectors.plan_actions(plan=plan),
                    role=permissions.plan_role(request.user),
                    today=timezone.localdate(),
                ),
                "today": timezone.localdate(),
                "print_language": language,
            },
        )
    response["Content-Language"] = language
    return response


@require_POST
@role_required(*ADVISOR_ADMIN)
def plan_publish(request, pk: int):
    plan = _plan_or_404(request, pk)
    try:
        services.plan_publish(plan=plan, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The plan is published: the merchant can now see it."))
    return redirect("plans:detail", pk=plan.pk)


@require_POST
@role_required(*ADVISOR_ADMIN)
def plan_refresh_links(request, pk: int):
    plan = _plan_or_404(request, pk)
    changed = services.plan_refresh_links(plan=plan, actor=request.user)
    if changed:
        messages.success(
            request,
            ngettext(
                "Training and capsules updated for %(n)s action.",
                "Training and capsules updated for %(n)s actions.",
                changed,
            )
            % {"n": changed},
        )
    else:
        messages.info(request, _("Training and capsules were already up to date."))
    return redirect("plans:detail", pk=plan.pk)


@require_POST
@role_required("merchant")
def plan_accept(request, pk: int):
    plan = _plan_or_404(request, pk)
    try:
        services.plan_accept(plan=plan, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("You accepted the plan. Your advisor is notified."))
    return redirect("plans:detail", pk=plan.pk)


@require_POST
@role_required("merchant")
def plan_comment(request, pk: int):
    plan = _plan_or_404(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.plan_comment(plan=plan, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Your comment was sent to your advisor."))
            return redirect("plans:detail", pk=plan.pk)
    return _render_plan(request, plan, comment_form=form)


@role_required(*ADVISOR_ADMIN)
def action_add(request, pk: int):
    plan = _plan_or_404(request, pk)
    form = ActionAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.plan_action_add(plan=plan, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The action was added to the plan."))
            return redirect(f"{plan_url(plan)}#action-{action.pk}")
    return render(request, "plans/action_form.html", {"plan": plan, "form": form, "action": None})


@role_required(*ADVISOR_ADMIN)
def action_edit(request, pk: int):
    action = _action_or_404(request, pk)
    initial = {name: getattr(action, name) for name in services.EDITABLE_FIELDS}
    form = ActionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_action_update(action=action, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The action was saved."))
            return redirect(f"{plan_url(action.plan)}#action-{action.pk}")
    return render(
        request, "plans/action_form.html", {"plan": action.plan, "form": form, "action": action}
    )


@require_POST
@role_required(*ADVISOR_ADMIN)
def action_remove(request, pk: int):
    action = _action_or_404(request, pk)
    try:
        services.plan_action_remove(action=action, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The action was removed from the draft."))
    return redirect("plans:detail", pk=action.plan_id)


@require_POST
@role_required(*ADVISOR_ADMIN)
def action_move(request, pk: int):
    action = _action_or_404(request, pk)
    try:
        position = int(request.POST.get("position", ""))
    except ValueError:
        position = None
    try:
        services.plan_action_move(
            action=action,
            actor=request.user,
            direction=request.POST.get("direction", ""),
            from_position=position,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{plan_url(action.plan)}#action-{action.pk}")


@role_required(*MERCHANT_ADVISOR_ADMIN)
def action_status(request, pk: int):
    """Change an action's status (implemented: which solution and when; dropped: why)."""
    action = _action_or_404(request, pk)
    role = permissions.plan_role(request.user)
    candidates, others = selectors.solution_choices(action=action)
    form = StatusForm(
        request.POST or None, action=action, role=role, candidates=candidates, others=others
    )
    allowed = permissions.can_update_status(request.user, plan_status=action.plan.status)
    if request.method == "POST" and allowed and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_action_set_status(
                action=action,
                actor=request.user,
                status=data["status"],
                solution=data["solution"],
                implemented_at=data["implemented_at"],
                implemented_note=data["implemented_note"],
                reason=data["reason"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The action's status was updated."))
            return redirect(f"{plan_url(action.plan)}#action-{action.pk}")
    return render(
        request,
        "plans/action_status.html",
        {"plan": action.plan, "action": action, "form": form, "allowed": allowed},
    )
