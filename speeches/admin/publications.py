"""The publications admin: the change form, its workflow actions, history, restore and compare."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from speeches.admin import badges, bulk, changelist, review
from speeches.admin.attachments import AttachmentInline, AttachmentUploadsMixin, attachments_from
from speeches.admin.base import TranslationAdmin
from speeches.admin.presence import PresenceAdminMixin
from speeches.admin.previews import PreviewAdminMixin
from speeches.admin.review import ReviewAdminMixin
from speeches.admin.side_by_side import TranslationEditorMixin
from speeches.admin.translation_dashboard import TranslationDashboardAdminMixin
from speeches.admin.xliff import XliffAdminMixin
from speeches.editorial import editing
from speeches.languages import translating
from speeches.models import (
    LANGUAGE_CODES,
    TEXT_FIELDS,
    ChangeNote,
    LanguageVersion,
    Publication,
    WorkflowEvent,
    column,
    columns,
)
from speeches.publishing import previews, revisions, services, workflow
from speeches.richtext import html_to_text

READY, IN_PROGRESS, OUTDATED, HIDDEN = "ready", "in_progress", "outdated", "hidden"
VERSION_CHOICES = {
    IN_PROGRESS: _("In progress: not shown to readers"),
    READY: _("Ready: complete, checked against the original as it is now"),
    OUTDATED: _("Outdated: still shown to readers until it is updated"),
    HIDDEN: _("Outdated and hidden from readers until it is updated"),
}


def version_field(code: str) -> str:
    return f"version_{code}"


def version_status_field(field, publication: Publication, code: str, version) -> None:
    """One translation's control, offering what its state allows and showing that state:
    an outdated version reads "outdated" here, never "ready" (choosing "ready" checks it
    again against the current original)."""
    if publication.pk and code == publication.original_language:
        field.choices = [("", badges.LANGUAGE_LABELS[badges.ORIGINAL])]
        field.disabled = True
        field.help_text = _("The original: it is the publication itself.")
        return
    if version is None or version.status == LanguageVersion.Status.IN_PROGRESS:
        offered, current = (IN_PROGRESS, READY), IN_PROGRESS
    elif version.status == LanguageVersion.Status.READY:
        offered, current = (READY, IN_PROGRESS), READY
    else:
        offered = (OUTDATED, HIDDEN, READY, IN_PROGRESS)
        current = HIDDEN if version.hidden else OUTDATED
    field.choices = [(key, VERSION_CHOICES[key]) for key in offered]
    field.initial = current
    if publication.pk:
        state = badges.language_state(publication, code, version)
        field.help_text = format_html(
            "{} {}", _("Now:"), badges.Badge(state, str(badges.LANGUAGE_LABELS[state])).html()
        )


class PublicationForm(forms.ModelForm):
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Offered on items readers can see (see PublicationAdmin.get_fieldsets).
    major_change = forms.BooleanField(
        label=_("Major change"),
        required=False,
        help_text=_(
            "Readers are told: the page shows the date and your note under “Updates”. "
            "Leave unticked for corrections of typing errors and the like."
        ),
    )
    change_note = forms.CharField(
        label=_("Public change note"),
        required=False,
        max_length=500,
        help_text=_("In the original language, e.g. “Corrected the date of the meeting.”"),
    )

    release_languages = forms.MultipleChoiceField(
        label=_("Release together with"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Publication._meta.get_field("release_languages").help_text,
    )

    # One control per language (``version_en``…), declared here so the admin's fieldsets
    # may name them; each offers what its version's state allows (version_status_field).
    locals().update(
        {
            version_field(code): forms.ChoiceField(label=name, required=False)
            for code, name in settings.LANGUAGES
        }
    )

    class Meta:
        model = Publication
        fields = ["type"]  # the admin's fieldsets decide

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        versions = {}
        if self.instance.pk:
            self.fields["opened_version"].initial = self.instance.edit_version
            self.fields["opened_version"].required = True
            versions = {
                v.language: v for v in LanguageVersion.objects.filter(publication=self.instance)
            }
        for code in LANGUAGE_CODES:
            version_status_field(
                self.fields[version_field(code)], self.instance, code, versions.get(code)
            )
        self.fields["release_languages"].initial = self.instance.release_languages

    def wanted_versions(self) -> dict[str, str]:
        """What the editor chose for each translation: in progress, ready, outdated or
        hidden (kept as they are unless changed)."""
        return {
            code: self.cleaned_data[version_field(code)]
            for code in LANGUAGE_CODES
            if self.cleaned_data.get(version_field(code)) in VERSION_CHOICES
        }

    def clean_release_languages(self):
        original = self.cleaned_data.get("original_language") or self.instance.original_language
        return [code for code in self.cleaned_data["release_languages"] if code != original]

    def _post_clean(self):
        super()._post_clean()
        # The model's rule, on the instance as this form would save it.
        publication = self.instance
        unfinished = [
            code
            for code, wanted in self.wanted_versions().items()
            if wanted == READY
            and code != publication.original_language
            and not publication.text_exists_in(code)
        ]
        for code in unfinished:
            self.add_error(
                version_field(code),
                _("A translation needs its title and text before it can be ready."),
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("major_change") and not (cleaned.get("change_note") or "").strip():
            self.add_error(
                "change_note", _("A major change needs a note telling readers what changed.")
            )
        opened = cleaned.get("opened_version")
        if self.instance.pk and opened is not None:
            # Locked until the admin's transaction ends: a second save of the same version
            # waits here and then sees this one's, instead of failing after validation.
            Publication.objects.select_for_update().filter(pk=self.instance.pk).exists()
            # Read after the lock is held: a row that waited for it is re-read as committed.
            current = Publication.objects.select_related("updated_by").get(pk=self.instance.pk)
            if current.edit_version != opened:
                self._report_conflict(current, cleaned)
        return cleaned

    def _report_conflict(self, current: Publication, cleaned: dict) -> None:
        """Refuse the save, put the other person's text beside each field that differs, and
        carry the new version, so that saving again (after merging) succeeds."""
        self.data = self.data.copy()
        self.data["opened_version"] = str(current.edit_version)
        for name in TEXT_FIELDS:
            for code in LANGUAGE_CODES:
                key = column(name, code)
                theirs = getattr(current, key) or ""
                if key in cleaned and theirs != (cleaned[key] or ""):
                    text = html_to_text(theirs) if name == "body" else theirs
                    self.add_error(
                        key,
                        _("Saved by %(user)s meanwhile: %(text)s")
                        % {"user": current.last_saved_by(), "text": text or _("(empty)")},
                    )
        self.add_error(
            None,
            _(
                "%(user)s saved this publication at %(time)s, after you opened it. Nothing of "
                "yours was saved and your text is still in the form; their text is shown "
                "beside each field that differs. Merge what you need and save again."
            )
            % {
                "user": current.last_saved_by(),
                "time": formats.time_format(timezone.localtime(current.updated_at), "H:i"),
            },
        )


# Before VersionAdmin would register Publication with every field (see revisions.py).
revisions.register()


class ForcePublishedFilter(admin.SimpleListFilter):
    """Lets publishers see which items went out without a second person's review."""

    title = _("review")
    parameter_name = "forced"

    def lookups(self, request, model_admin):
        return [("1", _("force-published"))]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        return queryset.filter(
            Exists(
                WorkflowEvent.objects.filter(
                    publication=OuterRef("pk"), action=WorkflowEvent.Action.FORCE_PUBLISH
                )
            )
        )


class RestoreForm(forms.Form):
    """Which languages (and whether the shared details) of a revision to put back."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput)
    groups = forms.MultipleChoiceField(
        label=_("Restore"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language (or the details) to restore.")},
    )

    def __init__(self, *args, plan: list[editing.RestoreGroup], version: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = version
        self.fields["groups"].choices = [(g.key, g.label) for g in plan if g.allowed]
        # The languages, not the shared details: a revision made before the taxonomy was
        # set would empty it, so that is a choice to make, not a default.
        self.fields["groups"].initial = [g.key for g in plan if g.allowed and g.key != "details"]


class TransitionForm(forms.Form):
    """The reason, comment or explanation a workflow action asks for, and the confirmation
    of one that asks for it (the service refuses it unconfirmed as well)."""

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), required=False)
    replacement = forms.ModelChoiceField(
        label=_("Replacement publication"),
        queryset=Publication.objects.all(),
        required=False,
    )
    confirmed = forms.BooleanField(required=True)
    REASON_HELP = {
        "submit": _(
            "What the reviewer should look at, or what you changed since it was sent back. "
            "Shown on the publish page and kept in the audit log."
        ),
        "force_publish": _("Kept in the audit log, where other publishers read it."),
    }
    REPLACEMENT_HELP = {
        "withdraw": _(
            "Optional: the withdrawn page links to it, in each language readers may open it in."
        ),
        "unpublish": _("Optional: readers of the unpublished item are sent to it."),
    }

    def __init__(self, *args, transition: workflow.Transition, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        if transition.reason_label:
            self.fields["reason"].label = transition.reason_label
            self.fields["reason"].required = transition.reason_required
            self.fields["reason"].help_text = self.REASON_HELP.get(transition.name, "")
        else:
            del self.fields["reason"]
        if transition.confirmation:
            self.fields["confirmed"].label = transition.confirmation
            self.fields["confirmed"].error_messages["required"] = _(
                "Tick the box to confirm: %(what)s"
            ) % {"what": transition.confirmation}
        else:
            del self.fields["confirmed"]
        if transition.takes_replacement:
            field = self.fields["replacement"]
            field.help_text = self.REPLACEMENT_HELP[transition.name]
            field.widget = AutocompleteSelect(
                Publication._meta.get_field("replaced_by"), admin_site
            )
            field.widget.choices = field.choices
        else:
            del self.fields["replacement"]


class PublicationChangeList(ChangeList):
    """The publications' list: its rows print no text, so each row's bodies and plain
    texts (every language's: some 60 KB of a five-language item) stay in the database. An
    action still gets whole rows (``ModelAdmin.response_action`` asks ``get_queryset``)."""

    def get_results(self, request):
        self.queryset = self.queryset.without_texts()
        super().get_results(request)
        # A search lists its newest matches only (speeches.editorial.search); say so.
        self.search_capped = getattr(request, "staff_search_capped", False)


@admin.register(Publication)
class PublicationAdmin(
    AttachmentUploadsMixin,
    bulk.BulkActionsMixin,
    changelist.PublicationListMixin,
    PresenceAdminMixin,
    ReviewAdminMixin,
    TranslationDashboardAdminMixin,
    TranslationEditorMixin,
    XliffAdminMixin,
    PreviewAdminMixin,
    VersionAdmin,
    TranslationAdmin,
):
    form = PublicationForm
    change_form_template = "admin/speeches/publication/change_form.html"
    # VersionAdmin names its own; this one adds the dashboard and the XLIFF import.
    change_list_template = "admin/speeches/publication/change_list.html"
    object_history_template = "admin/speeches/publication/object_history.html"
    inlines = [AttachmentInline]
    actions = [*bulk.ACTIONS, *XliffAdminMixin.actions]
    list_display = ["__str__", "type", "published_at", "state", "language_codes", "reference"]
    list_filter = [
        changelist.StateFilter,
        ForcePublishedFilter,
        "type",
        changelist.LanguageStatusFilter,
        "published_at",
        "original_language",
    ]
    list_select_related = ["type"]
    # Shows the search box; what it finds is the staff's search (changelist.PublicationListMixin).
    search_fields = [*columns("title"), "reference"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["speakers", "topics", "countries"]
    exclude = ["slug"]
    readonly_fields = [
        "state",
        "on_the_site",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "type",
                    "published_at",
                    "state",
                    "original_language",
                    "reference",
                    "delivery",
                ]
            },
        ),
        (_("Text"), {"fields": list(TEXT_FIELDS)}),
        (
            _("Language versions"),
            {"fields": [*(version_field(code) for code in LANGUAGE_CODES), "release_languages"]},
        ),
        (_("Taxonomy"), {"fields": ["speakers", "topics", "countries"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": ["on_the_site", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def get_changelist(self, request, **kwargs):
        return PublicationChangeList

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=LanguageVersion.objects.only(
                        "id", "publication_id", "language", "status", "hidden"
                    ),
                )
            )
        )

    @admin.display(description=_("languages"))
    def language_codes(self, obj: Publication) -> str:
        """Each language's badge (speeches.admin.badges); the public ones link to what
        readers see."""
        public = set(obj.public_languages())
        parts = []
        for code, badge in badges.language_badges(obj):
            if code in public:
                parts.append(
                    format_html(
                        '<a href="{}" hreflang="{}">{}</a>',
                        obj.get_absolute_url(code),
                        code,
                        badge.html(prefix=code),
                    )
                )
            else:
                parts.append(badge.html(prefix=code))
        return format_html(
            '<span class="status-badges">{}</span>',
            format_html_join(" ", "{}", ((part,) for part in parts)),
        )

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj: Publication) -> str:
        return badges.publication_badge(obj).html()

    @staticmethod
    def state_text(obj: Publication) -> str:
        """The state in words, the scheduled time to the second (messages, headings)."""
        badge = badges.publication_badge(obj)
        if badge.key == "scheduled":
            return _("scheduled for %(time)s") % {"time": badges.schedule_time(obj)}
        return badge.label

    @admin.display(description=_("on the site"))
    def on_the_site(self, obj: Publication) -> str:
        languages = obj.public_languages() if obj.pk else []
        if not languages:
            return _(
                "Not visible to readers (draft, in review, scheduled, unpublished, or no "
                "complete language version)."
            )
        return format_html_join(
            " · ",
            '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>',
            ((obj.get_absolute_url(code), code, code) for code in languages),
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        first = dict(fieldsets[0][1])
        first["fields"] = [*first["fields"], "opened_version"]
        fieldsets = [(fieldsets[0][0], first), *fieldsets[1:]]
        if obj is not None and obj.is_viewable():
            # Readers can see it: say whether they should be told about this edit.
            fieldsets.insert(1, (_("This edit"), {"fields": ["major_change", "change_note"]}))
        return fieldsets

    def view_on_site(self, obj: Publication) -> str:
        """The page readers see, or, while they cannot, its preview."""
        if obj.is_viewable():
            return obj.get_absolute_url()
        language = obj.original_language
        with translation.override(language):
            return reverse("speeches:preview", kwargs={"pk": obj.pk})

    def has_view_permission(self, request, obj=None):
        # The one rule for seeing unpublished items, shared with previews and files.
        return previews.staff_may_see_unpublished(request.user)

    def has_change_permission(self, request, obj=None):
        """Authors edit drafts and items in review; live items need a publisher."""
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(publication=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        """Only what readers never saw may be deleted; a published item is unpublished."""
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or editing.can_delete(publication=obj, user=request.user)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # A never-public item takes its own audit entries and notes with it: nobody may
        # delete those on their own, but they are no reason to keep a discarded draft.
        perms_needed.discard(str(WorkflowEvent._meta.verbose_name))
        perms_needed.discard(str(ChangeNote._meta.verbose_name))
        # Bulk deletion from the list must follow the same rule as the delete page.
        if any(not self.has_delete_permission(request, obj) for obj in objs):
            perms_needed.add(str(Publication._meta.verbose_name))
        return deleted, model_count, perms_needed, protected

    def get_urls(self):
        extra = [
            path(
                "<path:object_id>/workflow/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="speeches_publication_transition",
            ),
        ]
        return [*extra, *super().get_urls()]

    def transition_view(self, request, object_id, name):
        """Ask for the reason a workflow action needs, then do it (speeches.publishing.workflow)."""
        transition = workflow.TRANSITIONS.get(name)
        publication = self.get_object(request, unquote(object_id))
        if transition is None or publication is None:
            raise Http404
        if not request.user.has_perm(transition.permission):
            raise PermissionDenied
        form = TransitionForm(
            request.POST if request.method == "POST" else None,
            transition=transition,
            admin_site=self.admin_site,
            # Unpublishing a withdrawn item offers the replacement it names already.
            initial={"replacement": publication.replaced_by_id},
        )
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    workflow.transition_run(
                        transition.name,
                        publication=publication,
                        user=request.user,
                        reason=form.cleaned_data.get("reason", ""),
                        replacement=form.cleaned_data.get("replacement"),
                        confirmed=form.cleaned_data.get("confirmed", False),
                    )
            except ValidationError as error:
                self._report(form, error)
                publication.refresh_from_db()
            else:
                self.message_user(
                    request,
                    _("%(publication)s: %(state)s.")
                    % {"publication": publication, "state": self.state_text(publication)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:speeches_publication_change", args=[quote(publication.pk)])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": publication,
            "title": f"{transition.label}: {publication}",
            "transition": transition,
            "form": form,
            "media": self.media + form.media,
            "state": self.state(publication),
            "two_person_rule": name == "publish"
            and workflow.blocked_by_two_person_rule(publication=publication, user=request.user),
            # What a reviewer reads first: the submitter's note and what changed since.
            "submission": review.since_submission(publication)
            if name in ("publish", "force_publish", "send_back")
            else None,
        }
        return TemplateResponse(request, "admin/speeches/publication/transition.html", context)

    @staticmethod
    def _report(form, error: ValidationError) -> None:
        """Put a refusal next to the field it concerns, or above the form."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore a revision, language by language, after seeing what it would change.

        Replaces django-reversion's view, which writes the whole stored row back before
        any check (status and edit version included) and would let anyone who can open it
        rewrite a live item. Here the page only reads; the POST goes through
        ``editing.revision_restore``, with the rights and conflict check of an edit.
        """
        publication = self.get_object(request, unquote(object_id))
        if publication is None:
            raise Http404
        if not self.has_view_or_change_permission(request, publication):
            raise PermissionDenied
        version = (
            Version.objects.get_for_object(publication)
            .filter(pk=version_id)
            .select_related("revision", "revision__user")
            .first()
        )
        if version is None:
            raise Http404
        plan = editing.restore_plan(publication=publication, version=version, user=request.user)
        can_restore = any(group.allowed for group in plan)
        if request.method == "POST" and not can_restore:
            raise PermissionDenied
        form = RestoreForm(request.POST or None, plan=plan, version=publication.edit_version)
        conflict = ""
        if request.method == "POST" and form.is_valid():
            try:
                changes = editing.revision_restore(
                    publication=publication,
                    user=request.user,
                    version=version,
                    groups=form.cleaned_data["groups"],
                    expected_version=form.cleaned_data["opened_version"],
                )
            except services.EditConflict:
                publication.refresh_from_db()
                plan = editing.restore_plan(
                    publication=publication, version=version, user=request.user
                )
                can_restore = any(group.allowed for group in plan)
                form = RestoreForm(plan=plan, version=publication.edit_version)
                conflict = _(
                    "Someone saved this publication after you opened this page; nothing was "
                    "restored. This is what restoring would change now."
                )
            except ValidationError as error:
                self._report(form, error)
            else:
                self.message_user(
                    request,
                    _("Restored: %(fields)s.") % {"fields": ", ".join(changes)}
                    if changes
                    else _("Nothing to restore: the publication already reads like that."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:speeches_publication_history", args=[quote(publication.pk)])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": publication,
            "title": _("Restore the revision of %(date)s")
            % {
                "date": formats.date_format(
                    timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
                )
            },
            "version": version,
            "plan": plan,
            "form": form,
            "conflict": conflict,
            "can_restore": can_restore,
        }
        return TemplateResponse(request, "admin/speeches/publication/restore.html", context)

    # django-reversion's "recover deleted" views bring a row back from any stored revision
    # (as a draft, around every rule). Only never-published drafts can be deleted, and
    # those stay deleted: the routes answer 404.
    def recover_view(self, request, version_id, extra_context=None):
        raise Http404

    def recoverlist_view(self, request, extra_context=None):
        raise Http404

    def history_view(self, request, object_id, extra_context=None):
        versions = list(
            Version.objects.get_for_object_reference(Publication, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        response = super().history_view(
            request, object_id, {**(extra_context or {}), "versions": versions}
        )
        publication = (getattr(response, "context_data", None) or {}).get("object")
        if publication is not None and request.user.has_perm("speeches.view_workflowevent"):
            # The audit log beside the revisions, for those who may read it (as on the
            # change form): its latest entries.
            events = publication.events.select_related("user")[:200]
            response.context_data["audit_log"] = review.audit_entries(events)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and not request.POST.get("opened_version", "").isdigit():
            # Without the version the form was opened at, a save could overwrite a newer
            # one unseen: refuse it rather than guess.
            return HttpResponseBadRequest(
                _(
                    "This save was refused because the form did not say which version of the "
                    "publication it was opened at. Reload the page and try again."
                )
            )
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except services.EditConflict:
            # Someone saved between this form's check and its save: nothing was written.
            self.message_user(
                request,
                _("Someone saved this publication a moment ago; nothing of yours was saved."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        except ValidationError as error:
            # A rule the form could not check before saving (the service's own): nothing
            # was written.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["workflow"] = {
                "state": self.state(obj),
                "languages": badges.language_badges_html(obj, with_missing=True),
                # Each action this person has the right to, with why it is blocked now.
                "transitions": workflow.offered_transitions(publication=obj, user=request.user),
                # The audit log holds internal reasons (send-back comments, unpublishing):
                # for those who may read the log, not for translators.
                "events": review.audit_entries(obj.events.select_related("user")[:50])
                if request.user.has_perm("speeches.view_workflowevent")
                else [],
                "translate": [
                    (code, get_language_info(code)["name_translated"])
                    for code in LANGUAGE_CODES
                    if translating.can_translate(user=request.user, publication=obj, language=code)
                ],
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        """Nothing here: ``save_related`` saves the item, its taxonomy and its attachments
        in one call of the editing service, which checks the rights and the version."""

    def save_related(self, request, form, formsets, change):
        cleaned = form.cleaned_data
        data = editing.EditInput(
            **{name: list(cleaned[name]) for name in editing.TAXONOMY if name in cleaned},
            attachments=attachments_from(formsets),
            **_language_boxes(form),
            change_note=cleaned.get("change_note", "") if cleaned.get("major_change") else "",
        )
        if change:
            editing.publication_edit(
                publication=form.instance,
                user=request.user,
                expected_version=cleaned.get("opened_version"),
                data=data,
            )
        else:
            editing.publication_create(publication=form.instance, user=request.user, data=data)
        for formset in formsets:  # read by the admin's change message
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def delete_model(self, request, obj):
        editing.publication_delete(publication=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for publication in queryset:
            editing.publication_delete(publication=publication, user=request.user)


def _language_boxes(form: PublicationForm) -> dict[str, list[str]]:
    """The translations' chosen states as the editing service takes them. "Ready" renews
    only a version the form showed outdated: one that this very save outdates stays so."""
    wanted = form.wanted_versions()
    shown_outdated = {
        code for code in wanted if form.fields[version_field(code)].initial in (OUTDATED, HIDDEN)
    }
    return {
        "ready_languages": [code for code, state in wanted.items() if state != IN_PROGRESS],
        "hidden_languages": [code for code, state in wanted.items() if state == HIDDEN],
        "renewed_languages": [
            code for code, state in wanted.items() if state == READY and code in shown_outdated
        ],
    }
