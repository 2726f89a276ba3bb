"""The language server's features end to end, through pytest-lsp's client over stdio:
the detection notice, the hover table, code actions, and documents it must leave alone."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient
from server_support import (
    CONFIG,
    PROSE,
    PYTHON_SNIPPET,
    change_document,
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
    await start_session(lsp_client, {"debounceMs": 50})
    yield
    await lsp_client.shutdown_session()


async def test_untitled_python_snippet_gets_a_notice_with_python(client: LanguageClient):
    uri = "untitled:Untitled-1"
    open_document(client, uri, PYTHON_SNIPPET)
    detection = await wait_for_detection(client, uri)
    assert detection is not None, "no langsniff/languageDetected notification"
    assert detection["languageId"] == "python"
    assert detection["version"] == 1
    assert detection["confidence"] == detection["probabilities"]["python"]
    # Once announced, further edits are not announced again.
    change_document(client, uri, PYTHON_SNIPPET + "\nprint('more')\n", version=2)
    assert await wait_for_detection(client, "untitled:never", timeout=0.5) is None
    assert len(detections_for(client, uri)) == 1


async def test_hover_shows_a_table_with_python_first(client: LanguageClient):
    uri = "untitled:Untitled-2"
    open_document(client, uri, PYTHON_SNIPPET)
    result = await hover(client, uri, line=4, character=4)
    assert result is not None
    markdown = result.contents.value
    assert result.contents.kind == types.MarkupKind.Markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "`" in line]
    assert rows[0].startswith("| Python | `python` |"), markdown
    assert "█" in rows[0]
    assert "Read " in markdown and " tokens." in markdown


async def test_code_actions_offer_python_first_and_preferred(client: LanguageClient):
    uri = "untitled:Untitled-3"
    open_document(client, uri, PYTHON_SNIPPET)
    actions = await code_actions(client, uri, line=2)
    assert actions, "no code actions"
    first = actions[0]
    assert first.title.startswith("Set language to Python (") and first.title.endswith("%)")
    assert first.is_preferred
    assert first.command.command == constants.SET_DOCUMENT_LANGUAGE
    assert list(first.command.arguments) == [uri, "python"]
    assert all(not action.is_preferred for action in actions[1:])


async def test_a_python_file_gets_no_actions_no_hover_and_no_notice(client: LanguageClient):
    uri = "file:///tmp/langsniff-test/script.py"
    open_document(client, uri, PYTHON_SNIPPET, language_id="python")
    assert await code_actions(client, uri) == []
    assert await hover(client, uri) is None
    assert await wait_for_detection(client, uri, timeout=1.0) is None


async def test_a_plaintext_file_with_prose_gets_no_notice(client: LanguageClient):
    uri = "file:///tmp/langsniff-test/letter.txt"
    open_document(client, uri, PROSE)
    assert await wait_for_detection(client, uri, timeout=1.5) is None
    result = await hover(client, uri)
    assert result is not None
