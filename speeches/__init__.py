"""The press office app: publications, their language versions and materials.

One Django app (label ``speeches``) in packages by concern. Each package may import only
the ones below it; ``make lint`` checks this with import-linter (``pyproject.toml``):

    admin | api | corpus   the staff admin; the public JSON API; the benchmark archive
    public | editorial     the readers' site; staff's edits in place
    languages              translators' rights and statuses, segments, XLIFF
    publishing             the save every write ends in, workflow, revisions, previews
    materials | accounts   uploads and files; staff sign-in
    models                 the models and the one definition of what readers may see
    richtext | countries   the HTML allow-list; country names

``translation.py`` registers the per-language columns (django-modeltranslation).
"""
