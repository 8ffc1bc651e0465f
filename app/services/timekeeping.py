"""The wall clock, read in one place outside the domain."""

import time


def now_ms() -> int:
    """Return the server time in epoch milliseconds, the unit of every stored time."""
    return time.time_ns() // 1_000_000
