"""``manage.py worker``: the background worker (django-tasks' database worker).

Before it starts taking tasks, it asks again for every sending that is due and not
finished (a worker that died left its task running for ever) and for the next daily run.
Run as many as you like: each task, and each batch of emails, is taken by one only.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from speeches.mailing import digests, sending


class Command(DatabaseWorker):
    help = (
        "Run the background worker: readers' emails at their second, staff notices, the "
        "daily digests. Resumes what a worker that died left unfinished."
    )

    def handle(self, *args, **options):
        resumed = sending.resume()
        digests.ask_daily()
        if options["verbosity"]:
            self.stdout.write(f"Resumed {resumed} unfinished sending(s).")
        return super().handle(*args, **options)
