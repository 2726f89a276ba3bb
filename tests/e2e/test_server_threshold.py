"""The detection threshold comes from the artifact's config.json; the `threshold` setting
overrides it. Runs the server on a copy of the model whose threshold is edited."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig
from server_support import MODEL, PYTHON_SNIPPET, hover, open_document, start_session, wait_for_detection

from langsniff.server.detector import percent


def model_with_threshold(folder: Path, threshold: float) -> Path:
    shutil.copytree(MODEL, folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["threshold"] = threshold
    config["thresholds_by_lines"] = {lines: threshold for lines in config.get("thresholds_by_lines", {})}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


@pytest.mark.slow
async def test_the_artifact_threshold_is_the_default_and_the_setting_overrides_it(tmp_path: Path):
    from langsniff.model.classifier import Classifier

    snippet = PYTHON_SNIPPET.splitlines()[4] + "\n"  # one line: likely Python, not certain
    prediction = Classifier.load(MODEL, threads=1).predict(snippet)
    assert prediction.label == "python" and prediction.confidence < 1.0
    high = (prediction.confidence + 1.0) / 2
    model = model_with_threshold(tmp_path / "model", high)
    config = ClientServerConfig(server_command=[sys.executable, "-m", "langsniff.server", "--model", str(model)])
    client = await config.start()
    try:
        await start_session(client, {"debounceMs": 50})
        uri = "untitled:threshold-from-artifact"
        open_document(client, uri, snippet)
        assert await wait_for_detection(client, uri, timeout=1.5) is None, "announced below the artifact's threshold"
        shown = await hover(client, uri)
        assert shown is not None and f"below the {percent(high)} threshold" in shown.contents.value
        settings = {"langsniff": {"threshold": prediction.confidence / 2}}
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
        detection = await wait_for_detection(client, uri)
        assert detection is not None and detection["languageId"] == "python"
        await client.shutdown_session()
    finally:
        await client.stop()
