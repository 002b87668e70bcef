"""The readers' site: pages, archive filters, search, feeds and sitemaps.

Owns what readers see and how it is read from the database: views, selectors (the
queries), presentation (what a page shows of a publication), filters, search, feeds and
sitemaps. Reads only what is public. May import ``speeches.models``, ``materials`` and
``publishing`` (preview links); never the admin or the API.
"""
