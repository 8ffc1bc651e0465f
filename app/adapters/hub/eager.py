"""Run a coroutine at once in the caller's frame; only one that has to wait costs a task.

A fan-out to thousands of sockets is mostly task switches if each send runs in a task of its
own, yet almost every send completes without waiting: the socket takes the frame. Python 3.12
has eager tasks for this (`asyncio.eager_task_factory`); this is the same idea for 3.11.
"""

from __future__ import annotations

import asyncio
import types
from collections.abc import Coroutine, Generator
from typing import Any


def start(coro: Coroutine[Any, Any, None]) -> asyncio.Future[None] | None:
    """Run `coro` up to its first wait; return None if it finished, else the task finishing it.

    An exception raised before the first wait propagates to the caller, as a call would.
    """
    try:
        awaited = coro.send(None)
    except StopIteration:
        return None
    return asyncio.ensure_future(_resume(coro, awaited))


@types.coroutine
def _resume(coro: Coroutine[Any, Any, None], awaited: Any) -> Generator[Any, Any, None]:
    """Drive `coro` on from the future it is waiting for, as `await` would (PEP 380)."""
    while True:
        try:
            sent = yield awaited
        except BaseException as error:  # the task was cancelled: the coroutine decides
            step, value = coro.throw, error
        else:
            step, value = coro.send, sent
        try:
            awaited = step(value)
        except StopIteration:
            return
