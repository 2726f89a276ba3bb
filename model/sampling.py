"""Training batches: balanced labels, random snippet windows, batched by length.

Each batch draws its labels uniformly (so a label with fewer files is not drowned out),
a random file of that label, and a random window of it (`random_window`: 1..N lines, now
and then the whole file). A share of windows is kept short (1..`short_lines` lines): pasted
code is short, short windows are the hard ones, and they cost few tokens. A pool of
batches is tokenized at once, sorted by length and cut into batches, so a batch pads little.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

import torch

from langsniff.datasets.records import Record
from langsniff.datasets.windows import random_window
from langsniff.model.inputs import WindowEncoder

POOL_BATCHES = 16


class SnippetSampler:
    """An endless source of (ids, keep, targets) training batches from labelled records."""

    def __init__(
        self,
        records: Sequence[Record],
        labels: Sequence[str],
        encoder: WindowEncoder,
        rng: random.Random,
        batch_size: int,
        max_lines: int = 40,
        short_share: float = 0.0,
        short_lines: int = 10,
    ) -> None:
        self.by_label: dict[int, list[str]] = defaultdict(list)
        index = {label: i for i, label in enumerate(labels)}
        for record in records:
            if record.label in index and record.code.strip():
                self.by_label[index[record.label]].append(record.code)
        if not self.by_label:
            raise ValueError("no training records with a known label")
        self.targets = sorted(self.by_label)
        self.encoder = encoder
        self.rng = rng
        self.batch_size = batch_size
        self.max_lines = max_lines
        self.short_share = short_share
        self.short_lines = short_lines
        self.queue: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = []

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Token ids (B, T), real-token mask (B, T) and label indices (B,)."""
        if not self.queue:
            self.queue = self._pool()
        return self.queue.pop()

    def _lines(self) -> int:
        return self.short_lines if self.rng.random() < self.short_share else self.max_lines

    def _pool(self) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        targets = [self.rng.choice(self.targets) for _ in range(self.batch_size * POOL_BATCHES)]
        texts = [random_window(self.rng.choice(self.by_label[t]), self.rng, 1, self._lines()) for t in targets]
        windows = self.encoder.snippets(texts, self.rng)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        batches = []
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            ids, keep = self.encoder.batch([windows[i] for i in chunk])
            batches.append((ids, keep, torch.tensor([targets[i] for i in chunk], dtype=torch.long)))
        self.rng.shuffle(batches)
        return batches
