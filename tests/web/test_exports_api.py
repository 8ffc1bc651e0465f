"""Exports open in a spreadsheet as they are, and never run a formula hidden in a cell."""

from __future__ import annotations

import csv
import io

import openpyxl
from fastapi.testclient import TestClient

from tests.web.helpers import play

PEOPLE = [
    {"first_name": "Émilie", "last_name": "Lefèvre", "company": "=HYPERLINK(\"http://x\")",
     "email": "emilie@example.fr", "phone": "+33 3 21 00 00 01"},
    {"first_name": "Jérôme", "last_name": "Bécourt", "company": "Numéria; Lens",
     "email": "jerome@example.fr", "club": "@club"},
    {"first_name": "Anaïs", "last_name": "Prévost", "company": "-Caron", "email": "anais@ex.fr"},
    {"first_name": "Hugo", "last_name": "Roussel", "company": "Ducrocq", "email": "hugo@ex.fr"},
]  # fmt: skip


def finished_event(admin: TestClient, anonymous: TestClient) -> tuple[int, list[dict]]:
    """Play a four-person event to the end, with one mutual match (Émilie and Jérôme)."""
    event_id = admin.post("/api/events", json={"title": "Rencontres Liévin"}).json()["id"]
    members = [admin.post(f"/api/events/{event_id}/participants", json=p).json() for p in PEOPLE]
    for member in members:
        admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    admin.post(f"/api/events/{event_id}/plan")
    assert play(admin, event_id)["phase"] == "finished"
    emilie, jerome = members[:2]
    anonymous.put(f"/api/me/{emilie['token']}/interests/{jerome['id']}")
    anonymous.put(f"/api/me/{jerome['token']}/interests/{emilie['id']}")
    return event_id, members


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_participants_csv_opens_with_semicolons_and_no_formula(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, _ = finished_event(admin, anonymous)
    response = admin.get(f"/api/events/{event_id}/export/participants.csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert f"tablehop-{event_id}-participants.csv" in response.headers["content-disposition"]
    header, *rows = read_csv(response)
    assert header[:4] == ["id", "last_name", "first_name", "company"]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_name) == {"Lefèvre", "Bécourt", "Prévost", "Roussel"}
    assert by_name["Lefèvre"]["company"] == '\'=HYPERLINK("http://x")'
    assert by_name["Lefèvre"]["phone"] == "'+33 3 21 00 00 01"
    assert by_name["Prévost"]["company"] == "'-Caron"
    assert by_name["Bécourt"]["company"] == "Numéria; Lens"
    assert by_name["Bécourt"]["club"] == "'@club"
    assert by_name["Roussel"]["status"] == "present"
    assert by_name["Roussel"]["checked_in"][:2] == "20"


def test_meetings_and_matches_csv(admin: TestClient, anonymous: TestClient) -> None:
    event_id, _ = finished_event(admin, anonymous)
    header, *meetings = read_csv(admin.get(f"/api/events/{event_id}/export/meetings.csv"))
    assert header[:3] == ["round", "table", "person_a_id"]
    assert len(meetings) == 6
    assert sorted({row[0] for row in meetings}) == ["1", "2", "3"]
    header, *matches = read_csv(admin.get(f"/api/events/{event_id}/export/matches.csv"))
    assert header == [
        "person_a_id", "person_a", "company_a", "person_b_id", "person_b", "company_b",
    ]  # fmt: skip
    assert [(row[1], row[4]) for row in matches] == [("Émilie Lefèvre", "Jérôme Bécourt")]


def test_the_workbook_holds_the_three_sheets(admin: TestClient, anonymous: TestClient) -> None:
    event_id, _ = finished_event(admin, anonymous)
    response = admin.get(f"/api/events/{event_id}/export.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["participants", "meetings", "matches"]
    people = list(book["participants"].iter_rows(values_only=True))
    assert people[0][:3] == ("id", "last_name", "first_name")
    assert len(people) == 5
    hyperlink = next(c for row in book["participants"].iter_rows() for c in row
                     if c.value and "HYPERLINK" in str(c.value))  # fmt: skip
    assert hyperlink.data_type == "s"
    assert book["meetings"].max_row == 7
    assert book["matches"].max_row == 2


def test_an_unknown_export_is_a_404(admin: TestClient, event_id: int) -> None:
    response = admin.get(f"/api/events/{event_id}/export/secrets.csv")
    assert response.status_code == 404
    assert "participants" in response.json()["detail"]
    assert admin.get("/api/events/999/export/participants.csv").status_code == 404
    assert admin.get("/api/events/999/export.xlsx").status_code == 404


def test_exports_are_for_the_organiser_only(anonymous: TestClient) -> None:
    assert anonymous.get("/api/events/1/export/participants.csv").status_code == 401
    assert anonymous.get("/api/events/1/export.xlsx").status_code == 401
