"""Settings reach the running server: initializationOptions first, then didChangeConfiguration."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient
from server_support import (
    CONFIG,
    PYTHON_SNIPPET,
    classify,
    detections_for,
    hover,
    open_document,
    start_session,
    wait_for_detection,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def client(lsp_client: LanguageClient):
    await start_session(lsp_client, {"autoDetect": False, "debounceMs": 50})
    yield
    await lsp_client.shutdown_session()


def configure(client: LanguageClient, **settings) -> None:
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"langsniff": settings}))


async def test_auto_detect_from_initialization_options_then_switched_on(client: LanguageClient):
    uri = "untitled:auto-detect"
    open_document(client, uri, PYTHON_SNIPPET)
    assert await wait_for_detection(client, uri, timeout=1.0) is None, "autoDetect false still announced"
    configure(client, autoDetect=True)
    detection = await wait_for_detection(client, uri)
    assert detection is not None and detection["languageId"] == "python"
    configure(client, autoDetect=False)


async def test_threshold_change_takes_effect(client: LanguageClient):
    snippet = PYTHON_SNIPPET.splitlines()[4] + "\n"  # one line: confident, but not certain
    result = await classify(client, {"text": snippet})
    assert result["languageId"] != "plaintext"
    confidence = result["confidence"]
    assert confidence < 1.0
    configure(client, autoDetect=True, threshold=(confidence + 1.0) / 2)
    uri = "untitled:threshold"
    open_document(client, uri, snippet)
    assert await wait_for_detection(client, uri, timeout=1.0) is None, "announced below the threshold"
    shown = await hover(client, uri)
    assert shown is not None and "Unsure" in shown.contents.value
    configure(client, threshold=confidence / 2)
    detection = await wait_for_detection(client, uri)
    assert detection is not None and detection["languageId"] == result["languageId"]
    assert len(detections_for(client, uri)) == 1
    configure(client, autoDetect=False, threshold=None)


async def test_bad_settings_are_logged_and_the_server_goes_on(client: LanguageClient):
    before = len(client.log_messages)
    configure(client, threshold="high", colour="blue")
    result = await classify(client, {"text": PYTHON_SNIPPET})
    assert result["languageId"] == "python"
    warnings = [message.message for message in client.log_messages[before:]]
    assert any("langsniff.threshold='high' ignored" in message for message in warnings), warnings
    assert any("unknown setting langsniff.colour" in message for message in warnings), warnings
