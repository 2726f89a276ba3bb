"""The stdio transport's input, made safe against message bodies that are not UTF-8."""

from __future__ import annotations

from typing import BinaryIO


class RepairingReader:
    """Reads LSP messages from a binary stream, replacing invalid UTF-8 in message bodies.

    pygls reads each body with one `read(n)`; a body with a stray byte would otherwise be
    dropped whole, leaving a request without an answer. Headers pass through untouched.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readline(self) -> bytes:
        return self._stream.readline()

    def read(self, size: int) -> bytes:
        body = self._stream.read(size)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode("utf-8", "replace").encode("utf-8")
        return body
