"""Pure scoring: accuracy, per-label recall, answering rate and coverage at 97% precision of verdicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from langsniff.model.metrics import coverage_at_precision

from .detectors.base import Verdict

PRECISION = 0.97


@dataclass(frozen=True)
class Score:
    """How one detector variant did on one evaluation set."""

    n: int
    accuracy: float
    answered: float
    recall: dict[str, float] = field(default_factory=dict)
    coverage: float | None = None
    coverage_threshold: float | None = None


def score(truths: Sequence[str], verdicts: Sequence[Verdict]) -> Score:
    """Score verdicts against true labels; coverage only when every answer carries a confidence.

    Coverage counts abstentions as unanswered: it is the coverage among answered snippets
    times the share answered, so a detector cannot gain coverage by abstaining.
    """
    if len(truths) != len(verdicts):
        raise ValueError("truths and verdicts must have the same length")
    n = len(truths)
    if n == 0:
        return Score(0, 0.0, 0.0)
    correct = [verdict.correct(truth) for truth, verdict in zip(truths, verdicts)]
    totals, rights = Counter(truths), Counter(truth for truth, ok in zip(truths, correct) if ok)
    answered = [(verdict, ok) for verdict, ok in zip(verdicts, correct) if verdict.answered]
    coverage = threshold = None
    if all(verdict.confidence is not None for verdict, _ in answered):
        inner, threshold = coverage_at_precision(
            [verdict.confidence for verdict, _ in answered], [ok for _, ok in answered], PRECISION
        )
        coverage = inner * len(answered) / n
    return Score(
        n=n,
        accuracy=sum(correct) / n,
        answered=len(answered) / n,
        recall={label: rights[label] / totals[label] for label in sorted(totals)},
        coverage=coverage,
        coverage_threshold=threshold,
    )


@dataclass(frozen=True)
class Latency:
    """Per-snippet time after warm-up, in milliseconds."""

    median_ms: float
    p95_ms: float


def latency(times_ms: Sequence[float]) -> Latency:
    """Median and 95th percentile of per-snippet times."""
    if not times_ms:
        return Latency(float("nan"), float("nan"))
    values = np.asarray(times_ms, dtype=float)
    return Latency(float(np.median(values)), float(np.percentile(values, 95)))
