"""A `#!` first line is evidence the encoder barely sees: weigh it into the answer.

Few training files start with `#!/usr/bin/env node`, so the encoder read that line and
`console.log("Node")` as R. What a script's interpreter runs agreed with its label on all
310 such files of the corpus's test and validation splits (and 837 of the 841 training
files), so those labels get `SHEBANG_LOG_ODDS` more log-odds (about 3,000 to 1) and the
probabilities are renormalised: strong evidence, not an override. A script in languages
the artifact does not know (`#!/bin/bash` for the ten-label default) counts for
`plaintext`, the answer that switches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from langsniff.datasets.labels import PLAINTEXT, labels_for_shebang

SHEBANG_LOG_ODDS = 8.0


def weigh_shebang(log_probs: torch.Tensor, labels: Sequence[str], text: str) -> torch.Tensor:
    """`log_probs` (n_labels,) with the labels `text`'s `#!` line runs favoured, renormalised."""
    runs = labels_for_shebang(text)
    if not runs:
        return log_probs
    favoured = [label for label in runs if label in labels]
    if not favoured and PLAINTEXT in labels:
        favoured = [PLAINTEXT]
    if not favoured:
        return log_probs
    rows = [list(labels).index(label) for label in favoured]
    weighed = log_probs.clone()
    weighed[rows] += SHEBANG_LOG_ODDS
    return torch.log_softmax(weighed, dim=-1)
