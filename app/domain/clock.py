"""The event's countdown as a value: host commands and the passing of time are pure functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

Phase = Literal["lobby", "talk", "switch", "paused", "finished"]
PHASES: tuple[Phase, ...] = ("lobby", "talk", "switch", "paused", "finished")


class ClockError(Exception):
    """Refuse a clock command; the API answers with a 4xx."""


class CommandNotApplicable(ClockError):
    """Refuse a command the current phase does not allow (409)."""


class InvalidCommand(ClockError):
    """Refuse an unknown command or missing/unexpected arguments (422)."""


class VersionConflict(ClockError):
    """Refuse a command issued against another version; carry the current state (409)."""

    def __init__(self, current: ClockState) -> None:
        super().__init__(f"the clock is at version {current.version}")
        self.current = current


@dataclass(frozen=True, kw_only=True)
class ClockState:
    """Where the event stands: round, phase, and a deadline (running) or what remains (paused).

    `round` is 0 in the lobby; during `switch` it already names the coming round; once finished
    it is the last round whose talk started. A `switch` with no deadline waits for the host
    (`hold_before_talk`). `undo_of` is the state before the last `next`, with `undo_at_ms` when
    that `next` happened; any other change forgets it. Commands expect a state already
    advanced to `now`; `apply` does that for you.
    """

    rounds: int
    talk_ms: int
    switch_ms: int
    hold_before_talk: bool = False
    round: int = 0
    phase: Phase = "lobby"
    deadline_ms: int | None = None
    remaining_ms: int | None = None
    paused_phase: Phase | None = None
    version: int = 0
    undo_of: ClockState | None = None
    undo_at_ms: int | None = None

    def __post_init__(self) -> None:
        if self.rounds < 0 or self.talk_ms <= 0 or self.switch_ms < 0:
            raise ValueError("rounds and switch_ms must be >= 0 and talk_ms > 0")
        if self.phase not in PHASES:
            raise ValueError(f"unknown phase {self.phase!r}")


def waiting_for_host(state: ClockState) -> bool:
    """Tell whether the change-over is over and the talk waits for the host's `start`."""
    return state.phase == "switch" and state.deadline_ms is None


def rounds_held(state: ClockState) -> int:
    """Count the rounds whose talk has started: a round is held from that moment."""
    return state.round - 1 if _phase(state) == "switch" else state.round


def newly_held(before: ClockState, after: ClockState) -> list[int]:
    """List the rounds whose talk started between two states, to record their meetings once.

    After an `undo` that reverted a talk start, that round is listed again when its talk starts
    anew, so recording must be idempotent per round.
    """
    return list(range(rounds_held(before) + 1, rounds_held(after) + 1))


def next_wakeup_ms(state: ClockState) -> int | None:
    """Give the epoch ms at which `advance` will next change the state, or None if it won't."""
    return state.deadline_ms if _running(state) else None


def advance(state: ClockState, now: int) -> ClockState:
    """Catch up with time: run every phase whose deadline passed, each from the last deadline."""
    while _running(state) and now >= state.deadline_ms:
        if state.phase == "switch" and state.hold_before_talk:
            state = _bump(state, deadline_ms=None, remaining_ms=0)
        else:
            state = _following(state, state.phase, state.deadline_ms)
    return state


def start(state: ClockState, now: int) -> ClockState:
    """Begin round 1 from the lobby, or the waiting talk after a held change-over."""
    if state.phase == "lobby" and state.rounds > 0:
        return _talk(state, 1, now)
    if waiting_for_host(state):
        return _talk(state, state.round, now)
    raise CommandNotApplicable(f"cannot start during {state.phase}")


def pause(state: ClockState, now: int) -> ClockState:
    """Stop the running countdown, keeping the time that remains."""
    if not _running(state):
        raise CommandNotApplicable(f"cannot pause during {_describe(state)}")
    remaining = max(0, state.deadline_ms - now)
    return _bump(
        state, phase="paused", paused_phase=state.phase, deadline_ms=None, remaining_ms=remaining
    )


def resume(state: ClockState, now: int) -> ClockState:
    """Restart a paused countdown where it stopped."""
    if state.phase != "paused":
        raise CommandNotApplicable(f"cannot resume during {state.phase}")
    return _bump(
        state,
        phase=state.paused_phase,
        paused_phase=None,
        deadline_ms=now + state.remaining_ms,
        remaining_ms=None,
    )


def next_phase(state: ClockState, now: int) -> ClockState:
    """End the current phase now (paused or not) and start the following one; undoable."""
    if state.phase in ("lobby", "finished"):
        raise CommandNotApplicable(f"no next phase during {state.phase}")
    after = _following(state, _phase(state), now)
    if after.phase == "finished":
        return after
    return replace(after, undo_of=replace(state, undo_of=None, undo_at_ms=None), undo_at_ms=now)


def undo(state: ClockState, now: int) -> ClockState:
    """Revert the last `next`, giving back the time the reverted phase had left."""
    before, at = state.undo_of, state.undo_at_ms
    if before is None or at is None:
        raise CommandNotApplicable("nothing to undo")
    if before.deadline_ms is not None:
        before = replace(before, deadline_ms=before.deadline_ms + now - at)
    return replace(before, version=state.version + 1)


def adjust(state: ClockState, now: int, seconds: int) -> ClockState:
    """Move the deadline (or the paused remainder) by ±seconds, never into the past."""
    delta = seconds * 1000
    if _running(state):
        deadline = max(now, state.deadline_ms + delta)
        return state if deadline == state.deadline_ms else _bump(state, deadline_ms=deadline)
    if state.phase == "paused":
        remaining = max(0, state.remaining_ms + delta)
        return state if remaining == state.remaining_ms else _bump(state, remaining_ms=remaining)
    raise CommandNotApplicable(f"cannot adjust during {_describe(state)}")


def finish(state: ClockState, now: int) -> ClockState:
    """End the event from any phase but the end."""
    if state.phase == "finished":
        raise CommandNotApplicable("the event is already finished")
    return _finished(state, rounds_held(state))


def with_rounds(state: ClockState, rounds: int) -> ClockState:
    """Follow a new plan's number of rounds; a change-over to a dropped round ends the event."""
    if rounds < 0:
        raise ValueError("rounds must be >= 0")
    if state.phase == "finished":
        raise CommandNotApplicable("the event is already finished")
    if rounds == state.rounds:
        return state
    if _phase(state) == "switch" and state.round > rounds:
        return _finished(replace(state, rounds=rounds), rounds_held(state))
    return _bump(state, rounds=rounds)


COMMANDS: dict[str, Callable[[ClockState, int], ClockState]] = {
    "start": start,
    "pause": pause,
    "resume": resume,
    "next": next_phase,
    "undo": undo,
    "finish": finish,
}


def apply(
    state: ClockState,
    command: str,
    now: int,
    *,
    version: int | None = None,
    seconds: int | None = None,
) -> ClockState:
    """Run a host command on the up-to-date state, once: a stale `version` is a conflict."""
    current = advance(state, now)
    if version is not None and version != current.version:
        raise VersionConflict(current)
    if command == "adjust":
        if seconds is None:
            raise InvalidCommand("adjust needs seconds")
        return advance(adjust(current, now, seconds), now)
    if command not in COMMANDS:
        raise InvalidCommand(f"unknown clock command {command!r}")
    if seconds is not None:
        raise InvalidCommand(f"{command} takes no seconds")
    return advance(COMMANDS[command](current, now), now)


def to_public(state: ClockState, now: int, plan_version: int) -> dict[str, Any]:
    """Give the contract's state fields (plus a few extras) for the API and the websocket."""
    running = state.deadline_ms is not None
    remaining = max(0, state.deadline_ms - now) if running else state.remaining_ms
    return {
        "round": state.round,
        "rounds": state.rounds,
        "phase": state.phase,
        "deadline_ms": state.deadline_ms,
        "remaining_ms": remaining,
        "server_now_ms": now,
        "version": state.version,
        "plan_version": plan_version,
        "paused_phase": state.paused_phase,
        "waiting_for_host": waiting_for_host(state),
        "can_undo": state.undo_of is not None,
    }


def dump(state: ClockState) -> dict[str, Any]:
    """Turn a state into JSON-ready data for storage."""
    return asdict(state)


def load(data: dict[str, Any]) -> ClockState:
    """Rebuild a state stored by `dump`."""
    undo_of = data.get("undo_of")
    return ClockState(**{**data, "undo_of": load(undo_of) if undo_of else None})


def _phase(state: ClockState) -> Phase | None:
    """Name the phase the countdown is in, looking through a pause."""
    return state.paused_phase if state.phase == "paused" else state.phase


def _running(state: ClockState) -> bool:
    return state.phase in ("talk", "switch") and state.deadline_ms is not None


def _describe(state: ClockState) -> str:
    return "the wait for the host" if waiting_for_host(state) else state.phase


def _bump(state: ClockState, **changes: Any) -> ClockState:
    return replace(state, **changes, version=state.version + 1, undo_of=None, undo_at_ms=None)


def _following(state: ClockState, phase: Phase | None, at: int) -> ClockState:
    """Enter the phase after `phase` of the current round, starting at `at`."""
    if phase == "switch":
        return _talk(state, state.round, at)
    if state.round < state.rounds:
        return _bump(
            state,
            phase="switch",
            round=state.round + 1,
            deadline_ms=at + state.switch_ms,
            remaining_ms=None,
            paused_phase=None,
        )
    return _finished(state, state.round)


def _talk(state: ClockState, round_: int, at: int) -> ClockState:
    return _bump(
        state,
        phase="talk",
        round=round_,
        deadline_ms=at + state.talk_ms,
        remaining_ms=None,
        paused_phase=None,
    )


def _finished(state: ClockState, round_: int) -> ClockState:
    return _bump(
        state,
        phase="finished",
        round=round_,
        deadline_ms=None,
        remaining_ms=None,
        paused_phase=None,
    )
