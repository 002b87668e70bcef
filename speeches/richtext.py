"""The rich text of a publication: what the editor offers and what survives sanitising.

One allow-list serves both sides: django-prose-editor derives the editor's toolbar and
nh3's cleaner from the same extension set, so an editor can never produce markup that
the server would then silently drop.
"""

import html
import re

from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorField, create_sanitizer

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False},
}

sanitize_body = create_sanitizer(BODY_EXTENSIONS)


class RichTextField(ProseEditorField):
    """A prose-editor field that sanitises on every save, not only in forms.

    ``ProseEditorField`` cleans in ``clean()``, which imports, services and shell
    writes never call; ``pre_save`` runs for ``save()``, ``create()`` and
    ``bulk_create()`` alike. ``QuerySet.update``/``bulk_update`` are covered by
    ``PublicationQuerySet``.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        raw = getattr(model_instance, self.attname)
        if not raw:
            return raw
        clean = self.sanitize(raw)
        if clean != raw:
            setattr(model_instance, self.attname, clean)
        return clean


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """Readable plain text of a sanitised body: one line per block, entities decoded."""
    if not value:
        return ""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
