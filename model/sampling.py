"""Training batches: balanced labels, random snippet windows, batched by length.

Each batch draws its labels uniformly (so a label with fewer files is not drowned out),
a random file of that label, and a random window of it (`random_window`: 1..N lines, now
and then the whole file). A window trains as what it shows: one cut from inside an HTML
page's `<script>` block is a JavaScript example, not an HTML one (datasets/embedded.py).
A share of windows is kept short (1..`short_lines` lines): pasted code is short, short
windows are the hard ones, and they cost few tokens. A pool of batches is tokenized at
once, sorted by length and cut into batches, so a batch pads little.

Hard negatives: texts of the `as_plaintext` labels (logs, config files for a model that
cannot name them) train as `plaintext`. They make up `negative_share` of plaintext's draws,
split evenly between those labels, so a small source (a few dozen logs) still counts and a
big one does not crowd out prose.

Favoured labels (`favour`) are drawn `favour_weight` times as often as the others: the
model's prior then leans towards them where a snippet is ambiguous (a one-line `const x = 1;`
is JavaScript or TypeScript), which keeps a grown label set from costing the common languages.

Re-indented windows: a share (`reindent_share`) of windows has its indentation rewritten in
tabs, two or four spaces (datasets/indentation.py), so that the model learns the language
and not the indentation style its training files happen to use.

Restyled comments: a share (`comment_share`) of windows of the languages where `//` and
`/* */` are both comments has its comments rewritten in one of them (datasets/comments.py),
so that C commented with `//` is not taken for C++.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

import torch

from langsniff.datasets.comments import BOTH_STYLES, STYLES, restyle_comments
from langsniff.datasets.indentation import KEEP_INDENTATION, UNITS, reindent
from langsniff.datasets.labels import PLAINTEXT
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
        as_plaintext: Sequence[str] = (),
        negative_share: float = 0.0,
        favour: Sequence[str] = (),
        favour_weight: float = 1.0,
        reindent_share: float = 0.0,
        comment_share: float = 0.0,
    ) -> None:
        index = {label: i for i, label in enumerate(labels)}
        if as_plaintext and PLAINTEXT not in index:
            raise ValueError("hard negatives train as plaintext, but plaintext is not a label")
        texts: dict[str, list[str]] = defaultdict(list)
        for record in records:
            if (record.label in index or record.label in as_plaintext) and record.code.strip():
                texts[record.label].append(record.code)
        self.pools: dict[int, tuple[list[str], list[float]]] = {}
        for label, target in index.items():
            own_weight = 1.0 - negative_share if label == PLAINTEXT else 1.0
            pools = [(label, own_weight)] if texts[label] else []
            if label == PLAINTEXT:
                present = [name for name in as_plaintext if texts[name]]
                pools += [(name, negative_share / len(present)) for name in present]
            if pools:
                self.pools[target] = ([name for name, _ in pools], [weight for _, weight in pools])
        if not self.pools:
            raise ValueError("no training records with a known label")
        self.texts = texts
        self.index = index
        self.as_plaintext = frozenset(as_plaintext)
        self.targets = sorted(self.pools)
        self.target_weights = [favour_weight if labels[t] in favour else 1.0 for t in self.targets]
        self.encoder = encoder
        self.rng = rng
        self.batch_size = batch_size
        self.max_lines = max_lines
        self.short_share = short_share
        self.short_lines = short_lines
        self.reindent_share = reindent_share
        self.comment_share = comment_share
        self.queue: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = []

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Token ids (B, T), real-token mask (B, T) and label indices (B,)."""
        if not self.queue:
            self.queue = self._pool()
        return self.queue.pop()

    def _window(self, target: int) -> tuple[str, int]:
        """A window of a random text drawn for `target`, and the target it trains as."""
        names, weights = self.pools[target]
        name = names[0] if len(names) == 1 else self.rng.choices(names, weights)[0]
        text, label = random_window(self.rng.choice(self.texts[name]), name, self.rng, 1, self._lines())
        if self.reindent_share and label not in KEEP_INDENTATION and self.rng.random() < self.reindent_share:
            text = reindent(text, self.rng.choice(UNITS))
        if self.comment_share and label in BOTH_STYLES and self.rng.random() < self.comment_share:
            text = restyle_comments(text, self.rng.choice(STYLES))
        if label in self.index:
            return text, self.index[label]
        return text, self.index[PLAINTEXT] if label in self.as_plaintext else target

    def _lines(self) -> int:
        return self.short_lines if self.rng.random() < self.short_share else self.max_lines

    def _pool(self) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        drawn = self.rng.choices(self.targets, self.target_weights, k=self.batch_size * POOL_BATCHES)
        cut = [self._window(target) for target in drawn]
        windows = self.encoder.snippets([text for text, _ in cut], self.rng)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        batches = []
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            ids, keep = self.encoder.batch([windows[i] for i in chunk])
            batches.append((ids, keep, torch.tensor([cut[i][1] for i in chunk], dtype=torch.long)))
        self.rng.shuffle(batches)
        return batches
