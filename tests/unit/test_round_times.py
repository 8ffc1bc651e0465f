"""How long each round really ran, from the clock's phase changes."""

from __future__ import annotations

from app.domain import clock
from app.domain.clock import ClockState
from app.domain.round_times import phase_changes, talk_ms_by_round

LOBBY = ClockState(rounds=5, talk_ms=10_000, switch_ms=2_000)


def run(state: ClockState, steps: list[tuple[int, str]]) -> tuple[ClockState, list]:
    """Apply commands at their times, as the service does, keeping every phase change."""
    changes = []
    for now, action in steps:
        after = clock.apply(state, action, now) if action else clock.advance(state, now)
        changes += phase_changes(state, after, now)
        state = after
    return state, changes


def test_a_round_skipped_after_a_second_ran_one_second() -> None:
    _, changes = run(LOBBY, [(0, "start"), (1_000, "next")])
    assert changes == [(0, 1, "talk"), (1_000, 2, "switch")]
    assert talk_ms_by_round(changes, 5_000) == {1: 1_000}


def test_automatic_transitions_are_dated_by_their_deadlines() -> None:
    _, changes = run(LOBBY, [(0, "start"), (15_000, "")])
    assert changes == [(0, 1, "talk"), (10_000, 2, "switch"), (12_000, 2, "talk")]
    assert talk_ms_by_round(changes, 15_000) == {1: 10_000, 2: 3_000}


def test_a_pause_does_not_count_as_talk() -> None:
    _, changes = run(LOBBY, [(0, "start"), (4_000, "pause"), (60_000, "resume")])
    assert talk_ms_by_round(changes, 62_000) == {1: 6_000}


def test_a_round_finished_after_two_seconds_ran_two_seconds() -> None:
    _, changes = run(LOBBY, [(0, "start"), (2_000, "finish")])
    assert changes[-1] == (2_000, 1, "finished")
    assert talk_ms_by_round(changes, 90_000) == {1: 2_000}


def test_an_undone_next_gives_the_round_its_talk_back() -> None:
    _, changes = run(LOBBY, [(0, "start"), (3_000, "next"), (3_500, "undo")])
    assert talk_ms_by_round(changes, 5_000) == {1: 4_500}


def test_nothing_ran_before_the_start() -> None:
    assert talk_ms_by_round([], 5_000) == {}
