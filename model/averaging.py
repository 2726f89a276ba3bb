"""Averaging the weights of a fine-tuned model and the model it started from.

A run started from a trained artifact (`langsniff train --init`) moves away from where it
started, learning what it was trained for and forgetting a little of the rest. The mean of
the two sets of weights (Wortsman et al., "Robust fine-tuning of zero-shot models", 2022)
keeps most of both: it is how the shipped default keeps the C and C++ it knew while
learning the browser JavaScript it did not. Only siblings average: the same labels, model
shape and tokenizer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from langsniff.model.artifact import METRICS, load_artifact, read_json, save_artifact
from langsniff.model.prediction import ArtifactError


def average_artifacts(folders: Sequence[Path], out: Path, half: bool) -> Path:
    """Write to `out` an artifact whose weights are the mean of those of `folders`, with the
    first one's config and tokenizer; its temperature and thresholds are still the first
    one's, to be refitted (`retune`). Raises ArtifactError for artifacts that differ."""
    if len(folders) < 2:
        raise ArtifactError("averaging needs at least two artifacts")
    loaded = [load_artifact(folder) for folder in folders]
    encoder, config, tokenizer = loaded[0]
    for folder, (_, other, other_tokenizer) in zip(folders[1:], loaded[1:]):
        if other.labels != config.labels or other.model != config.model:
            raise ArtifactError(f"{folder}: other labels or another model shape than {folders[0]}")
        if other_tokenizer.to_str() != tokenizer.to_str():
            raise ArtifactError(f"{folder}: another tokenizer than {folders[0]}'s")
    states = [weights.state_dict() for weights, _, _ in loaded]
    encoder.load_state_dict({name: sum(state[name] for state in states) / len(states) for name in states[0]})
    metrics = {
        "parameters": read_json(Path(folders[0]) / METRICS).get("parameters"),
        "averaged": [str(folder) for folder in folders],
    }
    return save_artifact(out, encoder, config, tokenizer, metrics, half=half)
