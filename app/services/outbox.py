"""Send e-mails in the background, three attempts each with exponential backoff, logged."""

from __future__ import annotations

import logging
import smtplib
import threading
import time
from collections.abc import Sequence
from email.message import EmailMessage

from sqlalchemy import Engine
from sqlmodel import Session

from app.adapters.database.tables import EmailLog
from app.adapters.mailer import SmtpServer, send
from app.services.timekeeping import now_ms

log = logging.getLogger("tablehop.mail")

ATTEMPTS = 3
BACKOFF_S = 2.0
SHUTDOWN_WAIT_S = 5.0


class Outbox:
    """Deliver queued messages off the request path; each outcome lands in `email_log`."""

    def __init__(self, engine: Engine, server: SmtpServer | None) -> None:
        self.engine = engine
        self.server = server
        self.backoff_s = BACKOFF_S
        self._threads: list[threading.Thread] = []

    @property
    def enabled(self) -> bool:
        """Tell whether an SMTP server is configured."""
        return self.server is not None

    def enqueue(self, jobs: Sequence[tuple[int, EmailMessage]]) -> None:
        """Send each (log id, message) in a background thread; return at once."""
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(
            target=self._deliver_all, args=(list(jobs),), name="tablehop-mail", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def close(self) -> None:
        """Give messages in flight a few seconds at shutdown; the log shows any left queued."""
        for thread in self._threads:
            thread.join(SHUTDOWN_WAIT_S)

    def _deliver_all(self, jobs: list[tuple[int, EmailMessage]]) -> None:
        for log_id, message in jobs:
            try:
                self._deliver(log_id, message)
            except Exception:  # one broken message or database hiccup must not stop the rest
                log.exception("e-mail %s could not be handled", log_id)

    def _deliver(self, log_id: int, message: EmailMessage) -> None:
        """Try up to ATTEMPTS times, waiting backoff_s, then twice as long, between tries."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                send(self.server, message)
            except (smtplib.SMTPException, OSError) as error:
                final = attempt == ATTEMPTS
                self._record(log_id, "failed" if final else "retrying", attempt, repr(error))
                if final:
                    log.warning("e-mail %s to %s failed: %r", log_id, message["To"], error)
                    return
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            else:
                self._record(log_id, "sent", attempt, None, sent_ms=now_ms())
                return

    def _record(
        self, log_id: int, status: str, attempts: int, error: str | None, sent_ms: int | None = None
    ) -> None:
        with Session(self.engine) as session:
            entry = session.get(EmailLog, log_id)
            entry.status, entry.attempts, entry.sent_ms = status, attempts, sent_ms
            entry.last_error = error[:500] if error else entry.last_error
            session.add(entry)
            session.commit()
