"""The demo archive: its content as data files, and the photos, documents and recordings
made for it.

Read by the ``load_demo`` and ``benchmark`` commands, which write it through the services.
May import only the standard library and Pillow: it is data, not behaviour.
"""
