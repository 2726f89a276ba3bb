"""Fixed-length evaluation sets: accuracy is reported by snippet length, since pasted code
is short. Windows are spread over packages round-robin, so one big package does not
dominate a label's score, and are the same for the same seed."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection, Sequence

from langsniff.datasets.embedded import window_label
from langsniff.datasets.records import Record
from langsniff.datasets.splits import group_key
from langsniff.datasets.windows import MIN_CONTENT_CHARS, content_lines, window_span

EVAL_LENGTHS: tuple[int | None, ...] = (1, 3, 5, 10, 20, None)
MAX_PASSES = 3


def eval_set_name(split: str, length: int | None) -> str:
    """`test_lines3` for 3-line windows of the test split, `test_whole` for whole files."""
    return f"{split}_whole" if length is None else f"{split}_lines{length}"


def build_eval_set(records: list[Record], length: int | None, seed: int, per_label: int) -> list[Record]:
    """Up to `per_label` windows of `length` lines per label (whole files for None), at
    most one per file in each round-robin pass over the label's packages."""
    rng = random.Random(f"{seed}:{length}")
    windows: list[Record] = []
    for label, groups in sorted(_by_label_and_group(records).items()):
        order = _round_robin(groups, rng)
        windows.extend(_label_windows(order, length, rng, per_label))
    return windows


def _by_label_and_group(records: list[Record]) -> dict[str, dict[str, list[Record]]]:
    grouped: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        grouped[record.label][group_key(record)].append(record)
    return grouped


def _round_robin(groups: dict[str, list[Record]], rng: random.Random) -> list[Record]:
    """One file of each package in turn (packages and their files in seeded order)."""
    queues = []
    for group in sorted(groups):
        members = sorted(groups[group], key=lambda record: record.source)
        rng.shuffle(members)
        queues.append(members)
    rng.shuffle(queues)
    longest = max(len(queue) for queue in queues)
    return [queue[index] for index in range(longest) for queue in queues if index < len(queue)]


def _label_windows(order: list[Record], length: int | None, rng: random.Random, per_label: int) -> list[Record]:
    windows: list[Record] = []
    seen: set[str] = set()
    for _ in range(1 if length is None else MAX_PASSES):
        for record in order:
            if len(windows) >= per_label:
                return windows
            window = record if length is None else _window(record, length, rng)
            if window is not None and window.code not in seen:
                seen.add(window.code)
                windows.append(window)
    return windows


def _window(record: Record, length: int, rng: random.Random) -> Record | None:
    """A window of exactly `length` lines with some content, labelled by what it shows, or
    None when the file is too short."""
    lines = record.code.split("\n")
    offset = next(index for index, line in enumerate(lines) if line.strip())
    content = content_lines(record.code)
    if len(content) < length:
        return None
    start, end = window_span(content, length, rng)
    text = "\n".join(content[start:end])
    if end - start < length or sum(not char.isspace() for char in text) < MIN_CONTENT_CHARS:
        return None
    source = f"{record.source}#L{offset + start + 1}-{offset + end}"
    label = window_label(record.label, content, start, end)
    return Record(code=text, label=label, source=source, group=record.group, license=record.license)


def per_label_sample(
    records: Sequence[Record], labels: Collection[str], per_label: int, seed: int
) -> list[Record]:
    """At most `per_label` windows of each of `labels` (all when 0), a seeded choice."""
    by_label: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.label in labels:
            by_label[record.label].append(record)
    rng = random.Random(seed)
    chosen = []
    for label in sorted(by_label):
        rows = by_label[label]
        chosen += rows if not per_label or len(rows) <= per_label else rng.sample(rows, per_label)
    return chosen
