"""What an event produced, for the organiser's report to the chamber: plain figures only."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import combinations

from sqlmodel import Session, select

from app.adapters.database.plans import planned_rounds
from app.adapters.database.roster import club_names, people_by_id, registered
from app.adapters.database.tables import Interest, Meeting
from app.domain import model
from app.services import clock as clock_service
from app.services import matchmaking, planning, round_times
from app.services.events import load_event
from app.services.matches import mutual_pairs
from app.services.timekeeping import now_ms


@dataclass(frozen=True)
class Attendee:
    """A registered person as the report counts them."""

    id: int
    company: str
    club: str | None
    sector: str | None
    status: str
    walk_in: bool
    checked_in: bool


@dataclass(frozen=True)
class GroupRow:
    """The figures of one club or sector; `name` None gathers people without one."""

    name: str | None
    registered: int
    attended: int
    meetings: int
    taps: int
    matches: int


@dataclass(frozen=True)
class Report:
    """Everything the report page and the chamber need."""

    registered: int
    attended: int
    walk_ins: int
    no_shows: int
    left_early: int
    rounds_held: int
    rounds_planned: int
    meetings: int
    pairs_covered: int
    pairs_possible: int
    taps: int
    matches: int
    meetings_per_round: list[tuple[int, int]]
    talk_ran: list[tuple[int, int]]  # (round, ms its talk really ran), rounds held only
    talk_planned_ms: int
    rounds_cut_short: int  # held, but talked for under half the planned time
    by_club: list[GroupRow]
    by_sector: list[GroupRow]
    matches_between_clubs: list[tuple[str | None, str | None, int]]
    plan_metrics: dict = field(default_factory=dict)  # the host's figures: value, needs, wishes
    needs_met: list[NeedMetRow] = field(default_factory=list)


@dataclass(frozen=True)
class NeedMetRow:
    """A need a member came with, and whom they met that offers it, by name."""

    asker: str
    need: str
    offerer: str
    offer: str


def event_report(session: Session, event_id: int) -> Report:
    """Gather an event's attendance, meetings, taps, matches and needs answered into a report."""
    event, now = load_event(session, event_id), now_ms()
    report = summarise(
        _attendees(session, event_id),
        session.exec(
            select(Meeting.round, Meeting.person_a, Meeting.person_b).where(
                Meeting.event_id == event_id
            )
        ).all(),
        session.exec(
            select(Interest.from_person, Interest.to_person).where(Interest.event_id == event_id)
        ).all(),
        mutual_pairs(session, event_id),
        rounds_held=clock_service.held_rounds(session, event, now),
        rounds_planned=planned_rounds(session, event_id),
        talk_ran=round_times.talk_ms_by_round(session, event_id, now),
        talk_planned_ms=event.talk_seconds * 1000,
    )
    if not report.rounds_planned:
        return report
    held = session.exec(
        select(Meeting.person_a, Meeting.person_b).where(Meeting.event_id == event_id)
    ).all()
    return replace(
        report,
        plan_metrics=planning.plan_view(session, event_id)["metrics"],
        needs_met=_by_name(session, matchmaking.needs_met(session, event_id, map(frozenset, held))),
    )


def _by_name(session: Session, met: list[matchmaking.NeedMet]) -> list[NeedMetRow]:
    """Name each side of the needs met, asker by asker."""
    people = people_by_id(session, {n.asker for n in met} | {n.offerer for n in met})

    def named(pid: int) -> str:
        person = people[pid]
        return f"{person.first_name} {person.last_name} ({person.company})"

    rows = [NeedMetRow(named(n.asker), n.need, named(n.offerer), n.offer) for n in met]
    return sorted(rows, key=lambda row: (_alphabetical(row.asker), row.need))


def summarise(
    attendees: list[Attendee],
    meetings: Iterable[tuple[int, int, int]],
    taps: Iterable[tuple[int, int]],
    matches: Iterable[tuple[int, int]],
    *,
    rounds_held: int,
    rounds_planned: int,
    talk_ran: dict[int, int] | None = None,
    talk_planned_ms: int = 0,
) -> Report:
    """Compute the report from plain rows: meetings as (round, a, b), taps as (from, to)."""
    meetings, taps, matches = list(meetings), list(taps), list(matches)
    came = [a for a in attendees if a.checked_in]
    by_id = {a.id: a for a in attendees}
    ran = sorted((r, ms) for r, ms in (talk_ran or {}).items() if r <= rounds_held)
    return Report(
        registered=len(attendees),
        attended=len(came),
        walk_ins=sum(a.walk_in for a in attendees),
        no_shows=len(attendees) - len(came),
        left_early=sum(a.status == "gone" for a in came),
        rounds_held=rounds_held,
        rounds_planned=rounds_planned,
        meetings=len(meetings),
        pairs_covered=len({model.pair(a, b) for _, a, b in meetings}),
        pairs_possible=_pairs_possible(came),
        taps=len(taps),
        matches=len(matches),
        meetings_per_round=sorted(Counter(r for r, _, _ in meetings).items()),
        talk_ran=ran,
        talk_planned_ms=talk_planned_ms,
        rounds_cut_short=sum(ms < talk_planned_ms // 2 for _, ms in ran),
        by_club=_groups(attendees, lambda a: a.club, meetings, taps, matches),
        by_sector=_groups(attendees, lambda a: a.sector, meetings, taps, matches),
        matches_between_clubs=_between(matches, by_id),
    )


def _pairs_possible(came: list[Attendee]) -> int:
    """Count the pairs that could meet: everyone who came, except colleagues."""
    rules, people = model.Rules(), [model.Person(a.id, a.company) for a in came]
    return sum(not rules.forbidden(a, b) for a, b in combinations(people, 2))


def _groups(
    attendees: list[Attendee],
    key: Callable[[Attendee], str | None],
    meetings: list[tuple[int, int, int]],
    taps: list[tuple[int, int]],
    matches: list[tuple[int, int]],
) -> list[GroupRow]:
    """Add up each group's figures; a meeting or match counts once for each side."""
    group_of = {a.id: key(a) for a in attendees}
    count = Counter()
    for attendee in attendees:
        count["registered", key(attendee)] += 1
        count["attended", key(attendee)] += attendee.checked_in
    for _, a, b in meetings:
        count["meetings", group_of.get(a)] += 1
        count["meetings", group_of.get(b)] += 1
    for a, _ in taps:
        count["taps", group_of.get(a)] += 1
    for a, b in matches:
        count["matches", group_of.get(a)] += 1
        count["matches", group_of.get(b)] += 1
    names = sorted(set(group_of.values()), key=_alphabetical)
    figures = ("registered", "attended", "meetings", "taps", "matches")
    return [GroupRow(name, *(count[f, name] for f in figures)) for name in names]


def _between(
    matches: list[tuple[int, int]], by_id: dict[int, Attendee]
) -> list[tuple[str | None, str | None, int]]:
    """Count mutual matches per pair of clubs, most first."""
    counted = Counter()
    for a, b in matches:
        clubs = sorted((by_id[a].club, by_id[b].club), key=_alphabetical)
        counted[tuple(clubs)] += 1
    ranked = sorted(counted.items(), key=lambda item: (-item[1], str(item[0])))
    return [(first, second, n) for (first, second), n in ranked]


def _alphabetical(name: str | None) -> tuple[bool, str]:
    """Sort names as a reader expects (É with E, case ignored), with the unnamed last."""
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    return name is None, "".join(c for c in folded if not unicodedata.combining(c))


def _attendees(session: Session, event_id: int) -> list[Attendee]:
    clubs = club_names(session)
    return [
        Attendee(
            id=person.id,
            company=person.company,
            club=clubs.get(person.club_id),
            sector=person.sector,
            status=reg.status,
            walk_in=reg.walk_in,
            checked_in=reg.checked_in_ms is not None,
        )
        for person, reg in registered(session, event_id)
    ]
