"""Scoring a Classifier on labelled texts, set by set (one set per snippet length).

Used by `langsniff eval`, by training's validation and by the benchmarks, so every number
about a model comes from the same code.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from langsniff.datasets.records import Record
from langsniff.datasets.windows import fixed_window
from langsniff.model.classifier import Classifier
from langsniff.model.metrics import (
    confusion_matrix,
    coverage_at_precision,
    expected_calibration_error,
    per_label_scores,
    trigger_rate,
)

LENGTHS: tuple[int | None, ...] = (1, 3, 5, 10, 20, None)
TARGET_PRECISION = 0.97
CHUNK = 256


def set_name(length: int | None) -> str:
    """`lines3` for 3-line windows, `whole` for whole files."""
    return "whole" if length is None else f"lines{length}"


def windows_of(records: Sequence[Record], length: int | None, seed: int = 0) -> list[Record]:
    """Each record cut to a fixed window of `length` lines (None: as it is), reproducibly."""
    if length is None:
        return list(records)
    rng = random.Random(seed)
    cut = []
    for record in records:
        if record.code.strip():
            code, label = fixed_window(record.code, record.label, length, rng)
            cut.append(Record(code, label, record.source, record.group))
    return cut


def sample(records: Sequence[Record], limit: int, seed: int = 0) -> list[Record]:
    """At most `limit` records (all when 0), a seeded random choice so every label is in it."""
    if not limit or limit >= len(records):
        return list(records)
    return random.Random(seed).sample(list(records), limit)


def predict_all(classifier: Classifier, records: Sequence[Record]) -> tuple[list[str], list[float], list[bool]]:
    """Predicted labels, confidences and whether each clears its threshold, in chunks."""
    labels, confidences, sure = [], [], []
    for start in range(0, len(records), CHUNK):
        for prediction in classifier.predict_batch([r.code for r in records[start : start + CHUNK]]):
            labels.append(prediction.label)
            confidences.append(prediction.confidence)
            sure.append(prediction.sure)
    return labels, confidences, sure


def score(
    truth: Sequence[str], predicted: Sequence[str], confidences: Sequence[float], sure: Sequence[bool]
) -> dict[str, Any]:
    """Accuracy, calibration, coverage at 97% precision, and what the artifact's thresholds
    do (`sure`: the answers that clear theirs) for one set."""
    correct = [t == p for t, p in zip(truth, predicted)]
    coverage, needed = coverage_at_precision(confidences, correct, TARGET_PRECISION)
    answered = [right for right, ok in zip(correct, sure) if ok]
    return {
        "n": len(truth),
        "accuracy": sum(correct) / len(correct) if correct else 0.0,
        "ece": expected_calibration_error(confidences, correct),
        "coverage_at_97": coverage,
        "confidence_at_97": needed,
        "answered_at_threshold": len(answered) / len(correct) if correct else 0.0,
        "precision_at_threshold": sum(answered) / len(answered) if answered else 1.0,
        "prose_trigger_rate": trigger_rate(truth, predicted, sure),
        "prose_n": sum(t == "plaintext" for t in truth),
    }


def evaluate(classifier: Classifier, sets: dict[str, Sequence[Record]]) -> dict[str, Any]:
    """Scores per set and, over all sets pooled, per-label precision/recall/F1 and the confusion matrix."""
    labels = classifier.labels
    all_truth, all_predicted, by_set = [], [], {}
    for name, records in sets.items():
        truth = [record.label for record in records]
        predicted, confidences, sure = predict_all(classifier, records)
        by_set[name] = score(truth, predicted, confidences, sure)
        by_set[name]["confusion"] = confusion_matrix(truth, predicted, labels)
        all_truth += truth
        all_predicted += predicted
    counts = confusion_matrix(all_truth, all_predicted, labels)
    correct = sum(t == p for t, p in zip(all_truth, all_predicted))
    return {
        "labels": labels,
        "threshold": classifier.threshold,
        "thresholds_by_lines": dict(classifier.config.thresholds),
        "accuracy": correct / len(all_truth) if all_truth else 0.0,
        "per_label": per_label_scores(counts, labels),
        "confusion": counts,
        "by_set": by_set,
    }
