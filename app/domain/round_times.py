"""How long each round's talk really ran, from the moments the clock changed phase.

A round counts as held from the start of its talk, however short; these figures say how long it
then ran, pauses left out, so a round skipped after a second is not mistaken for a full one.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.clock import ClockState, advance, waiting_for_host

# (when, round, phase): the clock entered `phase` of `round` at epoch ms `when`.
Change = tuple[int, int, str]


def phase_of(state: ClockState) -> str:
    """Name the phase as screens show it: a change-over waiting for the host is its own."""
    return "waiting" if waiting_for_host(state) else state.phase


def phase_changes(before: ClockState, after: ClockState, now: int) -> list[Change]:
    """List the phases entered from `before` to `after` at `now`: each passed deadline, then now.

    `after` is `before` caught up to `now` and, for a command, changed by it at `now`.
    """
    changes, state = [], before
    while state.deadline_ms is not None and state.deadline_ms <= now:
        at, stepped = state.deadline_ms, advance(state, state.deadline_ms)
        if stepped == state:
            break
        state = stepped
        changes.append((at, state.round, phase_of(state)))
    if (after.round, phase_of(after)) != (state.round, phase_of(state)):
        changes.append((now, after.round, phase_of(after)))
    return changes


def talk_ms_by_round(changes: Iterable[Change], now: int) -> dict[int, int]:
    """Add up, per round, the time spent talking: from each talk start to the next change."""
    ran: dict[int, int] = {}
    ordered = sorted(changes, key=lambda change: change[0])
    ends = [following for following, _, _ in ordered[1:]] + [now]
    for (at, number, phase), until in zip(ordered, ends, strict=False):
        if phase == "talk":
            ran[number] = ran.get(number, 0) + max(0, until - at)
    return ran
