"""Rules that hold for any sequence of host commands and any gaps between wake-ups."""

from contextlib import suppress
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from app.domain import clock
from app.domain.clock import ClockState, CommandNotApplicable

T0 = 1_700_000_000_000
COMMANDS = [*clock.COMMANDS, "adjust", "tick"]

clocks = st.builds(
    ClockState,
    rounds=st.integers(0, 6),
    talk_ms=st.integers(1, 5_000),
    switch_ms=st.integers(0, 3_000),
    hold_before_talk=st.booleans(),
)
steps = st.lists(
    st.tuples(st.integers(0, 8_000), st.sampled_from(COMMANDS), st.integers(-10, 10)),
    max_size=40,
)
gaps = st.lists(st.integers(0, 4_000), min_size=1, max_size=20)


def run(state: ClockState, plan: list[tuple[int, str, int]]) -> list[tuple[int, str, ClockState]]:
    """Play commands as the service would: a refused command leaves the stored state alone."""
    now, history = T0, [(T0, "begin", state)]
    for gap, command, seconds in plan:
        now += gap
        if command == "tick":
            state = clock.advance(state, now)
        else:
            with suppress(CommandNotApplicable):
                state = clock.apply(
                    state, command, now, seconds=seconds if command == "adjust" else None
                )
        history.append((now, command, state))
    return history


def held(state: ClockState, now: int) -> int:
    return clock.rounds_held(clock.advance(state, now))


@given(clocks, steps)
def test_time_is_never_negative(state, plan):
    for now, _, stored in run(state, plan):
        current = clock.advance(stored, now)
        public = clock.to_public(current, now, plan_version=1)
        assert public["remaining_ms"] is None or public["remaining_ms"] >= 0
        assert current.deadline_ms is None or current.deadline_ms > now


@given(clocks, steps)
def test_no_round_is_lost_or_skipped_by_a_command(state, plan):
    for (_, _, before), (now, command, after) in pairwise(run(state, plan)):
        change = held(after, now) - held(before, now)
        assert change in ((0, -1) if command == "undo" else (0, 1))
        assert 0 <= clock.rounds_held(after) <= after.rounds
        assert after.round <= after.rounds


@given(clocks, gaps)
def test_without_commands_each_talk_starts_on_its_schedule(state, plan):
    started = clock.start(state, T0) if state.rounds else state
    now, current = T0, started
    for gap in plan:
        now += gap
        current = clock.advance(current, now)
        expected = min(state.rounds, 1 + (now - T0) // (state.talk_ms + state.switch_ms))
        if state.hold_before_talk:
            expected = min(expected, 1)
        assert clock.rounds_held(current) == expected


@given(clocks, steps, st.integers(0, 20_000))
def test_advance_is_idempotent(state, plan, later):
    for now, _, stored in run(state, plan):
        once = clock.advance(stored, now + later)
        assert clock.advance(once, now + later) == once


@given(clocks, steps, gaps)
def test_advance_in_small_steps_equals_one_big_step(state, plan, small_steps):
    now, _, stored = run(state, plan)[-1]
    stepwise = stored
    for gap in small_steps:
        now += gap
        stepwise = clock.advance(stepwise, now)
    assert stepwise == clock.advance(stored, now)


@given(clocks, steps)
def test_version_strictly_increases_on_every_change(state, plan):
    for (_, _, before), (_, _, after) in pairwise(run(state, plan)):
        assert after == before or after.version > before.version


@given(clocks, steps)
def test_finished_is_terminal(state, plan):
    history = run(state, plan)
    ends = [stored for _, _, stored in history if stored.phase == "finished"]
    assert all(stored == ends[0] for stored in ends)
    if ends:
        assert history[-1][2] == ends[0]
