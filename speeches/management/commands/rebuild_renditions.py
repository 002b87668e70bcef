"""Make every photo's renditions again from its stored original.

    python manage.py rebuild_renditions             # every photo in the media library
    python manage.py rebuild_renditions --ids 3 7   # only these materials

Run it after changing the sizes or encoders in ``speeches.materials.renditions``. Each photo goes
through ``services.material_rebuild_renditions``: the new thumb/medium/large/download files
are written, the row points to them, then the old files are deleted.

A progress bar is written to stdout (``[#####     ] 12/24``, updated in place). A photo
that cannot be rebuilt (original missing or unreadable, an id that is not a photo) is
reported on stderr with its id and the error, and the others carry on; the command then
ends with an error status, naming the ids that failed.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from speeches.models import Material
from speeches.publishing import services

BAR_WIDTH = 30
BATCH = 200


class Command(BaseCommand):
    help = "Rebuild the renditions of every photo (or of --ids) from its stored original."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ids",
            nargs="+",
            type=int,
            metavar="ID",
            help="Rebuild only these materials (ids as shown in the admin).",
        )

    def handle(self, *args, ids: list[int] | None, **options):
        photos = Material.objects.filter(kind=Material.Kind.PHOTO).order_by("pk")
        failures: dict[int, str] = {}
        if ids:
            photos = photos.filter(pk__in=ids)
            kinds = dict(Material.objects.filter(pk__in=ids).values_list("pk", "kind"))
            for pk in dict.fromkeys(ids):  # in the order given, once each
                if pk not in kinds:
                    failures[pk] = "no such material"
                elif kinds[pk] != Material.Kind.PHOTO:
                    failures[pk] = f"a {kinds[pk]} has no renditions, only a photo has"
            for pk, error in failures.items():
                self.report(pk, error)
        # Ids first, rows a batch at a time: no cursor stays open while rows are written.
        pks = list(photos.values_list("pk", flat=True))
        total = len(pks)
        requested = total + len(failures)
        if total:
            self.stdout.write(f"Rebuilding the renditions of {total} photos:")
            self.progress(0, total)
            done = 0
            for start in range(0, total, BATCH):
                batch = Material.objects.in_bulk(pks[start : start + BATCH])
                for pk in pks[start : start + BATCH]:
                    self.rebuild(pk, batch.get(pk), failures)
                    done += 1
                    self.progress(done, total)
            self.stdout.write("")
        elif not failures:
            self.stdout.write("No photos to rebuild.")
            return
        if failures:
            raise CommandError(
                f"{len(failures)} of {requested} could not be rebuilt "
                f"(ids {', '.join(map(str, sorted(failures)))})."
            )
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the renditions of {total} photos."))

    def rebuild(self, pk: int, material: Material | None, failures: dict[int, str]) -> None:
        try:
            if material is None:
                raise Material.DoesNotExist("deleted while the command ran")
            services.material_rebuild_renditions(material=material)
        except Exception as error:  # one bad photo must not stop the others
            failures[pk] = f"{type(error).__name__}: {error}"
            self.stdout.write("")  # end the bar's line before the report
            self.report(pk, failures[pk])

    def progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()

    def report(self, pk: int, error: str) -> None:
        self.stderr.write(f"Material {pk}: {error}")
