"""The press office's identity and its footer pages: who may change them, and the one
write path for each (``services``).

The site identity (name, emblem, colours, contacts) is the administrators'; footer pages
are for whoever may put text before readers without review (publishers and
administrators). Readers' pages read both through ``speeches.public.identity``, kept per
change. May import ``speeches.models``, ``speeches.colours`` and ``materials``; never the
public site, the API or the admin.
"""
