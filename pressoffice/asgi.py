"""ASGI entry point of the press office site."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressoffice.settings")

application = get_asgi_application()
