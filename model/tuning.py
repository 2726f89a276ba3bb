"""Fitting an artifact's temperature and default threshold on validation texts of mixed lengths.

The threshold is the confidence where coverage at 97% precision is reached (issue 9), so
the server's detection notice fires exactly on answers that are right 97% of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langsniff.datasets.records import Record
from langsniff.model.calibration import combine_windows, fit_temperature
from langsniff.model.classifier import Classifier
from langsniff.model.evaluation import TARGET_PRECISION
from langsniff.model.metrics import coverage_at_precision, expected_calibration_error, trigger_rate


def tune(classifier: Classifier, sets: dict[str, Sequence[Record]]) -> dict[str, Any]:
    """Fit the temperature and threshold on all `sets` pooled; returns them with ECE before and after."""
    labels = classifier.labels
    index = {label: i for i, label in enumerate(labels)}
    records = [r for records in sets.values() for r in records if r.label in index and r.code.strip()]
    if not records:
        raise ValueError("no validation texts with a known label to calibrate on")
    _, logits = classifier.window_logits([r.code for r in records])
    targets = [index[r.label] for r in records]
    temperature = fit_temperature(logits, targets, len(labels))
    result: dict[str, Any] = {"temperature": temperature, "n": len(records)}
    for name, value in (("before", 1.0), ("after", temperature)):
        probs = combine_windows(logits, len(labels), value).exp()
        confidences, guesses = probs.max(dim=-1)
        correct = [int(g) == t for g, t in zip(guesses.tolist(), targets)]
        result[f"ece_{name}"] = expected_calibration_error(confidences.tolist(), correct)
    coverage, threshold = coverage_at_precision(confidences.tolist(), correct, TARGET_PRECISION)
    predicted = [labels[g] for g in guesses.tolist()]
    truth = [r.label for r in records]
    result.update(
        threshold=threshold,
        coverage_at_97=coverage,
        prose_trigger_rate=trigger_rate(truth, predicted, confidences.tolist(), threshold),
    )
    return result
