"""Coverage at 97% precision, calibration error and per-label scores on hand-made answers."""

import pytest

from langsniff.model.metrics import (
    confusion_matrix,
    coverage_at_precision,
    expected_calibration_error,
    per_label_scores,
    trigger_rate,
)


def test_coverage_stops_where_precision_falls_below_the_target():
    confidences = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    correct = [True, True, True, False, True, False]
    # 3 of 3 right at 0.9; 3 of 4 (75%) at 0.8; 4 of 5 (80%) at 0.7: only the first three qualify at 97%.
    assert coverage_at_precision(confidences, correct, 0.97) == (0.5, 0.9)
    # at 80% precision, five answers (4 right) qualify.
    assert coverage_at_precision(confidences, correct, 0.8) == (pytest.approx(5 / 6), 0.7)


def test_coverage_is_order_free_and_counts_every_right_answer():
    assert coverage_at_precision([0.2, 0.9, 0.5], [True, True, True]) == (1.0, 0.2)


def test_tied_confidences_are_taken_together():
    confidences = [0.9, 0.8, 0.8, 0.8]
    correct = [True, True, False, True]
    assert coverage_at_precision(confidences, correct, 0.97) == (0.25, 0.9)


def test_no_coverage_gives_a_threshold_above_every_confidence():
    coverage, threshold = coverage_at_precision([1.0, 0.5], [False, True])
    assert coverage == 0.0 and threshold > 1.0
    assert coverage_at_precision([], []) == (0.0, 1.0)
    with pytest.raises(ValueError):
        coverage_at_precision([0.5], [])


def test_expected_calibration_error():
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 1.0], [False, False]) == pytest.approx(1.0)
    assert expected_calibration_error([0.95, 0.55], [True, False]) == pytest.approx((0.05 + 0.55) / 2)


def test_confusion_and_per_label_scores():
    labels = ["c", "cpp", "python"]
    counts = confusion_matrix(["c", "c", "cpp", "python"], ["c", "cpp", "cpp", "python"], labels)
    assert counts == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    scores = per_label_scores(counts, labels)
    assert scores["c"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "support": 2}
    assert scores["cpp"]["precision"] == 0.5 and scores["cpp"]["recall"] == 1.0


def test_prose_trigger_rate_counts_confident_code_answers_on_prose():
    truth = ["plaintext", "plaintext", "plaintext", "plaintext", "python"]
    predicted = ["python", "r", "plaintext", "sql", "python"]
    sure = [True, False, True, True, True]
    assert trigger_rate(truth, predicted, sure) == 0.5
    assert trigger_rate(["c"], ["c"], [True]) == 0.0
