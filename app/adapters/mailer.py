"""Deliver one e-mail through the configured SMTP server (stdlib smtplib)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from app.config import Settings

IMPLICIT_TLS_PORT = 465
TIMEOUT_S = 20


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send: host, port, login, TLS and the sender address."""

    host: str
    port: int
    user: str | None
    password: str | None
    starttls: bool
    sender: str

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpServer | None:
        """Read the SMTP settings; None when no server is configured."""
        if not settings.smtp_host:
            return None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            user=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            sender=settings.smtp_from,
        )


def send(server: SmtpServer, message: EmailMessage) -> None:
    """Send one message; raise smtplib.SMTPException or OSError when it was not accepted."""
    if "From" not in message:
        message["From"] = server.sender
    context = ssl.create_default_context()
    if server.port == IMPLICIT_TLS_PORT:
        connection = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_S, context=context)
    else:
        connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_S)
    with connection:
        if server.starttls and server.port != IMPLICIT_TLS_PORT:
            connection.starttls(context=context)
        if server.user:
            connection.login(server.user, server.password or "")
        connection.send_message(message)
