"""Every transition of the countdown, one rule per test."""

import json
from dataclasses import replace

import pytest

from app.domain import clock
from app.domain.clock import ClockState, CommandNotApplicable, InvalidCommand, VersionConflict

T0 = 1_700_000_000_000
TALK, SWITCH = 120_000, 30_000


def lobby(rounds: int = 3, hold: bool = False) -> ClockState:
    return ClockState(rounds=rounds, talk_ms=TALK, switch_ms=SWITCH, hold_before_talk=hold)


def talking(round_: int = 1, rounds: int = 3, hold: bool = False) -> ClockState:
    return replace(lobby(rounds, hold), round=round_, phase="talk", deadline_ms=T0 + TALK)


def test_start_begins_the_talk_of_round_one():
    state = clock.start(lobby(), T0)
    assert (state.round, state.phase, state.deadline_ms) == (1, "talk", T0 + TALK)
    assert state.version == 1


def test_start_twice_is_not_applicable():
    with pytest.raises(CommandNotApplicable):
        clock.start(clock.start(lobby(), T0), T0 + 1)


def test_start_without_rounds_is_not_applicable():
    with pytest.raises(CommandNotApplicable):
        clock.start(lobby(rounds=0), T0)


def test_talk_ends_in_the_switch_that_names_the_coming_round():
    state = clock.advance(talking(), T0 + TALK)
    assert (state.round, state.phase, state.deadline_ms) == (2, "switch", T0 + TALK + SWITCH)


def test_switch_ends_in_the_talk_of_its_round():
    state = clock.advance(talking(), T0 + TALK + SWITCH)
    assert (state.round, state.phase, state.deadline_ms) == (2, "talk", T0 + 2 * TALK + SWITCH)


def test_last_talk_ends_the_event():
    state = clock.advance(talking(round_=3), T0 + TALK)
    assert (state.round, state.phase, state.deadline_ms) == (3, "finished", None)


def test_advance_before_the_deadline_changes_nothing():
    state = talking()
    assert clock.advance(state, T0 + TALK - 1) is state


def test_advance_after_a_long_gap_catches_up_from_each_deadline():
    state = clock.advance(talking(), T0 + 2 * (TALK + SWITCH) + 5)
    assert (state.round, state.phase) == (3, "talk")
    assert state.deadline_ms == T0 + 3 * TALK + 2 * SWITCH
    assert state.version == talking().version + 4


def test_advance_bumps_the_version_once_per_transition():
    state = clock.advance(talking(), T0 + TALK)
    assert state.version == talking().version + 1


def test_held_switch_waits_for_the_host():
    state = clock.advance(talking(hold=True), T0 + TALK + SWITCH + 60_000)
    assert (state.round, state.phase, state.deadline_ms, state.remaining_ms) == (
        2,
        "switch",
        None,
        0,
    )
    assert clock.waiting_for_host(state)
    assert clock.next_wakeup_ms(state) is None


def test_start_after_a_held_switch_begins_the_talk_now():
    waiting = clock.advance(talking(hold=True), T0 + TALK + SWITCH)
    state = clock.start(waiting, T0 + 200_000)
    assert (state.round, state.phase, state.deadline_ms) == (2, "talk", T0 + 200_000 + TALK)


def test_next_after_a_held_switch_begins_the_talk_now():
    waiting = clock.advance(talking(hold=True), T0 + TALK + SWITCH)
    state = clock.next_phase(waiting, T0 + 200_000)
    assert (state.round, state.phase) == (2, "talk")


def test_pause_keeps_the_remaining_time():
    state = clock.pause(talking(), T0 + 20_000)
    assert (state.phase, state.paused_phase, state.remaining_ms) == ("paused", "talk", 100_000)
    assert state.deadline_ms is None


def test_paused_clock_does_not_advance():
    state = clock.pause(talking(), T0)
    assert clock.advance(state, T0 + 10 * TALK) is state


def test_resume_restores_the_phase_with_the_remaining_time():
    paused = clock.pause(talking(), T0 + 20_000)
    state = clock.resume(paused, T0 + 500_000)
    assert (state.phase, state.deadline_ms, state.remaining_ms) == ("talk", T0 + 600_000, None)


@pytest.mark.parametrize("command", ["pause", "resume", "next", "undo", "adjust"])
def test_commands_that_need_a_running_event_do_not_apply_in_the_lobby(command):
    with pytest.raises(CommandNotApplicable):
        clock.apply(lobby(), command, T0, seconds=30 if command == "adjust" else None)


def test_resume_without_pause_is_not_applicable():
    with pytest.raises(CommandNotApplicable):
        clock.resume(talking(), T0)


def test_pause_while_waiting_for_the_host_is_not_applicable():
    waiting = clock.advance(talking(hold=True), T0 + TALK + SWITCH)
    with pytest.raises(CommandNotApplicable):
        clock.pause(waiting, T0 + TALK + SWITCH)


def test_next_ends_the_talk_now():
    state = clock.next_phase(talking(), T0 + 1_000)
    assert (state.round, state.phase, state.deadline_ms) == (2, "switch", T0 + 1_000 + SWITCH)


def test_next_ends_the_switch_now():
    switch = clock.advance(talking(), T0 + TALK)
    state = clock.next_phase(switch, T0 + TALK + 1_000)
    assert (state.round, state.phase, state.deadline_ms) == (2, "talk", T0 + 2 * TALK + 1_000)


def test_next_during_a_pause_runs_the_following_phase():
    paused = clock.pause(talking(), T0 + 1_000)
    state = clock.next_phase(paused, T0 + 9_000)
    assert (state.round, state.phase, state.deadline_ms) == (2, "switch", T0 + 9_000 + SWITCH)


def test_next_in_the_last_talk_finishes_the_event_for_good():
    state = clock.next_phase(talking(round_=3), T0)
    assert state.phase == "finished" and state.undo_of is None


def test_undo_reverts_next_with_the_time_that_was_left():
    skipped = clock.next_phase(talking(), T0 + 20_000)
    state = clock.undo(skipped, T0 + 25_000)
    assert (state.round, state.phase, state.deadline_ms) == (1, "talk", T0 + TALK + 5_000)
    assert state.version == skipped.version + 1
    assert state.undo_of is None


def test_undo_of_a_next_during_a_pause_restores_the_pause():
    paused = clock.pause(talking(), T0 + 20_000)
    state = clock.undo(clock.next_phase(paused, T0 + 30_000), T0 + 40_000)
    assert (state.phase, state.paused_phase, state.remaining_ms) == ("paused", "talk", 100_000)


def test_undo_is_forgotten_after_the_next_transition():
    skipped = clock.next_phase(talking(), T0)
    with pytest.raises(CommandNotApplicable):
        clock.undo(clock.advance(skipped, T0 + SWITCH), T0 + SWITCH)


def test_undo_is_forgotten_after_another_command():
    paused = clock.pause(clock.next_phase(talking(), T0), T0 + 1)
    with pytest.raises(CommandNotApplicable):
        clock.undo(paused, T0 + 2)


def test_undo_twice_is_not_applicable():
    once = clock.undo(clock.next_phase(talking(), T0), T0)
    with pytest.raises(CommandNotApplicable):
        clock.undo(once, T0)


def test_adjust_moves_the_deadline():
    state = clock.adjust(talking(), T0, 30)
    assert state.deadline_ms == T0 + TALK + 30_000


def test_adjust_never_moves_the_deadline_into_the_past():
    state = clock.adjust(talking(), T0 + 100_000, -60)
    assert state.deadline_ms == T0 + 100_000


def test_adjust_during_a_pause_moves_the_remaining_time_never_below_zero():
    paused = clock.pause(talking(), T0 + 100_000)
    assert clock.adjust(paused, T0, 30).remaining_ms == 50_000
    assert clock.adjust(paused, T0, -60).remaining_ms == 0


def test_adjust_that_changes_nothing_keeps_the_version():
    paused = clock.adjust(clock.pause(talking(), T0), T0, -1_000)
    assert clock.adjust(paused, T0, -30) is paused


def test_finish_ends_the_event_from_a_switch_with_the_rounds_held():
    switch = clock.advance(talking(), T0 + TALK)
    state = clock.finish(switch, T0 + TALK)
    assert (state.phase, state.round, clock.rounds_held(state)) == ("finished", 1, 1)


def test_finish_from_the_lobby_holds_no_round():
    assert clock.rounds_held(clock.finish(lobby(), T0)) == 0


def test_finished_is_terminal():
    done = clock.finish(talking(), T0)
    for command in [*clock.COMMANDS, "adjust"]:
        with pytest.raises(CommandNotApplicable):
            clock.apply(done, command, T0, seconds=30 if command == "adjust" else None)
    assert clock.advance(done, T0 + 10**9) is done


def test_newly_held_lists_each_talk_started_in_between():
    before = clock.start(lobby(rounds=5), T0)
    after = clock.advance(before, T0 + 3 * (TALK + SWITCH))
    assert clock.newly_held(lobby(rounds=5), before) == [1]
    assert clock.newly_held(before, after) == [2, 3, 4]
    assert clock.newly_held(after, after) == []


def test_newly_held_ignores_a_switch_until_its_talk_starts():
    assert clock.newly_held(talking(), clock.advance(talking(), T0 + TALK)) == []


def test_next_wakeup_is_the_running_deadline():
    assert clock.next_wakeup_ms(talking()) == T0 + TALK
    assert clock.next_wakeup_ms(lobby()) is None
    assert clock.next_wakeup_ms(clock.pause(talking(), T0)) is None


def test_fewer_rounds_end_the_event_during_a_switch_to_a_dropped_round():
    switch = clock.advance(talking(round_=2, rounds=4), T0 + TALK)
    state = clock.with_rounds(switch, 2)
    assert (state.phase, state.round, state.rounds) == ("finished", 2, 2)


def test_more_rounds_extend_the_last_talk_into_a_switch():
    state = clock.with_rounds(talking(round_=3), 4)
    assert clock.advance(state, T0 + TALK).phase == "switch"


def test_same_rounds_change_nothing():
    state = talking()
    assert clock.with_rounds(state, 3) is state


def test_apply_advances_a_stale_state_before_the_command():
    state = clock.apply(talking(), "pause", T0 + TALK + 10_000)
    assert (state.round, state.paused_phase, state.remaining_ms) == (2, "switch", 20_000)


def test_apply_with_a_stale_version_is_a_conflict_carrying_the_current_state():
    started = clock.apply(lobby(), "start", T0, version=0)
    with pytest.raises(VersionConflict) as conflict:
        clock.apply(started, "start", T0, version=0)
    assert conflict.value.current == started


def test_apply_rejects_unknown_commands_and_misplaced_seconds():
    with pytest.raises(InvalidCommand):
        clock.apply(talking(), "rewind", T0)
    with pytest.raises(InvalidCommand):
        clock.apply(talking(), "adjust", T0)
    with pytest.raises(InvalidCommand):
        clock.apply(talking(), "pause", T0, seconds=3)


def test_apply_settles_an_adjust_that_reaches_the_deadline():
    state = clock.apply(talking(), "adjust", T0 + 100_000, seconds=-60)
    assert (state.round, state.phase) == (2, "switch")


def test_public_state_has_the_contract_fields():
    public = clock.to_public(talking(), T0 + 20_000, plan_version=4)
    assert public == public | {
        "round": 1,
        "rounds": 3,
        "phase": "talk",
        "deadline_ms": T0 + TALK,
        "remaining_ms": 100_000,
        "server_now_ms": T0 + 20_000,
        "version": 0,
        "plan_version": 4,
    }


def test_public_remaining_time_is_never_negative():
    assert clock.to_public(talking(), T0 + 10 * TALK, 1)["remaining_ms"] == 0


def test_dump_and_load_round_trip_with_an_undo():
    state = clock.next_phase(talking(), T0)
    assert clock.load(json.loads(json.dumps(clock.dump(state)))) == state


def test_a_state_with_an_unknown_phase_is_refused():
    with pytest.raises(ValueError):
        ClockState(rounds=1, talk_ms=1, switch_ms=0, phase="break")
