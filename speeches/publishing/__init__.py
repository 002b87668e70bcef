"""Publishing: saving a publication, its workflow, revisions and preview links.

Owns the save that every write ends in (``services``: derived text, slugs, language
versions' sync, the edit version that detects conflicts, materials' storage), the
workflow of states and transitions (``workflow``), revisions (``revisions``) and the
word-by-word comparison of two texts their review shows (``textdiff``), preview
links (``previews``) and the number that moves on with every change readers may see
(``public_state``). May import ``speeches.models``, ``speeches.richtext``,
``speeches.countries`` and ``materials``; never languages, editorial, the public site,
the API or the admin.
"""
