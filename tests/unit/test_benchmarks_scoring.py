"""Scoring of verdicts by evaluation set: accuracy, recall, answering rate, coverage at 97% precision."""

import pytest
from langsniff.datasets.records import Record

from benchmarks.detectors.base import Verdict
from benchmarks.evalsets import sample_per_label
from benchmarks.scoring import latency, score


def test_accuracy_recall_and_answering_rate():
    truths = ["python", "python", "c", "plaintext"]
    verdicts = [
        Verdict("python", 0.9, True),
        Verdict("r", 0.8, True),
        Verdict(None, None, False),
        Verdict(None, None, False),
    ]
    result = score(truths, verdicts)
    assert result.n == 4
    assert result.accuracy == pytest.approx(0.5)  # python right, prose left alone
    assert result.recall == {"c": 0.0, "plaintext": 1.0, "python": 0.5}
    assert result.answered == pytest.approx(0.5)


def test_coverage_counts_abstentions_as_unanswered():
    truths = ["python"] * 4
    verdicts = [
        Verdict("python", 0.9, True),
        Verdict("python", 0.8, True),
        Verdict("r", 0.2, True),
        Verdict(None, None, False),
    ]
    result = score(truths, verdicts)
    assert result.coverage == pytest.approx(0.5)  # the two confident right answers out of four snippets
    assert result.coverage_threshold == pytest.approx(0.8)


def test_no_coverage_without_confidences():
    result = score(["python"], [Verdict("python", None, True)])
    assert result.coverage is None
    assert result.accuracy == 1.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        score(["python"], [])


def test_latency_median_and_p95():
    result = latency([float(ms) for ms in range(1, 101)])
    assert result.median_ms == pytest.approx(50.5)
    assert result.p95_ms == pytest.approx(95.05)


def test_sampling_per_label_is_reproducible_and_capped():
    records = [Record(f"x{i}", "python" if i % 3 else "c") for i in range(30)]
    first = sample_per_label(records, 5, seed=1)
    assert first == sample_per_label(records, 5, seed=1)
    assert sorted(r.label for r in first) == ["c"] * 5 + ["python"] * 5
    assert len(sample_per_label(records, None)) == 30
