"""The shipped default artifact: it loads, is small, and gets obvious snippets of every label right."""

import json
from pathlib import Path

import pytest
from model_test_helpers import SNIPPETS

from langsniff.model.classifier import DEFAULT_ARTIFACT, Classifier

MAX_BYTES = 5_000_000
# The reference's nine and plaintext, then the languages added in issue 8.
OBVIOUS = SNIPPETS | json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "more_language_snippets.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def classifier():
    return Classifier.default(threads=1)


def test_the_default_artifact_is_complete_and_small():
    files = ["config.json", "model.safetensors", "tokenizer.json", "metrics.json"]
    assert all((DEFAULT_ARTIFACT / name).is_file() for name in files)
    assert sum(path.stat().st_size for path in DEFAULT_ARTIFACT.iterdir() if path.is_file()) <= MAX_BYTES


def test_it_knows_every_label_and_has_thresholds(classifier):
    assert set(classifier.labels) == set(OBVIOUS)
    assert 0.0 < classifier.threshold <= 1.0
    assert all(classifier.threshold <= value <= 1.0 for value in classifier.config.thresholds.values())
    assert classifier.display_names["cpp"] == "C++" and classifier.display_names["csharp"] == "C#"


@pytest.mark.parametrize("label", list(OBVIOUS))
def test_obvious_snippets_are_classified_right(classifier, label):
    for text in OBVIOUS[label]:
        assert classifier.predict(text).label == label, text
