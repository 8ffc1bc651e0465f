"""Importing a spreadsheet export through the API: good lines stored, bad lines reported."""

from __future__ import annotations

from fastapi.testclient import TestClient

FRENCH_EXPORT = (
    "Prénom;Nom;Société;Courriel;Club;Secteur\r\n"
    "Émilie;Lefèvre;SARL Artois Bâtiment;emilie@example.fr;CJD Arras;BTP\r\n"
    "\r\n"
    "Cœur;Dœuf;Œnologie & Fils;coeur@example.fr;;Vins\r\n"
    "Sans;Courriel;Nulle Part;;;\r\n"
)


def upload(client: TestClient, event_id: int, data: bytes, name: str = "membres.csv"):
    """Send a file as the host's browser would."""
    files = {"file": (name, data, "text/csv")}
    return client.post(f"/api/events/{event_id}/participants/import", files=files)


def test_a_windows_1252_french_export_imports_with_accents_intact(
    admin: TestClient, event_id: int
) -> None:
    response = upload(admin, event_id, FRENCH_EXPORT.encode("cp1252"))
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["imported"], report["updated"]) == (2, 0)
    assert [error["line"] for error in report["errors"]] == [5]
    people = admin.get(f"/api/events/{event_id}/participants").json()
    assert {(p["first_name"], p["last_name"], p["company"]) for p in people} == {
        ("Émilie", "Lefèvre", "SARL Artois Bâtiment"),
        ("Cœur", "Dœuf", "Œnologie & Fils"),
    }


def test_importing_the_same_people_again_updates_instead_of_duplicating(
    admin: TestClient, event_id: int
) -> None:
    upload(admin, event_id, FRENCH_EXPORT.encode("utf-8-sig"))
    changed = FRENCH_EXPORT.replace("emilie@example.fr", "EMILIE@Example.fr").replace(
        "CJD Arras", "BNI Lens"
    )
    report = upload(admin, event_id, changed.encode("utf-8")).json()
    assert (report["imported"], report["updated"]) == (0, 2)
    assert (report["registered"], report["known"]) == (0, 0)
    people = admin.get(f"/api/events/{event_id}/participants").json()
    assert len(people) == 2
    assert {p["club"] for p in people if p["first_name"] == "Émilie"} == {"BNI Lens"}


def test_a_file_that_is_not_csv_is_a_422(admin: TestClient, event_id: int) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    response = upload(admin, event_id, png, "photo.png")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_a_file_over_5_mb_is_a_413(admin: TestClient, event_id: int) -> None:
    big = b"Nom;Prenom;Email\r\n" + b"x" * (5 * 1024 * 1024)
    response = upload(admin, event_id, big)
    assert response.status_code == 413
    assert "5 MB" in response.json()["detail"]


def test_a_missing_file_field_is_a_422(admin: TestClient, event_id: int) -> None:
    response = admin.post(f"/api/events/{event_id}/participants/import")
    assert response.status_code == 422


def test_a_rejected_file_leaves_nothing_behind(admin: TestClient, event_id: int) -> None:
    upload(admin, event_id, b"\x00\x01\x02garbage")
    assert admin.get(f"/api/events/{event_id}/participants").json() == []


def test_a_500_member_export_with_faulty_lines_imports_the_rest_exactly(
    admin: TestClient, event_id: int
) -> None:
    lines = ["Nom;Prénom;Entreprise;E-mail;Téléphone;Club;Secteur"]
    faulty = {37, 120, 388}
    for index in range(500):
        row = 2 + index
        email = "" if row in faulty else f"membre{index}@artois.example"
        lines.append(f"Dœuf-{index};Élise;Société {index % 97};{email};03 21 00;CJD;Négoce")
    response = upload(admin, event_id, "\r\n".join(lines).encode("cp1252"))
    report = response.json()
    assert report["imported"] == 497
    assert sorted(error["line"] for error in report["errors"]) == sorted(faulty)
    people = admin.get(f"/api/events/{event_id}/participants").json()
    assert len(people) == 497
    assert {p["first_name"] for p in people} == {"Élise"}
    assert all(p["last_name"].startswith("Dœuf-") for p in people)


def test_a_cell_longer_than_the_database_allows_is_a_line_error(
    admin: TestClient, event_id: int
) -> None:
    sheet = (
        f"First name,Last name,Email\nAnne,{'X' * 150},anne@example.fr\nBob,Lee,bob@example.fr\n"
    )
    report = upload(admin, event_id, sheet.encode()).json()
    assert report["imported"] == 1
    assert [error["line"] for error in report["errors"]] == [2]
    assert "last_name" in report["errors"][0]["message"]
    assert report["errors"][0]["person"] == f"Anne {'X' * 150}"


def test_members_known_from_another_event_are_counted_as_registered_here(
    admin: TestClient, event_id: int
) -> None:
    upload(admin, event_id, FRENCH_EXPORT.encode("utf-8"))
    body = {"title": "Rencontres Lens", "talk_seconds": 60, "switch_seconds": 15}
    second = admin.post("/api/events", json=body).json()["id"]
    report = upload(admin, second, FRENCH_EXPORT.encode("utf-8")).json()
    assert (report["imported"], report["updated"]) == (0, 2)
    assert (report["registered"], report["known"]) == (2, 2)


def test_offers_and_needs_import_and_an_over_long_one_is_its_line_error(
    admin: TestClient, event_id: int
) -> None:
    long = "x" * 501
    export = (
        "Prénom;Nom;Société;Courriel;Ce que je propose;Je recherche\r\n"
        "Nadia;Wattez;Transports Wattez;nadia@wattez.fr;Transport routier;Un comptable\r\n"
        f"Paul;Roussel;Roussel SA;paul@roussel.fr;Vins;{long}\r\n"
        "Lou;Caron;Caron & Co;lou@caron.fr;;Un transporteur régional\r\n"
    )
    report = upload(admin, event_id, export.encode("utf-8")).json()
    assert report["imported"] == 2
    [error] = report["errors"]
    assert (error["line"], error["person"]) == (3, "Paul Roussel")
    assert error["message"].startswith("needs:")
    people = admin.get(f"/api/events/{event_id}/participants").json()
    assert {(p["first_name"], p["offers"], p["needs"]) for p in people} == {
        ("Nadia", "Transport routier", "Un comptable"),
        ("Lou", None, "Un transporteur régional"),
    }
