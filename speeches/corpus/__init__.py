"""A benchmark archive shaped like a ministry's: the ``generate_corpus`` command's generator.

Owns ``generator`` (the corpus, item by item from a seeded stream), ``bulk`` (new rows
by PostgreSQL's COPY), its data (``data/``: real word frequencies, cities, countries) and
``pages`` (the public pages the benchmark and the load test ask for, found in whatever
archive there is).

May import: ``speeches.models``, ``speeches.publishing`` (the derivations a save makes),
``speeches.demo`` (the generated photos and documents), ``speeches.public`` (its
selectors, to find pages), NumPy, psycopg and the standard library.
"""
