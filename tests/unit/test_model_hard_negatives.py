"""Hard negatives: texts of other labels train as plaintext, at their share of plaintext's draws;
favoured labels are drawn more often; and `labels` / `as_plaintext` / `favour` choose what a
model learns, with clear errors."""

from __future__ import annotations

import random

import pytest
from langsniff.datasets.errors import DataError
from langsniff.datasets.records import Record
from langsniff.model.config import TrainConfig
from langsniff.model.inputs import WindowEncoder
from langsniff.model.sampling import SnippetSampler
from langsniff.model.training import model_labels
from langsniff.tokenizer import build_tokenizer
from tokenizers import Tokenizer

PROSE = "The quick brown fox jumps over the lazy dog while the cat sleeps.\nIt rains today."
LOG = "2026-01-03 10:00:01 ERROR daemon[812]: connection refused\n2026-01-03 10:00:02 WARN retrying"
PYTHON = "def add(a, b):\n    return a + b\n"
RECORDS = [Record(PROSE, "plaintext"), Record(LOG, "log"), Record(PYTHON, "python"), Record("a: 1\nb: 2\n", "yaml")]


def python_and_plaintext_sampler(tokenizer: Tokenizer, **options) -> SnippetSampler:
    """A sampler of batches of 32 for a model of python and plaintext, seeded."""
    encoder = WindowEncoder(tokenizer, 64)
    return SnippetSampler(RECORDS, ["python", "plaintext"], encoder, random.Random(0), 32, **options)


def plaintext_rows_with_log(share: float) -> float:
    """Share of plaintext-target training windows that came from the log text."""
    tokenizer = build_tokenizer([PROSE, LOG, PYTHON] * 20, vocab_size=300)
    only_in_log = set(tokenizer.encode(LOG).ids) - set(tokenizer.encode(PROSE).ids)
    sampler = python_and_plaintext_sampler(tokenizer, as_plaintext=("log",), negative_share=share)
    plaintext_rows = from_log = 0
    for _ in range(64):
        ids, _, targets = sampler.next_batch()
        for row, target in zip(ids, targets):
            if target == 1:
                plaintext_rows += 1
                from_log += bool(only_in_log & set(row.tolist()))
    return from_log / plaintext_rows


def test_hard_negatives_take_their_share_of_plaintext_draws():
    assert 0.2 < plaintext_rows_with_log(0.3) < 0.4
    assert plaintext_rows_with_log(0.0) == 0.0


def test_hard_negatives_need_a_plaintext_label():
    tokenizer = build_tokenizer([PROSE, LOG, PYTHON] * 20, vocab_size=300)
    with pytest.raises(ValueError, match="plaintext is not a label"):
        SnippetSampler(RECORDS, ["python"], WindowEncoder(tokenizer, 64), random.Random(0), 8, as_plaintext=("log",))


def test_model_labels_follow_labels_and_as_plaintext():
    assert model_labels(RECORDS, TrainConfig()) == ["python", "plaintext", "yaml", "log"]
    assert model_labels(RECORDS, TrainConfig(as_plaintext="log, yaml")) == ["python", "plaintext"]
    assert model_labels(RECORDS, TrainConfig(labels="python,plaintext")) == ["python", "plaintext"]


def test_model_labels_name_what_is_wrong():
    with pytest.raises(DataError, match="no training texts of go"):
        model_labels(RECORDS, TrainConfig(labels="python,go"))
    with pytest.raises(ValueError, match="yaml: both a label and trained as plaintext"):
        model_labels(RECORDS, TrainConfig(labels="yaml,plaintext", as_plaintext="yaml"))
    with pytest.raises(ValueError, match="as_plaintext needs plaintext"):
        model_labels(RECORDS, TrainConfig(labels="python", as_plaintext="log"))


def test_favoured_labels_are_drawn_favour_weight_times_as_often():
    tokenizer = build_tokenizer([PROSE, LOG, PYTHON] * 20, vocab_size=300)
    sampler = python_and_plaintext_sampler(tokenizer, favour=("python",), favour_weight=3.0)
    targets = [int(target) for _ in range(64) for target in sampler.next_batch()[2]]
    assert 2.5 < targets.count(0) / targets.count(1) < 3.5


def test_favour_names_only_labels_the_model_learns():
    with pytest.raises(ValueError, match="favour names yaml, which the model does not learn"):
        model_labels(RECORDS, TrainConfig(labels="python,plaintext", favour="python,yaml"))
    with pytest.raises(ValueError, match="favour_weight must be above 0"):
        model_labels(RECORDS, TrainConfig(favour="python", favour_weight=0))
