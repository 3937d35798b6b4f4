"""Policy versions are written in the admin; published versions are read-only (a change is a
new version). Consents, requests and the access log are read-only records here."""

from django.contrib import admin

from .models import AccessLogEntry, ConsentRecord, PolicyVersion, PrivacyRequest


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ["kind", "version", "title_fr", "published_at"]
    list_filter = ["kind"]
    fields = [
        "kind",
        "version",
        "title_fr",
        "title_en",
        "body_fr",
        "body_en",
        "changes_fr",
        "changes_en",
        "published_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.published_at is not None:
            return self.fields
        return []

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.published_at is None


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["purpose", "user", "text_version", "language", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "language"]
    raw_id_fields = ["user"]


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "status", "created_at", "due_on", "decided_at"]
    list_filter = ["kind", "status"]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "actor_role", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
