"""Take a workflow action from the shell, with the same checks as the admin.

python manage.py workflow publish 12 --user publisher
python manage.py workflow withdraw 12 --user publisher --reason "Superseded." --replacement 15
python manage.py workflow unpublish 12 --user publisher --reason "Legal advice" --replacement 15
python manage.py workflow force_publish 12 --user publisher --reason "Live now" --without-review
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from speeches.models import Publication
from speeches.publishing import workflow


class Command(BaseCommand):
    help = "Submit, send back, publish, force-publish, unschedule, withdraw or unpublish."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=list(workflow.TRANSITIONS))
        parser.add_argument("publication", type=int, help="The publication's id.")
        parser.add_argument("--user", required=True, help="Whose action it is (username).")
        parser.add_argument("--reason", default="", help="Reason, comment or explanation.")
        parser.add_argument(
            "--replacement", type=int, help="Withdraw or unpublish: the replacement's id."
        )
        parser.add_argument(
            "--without-review",
            action="store_true",
            dest="confirmed",
            help="Force-publish: confirm publishing without a second person's review.",
        )

    def handle(self, *args, action, publication, user, reason, replacement, confirmed, **options):
        try:
            item = Publication.objects.get(pk=publication)
            actor = get_user_model().objects.get_by_natural_key(user)
            substitute = Publication.objects.get(pk=replacement) if replacement else None
        except (Publication.DoesNotExist, get_user_model().DoesNotExist) as error:
            raise CommandError(str(error)) from error
        try:
            workflow.transition_run(
                action,
                publication=item,
                user=actor,
                reason=reason,
                replacement=substitute,
                confirmed=confirmed,
            )
        except PermissionDenied as error:
            raise CommandError(f"{actor} may not {action}: {error}") from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"{item}: {item.get_state_display()}"))
