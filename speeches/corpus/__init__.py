"""A benchmark archive shaped like a ministry's: the ``generate_corpus`` command's generator.

Owns ``generator`` (the corpus, item by item from a seeded stream, written in bulk) and
its data (``data/``: real word frequencies, cities, countries).

May import: ``speeches.models``, ``speeches.publishing`` (the derivations a save makes),
``speeches.demo`` (the generated photos and documents) and the standard library.
"""
