"""Language versions: translators' rights and statuses, segments, XLIFF.

Owns who may translate what and saving a translation (``translating``), the segments a
text is cut into (``segments``), inline markup placeholders (``placeholders``) and XLIFF
export and import (``xliff``). May import ``speeches.models``, ``speeches.richtext`` and
``speeches.publishing`` (a translation is saved through the publishing services); never
the public site, the API or the admin.
"""
