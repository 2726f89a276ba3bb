"""The Classifier over a real (tiny, untrained) artifact: round trip, windows, errors, tuning."""

import shutil

import pytest
import torch
from model_test_helpers import ALL_TEXTS, SNIPPETS, tiny_artifact

from langsniff.datasets.records import Record
from langsniff.model.artifact import CONFIG, TOKENIZER, WEIGHTS, load_artifact, save_artifact
from langsniff.model.classifier import Classifier
from langsniff.model.metrics import coverage_at_precision
from langsniff.model.prediction import ArtifactError
from langsniff.model.tuning import tune


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    return tiny_artifact(tmp_path_factory.mktemp("artifact"))


@pytest.fixture(scope="module")
def classifier(artifact):
    return Classifier.load(artifact, threads=1)


def test_predictions_cover_every_label_highest_first(classifier):
    prediction = classifier.predict("import os\nprint(os.getcwd())")
    assert list(prediction.probabilities)[0] == prediction.label
    assert set(prediction.probabilities) == set(classifier.labels)
    assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert prediction.confidence == max(prediction.probabilities.values())
    assert prediction.tokens > 10 and prediction.windows == 1 and not prediction.truncated


def test_batch_answers_like_single_calls(classifier):
    texts = [SNIPPETS["c"][0], "x", SNIPPETS["sql"][1]]
    for single, batched in zip([classifier.predict(t) for t in texts], classifier.predict_batch(texts)):
        assert single.label == batched.label
        assert single.confidence == pytest.approx(batched.confidence, abs=1e-5)


def test_empty_text_is_plaintext_with_no_tokens(classifier):
    for text in ("", "  \n\t "):
        prediction = classifier.predict(text)
        assert prediction.label == "plaintext" and prediction.tokens == 0 and prediction.confidence == 1.0


def test_long_text_is_read_in_windows_spread_across_it(classifier):
    long_text = "\n".join(ALL_TEXTS * 3)
    prediction = classifier.predict(long_text)
    assert prediction.windows == classifier.config.max_windows
    assert prediction.truncated
    assert prediction.tokens > classifier.max_tokens * prediction.windows


def test_windows_combine_by_mean_log_probability(classifier):
    long_text = "\n".join(ALL_TEXTS)
    document = classifier.windows.document(long_text)
    ids, keep = classifier.windows.batch(document.windows)
    with torch.inference_mode():
        per_window = torch.log_softmax(classifier.encoder(ids, keep)[0] / classifier.temperature, -1)
    expected = torch.softmax(per_window.mean(0), -1)
    prediction = classifier.predict(long_text)
    assert prediction.probabilities[classifier.labels[0]] == pytest.approx(expected[0].item(), abs=1e-5)


def test_attention_of_the_first_window(classifier):
    attention = classifier.attention(SNIPPETS["java"][0])
    size = len(attention.tokens)
    assert attention.tokens[0] == "[CLS]" and attention.tokens[-1] == "[SEP]"
    assert size <= classifier.max_tokens and len(attention.offsets) == size
    assert len(attention.layers) == 1 and len(attention.layers[0]) == 2
    assert len(attention.layers[0][0]) == size and len(attention.layers[0][0][0]) == size


def test_round_trip_in_half_precision_gives_nearly_the_same_answers(artifact, classifier, tmp_path):
    encoder, config, tokenizer = load_artifact(artifact)
    save_artifact(tmp_path, encoder, config, tokenizer, {}, half=True)
    assert (tmp_path / WEIGHTS).stat().st_size < 0.6 * (artifact / WEIGHTS).stat().st_size
    halved = Classifier.load(tmp_path, threads=1)
    for text in ALL_TEXTS[:5]:
        assert halved.predict(text).confidence == pytest.approx(classifier.predict(text).confidence, abs=1e-2)
    assert halved.threshold == classifier.threshold and halved.labels == classifier.labels


def test_missing_folder_and_files_are_named(artifact, tmp_path):
    with pytest.raises(ArtifactError, match="no such artifact folder"):
        Classifier.load(tmp_path / "absent")
    for name in (CONFIG, WEIGHTS, TOKENIZER):
        broken = tmp_path / name.replace(".", "_")
        shutil.copytree(artifact, broken)
        (broken / name).unlink()
        with pytest.raises(ArtifactError, match=name):
            Classifier.load(broken)


def test_corrupt_files_are_reported(artifact, tmp_path):
    shutil.copytree(artifact, tmp_path / "a")
    (tmp_path / "a" / WEIGHTS).write_bytes(b"\x00garbage" * 10)
    with pytest.raises(ArtifactError, match="corrupt"):
        Classifier.load(tmp_path / "a")
    shutil.copytree(artifact, tmp_path / "b")
    (tmp_path / "b" / CONFIG).write_text('{"model": {"d_model": "x"}, "labels": []}')
    with pytest.raises(ArtifactError, match="config.json"):
        Classifier.load(tmp_path / "b")


def test_tuning_fits_a_temperature_and_a_97_percent_threshold_per_length(artifact):
    classifier = Classifier.load(artifact, threads=1)
    records = [Record(text, label) for label, texts in SNIPPETS.items() for text in texts]
    sets = {"lines3": records[::2], "whole": records[1::2]}
    tuned = tune(classifier, sets)
    assert 0.05 <= tuned["temperature"] <= 20 and tuned["ece_after"] <= tuned["ece_before"] + 1e-9
    assert tuned["n"] == len(records)
    classifier.config.temperature = tuned["temperature"]
    needed = {}
    for name, texts in sets.items():
        predictions = classifier.predict_batch([r.code for r in texts])
        correct = [p.label == r.label for p, r in zip(predictions, texts)]
        needed[name] = coverage_at_precision([p.confidence for p in predictions], correct)[1]
    assert tuned["threshold"] == pytest.approx(needed["whole"], abs=1e-5)
    assert tuned["thresholds_by_lines"] == {3: pytest.approx(max(needed["lines3"], needed["whole"]), abs=1e-5)}


def test_the_threshold_follows_the_length_of_the_text(artifact, tmp_path):
    encoder, config, tokenizer = load_artifact(artifact)
    config.threshold, config.thresholds = 0.6, {1: 0.95, 3: 0.8}
    classifier = Classifier.load(save_artifact(tmp_path / "tuned", encoder, config, tokenizer, {}), threads=1)
    assert classifier.config.thresholds == {1: 0.95, 3: 0.8}
    one, three, long = "x = 1", "\nx = 1\n\ny = 2\n\n", "\n".join(f"x{i} = {i}" for i in range(30))
    assert [p.threshold for p in classifier.predict_batch([one, three, long])] == [0.95, 0.8, 0.6]
    assert classifier.predict(one).sure == (classifier.predict(one).confidence >= 0.95)
    assert classifier.predict("").threshold == 1.0
