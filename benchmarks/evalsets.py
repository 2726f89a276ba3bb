"""The snippets every detector sees: our test split at each length and GitHub Linguist's samples."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from langsniff.datasets.corpus import load_eval_set
from langsniff.datasets.eval_sets import per_label_sample
from langsniff.datasets.loaders import load_jsonl
from langsniff.datasets.records import Record

TEST_LENGTHS: tuple[int | None, ...] = (1, 3, 5, 10, 20, None)
LINGUIST_FILES = {"linguist_lines3": 3, "linguist_lines10": 10, "linguist": None}
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: `family` is where the snippets come from, `length` their lines (None = whole).

    `dropped` counts the snippets left out because their label is not one of ours.
    """

    name: str
    family: str
    length: int | None
    records: list[Record]
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def length_name(self) -> str:
        return "whole" if self.length is None else f"{self.length} lines"


def sample_per_label(records: list[Record], per_label: int | None, seed: int = 0) -> list[Record]:
    """At most `per_label` records of each label, chosen reproducibly; all of them when None."""
    return per_label_sample(records, {record.label for record in records}, per_label or 0, seed)


def _eval_set(
    name: str, family: str, length: int | None, records: list[Record], labels: Collection[str] | None, sample: tuple
) -> EvalSet:
    """The set of records whose label is ours (all when `labels` is None), sampled per label."""
    dropped = Counter(r.label for r in records if labels is not None and r.label not in labels)
    kept = [r for r in records if r.label not in dropped]
    return EvalSet(name, family, length, sample_per_label(kept, *sample), dict(sorted(dropped.items())))


def load_eval_sets(
    corpus: Path | None,
    shared_eval: Path | None,
    per_label: int | None,
    seed: int = 0,
    labels: Collection[str] | None = None,
) -> list[EvalSet]:
    """Test-split sets (when a corpus is given) then Linguist's (when its folder is given).

    With `labels` (ours: the benchmarked artifact's), snippets of any other label are left out
    and counted in each set's `dropped`.
    """
    sets: list[EvalSet] = []
    if corpus is not None:
        for length in TEST_LENGTHS:
            name = "test_whole" if length is None else f"test_lines{length}"
            records = load_eval_set(corpus, "test", length)
            sets.append(_eval_set(name, "test", length, records, labels, (per_label, seed)))
    if shared_eval is not None:
        for name, length in sorted(LINGUIST_FILES.items(), key=lambda item: item[1] or 10**9):
            records = list(load_jsonl(shared_eval / f"{name}.jsonl"))
            sets.append(_eval_set(name, "linguist", length, records, labels, (per_label, seed)))
    return sets
