"""The host's estimated end: when the last talk ends if the clock runs on without a pause."""

import pytest

from app.services.clock import estimated_end_ms


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"phase": "lobby", "round": 0}, 1_000 + 3 * 75_000 - 15_000),
        ({"phase": "talk", "round": 2, "remaining_ms": 10_000}, 1_000 + 10_000 + 75_000),
        ({"phase": "switch", "round": 3, "remaining_ms": 5_000}, 1_000 + 5_000 + 60_000),
        ({"phase": "paused", "paused_phase": "talk", "round": 3, "remaining_ms": 7_000}, 8_000),
        ({"phase": "finished", "round": 3}, None),
    ],
)
def test_the_estimated_end_follows_the_phase(state: dict, expected: int | None) -> None:
    full = {"rounds": 3, "server_now_ms": 1_000, "paused_phase": None, "remaining_ms": None}
    assert estimated_end_ms({**full, **state}, 60, 15) == expected
