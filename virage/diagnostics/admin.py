from django.contrib import admin

from .models import Assessment, ScoreRecord


class ScoreRecordInline(admin.TabularInline):
    model = ScoreRecord
    extra = 0
    can_delete = False
    readonly_fields = ("module", "version", "result", "reason", "created_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Read-only: answers and results change only through the services (audited)."""

    list_display = ("business", "time_point", "status", "submitted_at", "scoring_version_m2")
    list_filter = ("time_point", "status", "scoring_version_m2")
    search_fields = ("business__legal_name", "business__operating_name")
    list_select_related = ("business",)
    inlines = [ScoreRecordInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
