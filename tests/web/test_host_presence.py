"""Who is connected: projector screens and phones, and who is here without a live phone."""

from __future__ import annotations

import anyio
import pytest
from fastapi.testclient import TestClient

from app.services.presence import Presence, phone_label, summarise
from tests.integration.test_hub import two_redis_workers
from tests.web.helpers import planned_event


def presence_panel(admin: TestClient, event_id: int) -> str:
    response = admin.get(f"/events/{event_id}/host/presence", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    return response.text


def test_phone_labels_are_counted_as_phones_and_name_their_owner() -> None:
    seen = summarise({"screen": 2, "phone": 1, "phone:7": 2, "phone:9": 1, "host": 1})
    assert seen == Presence(screens=2, phones=4, hosts=1, public=0, people=frozenset({7, 9}))


def test_a_phone_with_its_token_is_that_participants_live_phone(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    first, second = members[0], members[1]
    with (
        admin.websocket_connect(f"/ws/events/{event_id}?kind=phone&token={first['token']}") as a,
        admin.websocket_connect(f"/ws/events/{event_id}?kind=screen") as b,
    ):
        a.receive_json(), b.receive_json()
        panel = presence_panel(admin, event_id)
    assert '<dt>Projector screens</dt><dd class="">1</dd>' in panel
    assert "<dt>Phones</dt><dd>1</dd>" in panel
    assert "3 present without a live phone" in panel
    assert f"{second['first_name']} {second['last_name']}" in panel
    assert f"{first['first_name']} {first['last_name']}" not in panel


def test_a_token_of_another_event_counts_as_an_anonymous_phone(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=2)
    _, others = planned_event(admin, people=2, title="Autre soirée")
    url = f"/ws/events/{event_id}?kind=phone&token={others[0]['token']}"
    with admin.websocket_connect(url) as socket:
        socket.receive_json()
        panel = presence_panel(admin, event_id)
    assert "<dt>Phones</dt><dd>1</dd>" in panel
    assert "2 present without a live phone" in panel


def test_a_phone_that_leaves_stops_counting(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=2)
    with admin.websocket_connect(f"/ws/events/{event_id}?token={members[0]['token']}") as socket:
        socket.receive_json()
    panel = presence_panel(admin, event_id)
    assert "<dt>Phones</dt><dd>0</dd>" in panel
    assert '<dd class="warn">0</dd>' in panel


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.redis
@pytest.mark.anyio
async def test_phones_on_another_worker_are_counted_through_redis() -> None:
    async with (
        two_redis_workers() as (here, there),
        there.subscribe("event:1", phone_label(7)),
        there.subscribe("event:1", "screen"),
        here.subscribe("event:1", phone_label(None)),
    ):
        counts: dict[str, int] = {}
        with anyio.fail_after(5):
            while sum(counts.values()) < 3:
                counts = await here.presence("event:1")
                await anyio.sleep(0.05)
    assert summarise(counts) == Presence(screens=1, phones=2, people=frozenset({7}))
