"""Django admin for the capsules app. Capsules are authored in the app's own pages
(capsules:manage_list); learning paths and topics are edited here."""

from django.contrib import admin

from . import services
from .models import (
    BusinessReach,
    Capsule,
    CapsuleProgress,
    Learner,
    LearningPath,
    LearningPathStep,
    PathCertificate,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["key", "name_fr", "name_en", "order"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for capsule in obj.capsules.prefetch_related("topics"):
            services.capsule_reindex(capsule=capsule)


class LearningPathStepInline(admin.TabularInline):
    model = LearningPathStep
    extra = 1
    autocomplete_fields = ["capsule"]


@admin.register(LearningPath)
class LearningPathAdmin(admin.ModelAdmin):
    list_display = ["key", "title_fr", "is_published", "order"]
    inlines = [LearningPathStepInline]


@admin.register(Capsule)
class CapsuleAdmin(admin.ModelAdmin):
    """Read-only here: authoring goes through the app's pages and services (validation,
    search index, audit)."""

    list_display = ["key", "title_fr", "status", "published_at"]
    list_filter = ["status", "level"]
    search_fields = ["key", "title_fr", "title_en"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Learner)
class LearnerAdmin(admin.ModelAdmin):
    list_display = ["id", "business_key", "region", "confirmed_at", "consent_contact"]
    list_filter = ["consent_contact", "region"]
    search_fields = ["email", "business_name", "business_key"]
    readonly_fields = ["business_key", "confirmed_at", "last_signin_at", "details_changed_at"]


@admin.register(CapsuleProgress)
class CapsuleProgressAdmin(admin.ModelAdmin):
    list_display = ["learner", "capsule", "attempts", "best_score_percent", "completed_at"]
    list_filter = ["passed"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PathCertificate)
class PathCertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "path", "business_name", "issued_at"]
    search_fields = ["code", "business_name"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(BusinessReach)
class BusinessReachAdmin(admin.ModelAdmin):
    """Read-only: reach rows are recorded by the quiz service, which keeps the reach counters
    (ReachCount) equal to them."""

    list_display = ["business_key", "region", "first_completed_at"]
    list_filter = ["region"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
