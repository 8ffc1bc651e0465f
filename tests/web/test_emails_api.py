"""E-mails go out through a real SMTP server, in the background, each one logged."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
import vobject
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_TOKEN
from tests.servers import free_port
from tests.web.helpers import partner, planned_event, play


class Inbox:
    """An aiosmtpd handler that keeps what it receives; it can refuse the first messages."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.refuse = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse:
            self.refuse -= 1
            return "451 try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    """Run a local SMTP server for one test."""
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def mail_client(settings: Settings, port: int) -> TestClient:
    """Build the app with SMTP pointing at `port`, signed in as the organiser."""
    mail = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False,
                "smtp_from": "cci@example.fr"}
    )  # fmt: skip
    client = TestClient(create_app(mail))
    client.headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"
    client.app.state.outbox.backoff_s = 0.05
    return client


def settled(client: TestClient, event_id: int, count: int) -> list[dict]:
    """Wait until `count` e-mails are logged and none is still on its way."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        log = client.get(f"/api/events/{event_id}/emails").json()
        if len(log) >= count and all(e["status"] in ("sent", "failed") for e in log):
            return log
        time.sleep(0.05)
    raise AssertionError(f"the e-mails did not settle: {log}")


def test_every_participant_gets_their_personal_link(settings: Settings, inbox) -> None:
    handler, port = inbox
    with mail_client(settings, port) as client:
        event_id, members = planned_event(client, people=3, language="en")
        response = client.post(f"/api/events/{event_id}/emails/links")
        assert response.status_code == 202
        assert response.json() == {"queued": 3}
        log = settled(client, event_id, 3)
    assert {(e["status"], e["attempts"], e["kind"]) for e in log} == {("sent", 1, "links")}
    assert all(e["sent_ms"] for e in log)
    by_recipient = {rcpt[0]: message for rcpt, message in handler.received}
    assert set(by_recipient) == {m["email"] for m in members}
    for member in members:
        message = by_recipient[member["email"]]
        assert message["Subject"] == "Your personal link for Rencontres Arras"
        assert message["From"] == "cci@example.fr"
        body = message.get_body(("plain",)).get_content()
        assert f"http://testserver/p/{member['token']}" in body
        assert "Prénom" in body
        for other in members:
            if other is not member:
                assert other["token"] not in message.as_string()
        [qr] = [
            part for part in message.iter_attachments() if part.get_content_type() == "image/png"
        ]
        assert qr.get_content().startswith(b"\x89PNG")


def test_links_are_not_sent_twice_unless_asked(settings: Settings, inbox) -> None:
    handler, port = inbox
    with mail_client(settings, port) as client:
        event_id, _ = planned_event(client, people=2)
        client.post(f"/api/events/{event_id}/emails/links")
        settled(client, event_id, 2)
        assert client.post(f"/api/events/{event_id}/emails/links").json() == {"queued": 0}
        again = client.post(f"/api/events/{event_id}/emails/links", params={"resend": True})
        assert again.json() == {"queued": 2}
        settled(client, event_id, 4)
    assert len(handler.received) == 4


def test_a_doubled_click_queues_each_link_once(settings: Settings, inbox) -> None:
    handler, port = inbox
    with mail_client(settings, port) as client:
        event_id, _ = planned_event(client, people=6)
        url = f"/api/events/{event_id}/emails/links"
        with ThreadPoolExecutor(2) as pool:
            replies = list(pool.map(lambda _: client.post(url), range(2)))
        assert sorted(r.json()["queued"] for r in replies) == [0, 6]
        assert len(settled(client, event_id, 6)) == 6  # both replies came after their commit
    assert len(handler.received) == 6  # the app has shut down: its outbox sends nothing more


def test_the_matches_go_out_after_the_event_in_french(settings: Settings, inbox) -> None:
    handler, port = inbox
    with mail_client(settings, port) as client:
        event_id, members = planned_event(client, people=4)
        me = members[0]
        early = client.post(f"/api/events/{event_id}/emails/matches")
        assert early.status_code == 409
        assert play(client, event_id)["phase"] == "finished"
        other_id = partner(client, me["token"], 1)
        other = next(m for m in members if m["id"] == other_id)
        client.put(f"/api/me/{me['token']}/interests/{other_id}")
        client.put(f"/api/me/{other['token']}/interests/{me['id']}")
        response = client.post(f"/api/events/{event_id}/emails/matches")
        assert response.json() == {"queued": 2}
        settled(client, event_id, 2)
    received = {rcpt[0]: message for rcpt, message in handler.received}
    assert set(received) == {me["email"], other["email"]}
    message = received[me["email"]]
    assert message["Subject"] == "Vos contacts réciproques à Rencontres Arras"
    body = message.get_body(("plain",)).get_content()
    assert f"{other['first_name']} {other['last_name']}" in body
    assert other["email"] in body
    [card] = [p for p in message.iter_attachments() if p.get_filename() == "contacts.vcf"]
    assert card.get_content_type() == "text/vcard"
    parsed = vobject.readOne(card.get_content())
    assert parsed.fn.value == f"{other['first_name']} {other['last_name']}"


def test_a_refused_message_is_retried(settings: Settings, inbox) -> None:
    handler, port = inbox
    handler.refuse = 1
    with mail_client(settings, port) as client:
        event_id, _ = planned_event(client, people=2)
        client.post(f"/api/events/{event_id}/emails/links")
        log = settled(client, event_id, 2)
    assert sorted(e["attempts"] for e in log) == [1, 2]
    assert {e["status"] for e in log} == {"sent"}
    assert "451" in next(e["last_error"] for e in log if e["attempts"] == 2)


def test_an_unreachable_server_fails_after_three_attempts(settings: Settings) -> None:
    with mail_client(settings, free_port()) as client:
        event_id, _ = planned_event(client, people=2)
        started = time.monotonic()
        response = client.post(f"/api/events/{event_id}/emails/links")
        assert time.monotonic() - started < 2  # the request never waits for the server
        assert response.status_code == 202
        log = settled(client, event_id, 2)
    assert {(e["status"], e["attempts"]) for e in log} == {("failed", 3)}
    assert all("Connection refused" in e["last_error"] for e in log)


def test_without_smtp_nothing_is_sent(admin: TestClient, event_id: int) -> None:
    response = admin.post(f"/api/events/{event_id}/emails/links")
    assert response.status_code == 409
    assert "SMTP_HOST" in response.json()["detail"]
    assert admin.get(f"/api/events/{event_id}/emails").json() == []
