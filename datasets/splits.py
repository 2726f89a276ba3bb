"""Train/validation/test assignment grouped by source package, so files of one project
never sit on both sides of an evaluation.

Groups are placed one at a time into the split furthest below its target share (80/10/10
of each label's files), judged over all the labels a group holds (a Python package with
C extensions and a README counts for python, c and plaintext, by its share of each). The
big groups (>= 5% of some label) go first, largest first, so they land in training and
the evaluation splits get many small packages; the rest follow in an order drawn from
the seed. A label with at least three groups gets at least one in every split.

Groups of a previous assignment keep their split (a rebuild after the harvest grew must
not move a package that a trained model saw into its test set); only new groups are placed.
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


def assign_splits(records: list[Record], seed: int, previous: dict[str, str] | None = None) -> dict[str, str]:
    """Map every group to one split name, deterministically from `seed` and the groups of
    `previous` (an earlier assignment) that are still present."""
    sizes: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        sizes[group_key(record)][record.label] += 1
    plan = _Plan(sizes)
    kept = {group: split for group, split in (previous or {}).items() if group in sizes and split in SPLITS}
    for group in sorted(kept):
        plan.place(group, kept[group])
    pending = [group for group in sizes if group not in kept]
    for group in sorted(pending, key=lambda group: (-plan.weight(group), _rank(seed, group))):
        plan.place(group)
    return dict(sorted(plan.assignment.items()))


class _Plan:
    """Running per-label tallies of files and groups per split while groups are placed."""

    def __init__(self, sizes: dict[str, Counter[str]]) -> None:
        self.sizes = sizes
        self.files: Counter[str] = Counter()
        self.groups: Counter[str] = Counter()
        for counts in sizes.values():
            self.files.update(counts)
            self.groups.update(counts.keys())
        self.unplaced = Counter(self.groups)
        self.tally: dict[str, Counter[str]] = defaultdict(Counter)
        self.assignment: dict[str, str] = {}

    def weight(self, group: str) -> float:
        """The group's largest share of a label when that makes it big, else 0 (order by seed)."""
        share = max(count / self.files[label] for label, count in self.sizes[group].items())
        return share if share >= BIG_GROUP_SHARE else 0.0

    def place(self, group: str, split: str | None = None) -> None:
        """Put the group in `split`, or in the split its labels need most."""
        choice = split or max(self._candidates(group), key=lambda name: self._need(group, name))
        self.assignment[group] = choice
        for label, count in self.sizes[group].items():
            self.tally[label][choice] += count
            self.unplaced[label] -= 1

    def _need(self, group: str, split: str) -> float:
        """How far `split` is below target for the group's labels, weighted by the group's share of each."""
        return sum(
            count / self.files[label] * (RATIOS[split] - self.tally[label][split] / self.files[label])
            for label, count in self.sizes[group].items()
        )

    def _candidates(self, group: str) -> list[str]:
        """The splits allowed: the empty ones of a label that has only enough groups left to fill them."""
        allowed = list(SPLITS)
        for label in sorted(self.sizes[group], key=lambda label: -self.groups[label]):
            empty = [split for split in SPLITS if self.tally[label][split] == 0]
            if self.groups[label] >= len(SPLITS) and empty and self.unplaced[label] <= len(empty):
                narrowed = [split for split in allowed if split in empty]
                allowed = narrowed or empty
        return allowed


def _rank(seed: int, group: str) -> str:
    return hashlib.sha256(f"{seed}\0{group}".encode()).hexdigest()
