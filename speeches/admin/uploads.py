"""For ``MaterialAdmin``: several files uploaded at once (``editorial.library``).

One address, ``admin:speeches_material_upload``, serves both ways of sending them. The
drop zones' script (``static/admin/js/attachments.js`` on a publication's form,
``static/admin/js/media_library.js`` on the library's list) posts the files asking for
JSON, and gets one entry per file: the new material's id, kind, label and preview, or
the reasons it was refused. Without JavaScript the same address is a plain page with a
multiple file input: a post that is accepted whole leads to the list of the new
materials, one with a refusal comes back with every file's outcome.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from speeches.editorial import editing, library
from speeches.materials import files, uploads
from speeches.models import Material

FIELD = "files"


def upload_json(upload: library.Upload) -> dict:
    """One file's outcome as the script reads it."""
    material = upload.material
    if material is None:
        return {"name": upload.name, "ok": False, "errors": upload.errors}
    thumb = material.renditions.get("thumb") if material.kind == Material.Kind.PHOTO else None
    return {
        "name": upload.name,
        "ok": True,
        "id": material.pk,
        "kind": material.kind,
        "kind_label": str(material.get_kind_display()),
        "label": material.filename or str(material),
        "summary": summary(material),
        "format": uploads.format_name(material.mime_type),
        "preview": {
            "url": files.url(material, "thumb-jpeg"),
            "width": thumb["width"],
            "height": thumb["height"],
        }
        if thumb
        else None,
        "change_url": reverse("admin:speeches_material_change", args=[material.pk]),
        # What the publication's grid sends back with the row's description.
        "fingerprint": editing.description_fingerprint(editing.material_description(material)),
    }


def summary(material: Material) -> str:
    """Kind, format and size: "photo · JPEG · 2.1 MB"."""
    details = [str(material.get_kind_display())]
    if material.mime_type:
        details.append(uploads.format_name(material.mime_type))
    if material.size:
        details.append(str(filesizeformat(material.size)))
    return " · ".join(details)


def wants_json(request) -> bool:
    """The script asks for JSON by name; a browser's form post accepts anything."""
    return "application/json" in request.headers.get("Accept", "")


class MaterialUploadAdminMixin:
    def get_urls(self):
        return [
            path(
                "upload/",
                self.admin_site.admin_view(self.upload_view),
                name="speeches_material_upload",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {
            "upload_url": reverse("admin:speeches_material_upload")
            if library.can_upload(request.user)
            else "",
            "upload_field": FIELD,
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def upload_view(self, request):
        """Upload several files as new materials: JSON for the script, a page without it."""
        if not library.can_upload(request.user):
            if wants_json(request):
                return JsonResponse({"error": _("You may not add materials.")}, status=403)
            raise PermissionDenied
        results: list[library.Upload] = []
        if request.method == "POST":
            chosen = request.FILES.getlist(FIELD)
            if not chosen:
                if wants_json(request):
                    return JsonResponse({"error": _("Choose the files to upload.")}, status=400)
                messages.error(request, _("Choose the files to upload."))
            else:
                results = library.materials_upload(files=chosen, user=request.user)
                if wants_json(request):
                    return JsonResponse({"files": [upload_json(r) for r in results]})
                created = [r.material.pk for r in results if r.material is not None]
                if len(created) == len(results):
                    messages.success(
                        request,
                        ngettext(
                            "%(count)d file uploaded: open it to add its caption and credit.",
                            "%(count)d files uploaded: open each to add its caption and credit.",
                            len(created),
                        )
                        % {"count": len(created)},
                    )
                    changelist = reverse("admin:speeches_material_changelist")
                    ids = ",".join(str(pk) for pk in created)
                    return HttpResponseRedirect(f"{changelist}?id__in={ids}")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Upload materials"),
            "results": [{**upload_json(r), "material": r.material} for r in results],
            "field": FIELD,
        }
        return TemplateResponse(request, "admin/speeches/material/upload.html", context)
