"""Fitting an artifact's temperature and its thresholds on validation texts of mixed lengths.

A threshold is the confidence where coverage at 97% precision is reached (issue 9), so
the server's detection notice fires exactly on answers that are right 97% of the time.
Short snippets are harder, so each snippet length gets its own threshold, chosen on that
length's validation windows; a shorter length never gets a lower threshold than a longer one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langsniff.datasets.records import Record
from langsniff.datasets.windows import line_count
from langsniff.model.artifact import threshold_for_lines
from langsniff.model.calibration import combine_windows, fit_temperature
from langsniff.model.classifier import Classifier
from langsniff.model.evaluation import LENGTHS, TARGET_PRECISION, set_name
from langsniff.model.gating import TextAnswers, fit_gates
from langsniff.model.metrics import coverage_at_precision, expected_calibration_error, trigger_rate


LENGTH_OF = {set_name(length): length for length in LENGTHS}


def tune(classifier: Classifier, sets: dict[str, Sequence[Record]]) -> dict[str, Any]:
    """Fit the temperature on all `sets` pooled and a threshold per snippet length (sets named
    by `set_name`); returns them with ECE before and after and the prose trigger rate."""
    labels = classifier.labels
    index = {label: i for i, label in enumerate(labels)}
    named = [(name, r) for name, records in sets.items() for r in records if r.label in index and r.code.strip()]
    if not named:
        raise ValueError("no validation texts with a known label to calibrate on")
    records = [r for _, r in named]
    _, logits = classifier.window_logits([r.code for r in records])
    targets = [index[r.label] for r in records]
    temperature = fit_temperature(logits, targets, len(labels))
    result: dict[str, Any] = {"temperature": temperature, "n": len(records)}
    for name, value in (("before", 1.0), ("after", temperature)):
        probs = combine_windows(logits, len(labels), value).exp()
        confidences, guesses = probs.max(dim=-1)
        correct = [int(g) == t for g, t in zip(guesses.tolist(), targets)]
        result[f"ece_{name}"] = expected_calibration_error(confidences.tolist(), correct)
    confidence = confidences.tolist()
    by_length = length_thresholds([name for name, _ in named], confidence, correct)
    threshold = by_length.pop(None, min(by_length.values()))
    needed = [threshold_for_lines(by_length, threshold, line_count(r.code)) for r in records]
    predicted = [labels[g] for g in guesses.tolist()]
    truth = [r.label for r in records]
    sure = [c >= t for c, t in zip(confidence, needed)]
    answered = [right for right, ok in zip(correct, sure) if ok]
    result.update(
        threshold=threshold,
        thresholds_by_lines=by_length,
        coverage_at_97=len(answered) / len(correct),
        precision_at_thresholds=sum(answered) / len(answered) if answered else 1.0,
        prose_trigger_rate=trigger_rate(truth, predicted, sure),
    )
    return result


def length_thresholds(
    names: Sequence[str], confidences: Sequence[float], correct: Sequence[bool]
) -> dict[int | None, float]:
    """The 97%-precision threshold of each snippet length present (None: whole files and any
    set not named by length), raised where needed so shorter never needs less than longer."""
    groups: dict[int | None, tuple[list[float], list[bool]]] = {}
    for name, confidence, right in zip(names, confidences, correct):
        group = groups.setdefault(LENGTH_OF.get(name), ([], []))
        group[0].append(confidence)
        group[1].append(right)
    ordered = sorted(groups, key=lambda length: float("inf") if length is None else length, reverse=True)
    thresholds: dict[int | None, float] = {}
    floor = 0.0
    for length in ordered:
        floor = max(floor, coverage_at_precision(*groups[length], TARGET_PRECISION)[1])
        thresholds[length] = floor
    return thresholds


def fit_base_gates(classifier: Classifier, sets: dict[str, Sequence[Record]]) -> dict[str, Any]:
    """The gates of a classifier with a base (`gating.fit_gates`), fitted on `sets` (validation
    windows of all its labels, by length)."""
    if classifier.base is None:
        raise ValueError("the artifact has no base to defer to")
    answers = {}
    for name, records in sets.items():
        texts = [r.code for r in records]
        own, base = classifier.predict_own(texts), classifier.base.predict_batch(texts)
        answers[name] = [
            TextAnswers(record.label, mine.label, mine.confidence, theirs.label)
            for record, mine, theirs in zip(records, own, base)
        ]
    return fit_gates(answers, classifier.base.labels)
