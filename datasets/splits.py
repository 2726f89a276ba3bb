"""Train/validation/test assignment grouped by source package, so files of one project
never sit on both sides of an evaluation.

Each label's groups are placed greedily into the split furthest below its target share
(80/10/10 of the label's files): the big groups (>= 5% of the label) first, largest
first, the rest in an order drawn from the seed. A label with at least three groups gets
at least one in every split. Labels with the fewest groups are placed first, since a
group holding several labels (a Python package with C extensions and a README) is placed
once, by the first label that meets it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from langsniff.datasets.records import Record

SPLITS: tuple[str, ...] = ("train", "validation", "test")
RATIOS: dict[str, float] = {"train": 0.8, "validation": 0.1, "test": 0.1}
BIG_GROUP_SHARE = 0.05


def group_key(record: Record) -> str:
    """The record's group, or a group of its own (by content hash) when it has none."""
    if record.group:
        return record.group
    return "sha256:" + hashlib.sha256(record.code.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def assign_splits(records: list[Record], seed: int) -> dict[str, str]:
    """Map every group to one split name, deterministically from `seed`."""
    sizes_by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        sizes_by_label[record.label][group_key(record)] += 1
    assignment: dict[str, str] = {}
    for label in sorted(sizes_by_label, key=lambda name: (len(sizes_by_label[name]), name)):
        _assign_label(sizes_by_label[label], assignment, seed)
    return dict(sorted(assignment.items()))


def _assign_label(sizes: Counter[str], assignment: dict[str, str], seed: int) -> None:
    total = sum(sizes.values())
    tally = Counter({split: 0 for split in SPLITS})
    for group, size in sizes.items():
        if group in assignment:
            tally[assignment[group]] += size
    pending = sorted(
        (group for group in sizes if group not in assignment),
        key=lambda group: (-sizes[group] if sizes[group] >= BIG_GROUP_SHARE * total else 0, _rank(seed, group)),
    )
    must_cover = len(sizes) >= len(SPLITS)

    def deficit(split: str) -> float:
        return RATIOS[split] * total - tally[split]

    for index, group in enumerate(pending):
        empty = [split for split in SPLITS if tally[split] == 0] if must_cover else []
        candidates = empty if empty and len(pending) - index <= len(empty) else list(SPLITS)
        choice = max(candidates, key=deficit)
        assignment[group] = choice
        tally[choice] += sizes[group]


def _rank(seed: int, group: str) -> str:
    return hashlib.sha256(f"{seed}\0{group}".encode()).hexdigest()
