"""The numbers we judge a detector by: accuracy, per-label scores, calibration, safe coverage.

Pure functions over plain sequences, so the benchmarks score other detectors with the
same code that scores ours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

PLAINTEXT = "plaintext"


def coverage_at_precision(
    confidences: Sequence[float], correct: Sequence[bool], precision: float = 0.97
) -> tuple[float, float]:
    """(coverage, threshold): the largest share of answers, most confident first, that is at
    least `precision` right, and the lowest confidence answered.

    Answers tied in confidence are taken or left together (a threshold cannot split them).
    With no such share, coverage is 0 and the threshold lies above every confidence.
    """
    if len(confidences) != len(correct):
        raise ValueError("confidences and correct must have the same length")
    total = len(confidences)
    above_all = max(1.0, math.nextafter(max(confidences, default=0.0), math.inf))
    if total == 0:
        return 0.0, above_all
    ranked = sorted(zip(confidences, correct), key=lambda pair: pair[0], reverse=True)
    best = (0.0, above_all)
    right = 0
    for answered, (confidence, is_right) in enumerate(ranked, start=1):
        right += bool(is_right)
        tie_follows = answered < total and ranked[answered][0] == confidence
        if not tie_follows and right >= precision * answered - 1e-9:
            best = (answered / total, confidence)
    return best


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = 15) -> float:
    """Mean gap between confidence and accuracy over equal-width confidence bins, weighted by size."""
    total = len(confidences)
    if total == 0:
        return 0.0
    sums = [[0, 0.0, 0.0] for _ in range(bins)]  # count, confidence sum, correct sum
    for confidence, is_right in zip(confidences, correct):
        index = min(int(confidence * bins), bins - 1)
        sums[index][0] += 1
        sums[index][1] += confidence
        sums[index][2] += bool(is_right)
    return sum(abs(conf - right) for count, conf, right in sums if count) / total


def confusion_matrix(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """counts[i][j]: texts of label i predicted as label j (labels outside `labels` are ignored)."""
    index = {label: i for i, label in enumerate(labels)}
    counts = [[0] * len(labels) for _ in labels]
    for true, guess in zip(truth, predicted):
        if true in index and guess in index:
            counts[index[true]][index[guess]] += 1
    return counts


def per_label_scores(counts: list[list[int]], labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label from a confusion matrix."""
    scores = {}
    for i, label in enumerate(labels):
        hits = counts[i][i]
        predicted = sum(row[i] for row in counts)
        support = sum(counts[i])
        precision = hits / predicted if predicted else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return scores


def trigger_rate(truth: Sequence[str], predicted: Sequence[str], sure: Sequence[bool]) -> float:
    """Share of prose (`plaintext` texts) that would switch the editor to a language:
    predicted as code with a confidence at or above its threshold (`sure`)."""
    prose = [(guess, ok) for true, guess, ok in zip(truth, predicted, sure) if true == PLAINTEXT]
    if not prose:
        return 0.0
    return sum(guess != PLAINTEXT and ok for guess, ok in prose) / len(prose)
