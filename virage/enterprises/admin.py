from django.contrib import admin

from .models import (
    Application,
    Business,
    BusinessMember,
    Cohort,
    Contact,
    Decision,
    Location,
    Package,
    ReviewRequest,
)


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


class MemberInline(admin.TabularInline):
    model = BusinessMember
    extra = 0
    raw_id_fields = ["user"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    """Statuses change only through the program admin's pages (decisions are audited)."""

    list_display = ["legal_name", "neq", "region", "status", "package", "advisor"]
    list_filter = ["status", "region", "package", "cohort"]
    search_fields = ["legal_name", "operating_name", "neq"]
    readonly_fields = ["status", "applied_at", "enrolled_at", "status_changed_at"]
    inlines = [LocationInline, MemberInline, ContactInline]


@admin.register(Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = [
        "key",
        "name_fr",
        "coaching_minutes",
        "training_minutes",
        "min_locations",
        "max_locations",
        "is_active",
    ]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    can_delete = False
    readonly_fields = ["outcome", "proposal", "reason", "decided_by", "decided_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only here: decisions are made on the applications pages, never automatically."""

    list_display = ["business", "proposal", "submitted_at", "rules_version"]
    list_filter = ["proposal"]
    search_fields = ["business__legal_name", "business__neq"]
    inlines = [DecisionInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    list_display = ["application", "requested_by", "requested_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
