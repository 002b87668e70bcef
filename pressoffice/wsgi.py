"""WSGI entry point of the press office site."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressoffice.settings")

application = get_wsgi_application()
