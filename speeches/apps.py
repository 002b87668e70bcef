from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeechesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "speeches"
    verbose_name = _("Publications")
