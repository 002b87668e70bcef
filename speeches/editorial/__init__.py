"""The editorial desk: staff's edits of a publication in place, and who is editing now.

Owns the change form's write path (``editing``: create, edit with conflict detection,
restore, delete, materials and change notes), several files uploaded at once into the
media library (``library``), presence (``presence``), the staff home's lists of each
person's work (``home``) and the staff's search of every publication in every state
(``search``). Built on
``languages`` (a translator writes only their languages) and ``publishing`` (saving,
workflow, revisions). May import those, ``materials`` and ``speeches.models``; never the
public site, the API or the admin.
"""
