"""The audit log (read-only) and the public change notes (translated, never deleted)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from speeches.admin.base import TranslationAdmin
from speeches.editorial import editing
from speeches.models import LANGUAGE_CODES, ChangeNote, WorkflowEvent, column, columns


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    """The audit log: read-only, for everyone who may see it."""

    list_display = ["at", "publication", "action", "user", "from_status", "to_status", "reason"]
    list_filter = ["action", "at"]
    list_select_related = ["publication", "user"]
    search_fields = ["reason", "user__username", *(f"publication__{n}" for n in columns("title"))]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ChangeNote)
class ChangeNoteAdmin(TranslationAdmin):
    """Translations of the public change notes; notes are created by a major change."""

    list_display = ["changed_at", "publication", "__str__"]
    list_select_related = ["publication"]
    fields = ["publication", "changed_at", "text"]
    readonly_fields = ["publication", "changed_at"]
    search_fields = columns("text")

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        """Each person writes only the languages of the note they may write."""
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            allowed = editing.change_note_languages(note=obj, user=request.user)
            readonly += [column("text", code) for code in LANGUAGE_CODES if code not in allowed]
        return readonly

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or bool(editing.change_note_languages(note=obj, user=request.user))

    def save_model(self, request, obj, form, change):
        editing.change_note_save(
            note=obj,
            user=request.user,
            values={
                code: form.cleaned_data[column("text", code)]
                for code in LANGUAGE_CODES
                if column("text", code) in form.cleaned_data
            },
        )

    def delete_model(self, request, obj):
        raise PermissionDenied  # a dated note told readers something; it stays

    def has_delete_permission(self, request, obj=None):
        return False
