"""Mail transports: SMTP that says when a message is about to be accepted, and the
development's folder of ``.eml`` files."""

from __future__ import annotations

import pathlib
import smtplib
import socket
from collections.abc import Callable

from django.core.mail.backends import smtp
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


class _EndOfData:
    """``smtplib.SMTP.data`` in two steps: the whole message goes to the server, then
    ``before_end_of_data`` runs, then the line that ends it (the "." after which the
    server accepts it). A sender that records "handed over" there, and dies before, has
    sent nothing the server keeps: the server drops a message whose end never came."""

    before_end_of_data: Callable[[], None] | None = None

    def data(self, msg):
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        if isinstance(msg, str):
            msg = smtplib._fix_eols(msg).encode("ascii")
        quoted = smtplib._quote_periods(msg)
        if quoted[-2:] != smtplib.bCRLF:
            quoted += smtplib.bCRLF
        self.send(quoted)
        if self.before_end_of_data is not None:
            self.before_end_of_data()
        self.send(b"." + smtplib.bCRLF)
        return self.getreply()


class _SMTP(_EndOfData, smtplib.SMTP):
    pass


class _SMTP_SSL(_EndOfData, smtplib.SMTP_SSL):
    pass


class SMTPBackend(smtp.EmailBackend):
    """Django's SMTP backend, whose connection calls ``before_end_of_data`` (set it on
    the backend) once a message is with the server but not yet accepted by it
    (``speeches.mailing.sending`` commits "handed over" there)."""

    before_end_of_data: Callable[[], None] | None = None

    @property
    def connection_class(self):
        return _SMTP_SSL if self.use_ssl else _SMTP

    def open(self):
        opened = super().open()
        if self.connection is not None:
            self.connection.before_end_of_data = self._before_end_of_data
            # A message goes in two writes (all but its end, then its end): without
            # TCP_NODELAY the second waits for the server's delayed ACK, 40 ms a message.
            self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return opened

    def _before_end_of_data(self) -> None:
        if self.before_end_of_data is not None:
            self.before_end_of_data()


class EmlFolderBackend(FileBackend):
    """Django's file backend, writing each message whole into its own ``.eml`` file
    (``EMAIL_FILE_PATH``), named by time, which a mail program opens as it would arrive."""

    def open(self):
        return False  # no stream: each message opens its own file

    def close(self):
        pass

    def send_messages(self, email_messages):
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{get_random_string(6).lower()}.eml"
            data = message.message().as_bytes(linesep="\n")
            pathlib.Path(self.file_path, name).write_bytes(data)
        return len(email_messages)
