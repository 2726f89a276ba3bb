"""The shipped default artifact: it loads, is small, and gets obvious snippets of every label right."""

import pytest
from model_test_helpers import SNIPPETS

from langsniff.model.classifier import Classifier
from langsniff.model.shipped import DEFAULT_ARTIFACT

MAX_BYTES = 5_000_000


@pytest.fixture(scope="module")
def classifier():
    return Classifier.default(threads=1)


def test_the_default_artifact_is_complete_and_small():
    files = ["config.json", "model.safetensors", "tokenizer.json", "metrics.json"]
    assert all((DEFAULT_ARTIFACT / name).is_file() for name in files)
    assert sum(path.stat().st_size for path in DEFAULT_ARTIFACT.iterdir() if path.is_file()) <= MAX_BYTES


def test_it_knows_every_label_and_has_a_threshold(classifier):
    assert set(SNIPPETS) <= set(classifier.labels)
    assert 0.0 < classifier.threshold <= 1.0
    assert classifier.display_names["cpp"] == "C++"


@pytest.mark.parametrize("label", list(SNIPPETS))
def test_obvious_snippets_are_classified_right(classifier, label):
    for text in SNIPPETS[label]:
        assert classifier.predict(text).label == label, text
