"""The host page's pinned and forbidden pairs: set, shown by name, removed, refused inline."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import add_member

EN = {"Accept-Language": "en"}


def event_of_three(host: TestClient) -> tuple[int, list[dict]]:
    event_id = host.post("/api/events", json={"title": "Rencontres Lens"}).json()["id"]
    return event_id, [add_member(host, event_id, index) for index in range(3)]


def test_a_pinned_pair_is_listed_by_name_and_reaches_the_rules(host: TestClient) -> None:
    event_id, (first, second, _) = event_of_three(host)
    form = {"person_id": first["id"], "other_id": second["id"], "kind": "must"}
    response = host.post(f"/events/{event_id}/host/pairs", data=form)
    assert response.status_code == 200
    assert "Must meet" in response.text
    assert "Prénom0 Nom0 · Prénom1 Nom1" in response.text
    assert host.get(f"/api/events/{event_id}/pairs").json() == [
        {"a": first["id"], "b": second["id"], "kind": "must"}
    ]
    assert "Prénom0 Nom0 · Prénom1 Nom1" in host.get(f"/events/{event_id}/host").text


def test_a_pair_removed_from_the_page_is_gone(host: TestClient) -> None:
    event_id, (first, second, _) = event_of_three(host)
    form = {"person_id": second["id"], "other_id": first["id"], "kind": "never"}
    host.post(f"/events/{event_id}/host/pairs", data=form)
    low, high = sorted((first["id"], second["id"]))
    response = host.post(f"/events/{event_id}/host/pairs/{low}/{high}/remove")
    assert response.status_code == 200
    assert "Never" not in response.text
    assert host.get(f"/api/events/{event_id}/pairs").json() == []


def test_one_person_twice_is_refused_inline_and_nothing_is_kept(host: TestClient) -> None:
    event_id, (first, *_) = event_of_three(host)
    form = {"person_id": first["id"], "other_id": first["id"], "kind": "must"}
    response = host.post(f"/events/{event_id}/host/pairs", data=form)
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "two different participants" in response.text
    assert host.get(f"/api/events/{event_id}/pairs").json() == []


def test_a_stranger_cannot_pin_a_pair(host: TestClient) -> None:
    event_id, (first, second, _) = event_of_three(host)
    host.cookies.clear()
    form = {"person_id": first["id"], "other_id": second["id"], "kind": "must"}
    assert host.post(f"/events/{event_id}/host/pairs", data=form).status_code == 401
