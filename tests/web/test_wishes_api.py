"""A member's profile and wishes from their phone: what is kept, what is refused, who sees it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.adapters.database.tables import Event
from app.domain.matchmaking.value import WISHED
from app.domain.model import pair
from app.services import planning
from tests.web.helpers import add_member, planned_event, play


@pytest.fixture
def members(admin: TestClient, event_id: int) -> list[dict]:
    """Seven registered members of one event, not yet planned."""
    return [add_member(admin, event_id, index) for index in range(7)]


def put(client: TestClient, member: dict, **body):
    return client.put(f"/api/me/{member['token']}/profile", json=body)


def ids(people: list[dict]) -> list[int]:
    return [person["id"] for person in people]


def test_a_member_saves_texts_and_wishes_and_reads_them_back(
    anonymous: TestClient, members: list[dict]
) -> None:
    me, *others = members
    response = put(
        anonymous,
        me,
        pitch=" Isolation ",
        needs="Un transporteur régional",
        meet=[others[0]["id"], others[1]["id"], others[0]["id"]],
        avoid=[others[2]["id"]],
    )
    assert response.status_code == 200, response.text
    saved = response.json()
    assert (saved["pitch"], saved["needs"], saved["offers"]) == (
        "Isolation",
        "Un transporteur régional",
        None,
    )
    assert ids(saved["meet"]) == [others[0]["id"], others[1]["id"]]
    assert ids(saved["avoid"]) == [others[2]["id"]]
    assert saved["editable"] is True
    assert anonymous.get(f"/api/me/{me['token']}/profile").json() == saved


def test_a_field_left_out_keeps_its_value_and_an_empty_list_clears(
    anonymous: TestClient, members: list[dict]
) -> None:
    me, other = members[0], members[1]
    put(anonymous, me, offers="Audit énergétique", meet=[other["id"]], avoid=[members[2]["id"]])
    kept = put(anonymous, me, needs="Un comptable", avoid=[]).json()
    assert (kept["offers"], kept["needs"]) == ("Audit énergétique", "Un comptable")
    assert (ids(kept["meet"]), kept["avoid"]) == ([other["id"]], [])
    cleared = put(anonymous, me, offers="  ", needs=None).json()
    assert (cleared["offers"], cleared["needs"]) == (None, None)


def test_the_profile_text_shows_in_the_host_list(
    admin: TestClient, anonymous: TestClient, event_id: int, members: list[dict]
) -> None:
    put(anonymous, members[0], offers="Transport routier")
    listed = admin.get(f"/api/events/{event_id}/participants").json()
    assert [p["offers"] for p in listed if p["id"] == members[0]["id"]] == ["Transport routier"]


@pytest.mark.parametrize(("field", "limit"), [("offers", 500), ("needs", 500), ("pitch", 300)])
def test_an_over_long_text_is_a_422_naming_the_field_and_nothing_changes(
    anonymous: TestClient, members: list[dict], field: str, limit: int
) -> None:
    me = members[0]
    put(anonymous, me, avoid=[members[1]["id"]])
    response = put(anonymous, me, avoid=[], **{field: "é" * (limit + 1)})
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}:")
    assert ids(anonymous.get(f"/api/me/{me['token']}/profile").json()["avoid"]) == [
        members[1]["id"]
    ]
    assert put(anonymous, me, **{field: "é" * limit}).status_code == 200


def test_more_than_five_to_meet_is_a_422(anonymous: TestClient, members: list[dict]) -> None:
    me, *others = members
    response = put(anonymous, me, meet=ids(others))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("meet:")
    assert put(anonymous, me, meet=ids(others[:5])).status_code == 200


def test_the_same_person_in_both_lists_is_a_422(anonymous: TestClient, members: list[dict]) -> None:
    me, other = members[0], members[1]
    assert put(anonymous, me, meet=[other["id"]], avoid=[other["id"]]).status_code == 422
    put(anonymous, me, meet=[other["id"]])
    response = put(anonymous, me, avoid=[other["id"]])
    assert response.status_code == 422
    assert "both" in response.json()["detail"]
    moved = put(anonymous, me, meet=[], avoid=[other["id"]])
    assert moved.status_code == 200, moved.text
    assert ids(moved.json()["avoid"]) == [other["id"]]


def test_choosing_myself_is_a_422(anonymous: TestClient, members: list[dict]) -> None:
    me = members[0]
    assert put(anonymous, me, meet=[me["id"]]).status_code == 422
    assert put(anonymous, me, avoid=[me["id"]]).status_code == 422


def test_unknown_and_other_events_people_are_404_and_nothing_changes(
    admin: TestClient, anonymous: TestClient, members: list[dict]
) -> None:
    me = members[0]
    elsewhere = admin.post("/api/events", json={"title": "Ailleurs"}).json()["id"]
    stranger = add_member(admin, elsewhere, 99)
    for wanted in ([stranger["id"]], [10**9]):
        response = put(anonymous, me, needs="jamais", meet=wanted)
        assert response.status_code == 404, response.text
        assert str(wanted[0]) in response.json()["detail"]
        assert put(anonymous, me, avoid=wanted).status_code == 404
    profile = anonymous.get(f"/api/me/{me['token']}/profile").json()
    assert (profile["needs"], profile["meet"], profile["avoid"]) == (None, [], [])


def test_an_unknown_token_is_a_404(anonymous: TestClient, members: list[dict]) -> None:
    assert anonymous.get("/api/me/nope/profile").status_code == 404
    assert anonymous.put("/api/me/nope/profile", json={"needs": "x"}).status_code == 404
    assert anonymous.get("/api/me/nope/people").status_code == 404


def test_wishes_are_never_shown_to_the_person_wished_for(
    admin: TestClient, anonymous: TestClient, event_id: int, members: list[dict]
) -> None:
    me, wished, avoided = members[0], members[1], members[2]
    put(anonymous, me, meet=[wished["id"]], avoid=[avoided["id"]])
    for other in (wished, avoided):
        assert anonymous.get(f"/api/me/{other['token']}/profile").json()["meet"] == []
        assert anonymous.get(f"/api/me/{other['token']}/profile").json()["avoid"] == []
        seen = anonymous.get(f"/api/me/{other['token']}").text
        found = anonymous.get(f"/api/me/{other['token']}/people").text
        for text in (seen, found):
            assert "meet" not in text and "avoid" not in text
    listed = admin.get(f"/api/events/{event_id}/participants").text
    assert "meet" not in listed and "avoid" not in listed


def test_the_people_list_searches_name_company_sector_and_offers(
    admin: TestClient, anonymous: TestClient, event_id: int, members: list[dict]
) -> None:
    me = members[0]
    émilie = {
        "first_name": "Émilie",
        "last_name": "Lefèvre",
        "company": "SARL Artois Bâtiment",
        "email": "emilie@example.fr",
        "sector": "BTP",
        "offers": "Pompes à chaleur",
    }
    found = admin.post(f"/api/events/{event_id}/participants", json=émilie).json()
    search = f"/api/me/{me['token']}/people"
    everyone = anonymous.get(search).json()
    assert me["id"] not in ids(everyone) and found["id"] in ids(everyone)
    assert len(everyone) == len(members)
    assert set(everyone[0]) == {"id", "first_name", "last_name", "company", "sector", "offers"}
    for query in ("emilie", "LEFEVRE", "batiment artois", "btp", "pompes a CHALEUR"):
        assert ids(anonymous.get(search, params={"q": query}).json()) == [found["id"]], query
    assert anonymous.get(search, params={"q": "plombier"}).json() == []
    assert len(anonymous.get(search, params={"limit": 2}).json()) == 2


def test_people_gone_are_not_listed(
    admin: TestClient, anonymous: TestClient, event_id: int, members: list[dict]
) -> None:
    gone = members[1]
    admin.post(f"/api/events/{event_id}/participants/{gone['id']}/checkin")
    admin.post(f"/api/events/{event_id}/participants/{gone['id']}/leave")
    listed = ids(anonymous.get(f"/api/me/{members[0]['token']}/people").json())
    assert gone["id"] not in listed


def test_editing_stops_at_the_start_of_the_first_round(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, 6)
    me, other = members[0], members[1]
    assert put(anonymous, me, needs="avant le début").status_code == 200
    play(admin, event_id, rounds=1)
    response = put(anonymous, me, needs="trop tard", meet=[other["id"]])
    assert response.status_code == 409
    assert "first round has started" in response.json()["detail"]
    profile = anonymous.get(f"/api/me/{me['token']}/profile").json()
    assert (profile["needs"], profile["meet"], profile["editable"]) == ("avant le début", [], False)


def test_a_walk_in_may_fill_theirs_while_later_rounds_remain(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, 6)
    early = add_member(admin, event_id, 50)
    admin.post(f"/api/events/{event_id}/participants/{early['id']}/checkin")  # before the start
    play(admin, event_id, rounds=1)
    walk_in = add_member(admin, event_id, 51)
    admin.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin")
    assert anonymous.get(f"/api/me/{walk_in['token']}/profile").json()["editable"] is True
    response = put(anonymous, walk_in, needs="Un imprimeur", meet=[members[0]["id"]])
    assert response.status_code == 200, response.text
    assert put(anonymous, early, needs="x").status_code == 409
    admin.post(f"/api/events/{event_id}/clock/finish")
    late = put(anonymous, walk_in, needs="après la fin")
    assert late.status_code == 409
    assert "no round is left" in late.json()["detail"]


def test_saving_wishes_leaves_the_plan_to_the_host(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, 6)
    version = admin.get(f"/api/events/{event_id}/plan").json()["version"]
    put(anonymous, members[0], avoid=[members[1]["id"]])
    assert admin.get(f"/api/events/{event_id}/plan").json()["version"] == version


def test_rather_nots_and_the_hosts_rules_reach_the_planner(
    admin: TestClient, anonymous: TestClient, event_id: int, members: list[dict]
) -> None:
    me, avoided, pinned, forbidden, both = (m["id"] for m in members[:5])
    assert put(anonymous, members[0], avoid=[avoided, both], meet=[pinned]).status_code == 200
    for other, kind in ((pinned, "must"), (forbidden, "never"), (both, "must")):
        rule = admin.put(f"/api/events/{event_id}/pairs/{me}/{other}", json={"kind": kind})
        assert rule.status_code == 200, rule.text
    with Session(admin.app.state.engine) as session:
        rules = planning.rules_for(session, session.get(Event, event_id))
    assert rules.never == {pair(me, avoided), pair(me, forbidden), pair(me, both)}
    assert rules.must == {pair(me, pinned)}  # a member's "rather not" wins over a host's "must"
    assert rules.values == {pair(me, pinned): WISHED}  # no texts: only the wish counts
