from django.contrib import admin

from .models import AdvisorAssignment, AdvisorProfile, AllowanceExtension, Meeting


@admin.register(AdvisorProfile)
class AdvisorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "availability", "max_caseload"]
    list_filter = ["availability", "regions"]
    filter_horizontal = ["regions", "subsectors"]
    raw_id_fields = ["user"]


@admin.register(AdvisorAssignment)
class AdvisorAssignmentAdmin(admin.ModelAdmin):
    """History rows are written by services.advisor_assign: read-only here."""

    list_display = ["business", "advisor", "previous_advisor", "kind", "created_at"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Meetings are planned and logged from the coaching pages (allowance checks, e-mails):
    read-only here."""

    list_display = ["business", "advisor", "starts_at", "status", "actual_minutes"]
    list_filter = ["status", "mode"]
    date_hierarchy = "starts_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AllowanceExtension)
class AllowanceExtensionAdmin(admin.ModelAdmin):
    list_display = ["business", "minutes", "granted_by", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
