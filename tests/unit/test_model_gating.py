"""A model with more labels defers to its base (`ArtifactConfig.base`): the rule, the fit of its
gates, and a real Classifier pair of tiny artifacts loaded from disk."""

import json

import pytest
from model_test_helpers import ALL_TEXTS, SNIPPETS, tiny_artifact

from langsniff.model.classifier import Classifier
from langsniff.model.gating import MAX_LOSS, NEVER, TextAnswers, fit_gates, keeps_own
from langsniff.model.prediction import ArtifactError

BASE = ("css", "python", "plaintext")


def test_a_new_label_stands_at_the_gate_or_at_the_plaintext_gate_over_plain_text():
    assert not keeps_own("python", 0.99, None, BASE, 0.9, 0.7)  # the base's labels are the base's to answer
    assert keeps_own("go", 0.95, None, BASE, 0.9, 0.7)
    assert not keeps_own("go", 0.8, None, BASE, 0.9, 0.7)  # not asked the base yet
    assert keeps_own("go", 0.8, "plaintext", BASE, 0.9, 0.7)
    assert not keeps_own("go", 0.8, "python", BASE, 0.9, 0.7)
    assert not keeps_own("go", 0.6, "plaintext", BASE, 0.9, 0.7)


def rows(*specs):
    return [TextAnswers(*spec) for spec in specs]


def test_the_fit_keeps_the_base_labels_and_names_as_many_new_ones_as_that_allows():
    base_right = [("python", "python", 0.99, "python")] * 9
    sets = {
        "lines3": rows(
            *base_right,
            ("css", "less", 0.93, "css"),  # a gate at 0.93 or below would cost the base this one
            ("go", "go", 0.96, "python"),
            ("go", "go", 0.75, "plaintext"),
            ("go", "go", 0.65, "python"),
        )
    }
    fit = fit_gates(sets, BASE)
    assert (fit["gate"], fit["plaintext_gate"]) == (0.95, 0.7)
    assert fit["base_loss"] == {"lines3": 0.0} and fit["new_accuracy"] == {"lines3": pytest.approx(2 / 3)}


def test_when_no_gate_keeps_the_base_labels_the_base_answers_everything():
    sets = {"whole": rows(("css", "scss", 1.0, "css"), ("scss", "scss", 1.0, "css"))}
    fit = fit_gates(sets, BASE)
    assert (fit["gate"], fit["plaintext_gate"]) == (NEVER, NEVER)
    assert fit["base_loss"]["whole"] <= MAX_LOSS and fit["new_accuracy"]["whole"] == 0.0


def grown_pair(tmp_path, gate, plaintext_gate):
    """A tiny base over the fixture labels and a tiny wider artifact (two more labels) deferring to it."""
    tiny_artifact(tmp_path / "base")
    wide = tiny_artifact(tmp_path / "wide", labels=[*SNIPPETS, "go", "rust"])
    config = json.loads((wide / "config.json").read_text())
    config["base"] = {"artifact": "../base", "gate": gate, "plaintext_gate": plaintext_gate}
    (wide / "config.json").write_text(json.dumps(config))
    return Classifier.load(tmp_path / "base", threads=1), wide


def test_a_base_that_is_never_overruled_answers_every_text_over_all_labels(tmp_path):
    base, wide = grown_pair(tmp_path, NEVER, NEVER)
    gated = Classifier.load(wide, threads=1)
    assert gated.labels[-2:] == ["go", "rust"] and gated.base is not None
    for text, answer, expected in zip(ALL_TEXTS, gated.predict_batch(ALL_TEXTS), base.predict_batch(ALL_TEXTS)):
        assert (answer.label, answer.confidence) == (expected.label, expected.confidence), text
        assert set(answer.probabilities) == set(gated.labels)
        assert answer.probabilities["go"] == answer.probabilities["rust"] == 0.0


def test_a_wide_open_gate_keeps_every_new_label_and_only_those(tmp_path):
    base, wide = grown_pair(tmp_path, 0.0, 0.0)
    gated = Classifier.load(wide, threads=1)
    own = gated.predict_own(ALL_TEXTS)
    answered = gated.predict_batch(ALL_TEXTS)
    from_base = base.predict_batch(ALL_TEXTS)
    for mine, answer, theirs in zip(own, answered, from_base):
        expected = mine if mine.label in ("go", "rust") else theirs
        assert (answer.label, answer.confidence) == (expected.label, expected.confidence)
    text = next(t for t, a in zip(ALL_TEXTS, answered) if a.label not in ("go", "rust"))
    attention = gated.attention(text)
    assert attention.prediction == gated.predict(text)
    assert attention.layers == base.attention(text).layers  # the model that answered is the one shown


def test_a_missing_or_wider_base_is_a_clear_error(tmp_path):
    _, wide = grown_pair(tmp_path, 0.9, 0.7)
    config = json.loads((wide / "config.json").read_text())
    config["base"]["artifact"] = "../nowhere"
    (wide / "config.json").write_text(json.dumps(config))
    with pytest.raises(ArtifactError, match="nowhere"):
        Classifier.load(wide, threads=1)
    config["base"]["artifact"] = "../wide"
    (wide / "config.json").write_text(json.dumps(config))
    with pytest.raises(ArtifactError, match="its own base"):
        Classifier.load(wide, threads=1)
    base_config = json.loads((tmp_path / "base" / "config.json").read_text())
    (tmp_path / "base" / "config.json").write_text(json.dumps({**base_config, "base": {"artifact": "../wide"}}))
    config["base"]["artifact"] = "../base"
    (wide / "config.json").write_text(json.dumps(config))
    with pytest.raises(ArtifactError, match="a base of its own"):
        Classifier.load(wide, threads=1)
