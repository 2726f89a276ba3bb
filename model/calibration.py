"""Turning window logits into calibrated probabilities, and fitting the temperature that does it.

The hover shows these probabilities to users, so they must mean what they say: a
temperature is fitted on validation texts of mixed lengths, through the same window
combination the Classifier uses, by minimising the negative log-likelihood.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

TEMPERATURES = torch.exp(torch.linspace(math.log(0.05), math.log(20.0), 241))


def combine_windows(window_logits: Sequence[torch.Tensor], n_labels: int, temperature: float) -> torch.Tensor:
    """Log-probabilities (N, n_labels): per text, the mean of its windows' tempered
    log-probabilities, renormalised (a geometric mean of probabilities); uniform for no window."""
    return _combine(*_stack(window_logits, n_labels), temperature)


def fit_temperature(window_logits: Sequence[torch.Tensor], targets: Sequence[int], n_labels: int) -> float:
    """The temperature (0.05..20, log-spaced grid) with the lowest NLL of the combined answers."""
    if not window_logits:
        return 1.0
    stacked = _stack(window_logits, n_labels)
    target = torch.tensor(list(targets), dtype=torch.long)
    losses = [torch.nn.functional.nll_loss(_combine(*stacked, t), target).item() for t in TEMPERATURES.tolist()]
    return TEMPERATURES[losses.index(min(losses))].item()


def _stack(window_logits: Sequence[torch.Tensor], n_labels: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """All windows in one tensor (W, n_labels), the text each belongs to (W,), windows per text (N,)."""
    counts = torch.tensor([len(logits) for logits in window_logits], dtype=torch.long)
    parts = [logits for logits in window_logits if len(logits)]
    stacked = torch.cat(parts) if parts else torch.empty(0, n_labels)
    owner = torch.repeat_interleave(torch.arange(len(window_logits)), counts)
    return stacked, owner, counts


def _combine(stacked: torch.Tensor, owner: torch.Tensor, counts: torch.Tensor, temperature: float) -> torch.Tensor:
    n_texts, n_labels = len(counts), stacked.shape[1]
    result = torch.full((n_texts, n_labels), -math.log(n_labels))
    sums = torch.zeros(n_texts, n_labels).index_add_(0, owner, torch.log_softmax(stacked / temperature, dim=-1))
    has = counts > 0
    mean = sums[has] / counts[has, None]  # (N', n_labels)
    result[has] = mean - torch.logsumexp(mean, dim=-1, keepdim=True)
    return result
