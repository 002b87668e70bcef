"""Bulk work on the publications' list: the workflow's actions and tagging, item by item.

Submit, publish, schedule, withdraw, and adding or removing speakers, topics and countries
are actions of the list. Each runs the selected publications one at a time through the
service the single item uses (``speeches.publishing.workflow``,
``speeches.editorial.editing``), each in a transaction of its own, so that one refusal
(the two-person rule, a state, an author's live item) writes nothing and leaves the others
standing. The list then says how many were done and names every refused item with the
service's own reason.

An action that needs something more (a time, an explanation, the terms) first shows a
page that asks for it, listing the items; it posts back to the list, as Django's actions
with a confirmation do. Each action is offered only to those whose permission allows it;
what each item allows is the service's to decide.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import (
    AdminSplitDateTime,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from speeches.admin import badges
from speeches.editorial import editing
from speeches.languages import translating
from speeches.models import LANGUAGE_CODES, Country, Person, Publication, Topic, column
from speeches.publishing import services, workflow

# One request does the work of every selected item, each a save with its revision: a
# page of the list at most (Django's 100 rows), not "all 40,000 matching".
BULK_LIMIT = 100

# The list's actions this module adds, in the order the menu offers them.
ACTIONS = [
    "bulk_submit",
    "bulk_publish",
    "bulk_schedule",
    "bulk_withdraw",
    "bulk_add_terms",
    "bulk_remove_terms",
]


# Running each item


@dataclass
class Outcome:
    """What an action did: the items done, the items that already read so (nothing was
    written), and the refused ones with the reason."""

    done: list[Publication] = field(default_factory=list)
    unchanged: list[Publication] = field(default_factory=list)
    refused: list[tuple[Publication, str]] = field(default_factory=list)

    def done_by_state(self) -> dict[str, int]:
        """How many items done reached each state, in the order first reached."""
        counts: dict[str, int] = {}
        for publication in self.done:
            counts[publication.state] = counts.get(publication.state, 0) + 1
        return counts


def reason_of(error: Exception) -> str:
    """A refusal as the service worded it."""
    if isinstance(error, ValidationError):
        return " ".join(str(message) for message in error.messages)
    if isinstance(error, services.EditConflict):
        return _("Someone changed this publication a moment ago. Please try again.")
    if isinstance(error, Publication.DoesNotExist):
        return _("This publication no longer exists.")
    return str(error) or _("You are not allowed to do this.")


def run_each(
    publications: Iterable[Publication], service: Callable[[Publication], object]
) -> Outcome:
    """``service`` on each publication, each in a transaction of its own: a refusal rolls
    back that item alone. ``service`` returns False when the item already read so."""
    outcome = Outcome()
    for publication in publications:
        try:
            with transaction.atomic():
                changed = service(publication)
        except (
            ValidationError,
            PermissionDenied,
            services.EditConflict,
            Publication.DoesNotExist,
        ) as error:
            outcome.refused.append((publication, reason_of(error)))
            continue
        (outcome.unchanged if changed is False else outcome.done).append(publication)
    return outcome


# The forms of the pages that ask first


class AllChoicesAutocompleteMultiple(AutocompleteSelectMultiple):
    """The admin's search-as-you-type box over a plain list of every choice, so that the
    page works without JavaScript too: taxonomies hold a few hundred terms at most."""

    def optgroups(self, name, value, attr=None):
        return forms.SelectMultiple.optgroups(self, name, value, attr)


class ScheduleForm(forms.Form):
    at = forms.SplitDateTimeField(label=gettext_lazy("Date and time"), widget=AdminSplitDateTime)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].help_text = _(
            "Local time (%(zone)s), to the second. Items in review are published at that "
            "time; scheduled items move to it."
        ) % {"zone": settings.TIME_ZONE}

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at <= timezone.now():
            raise ValidationError(
                _("Choose a time that is still ahead; to publish now, choose Publish.")
            )
        return at


class WithdrawForm(forms.Form):
    """One public explanation for every selected item, in each original language among
    them (the single item's page asks for it in the original language), and optionally
    one replacement for all."""

    replacement = forms.ModelChoiceField(
        label=gettext_lazy("Replacement publication"),
        queryset=Publication.objects.all(),
        required=False,
        help_text=gettext_lazy(
            "Optional: each withdrawn page links to it, in each language readers may open it in."
        ),
    )

    def __init__(self, *args, languages: list[str], admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = languages
        for code in languages:
            info = get_language_info(code)
            self.fields[column("withdrawal_explanation", code)] = forms.CharField(
                label=_("Public explanation in %(language)s")
                % {"language": info["name_translated"]},
                help_text=_("Shown at the top of each withdrawn page written in %(language)s.")
                % {"language": info["name_translated"]},
                widget=forms.Textarea(
                    attrs={
                        "rows": 3,
                        "cols": 60,
                        "lang": code,
                        "dir": "rtl" if info["bidi"] else "ltr",
                    }
                ),
            )
        # Last, after the explanations it goes with.
        self.fields["replacement"] = self.fields.pop("replacement")
        replacement = self.fields["replacement"]
        replacement.widget = AutocompleteSelect(
            Publication._meta.get_field("replaced_by"), admin_site
        )
        replacement.widget.choices = replacement.choices

    def explanations(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[column("withdrawal_explanation", code)]
            for code in self.languages
        }


class TermsForm(forms.Form):
    speakers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Speakers"), queryset=Person.objects.all(), required=False
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics"), queryset=Topic.objects.all(), required=False
    )
    countries = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Countries"), queryset=Country.objects.all(), required=False
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        for name in editing.TAXONOMY:
            formfield = self.fields[name]
            formfield.widget = AllChoicesAutocompleteMultiple(
                Publication._meta.get_field(name), admin_site
            )
            formfield.widget.choices = formfield.choices

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in editing.TAXONOMY):
            raise ValidationError(_("Choose at least one speaker, topic or country."))
        return cleaned

    def terms(self) -> dict[str, list]:
        return {name: list(self.cleaned_data[name]) for name in editing.TAXONOMY}


# The actions


class BulkActionsMixin:
    """For ``PublicationAdmin``: the list's bulk actions (``ACTIONS``)."""

    def has_submit_permission(self, request) -> bool:
        return request.user.has_perm(workflow.TRANSITIONS["submit"].permission)

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(workflow.TRANSITIONS["publish"].permission)

    def has_withdraw_permission(self, request) -> bool:
        return request.user.has_perm(workflow.TRANSITIONS["withdraw"].permission)

    def has_tag_permission(self, request) -> bool:
        """Editors' right to change an item's terms; translators translate only."""
        user = request.user
        return user.has_perm("speeches.change_publication") and not translating.is_translator(user)

    def create_revision(self, request):
        """django-reversion's admin runs the whole list in one transaction and one revision
        (``VersionAdmin.changelist_view``); a bulk action's items are a transaction and a
        revision each (``run_each``), so that one refusal cannot take the others with it."""
        if request.method == "POST" and set(request.POST.getlist("action")) & set(ACTIONS):
            return contextlib.nullcontext()
        return super().create_revision(request)

    @admin.action(permissions=["submit"], description=gettext_lazy("Submit for review"))
    def bulk_submit(self, request, queryset):
        publications = self._bulk_selected(request, queryset)
        if publications is None:
            return None

        def submit(publication):
            workflow.publication_submit(publication=publication, user=request.user)

        self._bulk_report(request, run_each(publications, submit))
        return None

    @admin.action(permissions=["publish"], description=gettext_lazy("Publish"))
    def bulk_publish(self, request, queryset):
        publications = self._bulk_selected(request, queryset)
        if publications is None:
            return None

        def publish(publication):
            workflow.publication_publish(publication=publication, user=request.user)

        self._bulk_report(request, run_each(publications, publish))
        return None

    @admin.action(permissions=["publish"], description=gettext_lazy("Schedule…"))
    def bulk_schedule(self, request, queryset):
        publications = self._bulk_selected(request, queryset)
        if publications is None:
            return None
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._bulk_ask(
                request,
                publications,
                form,
                action="bulk_schedule",
                title=_("Schedule"),
                explanation=_(
                    "Each item in review is published at the time below and appears on that "
                    "second, as publishing it would (someone else must have submitted it); "
                    "each scheduled item moves to that time."
                ),
                button=_("Schedule"),
            )
        at = form.cleaned_data["at"]

        def schedule(publication):
            workflow.publication_schedule(publication=publication, user=request.user, at=at)

        self._bulk_report(request, run_each(publications, schedule))
        return None

    @admin.action(permissions=["withdraw"], description=gettext_lazy("Withdraw…"))
    def bulk_withdraw(self, request, queryset):
        publications = self._bulk_selected(request, queryset)
        if publications is None:
            return None
        present = {p.original_language for p in publications}
        form = WithdrawForm(
            request.POST if "apply" in request.POST else None,
            languages=[code for code in LANGUAGE_CODES if code in present],
            admin_site=self.admin_site,
        )
        if not form.is_valid():
            return self._bulk_ask(
                request,
                publications,
                form,
                action="bulk_withdraw",
                title=_("Withdraw"),
                explanation=_(
                    "Each published item leaves every listing, search and feed; its page "
                    "stays, under the date and the explanation below, in its original "
                    "language (translations of the explanation are edited like any text)."
                ),
                button=_("Withdraw"),
            )
        explanations = form.explanations()
        replacement = form.cleaned_data.get("replacement")

        def withdraw(publication):
            workflow.publication_withdraw(
                publication=publication,
                user=request.user,
                explanation=explanations.get(publication.original_language, ""),
                replacement=replacement,
            )

        self._bulk_report(request, run_each(publications, withdraw))
        return None

    @admin.action(
        permissions=["tag"], description=gettext_lazy("Add speakers, topics or countries…")
    )
    def bulk_add_terms(self, request, queryset):
        return self._bulk_change_terms(request, queryset, adding=True)

    @admin.action(
        permissions=["tag"], description=gettext_lazy("Remove speakers, topics or countries…")
    )
    def bulk_remove_terms(self, request, queryset):
        return self._bulk_change_terms(request, queryset, adding=False)

    def _bulk_change_terms(self, request, queryset, *, adding: bool):
        publications = self._bulk_selected(request, queryset)
        if publications is None:
            return None
        form = TermsForm(
            request.POST if "apply" in request.POST else None, admin_site=self.admin_site
        )
        if not form.is_valid():
            return self._bulk_ask(
                request,
                publications,
                form,
                action="bulk_add_terms" if adding else "bulk_remove_terms",
                title=_("Add speakers, topics or countries")
                if adding
                else _("Remove speakers, topics or countries"),
                explanation=_(
                    "The terms chosen below are added to each item; its other terms stay."
                )
                if adding
                else _(
                    "The terms chosen below are removed from each item that has them; its "
                    "other terms stay."
                ),
                button=_("Add") if adding else _("Remove"),
            )
        terms = form.terms()
        add, remove = (terms, {}) if adding else ({}, terms)

        def change(publication):
            changes = editing.publication_taxonomy_change(
                publication=publication, user=request.user, add=add, remove=remove
            )
            return bool(changes)

        self._bulk_report(request, run_each(publications, change), by_state=False)
        return None

    # Shared steps

    def _bulk_selected(self, request, queryset) -> list[Publication] | None:
        """The selected items, in the list's order; None (and a message) when too many."""
        count = queryset.count()
        if count > BULK_LIMIT:
            self.message_user(
                request,
                _(
                    "Choose at most %(limit)d publications at a time: %(count)d are "
                    "selected. Nothing was changed."
                )
                % {"limit": BULK_LIMIT, "count": count},
                messages.ERROR,
            )
            return None
        return list(queryset)

    def _bulk_ask(self, request, publications, form, *, action, title, explanation, button):
        """The page that asks what the action needs, listing the items it is for."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "explanation": explanation,
            "button": button,
            "action": action,
            "publications": [(p, badges.publication_badge(p).html()) for p in publications],
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "back": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/speeches/publication/bulk_action.html", context)

    def _bulk_report(self, request, outcome: Outcome, *, by_state: bool = True) -> None:
        """What was done (by the state the items reached, ``by_state``), what already read
        so, and each refusal with its reason."""
        if by_state:
            for state, count in outcome.done_by_state().items():
                self.message_user(request, done_message(state, count), messages.SUCCESS)
        elif outcome.done:
            self.message_user(request, terms_changed_message(len(outcome.done)), messages.SUCCESS)
        if outcome.unchanged:
            count = len(outcome.unchanged)
            self.message_user(
                request,
                ngettext(
                    "%(count)d publication already read so: nothing to change.",
                    "%(count)d publications already read so: nothing to change.",
                    count,
                )
                % {"count": count},
                messages.INFO,
            )
        if outcome.refused:
            count = len(outcome.refused)
            heading = ngettext(
                "%(count)d publication was refused and left as it was:",
                "%(count)d publications were refused and left as they were:",
                count,
            ) % {"count": count}
            items = format_html_join(
                "",
                '<li><a href="{}">{}</a> (#{}): {}</li>',
                ((self._bulk_change_url(p), str(p), p.pk, reason) for p, reason in outcome.refused),
            )
            self.message_user(
                request,
                format_html('{}<ul class="bulk-refusals">{}</ul>', heading, items),
                messages.ERROR,
            )

    def _bulk_change_url(self, publication: Publication) -> str:
        return reverse(
            f"{self.admin_site.name}:speeches_publication_change", args=[quote(publication.pk)]
        )


def done_message(state: str, count: int) -> str:
    """How many items ended in ``state`` (a ``Publication.state``)."""
    words = {
        "in_review": ngettext(
            "%(count)d publication submitted for review.",
            "%(count)d publications submitted for review.",
            count,
        ),
        "published": ngettext(
            "%(count)d publication published.", "%(count)d publications published.", count
        ),
        "scheduled": ngettext(
            "%(count)d publication scheduled: it appears at its date and time.",
            "%(count)d publications scheduled: each appears at its date and time.",
            count,
        ),
        "withdrawn": ngettext(
            "%(count)d publication withdrawn.", "%(count)d publications withdrawn.", count
        ),
    }
    default = ngettext("%(count)d publication changed.", "%(count)d publications changed.", count)
    return words.get(state, default) % {"count": count}


def terms_changed_message(count: int) -> str:
    return ngettext(
        "Speakers, topics or countries changed on %(count)d publication.",
        "Speakers, topics or countries changed on %(count)d publications.",
        count,
    ) % {"count": count}
