"""A real SMTP server on the loopback that keeps what it receives: for the tests and the
sending benchmark (aiosmtpd, installed with the test extras).

It answers as a mail server does, in its own thread: ``refuse`` holds addresses it
refuses for good (550 at RCPT), and ``on_data`` runs on each message before the server
accepts it (a test kills the worker there).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    message_id: str
    at: float  # time.time() when the server accepted it
    data: bytes | None  # the whole message, unless the sink keeps only who and when

    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    def __init__(
        self,
        *,
        keep_data: bool = True,
        refuse: frozenset[str] = frozenset(),
        on_data: Callable[[int], None] | None = None,
    ):
        self.keep_data = keep_data
        self.refuse = {address.lower() for address in refuse}
        self.on_data = on_data
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._controller = None
        self.port = 0

    # aiosmtpd's handler hooks

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.content
        if self.on_data is not None:
            self.on_data(len(self.received) + 1)
        message_id = ""
        for line in data.split(b"\r\n"):
            if not line:
                break
            if line.lower().startswith(b"message-id:"):
                message_id = line.split(b":", 1)[1].strip().decode()
        with self._lock:
            self.received.append(
                Received(
                    recipients=tuple(address.lower() for address in envelope.rcpt_tos),
                    message_id=message_id,
                    at=time.time(),
                    data=data if self.keep_data else None,
                )
            )
        return "250 Message accepted for delivery"

    # Running

    def start(self) -> Sink:
        from aiosmtpd.controller import Controller

        # aiosmtpd narrates every command at INFO: a line per command per message.
        logging.getLogger("mail.log").setLevel(logging.WARNING)

        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, data_size_limit=0)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> Sink:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def per_recipient(self) -> Counter:
        with self._lock:
            return Counter(address for item in self.received for address in item.recipients)

    def wait_for(self, count: int, *, timeout: float) -> bool:
        """Wait until ``count`` messages arrived (True) or ``timeout`` seconds passed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= count:
                return True
            time.sleep(0.05)
        return len(self.received) >= count
