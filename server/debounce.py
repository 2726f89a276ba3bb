"""Per-key debouncing on the asyncio loop: only the last call in a quiet period runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable


class Debouncer:
    """Runs the latest callback scheduled for a key once `delay` seconds pass without another.

    Used per document URI, so a burst of changes costs one timer, not one inference each.
    Must be used from the loop's own thread.
    """

    def __init__(self) -> None:
        self._timers: dict[Hashable, asyncio.TimerHandle] = {}

    def schedule(self, key: Hashable, delay: float, callback: Callable[[], None]) -> None:
        """(Re)start the key's timer; an earlier callback for the key will not run."""
        self.cancel(key)
        loop = asyncio.get_running_loop()
        self._timers[key] = loop.call_later(max(0.0, delay), self._fire, key, callback)

    def cancel(self, key: Hashable) -> None:
        """Forget the key's pending callback, if any."""
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.cancel()

    def pending(self, key: Hashable) -> bool:
        """Whether a callback is waiting for the key."""
        return key in self._timers

    def _fire(self, key: Hashable, callback: Callable[[], None]) -> None:
        del self._timers[key]
        callback()
