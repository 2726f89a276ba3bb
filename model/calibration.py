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
    result = torch.full((len(window_logits), n_labels), -math.log(n_labels))
    for row, logits in enumerate(window_logits):  # logits: (W, n_labels)
        if len(logits):
            mean = torch.log_softmax(logits / temperature, dim=-1).mean(dim=0)  # (n_labels,)
            result[row] = mean - torch.logsumexp(mean, dim=0)
    return result


def fit_temperature(window_logits: Sequence[torch.Tensor], targets: Sequence[int], n_labels: int) -> float:
    """The temperature (0.05..20, log-spaced grid) with the lowest NLL of the combined answers."""
    if not window_logits:
        return 1.0
    target = torch.tensor(list(targets), dtype=torch.long)
    best, best_loss = 1.0, math.inf
    for temperature in TEMPERATURES.tolist():
        log_probs = combine_windows(window_logits, n_labels, temperature)
        loss = torch.nn.functional.nll_loss(log_probs, target).item()
        if loss < best_loss:
            best, best_loss = temperature, loss
    return best
