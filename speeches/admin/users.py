"""Staff accounts: Django's user admin plus the languages each translator works in."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from speeches.models import (
    TranslatorLanguage,
)


class TranslatorLanguageInline(admin.TabularInline):
    model = TranslatorLanguage
    extra = 1
    verbose_name = _("language this person translates into")
    verbose_name_plural = _("Languages this person translates into (translators)")


class PressOfficeUserAdmin(UserAdmin):
    """Django's user admin, plus the languages a translator works in."""

    inlines = [*UserAdmin.inlines, TranslatorLanguageInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), PressOfficeUserAdmin)

# Nobody sees or changes another person's authenticator in the admin (an administrator
# who could read a key could sign in as its owner): each person manages their own under
# "Two-step verification" (speeches.admin.accounts); a lost phone is reset with the
# reset_two_factor command.
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)
