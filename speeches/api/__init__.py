"""The public read-only JSON API (django-ninja), built on the public site's selectors.

May import ``speeches.public`` (selectors, filters, presentation), ``materials`` and
``speeches.models``; never the admin.
"""
