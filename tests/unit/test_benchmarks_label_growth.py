"""The label-growth comparison's scoring on hand-made answers (known results)."""

import pytest

from benchmarks.label_growth import accuracy, per_label_sample, sample_windows, within_pair_confusion
from langsniff.datasets.records import Record

ANSWERS = [("javascript", "javascript"), ("javascript", "typescript"), ("typescript", "typescript"), ("go", "c")]


def test_accuracy_counts_only_the_windows_of_the_given_labels():
    assert accuracy(ANSWERS) == pytest.approx(0.5)
    assert accuracy(ANSWERS, {"javascript"}) == pytest.approx(0.5)
    assert accuracy(ANSWERS, {"typescript"}) == 1.0
    assert accuracy(ANSWERS, {"rust"}) is None


def test_confusion_within_a_pair_is_the_share_answered_as_the_other_member():
    assert within_pair_confusion(ANSWERS, ("javascript", "typescript")) == pytest.approx(1 / 3)
    assert within_pair_confusion(ANSWERS, ("c", "cpp")) is None


def test_per_label_sample_keeps_only_known_labels_and_at_most_n_each():
    records = [Record(f"x{i}", label) for i in range(5) for label in ("c", "go", "rust")]
    chosen = per_label_sample(records, {"c", "go"}, 2, seed=0)
    assert sorted(r.label for r in chosen) == ["c", "c", "go", "go"]
    assert per_label_sample(records, {"c", "go"}, 2, seed=0) == chosen
    assert len(per_label_sample(records, {"c"}, 0, seed=0)) == 5


def test_both_models_are_judged_on_the_same_windows_of_the_old_labels():
    records = [Record(f"{label} {i}", label) for i in range(9) for label in ("c", "go", "python", "rust")]
    shared, every = sample_windows({"lines1": records}, {"c", "python"}, {"c", "go", "python", "rust"}, 3, seed=4)
    old_rows = [r for r in every["lines1"] if r.label in {"c", "python"}]
    assert old_rows == shared["lines1"] and len(old_rows) == 6
    assert sorted({r.label for r in every["lines1"]}) == ["c", "go", "python", "rust"] and len(every["lines1"]) == 12
