"""Shared fixtures for the model tests: the snippet fixtures and a tiny untrained artifact."""

from __future__ import annotations

import json
import random
from pathlib import Path

import torch

from langsniff.datasets.labels import display_name
from langsniff.model.artifact import ArtifactConfig, save_artifact
from langsniff.model.config import ModelConfig
from langsniff.datasets.records import Record
from langsniff.model.encoder import Encoder
from langsniff.model.inputs import WindowEncoder
from langsniff.model.sampling import SnippetSampler
from langsniff.tokenizer import build_tokenizer

DATA = Path(__file__).resolve().parents[1] / "data"
SNIPPETS: dict[str, list[str]] = json.loads((DATA / "model_snippets.json").read_text(encoding="utf-8"))
MORE_SNIPPETS: dict[str, list[str]] = json.loads((DATA / "more_language_snippets.json").read_text(encoding="utf-8"))
ALL_TEXTS = [text for texts in SNIPPETS.values() for text in texts]


def sampled_windows(records: list[Record], labels: list[str], **sampler_options) -> list[str]:
    """The token strings of 512 training windows of a seeded sampler with `sampler_options`."""
    tokenizer = build_tokenizer([record.code for record in records] * 20, vocab_size=300)
    sampler = SnippetSampler(records, labels, WindowEncoder(tokenizer, 64), random.Random(0), 32, **sampler_options)
    rows = [row.tolist() for _ in range(16) for row in sampler.next_batch()[0]]
    return ["".join(tokenizer.id_to_token(i) for i in row) for row in rows]


def tiny_config(vocab_size: int, n_labels: int, **changes) -> ModelConfig:
    values = dict(
        vocab_size=vocab_size,
        n_labels=n_labels,
        max_tokens=64,
        d_model=32,
        n_layers=1,
        n_heads=2,
        pooling="mean+cls",
        dropout=0.0,
    )
    return ModelConfig(**{**values, **changes})


def tiny_artifact(folder: Path, threshold: float = 0.5, labels: list[str] | None = None, **changes) -> Path:
    """An untrained but complete artifact over the fixture labels, or `labels` (random weights, seed 0)."""
    torch.set_num_threads(1)
    tokenizer = build_tokenizer(ALL_TEXTS, vocab_size=400)
    labels = labels or list(SNIPPETS)
    config = tiny_config(tokenizer.get_vocab_size(), len(labels), **changes)
    torch.manual_seed(0)
    artifact = ArtifactConfig(config, labels, {label: display_name(label) for label in labels}, threshold=threshold)
    return save_artifact(folder, Encoder(config), artifact, tokenizer, {"note": "untrained test artifact"})
