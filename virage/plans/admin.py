"""Plans in the Django admin: read-only (every change goes through `services`, which keep the
history and the business's path consistent). Advisors curate plans on the plan pages."""

from django.contrib import admin

from .models import Plan, PlanAction, PlanEvent


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActionInline(ReadOnly, admin.TabularInline):
    model = PlanAction
    fields = ["order", "title_fr", "category", "status", "target_date", "implemented_solution"]
    readonly_fields = fields
    extra = 0


class EventInline(ReadOnly, admin.TabularInline):
    model = PlanEvent
    fields = ["created_at", "actor", "kind", "action_title", "old_value", "new_value", "note"]
    readonly_fields = fields
    extra = 0


@admin.register(Plan)
class PlanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["business", "status", "rules_version", "created_at", "published_at"]
    list_filter = ["status", "rules_version"]
    search_fields = ["business__legal_name", "business__operating_name"]
    list_select_related = ["business"]
    inlines = [ActionInline, EventInline]
