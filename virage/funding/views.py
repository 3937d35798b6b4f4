"""Budget pages (program admin): planned vs committed vs spent, burn, forecast, expenses."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from virage.accounts.permissions import role_required
from virage.programs.selectors import program_for

from . import selectors, services
from .forms import AccrueForm, ExpenseForm


@role_required("admin")
def budget(request):
    program = program_for(request)
    today = timezone.localdate()
    dashboard = selectors.budget_dashboard(program=program, today=today)
    peak = max((b["spent"] for b in dashboard.burn), default=0)
    burn = [{**b, "width": round(100 * b["spent"] / peak) if peak else 0} for b in dashboard.burn]
    context = {
        "rows": dashboard.rows,
        "totals": dashboard.totals,
        "burn": burn,
        "funders": dashboard.funders,
        "unassigned_spent": dashboard.unassigned_spent,
        "contributions_total": dashboard.contributions_total,
        "enrolled": dashboard.enrolled,
        "cost_per_enrolled": dashboard.cost_per_enrolled,
        "forecast": dashboard.forecast,
        "program": program,
        "recent": dashboard.recent,
    }
    return render(request, "funding/budget.html", context)


@role_required("admin")
def expense_add(request):
    form = ExpenseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.expense_record(
                actor=request.user,
                line=data["line"],
                kind=data["kind"],
                incurred_on=data["incurred_on"],
                amount_cents=data["amount"],
                description=data["description"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The expense was recorded."))
            return redirect("funding:budget")
    return render(request, "funding/expense_form.html", {"form": form})


@role_required("admin")
def accrue(request):
    form = AccrueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = services.expenses_accrue(month=form.cleaned_data["month"], actor=request.user)
        if created:
            messages.success(request, _("%(n)s accrual(s) recorded.") % {"n": len(created)})
        else:
            messages.info(
                request,
                _(
                    "Nothing to accrue: this month is already accrued, or "
                    "nothing was delivered, or a unit cost is missing."
                ),
            )
        return redirect("funding:budget")
    return render(request, "funding/accrue_form.html", {"form": form})
