"""Staff accounts: signing in with a second factor, staff sessions, the security log.

Owns who is signed in and how (``signin``), the session limits (``middleware``) and the
JSON security log (``security_log``). May import ``speeches.models`` and Django; nothing
from the publishing, languages, materials, public, api or admin packages.
"""
