"""Previews in the admin: the change page's preview panel, and shared links made and revoked.

The panel sits outside the change form (in the object tools), so its buttons are forms of
their own that post here; the rules are those of ``speeches.publishing.previews``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from speeches.models import PreviewLink, Publication
from speeches.publishing import previews
from speeches.publishing.workflow import can_edit


class PreviewAdminMixin:
    """For ``PublicationAdmin``: staff previews per language and shareable preview links."""

    def get_urls(self):
        info = self._preview_url_prefix()
        return [
            path(
                "<path:object_id>/preview-links/",
                self.admin_site.admin_view(self.preview_link_create_view),
                name=f"{info}_preview_link_create",
            ),
            path(
                "<path:object_id>/preview-links/<uuid:link_id>/revoke/",
                self.admin_site.admin_view(self.preview_link_revoke_view),
                name=f"{info}_preview_link_revoke",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context = {**context, "preview_panel": self.preview_panel_context(request, obj)}
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    def preview_panel_context(self, request, obj: Publication) -> dict:
        """What the change page's preview panel shows ``request.user`` about ``obj``."""
        shareable = previews.shareable(obj)
        may_edit = can_edit(publication=obj, user=request.user)
        links = []
        if shareable:
            active = PreviewLink.objects.active().filter(publication=obj).order_by("-created_at")
            links = [
                {
                    "url": request.build_absolute_uri(
                        previews.preview_link_url(link, language=obj.original_language)
                    ),
                    "created_at": link.created_at,
                    "expires_at": link.expires_at,
                    "revoke_url": reverse(
                        f"{self.admin_site.name}:{self._preview_url_prefix()}_preview_link_revoke",
                        args=[obj.pk, link.pk],
                    ),
                }
                for link in active
            ]
        return {
            "staff_previews": [
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "bidi": get_language_info(code)["bidi"],
                    "url": _staff_preview_url(obj, code),
                }
                for code in previews.preview_languages(obj)
            ],
            "links": links,
            "shareable": shareable,
            "can_create": shareable and may_edit,
            "can_revoke": may_edit,
            "create_url": reverse(
                f"{self.admin_site.name}:{self._preview_url_prefix()}_preview_link_create",
                args=[obj.pk],
            ),
            "days": settings.PREVIEW_LINK_DAYS,
        }

    def preview_link_create_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        publication = self._preview_publication(request, object_id)
        try:
            link = previews.preview_link_create(publication=publication, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            url = request.build_absolute_uri(
                previews.preview_link_url(link, language=publication.original_language)
            )
            until = formats.date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT")
            self.message_user(
                request,
                _("Preview link created, valid until %(date)s: %(url)s")
                % {"date": until, "url": url},
                messages.SUCCESS,
            )
        return self._back_to_change_page(publication)

    def preview_link_revoke_view(self, request, object_id, link_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        publication = self._preview_publication(request, object_id)
        link = get_object_or_404(
            PreviewLink.objects.select_related("publication"), pk=link_id, publication=publication
        )
        previews.preview_link_revoke(link=link, user=request.user)
        self.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
        return self._back_to_change_page(publication)

    def _preview_publication(self, request, object_id) -> Publication:
        publication = self.get_object(request, unquote(object_id))
        if publication is None:
            raise Http404(_("No such publication."))
        return publication

    def _preview_url_prefix(self) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}"

    def _back_to_change_page(self, publication: Publication) -> HttpResponseRedirect:
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{self._preview_url_prefix()}_change",
                args=[publication.pk],
            )
        )


def _staff_preview_url(publication: Publication, language: str) -> str:
    with translation.override(language):
        return reverse("speeches:preview", kwargs={"pk": publication.pk})
