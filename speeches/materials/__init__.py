"""Materials: what an upload may be, its renditions, and which file each URL serves.

Owns checking uploads (``uploads``), photo renditions (``renditions``) and the stored
files behind each material URL (``files``). May import ``speeches.models`` and the
libraries that read files; nothing above it (publishing, languages, public, api, admin).
"""
