"""The shipped 32-label artifact (`model/languages32`, opt-in with `--model`): it loads, is
small, knows the 22 added languages and gets nearly all obvious snippets of every label right."""

import json
from pathlib import Path

import pytest
from model_test_helpers import SNIPPETS

from langsniff.model.classifier import DEFAULT_ARTIFACT, Classifier

LANGUAGES32 = DEFAULT_ARTIFACT.parent / "languages32"
OBVIOUS = SNIPPETS | json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "more_language_snippets.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def answers():
    classifier = Classifier.load(LANGUAGES32, threads=1)
    return classifier, {label: [classifier.predict(text).label for text in texts] for label, texts in OBVIOUS.items()}


def test_it_is_small_and_knows_every_label(answers):
    classifier, _ = answers
    assert sum(path.stat().st_size for path in LANGUAGES32.iterdir()) <= 2 * sum(
        path.stat().st_size for path in DEFAULT_ARTIFACT.iterdir()
    )
    assert set(classifier.labels) == set(OBVIOUS) and len(classifier.labels) == 32
    assert classifier.display_names["csharp"] == "C#" and classifier.display_names["objective-c"] == "Objective-C"


def test_obvious_snippets_of_every_label(answers):
    _, found = answers
    right = {label: sum(guess == label for guess in guesses) for label, guesses in found.items()}
    assert all(count >= 1 for count in right.values()), right
    total = sum(len(texts) for texts in OBVIOUS.values())
    assert sum(right.values()) >= total - 3, {label: found[label] for label in found if right[label] < len(found[label])}
