"""The label set is data in the artifact: a server given an artifact with other labels
(here Go, Rust, YAML and Plain Text, untrained) offers exactly those, with no code change;
`--model languages32` picks the shipped 32-label model by name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from pytest_lsp import ClientServerConfig
from server_support import classify, code_actions, hover, open_document, start_session

from langsniff.datasets.labels import display_name
from langsniff.model.artifact import ArtifactConfig, save_artifact
from langsniff.model.config import ModelConfig
from langsniff.model.encoder import Encoder
from langsniff.tokenizer import build_tokenizer

LABELS = ["go", "rust", "yaml", "plaintext"]
TEXTS = [
    "package main\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n",
    "fn main() {\n    let v: Vec<i32> = vec![1, 2];\n    println!(\"{:?}\", v);\n}\n",
    "services:\n  web:\n    image: nginx\n    ports:\n      - 80:80\n",
    "We met at noon and walked to the harbour before the rain came.\n",
]


def other_labels_artifact(folder: Path) -> Path:
    tokenizer = build_tokenizer(TEXTS * 4, vocab_size=300)
    config = ModelConfig(
        vocab_size=tokenizer.get_vocab_size(), n_labels=len(LABELS), max_tokens=64, d_model=32, n_layers=1, n_heads=2
    )
    torch.manual_seed(0)
    artifact = ArtifactConfig(config, LABELS, {label: display_name(label) for label in LABELS}, threshold=0.0)
    return save_artifact(folder, Encoder(config), artifact, tokenizer, {"note": "untrained, other labels"})


@pytest.mark.slow
async def test_a_server_offers_the_labels_of_its_artifact(tmp_path: Path):
    model = other_labels_artifact(tmp_path / "model")
    config = ClientServerConfig(server_command=[sys.executable, "-m", "langsniff.server", "--model", str(model)])
    client = await config.start()
    try:
        await start_session(client, {"autoDetect": False, "debounceMs": 50})
        uri = "untitled:other-labels"
        open_document(client, uri, TEXTS[0])
        result = await classify(client, {"text": TEXTS[1]})
        assert result["languageId"] in LABELS and set(result["probabilities"]) == set(LABELS)
        shown = await hover(client, uri)
        assert shown is not None
        for label in LABELS:
            assert f"| {display_name(label)} | `{label}` |" in shown.contents.value
        offered = {action.command.arguments[1] for action in await code_actions(client, uri)}
        assert offered and offered <= set(LABELS) - {"plaintext"}
        await client.shutdown_session()
    finally:
        await client.stop()


@pytest.mark.slow
async def test_a_shipped_model_is_chosen_by_name():
    config = ClientServerConfig(server_command=[sys.executable, "-m", "langsniff.server", "--model", "languages32"])
    client = await config.start()
    try:
        await start_session(client, {"autoDetect": False, "debounceMs": 50})
        result = await classify(client, {"text": TEXTS[0]})
        assert result["languageId"] == "go" and len(result["probabilities"]) == 32
        await client.shutdown_session()
    finally:
        await client.stop()
