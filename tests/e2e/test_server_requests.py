"""The custom requests: langsniff/classify and langsniff/attention, and the server-side command."""

from __future__ import annotations

import html
import re

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pytest_lsp import LanguageClient
from server_support import CONFIG, PYTHON_SNIPPET, classify, open_document, plain, start_session

from langsniff.server import constants
from langsniff.server.attention_html import visible_token

pytestmark = pytest.mark.asyncio(loop_scope="module")

HTML_WITH_SCRIPT = '<div class="x">\n  <script>alert("pwned")</script>\n</div>\n'


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def client(lsp_client: LanguageClient):
    await start_session(lsp_client, {"autoDetect": False})
    yield
    await lsp_client.shutdown_session()


async def attention(client: LanguageClient, params: dict) -> dict:
    return plain(await client.protocol.send_request_async(constants.ATTENTION, params))


async def test_classify_by_uri_and_by_text_agree(client: LanguageClient):
    open_document(client, "untitled:classify", PYTHON_SNIPPET)
    by_uri = await classify(client, {"uri": "untitled:classify"})
    by_text = await classify(client, {"text": PYTHON_SNIPPET})
    assert by_uri == by_text
    assert set(by_uri) >= {"languageId", "confidence", "probabilities", "tokens"}
    assert by_uri["languageId"] == "python"
    assert by_uri["confidence"] == max(by_uri["probabilities"].values())
    assert abs(sum(by_uri["probabilities"].values()) - 1.0) < 1e-3
    assert by_uri["tokens"] > 10


async def test_attention_shapes_are_consistent_and_html_escapes_the_code(client: LanguageClient):
    open_document(client, "untitled:attention", HTML_WITH_SCRIPT)
    result = await attention(client, {"uri": "untitled:attention"})
    tokens, layers = result["tokens"], result["layers"]
    assert tokens and layers
    heads = len(layers[0])
    for layer in layers:
        assert len(layer) == heads
        for matrix in layer:
            assert len(matrix) == len(tokens)
            assert all(len(row) == len(tokens) for row in matrix)
    page = result["html"]
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<script") == 2, "only the page's own data block and script"
    assert "<script>alert" not in page
    markup = [token for token in tokens if "<" in token]
    assert markup, tokens
    assert all(f">{html.escape(visible_token(token))}</div>" in page for token in markup)
    assert not re.search(r"\b(src|href)\s*=", page), "the page must not load anything"
    prediction = result["prediction"]
    assert prediction["languageId"] in prediction["probabilities"]
    assert f"{prediction['confidence'] * 100:.1f}%" in page


async def test_attention_of_a_range_with_a_nonce(client: LanguageClient):
    open_document(client, "untitled:range", PYTHON_SNIPPET)
    whole = await attention(client, {"uri": "untitled:range"})
    selected = {"start": {"line": 4, "character": 0}, "end": {"line": 5, "character": 0}}
    params = {"uri": "untitled:range", "range": selected, "nonce": "n0nce-1234"}
    part = await attention(client, params)
    assert 0 < len(part["tokens"]) < len(whole["tokens"])
    assert '<script nonce="n0nce-1234">' in part["html"]


async def test_bad_requests_get_clear_errors(client: LanguageClient):
    cases = [
        (constants.CLASSIFY, {}, "needs {uri} of an open document or {text}"),
        (constants.CLASSIFY, {"uri": "untitled:nobody"}, "unknown document untitled:nobody"),
        (constants.ATTENTION, {"uri": "untitled:range", "nonce": '"><script>'}, "nonce must be"),
        (constants.ATTENTION, {"uri": "untitled:range", "range": {"start": 3}}, "range must be"),
    ]
    for method, params, message in cases:
        with pytest.raises(JsonRpcInvalidParams, match=re.escape(message)):
            await client.protocol.send_request_async(method, params)
    assert (await classify(client, {"text": "SELECT name FROM users WHERE id = 1;"}))["tokens"] > 0


async def test_set_document_language_sent_to_the_server_gets_a_clear_answer(client: LanguageClient):
    arguments = ["untitled:range", "python"]
    command = types.ExecuteCommandParams(command=constants.SET_DOCUMENT_LANGUAGE, arguments=arguments)
    answer = plain(await client.workspace_execute_command_async(command))
    assert answer["applied"] is False and answer["languageId"] == "python"
    assert "the editor implements" in answer["message"]
    with pytest.raises(JsonRpcInvalidParams, match="takes two arguments"):
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=constants.SET_DOCUMENT_LANGUAGE, arguments=["only-a-uri"])
        )
    with pytest.raises(JsonRpcInvalidParams, match="unknown languageId"):
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=constants.SET_DOCUMENT_LANGUAGE, arguments=["untitled:range", "cobol"])
        )
