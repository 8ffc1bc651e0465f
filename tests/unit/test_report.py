"""The report's figures, computed from plain rows."""

from __future__ import annotations

from app.services.report import Attendee, GroupRow, summarise


def attendee(pid: int, club: str | None, **changes) -> Attendee:
    values = {
        "id": pid, "company": f"Société {pid}", "club": club, "sector": "BTP",
        "status": "present", "walk_in": False, "checked_in": True,
    }  # fmt: skip
    return Attendee(**(values | changes))


PEOPLE = [
    attendee(1, "CJD Arras"),
    attendee(2, "CJD Arras", company="Société 1"),
    attendee(3, "BNI Lens", walk_in=True),
    attendee(4, None, status="gone"),
    attendee(5, "BNI Lens", status="registered", checked_in=False, sector=None),
]
MEETINGS = [(1, 1, 3), (1, 2, 4), (2, 1, 4), (2, 2, 3), (3, 3, 4)]
TAPS = [(1, 3), (3, 1), (2, 4), (4, 2), (1, 4)]
MATCHES = [(1, 3), (2, 4)]


def report():
    return summarise(PEOPLE, MEETINGS, TAPS, MATCHES, rounds_held=3, rounds_planned=4)


def test_attendance_counts_walk_ins_no_shows_and_early_leavers() -> None:
    figures = report()
    assert (figures.registered, figures.attended) == (5, 4)
    assert (figures.walk_ins, figures.no_shows, figures.left_early) == (1, 1, 1)


def test_pairs_possible_leave_out_colleagues_and_no_shows() -> None:
    figures = report()
    assert figures.pairs_possible == 5  # four who came make 6 pairs, minus 1 and 2 (colleagues)
    assert (figures.meetings, figures.pairs_covered) == (5, 5)
    assert (figures.rounds_held, figures.rounds_planned) == (3, 4)


def test_meetings_per_round_and_matches_between_clubs() -> None:
    figures = report()
    assert figures.meetings_per_round == [(1, 2), (2, 2), (3, 1)]
    assert (figures.taps, figures.matches) == (5, 2)
    assert figures.matches_between_clubs == [("BNI Lens", "CJD Arras", 1), ("CJD Arras", None, 1)]


def test_each_side_of_a_meeting_counts_for_its_club() -> None:
    assert report().by_club == [
        GroupRow("BNI Lens", registered=2, attended=1, meetings=3, taps=1, matches=1),
        GroupRow("CJD Arras", registered=2, attended=2, meetings=4, taps=3, matches=2),
        GroupRow(None, registered=1, attended=1, meetings=3, taps=1, matches=1),
    ]
    assert [row.name for row in report().by_sector] == ["BTP", None]


def test_an_event_with_nothing_held_reports_zeros() -> None:
    figures = summarise([], [], [], [], rounds_held=0, rounds_planned=0)
    assert (figures.registered, figures.meetings, figures.pairs_possible) == (0, 0, 0)
    assert figures.by_club == figures.meetings_per_round == []


def test_groups_sort_as_a_reader_expects() -> None:
    people = [
        attendee(1, "Énergie Club"),
        attendee(2, "bni"),
        attendee(3, "Fabrique"),
        attendee(4, None),
    ]
    figures = summarise(people, [], [], [], rounds_held=0, rounds_planned=0)
    assert [row.name for row in figures.by_club] == ["bni", "Énergie Club", "Fabrique", None]
