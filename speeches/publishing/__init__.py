"""Publishing: every write to a publication and the rules it obeys.

Owns saving (``services``), editing with conflicts and restores (``editing``), the
workflow of states and transitions (``workflow``), revisions (``revisions``), preview
links (``previews``) and who is editing now (``presence``). May import ``speeches.models``,
``speeches.richtext``, ``speeches.countries``, and the ``materials`` and ``languages``
rules it applies; never the public site, the API or the admin.
"""
