"""Averaging sibling artifacts: the weights are the mean, the first one's config and tokenizer
are kept, and artifacts that are not siblings are a clear error that writes nothing."""

from __future__ import annotations

import pytest
import torch
from model_test_helpers import tiny_artifact

from langsniff.model.artifact import load_artifact, save_artifact
from langsniff.model.averaging import average_artifacts
from langsniff.model.prediction import ArtifactError
from langsniff.tokenizer import build_tokenizer


def shifted_copy(source, folder, shift: float):
    """The artifact in `source` with `shift` added to every weight."""
    encoder, config, tokenizer = load_artifact(source)
    encoder.load_state_dict({name: tensor + shift for name, tensor in encoder.state_dict().items()})
    return save_artifact(folder, encoder, config, tokenizer, {"parameters": 1})


def test_the_average_is_the_mean_of_the_weights(tmp_path):
    first = tiny_artifact(tmp_path / "first")
    second = shifted_copy(first, tmp_path / "second", 1.0)
    out = average_artifacts([first, second], tmp_path / "mean", half=False)
    mean, config, tokenizer = load_artifact(out)
    start, first_config, first_tokenizer = load_artifact(first)
    for name, tensor in mean.state_dict().items():
        assert torch.allclose(tensor, start.state_dict()[name] + 0.5)
    assert config.to_dict() == first_config.to_dict() and tokenizer.to_str() == first_tokenizer.to_str()
    assert (out / "metrics.json").read_text().count(str(second)) == 1


def test_only_siblings_average(tmp_path):
    first = tiny_artifact(tmp_path / "first")
    other_labels = tiny_artifact(tmp_path / "labels", labels=["python", "plaintext"])
    wider = tiny_artifact(tmp_path / "wider", d_model=64)
    with pytest.raises(ArtifactError, match="other labels or another model shape"):
        average_artifacts([first, other_labels], tmp_path / "out", half=False)
    with pytest.raises(ArtifactError, match="other labels or another model shape"):
        average_artifacts([first, wider], tmp_path / "out", half=False)
    encoder, config, _ = load_artifact(first)
    retokenized = save_artifact(tmp_path / "tokens", encoder, config, build_tokenizer(["x = 1", "y = 2"] * 9, 300))
    with pytest.raises(ArtifactError, match="another tokenizer"):
        average_artifacts([first, retokenized], tmp_path / "out", half=False)
    with pytest.raises(ArtifactError, match="at least two"):
        average_artifacts([first], tmp_path / "out", half=False)
    with pytest.raises(ArtifactError, match="no such artifact folder"):
        average_artifacts([first, tmp_path / "nowhere"], tmp_path / "out", half=False)
    assert not (tmp_path / "out").exists()
