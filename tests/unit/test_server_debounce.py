"""The per-document debouncer: a burst of changes runs one callback, the last one."""

import asyncio

from langsniff.server.debounce import Debouncer


async def test_only_the_last_call_in_a_burst_runs():
    debouncer = Debouncer()
    ran: list[int] = []
    for version in range(500):
        debouncer.schedule("untitled:1", 0.05, lambda version=version: ran.append(version))
    assert debouncer.pending("untitled:1")
    await asyncio.sleep(0.15)
    assert ran == [499]
    assert not debouncer.pending("untitled:1")


async def test_keys_are_independent_and_cancel_forgets():
    debouncer = Debouncer()
    ran: list[str] = []
    debouncer.schedule("a", 0.02, lambda: ran.append("a"))
    debouncer.schedule("b", 0.02, lambda: ran.append("b"))
    debouncer.schedule("c", 0.02, lambda: ran.append("c"))
    debouncer.cancel("b")
    debouncer.cancel("never-scheduled")
    await asyncio.sleep(0.1)
    assert sorted(ran) == ["a", "c"]


async def test_waits_for_the_quiet_period():
    debouncer = Debouncer()
    ran: list[bool] = []
    debouncer.schedule("a", 0.2, lambda: ran.append(True))
    await asyncio.sleep(0.05)
    assert ran == []
    await asyncio.sleep(0.3)
    assert ran == [True]
