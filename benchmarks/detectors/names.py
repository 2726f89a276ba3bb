"""How one detector's names become our labels, and which of our labels a detector can name at all.

Our labels are the benchmarked artifact's (`artifact_labels`), never a fixed list. A detector
answers with its own names (its name for a language first, then that language's aliases);
`NameMap` maps them through `normalize_label` (labels.py: LABELS and ALIASES), after the
detector's own overrides, and keeps only labels of the artifact. An override may map a name
onto several labels: the answer then counts as right for each of them. highlight.js is the
case: its `xml` language is its only HTML and XML grammar, so an `xml` answer is right for
HTML and XML snippets alike (it cannot tell them apart, and never claims to).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from langsniff.datasets.labels import ORIGINAL_LABELS, PLAINTEXT, normalize_label

ORIGINAL = "the ten original labels"


def known_scope(detector: str) -> str:
    """The name of the rows a detector is scored on like for like: those whose label it can name."""
    return f"known to {detector}"


def default_artifact() -> Path:
    """The shipped artifact's folder (model/default), found without importing torch."""
    spec = find_spec("langsniff.model")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("langsniff.model is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "default"


def artifact_labels(model: str | Path | None) -> tuple[str, ...]:
    """The labels of the artifact being benchmarked (its config.json), in its order."""
    config = Path(model or default_artifact()) / "config.json"
    try:
        labels = json.loads(config.read_text(encoding="utf-8"))["labels"]
    except (OSError, ValueError, KeyError) as error:
        raise FileNotFoundError(f"no labels in {config}: {error}") from error
    return tuple(labels)


def original_labels(ours: Iterable[str]) -> frozenset[str]:
    """The ten labels of the previous comparison, among ours."""
    return frozenset(ORIGINAL_LABELS) & frozenset(ours)


@dataclass(frozen=True)
class NameMap:
    """One detector's names -> our labels.

    `overrides` (lower-case name -> labels, or None for "not one of ours") come before
    normalize_label; only labels in `ours` survive.
    """

    ours: frozenset[str]
    overrides: Mapping[str, tuple[str, ...] | None] = field(default_factory=dict)

    def labels(self, names: Sequence[str] | None) -> tuple[str, ...]:
        """The labels the first name that maps stands for (most often one), else ()."""
        for name in names or ():
            key = name.strip().lower()
            found = self.overrides[key] if key in self.overrides else (normalize_label(key),)
            labels = tuple(label for label in found or () if label in self.ours)
            if labels:
                return labels
        return ()

    def known(self, vocabulary: Iterable[Sequence[str]], abstains: bool) -> frozenset[str]:
        """Our labels that some name of the detector's vocabulary maps onto.

        Prose (`plaintext`) is known too when the detector can abstain: leaving text alone is
        its way to say it is not code, and it is scored right for that.
        """
        known = {label for names in vocabulary for label in self.labels(names)}
        if abstains and PLAINTEXT in self.ours:
            known.add(PLAINTEXT)
        return frozenset(known)
