"""The shipped default artifact: it loads, is small, gets obvious snippets of every label right,
and leaves code in languages it does not know alone."""

import pytest
from model_test_helpers import MORE_SNIPPETS, SNIPPETS

from langsniff.datasets.labels import PLAINTEXT
from langsniff.model.classifier import Classifier
from langsniff.model.shipped import DEFAULT_ARTIFACT

MAX_BYTES = 5_000_000
UNRELATED = ("go", "rust", "ruby", "csharp", "shellscript", "kotlin", "swift", "lua", "perl", "json", "yaml", "toml")


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


@pytest.mark.parametrize("label", UNRELATED)
def test_code_in_languages_it_does_not_know_switches_nothing(classifier, label):
    """Plaintext or below the threshold: a pasted Go function must not turn the tab into JavaScript."""
    for text in MORE_SNIPPETS[label]:
        answer = classifier.predict(text)
        assert answer.label == PLAINTEXT or not answer.sure, (answer.label, text)
