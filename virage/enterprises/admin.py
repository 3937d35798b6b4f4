from django.contrib import admin

from .models import Business, BusinessMember, Cohort, Location, Package


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


class MemberInline(admin.TabularInline):
    model = BusinessMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    list_display = ["legal_name", "neq", "region", "status", "package", "advisor"]
    list_filter = ["status", "region", "package", "cohort"]
    search_fields = ["legal_name", "operating_name", "neq"]
    readonly_fields = ["status", "applied_at", "enrolled_at", "status_changed_at"]
    inlines = [LocationInline, MemberInline]


@admin.register(Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ["key", "name_fr", "coaching_minutes", "training_minutes", "is_active"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on"]
