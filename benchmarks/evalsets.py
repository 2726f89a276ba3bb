"""The snippets every detector sees: our test split at each length and GitHub Linguist's samples."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from langsniff.datasets.corpus import load_eval_set
from langsniff.datasets.loaders import load_jsonl
from langsniff.datasets.records import Record

TEST_LENGTHS: tuple[int | None, ...] = (1, 3, 5, 10, 20, None)
LINGUIST_FILES = {"linguist_lines3": 3, "linguist_lines10": 10, "linguist": None}
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: `family` is where the snippets come from, `length` their lines (None = whole)."""

    name: str
    family: str
    length: int | None
    records: list[Record]

    @property
    def length_name(self) -> str:
        return "whole" if self.length is None else f"{self.length} lines"


def sample_per_label(records: list[Record], per_label: int | None, seed: int = 0) -> list[Record]:
    """At most `per_label` records of each label, chosen reproducibly; all of them when None."""
    if per_label is None:
        return list(records)
    by_label: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_label[record.label].append(record)
    rng = random.Random(seed)
    chosen: list[Record] = []
    for label in sorted(by_label):
        group = by_label[label]
        chosen.extend(group if len(group) <= per_label else rng.sample(group, per_label))
    return chosen


def load_eval_sets(
    corpus: Path | None, shared_eval: Path | None, per_label: int | None, seed: int = 0
) -> list[EvalSet]:
    """Test-split sets (when a corpus is given) then Linguist's (when its folder is given)."""
    sets: list[EvalSet] = []
    if corpus is not None:
        for length in TEST_LENGTHS:
            name = "test_whole" if length is None else f"test_lines{length}"
            records = load_eval_set(corpus, "test", length)
            sets.append(EvalSet(name, "test", length, sample_per_label(records, per_label, seed)))
    if shared_eval is not None:
        for name, length in sorted(LINGUIST_FILES.items(), key=lambda item: item[1] or 10**9):
            records = list(load_jsonl(shared_eval / f"{name}.jsonl"))
            sets.append(EvalSet(name, "linguist", length, sample_per_label(records, per_label, seed)))
    return sets
