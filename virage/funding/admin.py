from django.contrib import admin

from .models import BudgetLine, Contribution, Expense, Funder, UnitCost


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 0


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["key", "name_fr", "government"]
    filter_horizontal = ["users"]
    inlines = [ContributionInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["category", "funder", "planned_cents"]


@admin.register(UnitCost)
class UnitCostAdmin(admin.ModelAdmin):
    list_display = ["kind", "amount_cents", "valid_from"]


@admin.register(Expense)
class ExpenseAdmin(admin.ModelAdmin):
    list_display = ["incurred_on", "line", "kind", "source", "amount_cents", "description"]
    list_filter = ["kind", "source", "line__category"]
    readonly_fields = ["source", "source_key", "created_by"]
