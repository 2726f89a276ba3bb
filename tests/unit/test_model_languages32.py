"""The shipped 32-label artifact (`model/languages32`, opt-in with `--model languages32`): it
loads, is small, knows the 22 added languages and gets nearly all obvious snippets of every
label right; commands find it by name."""

import json
from pathlib import Path

import pytest
from model_test_helpers import MORE_SNIPPETS, SNIPPETS

from langsniff.model.classifier import Classifier
from langsniff.model.cli import main
from langsniff.model.shipped import DEFAULT_ARTIFACT, artifact_path

LANGUAGES32 = artifact_path("languages32")
OBVIOUS = SNIPPETS | MORE_SNIPPETS


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


def test_commands_find_a_shipped_model_by_name(tmp_path, capsys, monkeypatch):
    go = tmp_path / "main.go"
    go.write_text('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n')
    assert main(["detect", str(go), "--model", "languages32", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["label"] == "go"

    monkeypatch.chdir(tmp_path)
    assert artifact_path("languages32") == LANGUAGES32 and artifact_path("default") == DEFAULT_ARTIFACT
    (tmp_path / "languages32").mkdir()
    assert artifact_path("languages32") == Path("languages32"), "a folder of that name here wins"
    assert artifact_path("runs/mine") == Path("runs/mine")
