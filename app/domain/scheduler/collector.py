"""Pause Python's cyclic garbage collector while a whole plan is built.

A plan is a tree of frozen values (rounds of tables of int tuples): it holds no reference cycle,
and reference counting frees it. Building one at n = 1,000 still allocates a million objects the
collector tracks, and as the heap grows CPython re-walks all of it every time it has grown by a
quarter: nine full collections per plan, two thirds of its time. Paused, the new objects are
walked once by the next young-generation collection, and once more in the middle generation,
as any new object is. Nothing leaks: cycles made meanwhile, by any thread, are found by the next
collection. The collector is switched back on only if it was on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch automatic collection off for the block, back on after if it was on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
