"""Bad input never takes the server down: each case is followed by a request that must answer."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import pytest_lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pytest_lsp import LanguageClient
from server_support import (
    CONFIG,
    PYTHON_SNIPPET,
    change_document,
    classify,
    code_actions,
    detections_for,
    hover,
    open_document,
    start_session,
    wait_for_detection,
)

from langsniff.server import constants

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def client(lsp_client: LanguageClient):
    await start_session(lsp_client, {"debounceMs": 100})
    yield
    await lsp_client.shutdown_session()


async def still_answers(client: LanguageClient) -> None:
    """The server is alive and answers a real request correctly and quickly."""
    started = time.monotonic()
    result = await asyncio.wait_for(classify(client, {"text": PYTHON_SNIPPET}), timeout=10)
    assert result["languageId"] == "python"
    assert client._server.returncode is None
    assert time.monotonic() - started < 10


def send_raw(client: LanguageClient, body: bytes) -> None:
    """Write one message straight to the server's stdin, bypassing the client's JSON encoder."""
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


async def test_empty_and_blank_documents(client: LanguageClient):
    for uri, text in [("untitled:empty", ""), ("untitled:blank", " \n\t\n")]:
        open_document(client, uri, text)
        assert await hover(client, uri) is None
        assert await code_actions(client, uri) == []
        assert (await classify(client, {"uri": uri}))["tokens"] == 0
    await still_answers(client)


async def test_a_20_mb_buffer(client: LanguageClient):
    uri = "untitled:huge"
    text = PYTHON_SNIPPET * (20_000_000 // len(PYTHON_SNIPPET))
    open_document(client, uri, text)
    started = time.monotonic()
    result = await hover(client, uri, line=1000)
    assert result is not None and "longer than the model reads" in result.contents.value
    assert time.monotonic() - started < 10
    assert (await classify(client, {"uri": uri}))["truncated"] is True
    await still_answers(client)


async def test_binary_and_control_characters(client: LanguageClient):
    binary = bytes(range(256)).decode("latin-1") * 40 + "\x00\ufffe\U0001f600 lone \ud800 surrogate"
    open_document(client, "untitled:binary", binary)
    assert await hover(client, "untitled:binary") is not None
    assert (await classify(client, {"text": binary}))["tokens"] > 0
    await still_answers(client)


async def test_invalid_utf8_on_the_wire(client: LanguageClient):
    document = {"uri": "untitled:bad-bytes", "languageId": "plaintext", "version": 1, "text": "TEXT"}
    body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}})
    send_raw(client, body.encode().replace(b"TEXT", b"def f():\xff\xfe\xc3 return 1"))
    result = await classify(client, {"uri": "untitled:bad-bytes"})
    assert result["tokens"] > 0
    await still_answers(client)


async def test_unknown_uris(client: LanguageClient):
    assert await hover(client, "untitled:never-opened") is None
    assert await code_actions(client, "file:///never/opened.txt") == []
    with pytest.raises(JsonRpcInvalidParams, match="unknown document"):
        await classify(client, {"uri": "untitled:never-opened"})
    with pytest.raises(JsonRpcInvalidParams, match="unknown document"):
        await client.protocol.send_request_async(constants.ATTENTION, {"uri": "untitled:never-opened"})
    change_document(client, "untitled:never-opened", "x = 1", version=3)
    await still_answers(client)


async def test_stale_versions(client: LanguageClient):
    uri = "untitled:stale"
    open_document(client, uri, "hello", version=5)
    change_document(client, uri, PYTHON_SNIPPET, version=3)
    assert await hover(client, uri) is not None
    detection = await wait_for_detection(client, uri)
    assert detection is not None and detection["version"] == 3
    await still_answers(client)


async def test_out_of_range_positions(client: LanguageClient):
    uri = "untitled:positions"
    open_document(client, uri, PYTHON_SNIPPET)
    assert await hover(client, uri, line=10_000, character=0) is None
    assert await hover(client, uri, line=0, character=10_000) is not None
    assert await code_actions(client, uri, line=10_000) == []
    selected = {"start": {"line": 9_999, "character": 0}, "end": {"line": 10_000, "character": 50}}
    result = await client.protocol.send_request_async(constants.ATTENTION, {"uri": uri, "range": selected})
    assert result is not None
    await still_answers(client)


async def test_malformed_params(client: LanguageClient):
    # A standard request whose params do not parse gets an InvalidParams answer, not silence.
    body = {"jsonrpc": "2.0", "id": "malformed-hover", "method": "textDocument/hover", "params": {"position": "top"}}
    answer = client.protocol._request_futures["malformed-hover"] = asyncio.get_running_loop().create_future()
    send_raw(client, json.dumps(body).encode())
    with pytest.raises(JsonRpcException, match="invalid params for textDocument/hover"):
        await asyncio.wait_for(answer, timeout=10)
    for params in (None, [1, 2], "text", {"text": 42}, {"uri": ["untitled:x"]}):
        with pytest.raises(JsonRpcInvalidParams):
            await client.protocol.send_request_async(constants.CLASSIFY, params)
    # Notifications that do not parse are dropped.
    send_raw(client, b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"contentChanges": 7}}')
    send_raw(client, b"this is not json")
    await still_answers(client)


async def test_a_burst_of_500_changes_in_a_second(client: LanguageClient):
    uri = "untitled:burst"
    open_document(client, uri, "")
    lines = PYTHON_SNIPPET.splitlines(keepends=True)
    started = time.monotonic()
    for version in range(2, 502):
        text = "".join(lines[: 1 + version * len(lines) // 501])
        change_document(client, uri, text, version=version)
        if version % 50 == 0:
            await asyncio.sleep(0)
    assert time.monotonic() - started < 1.0
    answer = await asyncio.wait_for(hover(client, uri, line=0), timeout=5)
    assert answer is not None
    detection = await wait_for_detection(client, uri)
    assert detection is not None and detection["version"] == 501 and detection["languageId"] == "python"
    await asyncio.sleep(0.5)
    assert len(detections_for(client, uri)) == 1
    await still_answers(client)
