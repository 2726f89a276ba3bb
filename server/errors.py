"""Request errors a client can read: a clear LSP error, never a Python traceback."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcInvalidParams

log = logging.getLogger(__name__)
R = TypeVar("R")


def invalid_params(message: str) -> JsonRpcInvalidParams:
    """The error for a request the client got wrong; the message says how to get it right."""
    return JsonRpcInvalidParams(message=message)


def answers_cleanly(method: str) -> Callable[[Callable[..., Awaitable[R]]], Callable[..., Awaitable[R]]]:
    """Turn an unexpected failure in an async request handler into a short InternalError.

    pygls would answer with the traceback in the message; it goes to the log instead.
    """

    def decorate(handler: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
        @functools.wraps(handler)
        async def wrapper(*args: Any) -> R:
            try:
                return await handler(*args)
            except JsonRpcException:
                raise
            except Exception as error:
                log.exception("%s failed", method)
                message = f"langsniff could not answer {method}: {type(error).__name__}: {error}"
                raise JsonRpcInternalError(message=message) from None

        return wrapper

    return decorate
