"""Shared pieces of the language server's end-to-end tests: how to start it, snippets, helpers.

The server runs as a real subprocess over stdio with the shipped model (or the artifact
folder in $LANGSNIFF_SERVER_MODEL), driven by pytest-lsp's client.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any, Union

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from langsniff.model.shipped import DEFAULT_ARTIFACT
from langsniff.server import constants

# The artifact the server tests run against: the shipped one unless $LANGSNIFF_SERVER_MODEL.
MODEL = Path(os.environ.get("LANGSNIFF_SERVER_MODEL") or DEFAULT_ARTIFACT)
SERVER_COMMAND = [sys.executable, "-m", "langsniff.server", "--log-level", "WARNING", "--model", str(MODEL)]
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND)

PYTHON_SNIPPET = '''import os
import sys


def read_config(path):
    """Read a key=value file into a dict."""
    values = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


class Cache:
    def __init__(self, size=128):
        self.size = size
        self.items = {}

    def get(self, key, default=None):
        return self.items.get(key, default)


if __name__ == "__main__":
    print(read_config(sys.argv[1]), os.getcwd())
'''

PROSE = """Thank you for the lovely afternoon. We walked along the river until the light faded,
and then we talked about the books we had read over the summer and the places we would
like to visit next year. I hope we can meet again soon, perhaps in the spring.
"""


async def start_session(
    client: LanguageClient, options: dict[str, Any] | None = None, editor: str = "visual-studio-code"
) -> None:
    """Initialize the session and record every languageDetected notification on the client."""
    client.detections = []  # type: ignore[attr-defined]

    @client.feature(constants.LANGUAGE_DETECTED)
    def record(params: Any) -> None:
        client.detections.append(plain(params))  # type: ignore[attr-defined]

    _parse_code_actions_by_shape(client)
    await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities(editor), initialization_options=options)
    )


def _parse_code_actions_by_shape(client: LanguageClient) -> None:
    """lsprotocol 2025.0.0 reads any code action that carries a `command` as a bare Command;
    a Command's `command` is a string, a CodeAction's is an object."""
    converter = client.protocol._converter

    def structure(value: dict[str, Any], _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007


def plain(value: Any) -> Any:
    """Custom-method results and params (namedtuples on the client side) as dicts and lists."""
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def open_document(
    client: LanguageClient, uri: str, text: str, language_id: str = "plaintext", version: int = 1
) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)
        )
    )


def change_document(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def close_document(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )


async def wait_for_detection(client: LanguageClient, uri: str, timeout: float = 10.0) -> dict[str, Any] | None:
    """The languageDetected notification for a URI, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for detection in client.detections:  # type: ignore[attr-defined]
            if detection["uri"] == uri:
                return detection
        await asyncio.sleep(0.02)
    return None


def detections_for(client: LanguageClient, uri: str) -> list[dict[str, Any]]:
    return [detection for detection in client.detections if detection["uri"] == uri]  # type: ignore[attr-defined]


async def hover(client: LanguageClient, uri: str, line: int = 0, character: int = 0) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)
        )
    )


async def code_actions(client: LanguageClient, uri: str, line: int = 0) -> list[types.CodeAction | types.Command]:
    position = types.Position(line=line, character=0)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=position, end=position),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    return result or []


async def classify(client: LanguageClient, params: dict[str, Any]) -> dict[str, Any]:
    return plain(await client.protocol.send_request_async(constants.CLASSIFY, params))
