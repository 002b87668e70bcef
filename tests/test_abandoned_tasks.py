"""A worker that dies while it runs a task (SIGKILL, an out-of-memory kill) leaves the
task running for ever in django-tasks' table; the next worker started on the same
machine marks it failed and asks for it again (``tasks.take_up_abandoned``). The real
worker killed mid-sending, and started again, is in ``test_mail_worker.py``."""

import os
import socket
import subprocess

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from speeches.mailing import tasks

pytestmark = pytest.mark.django_db

HOST = socket.gethostname()[:40]


def a_dead_process() -> int:
    """The number of a process that has ended (and been waited for)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def running(task, *args, worker: str, **kwargs) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=task.enqueue(*args, **kwargs).id)
    result.claim(worker)
    return result


def test_the_tasks_of_a_dead_worker_of_this_machine_are_failed_and_asked_for_again():
    dead = f"{HOST}:{a_dead_process()}:deadbeef"
    confirmation = running(tasks.send_confirmation, 7, attempt=1, worker=dead)
    alive = running(tasks.send_staff_notice, 8, worker=f"{HOST}:{os.getppid()}:alive123")
    elsewhere = running(tasks.send_dispatch, 9, worker="another-machine:4242:abcdefgh")

    assert tasks.take_up_abandoned(by="me") == 1

    confirmation.refresh_from_db()
    assert confirmation.status == TaskResultStatus.FAILED
    assert confirmation.exception_class_path == "speeches.mailing.tasks.WorkerDied"
    assert dead in confirmation.traceback and confirmation.finished_at
    again = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert again.task_path == confirmation.task_path
    assert again.args_kwargs == {"args": [7], "kwargs": {"attempt": 1}}
    # A live worker's task, and another machine's (judged there), are left as they are.
    for result in (alive, elsewhere):
        result.refresh_from_db()
        assert result.status == TaskResultStatus.RUNNING
    # Taken up once: a second worker starting finds nothing more.
    assert tasks.take_up_abandoned(by="me too") == 0
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_a_worker_ids_tell_its_machine_and_process():
    host, pid, random_part = tasks.worker_id().split(":")
    assert (host, int(pid), len(random_part)) == (HOST, os.getpid(), 8)
    assert len(tasks.worker_id()) <= 64  # django-tasks' limit
