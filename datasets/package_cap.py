"""Cap the share of one package within a label, so one codebase (the JDK, Boost) cannot
stand for a whole language. The largest packages are subsampled deterministically."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict

from langsniff.datasets.errors import DataError
from langsniff.datasets.records import Record
from langsniff.datasets.splits import group_key

log = logging.getLogger(__name__)


def cap_package_share(records: list[Record], max_share: float, seed: int) -> tuple[list[Record], dict[str, int]]:
    """Keep at most `max_share` of each label's files from one group; returns the kept
    records (order kept) and the number dropped per label.

    A label with fewer than 1/max_share groups cannot meet the cap and is left as it is
    (with a warning). Records without a group count as groups of one (`group_key`).
    """
    check_share(max_share)
    by_label: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_label[record.label][group_key(record)].append(record)
    dropped_ids: set[int] = set()
    dropped: Counter[str] = Counter()
    for label, groups in sorted(by_label.items()):
        limit = package_limit([len(members) for members in groups.values()], max_share)
        if limit is None:
            log.warning(
                "label %s has only %d package(s): cannot cap any at %.0f%%", label, len(groups), max_share * 100
            )
            continue
        for members in groups.values():
            if len(members) > limit:
                ranked = sorted(members, key=lambda record: _rank(seed, record))
                dropped_ids.update(id(record) for record in ranked[limit:])
                dropped[label] += len(members) - limit
    return [record for record in records if id(record) not in dropped_ids], dict(sorted(dropped.items()))


def check_share(max_share: float) -> None:
    """Raise DataError unless the share is in (0, 1]."""
    if not 0 < max_share <= 1:
        raise DataError(f"--max-package-share must be in (0, 1], got {max_share}")


def package_limit(sizes: list[int], max_share: float) -> int | None:
    """The largest per-group count L with L <= max_share * sum(min(size, L)), or None when
    even one file per group breaks the cap. The feasible L form an interval from 0 (the
    function is concave), so a binary search finds its end."""

    def fits(limit: int) -> bool:
        return limit <= max_share * sum(min(size, limit) for size in sizes) + 1e-9

    if not sizes or not fits(1):
        return None
    low, high = 1, max(sizes)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _rank(seed: int, record: Record) -> str:
    return hashlib.sha256(f"{seed}\0{record.source}\0{record.code}".encode("utf-8", "surrogatepass")).hexdigest()
