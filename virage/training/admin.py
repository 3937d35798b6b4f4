"""Django admin for training data: read-mostly. Writes that matter (registrations, attendance,
closing) go through the training pages and services, which keep seats and credits right."""

from django.contrib import admin

from .models import (
    Attendance,
    Registration,
    TrainingModule,
    TrainingModuleTopic,
    TrainingSession,
    TrainingSettings,
)


@admin.register(TrainingSettings)
class TrainingSettingsAdmin(admin.ModelAdmin):
    list_display = ["program", "cancellation_deadline_hours"]


class TopicInline(admin.TabularInline):
    model = TrainingModuleTopic
    extra = 0


@admin.register(TrainingModule)
class TrainingModuleAdmin(admin.ModelAdmin):
    list_display = ["key", "title_fr", "level", "duration_minutes", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["key", "title_fr", "title_en"]
    inlines = [TopicInline]
    filter_horizontal = ["prerequisites"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ["module", "starts_at", "mode", "region", "capacity", "seats_taken", "status"]
    list_filter = ["status", "mode", "language", "region"]
    readonly_fields = ["seats_taken", "status", "closed_at", "closed_by", "cancelled_at"]
    raw_id_fields = ["trainer"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "session",
        "person",
        "business",
        "status",
        "waitlist_position",
        "credited_minutes",
    ]
    list_filter = ["status"]
    raw_id_fields = ["session", "person", "business", "created_by", "cancelled_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["registration", "status", "minutes", "recorded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
