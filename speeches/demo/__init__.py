"""The demo archive: its content as data files, and the photos, documents and recordings
made for it.

Read by the ``load_demo`` command, which writes it through the services; the benchmark
corpus (``speeches.corpus``) shares its generated photos and documents.
May import only the standard library and Pillow: it is data, not behaviour.
"""
