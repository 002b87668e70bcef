"""``manage.py worker``: the background worker (django-tasks' database worker).

Before it starts taking tasks, it takes up the tasks that dead workers of its machine
left running (``tasks.take_up_abandoned``), asks again for every sending that is due and
not finished, and for the next daily run. Run as many as you like: each task, and each
batch of emails, is taken by one only.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from speeches.mailing import digests, sending, tasks


class Command(DatabaseWorker):
    help = (
        "Run the background worker: readers' emails at their second, staff notices, the "
        "daily digests. Resumes what a worker that died left unfinished."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Machine and process in the id, for take_up_abandoned (django-tasks': random).
        parser.set_defaults(worker_id=tasks.worker_id())

    def handle(self, *args, **options):
        taken = tasks.take_up_abandoned(by=options["worker_id"])
        resumed = sending.resume()
        digests.ask_daily()
        if options["verbosity"]:
            self.stdout.write(
                f"Took up {taken} task(s) of dead workers; resumed {resumed} unfinished sending(s)."
            )
        return super().handle(*args, **options)
