"""Eager start: a coroutine runs in the caller's frame and costs a task only if it waits."""

import asyncio

import pytest

from app.adapters.hub import eager


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_a_coroutine_that_never_waits_finishes_within_the_call():
    done = []

    async def send() -> None:
        done.append("sent")

    tasks_before = len(asyncio.all_tasks())
    assert eager.start(send()) is None
    assert done == ["sent"]
    assert len(asyncio.all_tasks()) == tasks_before


@pytest.mark.anyio
async def test_a_coroutine_that_waits_is_finished_by_a_task_with_what_it_awaited():
    gate: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    steps = []

    async def send() -> None:
        steps.append("before")
        steps.append(await gate)
        await asyncio.sleep(0)  # a bare yield, as well as a future
        steps.append("after")

    finishing = eager.start(send())
    assert steps == ["before"]
    assert finishing is not None
    gate.set_result("opened")
    await finishing
    assert steps == ["before", "opened", "after"]


@pytest.mark.anyio
async def test_an_error_before_the_first_wait_reaches_the_caller():
    async def send() -> None:
        raise ConnectionResetError("gone")

    with pytest.raises(ConnectionResetError):
        eager.start(send())


@pytest.mark.anyio
async def test_an_error_after_a_wait_ends_the_task_with_it():
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def send() -> None:
        await gate

    finishing = eager.start(send())
    gate.set_exception(ConnectionResetError("gone"))
    with pytest.raises(ConnectionResetError):
        await finishing


@pytest.mark.anyio
async def test_cancelling_the_task_cancels_the_coroutine_where_it_waits():
    cleaned = []

    async def send() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cleaned.append("cleaned")

    finishing = eager.start(send())
    await asyncio.sleep(0)
    finishing.cancel()
    with pytest.raises(asyncio.CancelledError):
        await finishing
    assert cleaned == ["cleaned"]
