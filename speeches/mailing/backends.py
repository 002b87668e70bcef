"""The development mail transport: one ``.eml`` file per message in a folder."""

import pathlib

from django.core.mail.backends.filebased import EmailBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


class EmlFolderBackend(EmailBackend):
    """Django's file backend, writing each message whole into its own ``.eml`` file
    (``EMAIL_FILE_PATH``), named by time, which a mail program opens as it would arrive."""

    def write_message(self, message):
        name = f"{timezone.now():%Y%m%d-%H%M%S}-{get_random_string(6).lower()}.eml"
        data = message.message().as_bytes(linesep="\n")
        pathlib.Path(self.file_path, name).write_bytes(data)

    def open(self):
        return False  # no stream: each message opens its own file

    def close(self):
        pass

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        for message in email_messages:
            self.write_message(message)
        return len(email_messages)
