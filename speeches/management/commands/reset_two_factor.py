"""Remove a staff member's second factor (a lost phone): they set it up again at sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from speeches.accounts import signin


class Command(BaseCommand):
    help = (
        "Remove the authenticator app and recovery codes of a user who lost them. "
        "If their role requires two-step verification, they set it up again at next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        signin.reset(user, by="reset_two_factor command")
        self.stdout.write(f"Two-step verification of {username} was reset.")
