"""When a model with more labels answers itself instead of its base (`ArtifactConfig.base`).

A model that learned 32 languages is less sure of the base's ten than the ten-label base is
(a CSS snippet may be Less, a one-liner may be Ruby). So the wider model names one of its
new labels only when sure enough, and the base answers everything else. The gates are
fitted on validation windows: the loosest pair that costs the base's labels at most
`MAX_LOSS` accuracy at every snippet length, so new languages are named as often as that
allows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from langsniff.datasets.labels import PLAINTEXT

GATES = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99)
NEVER = 2.0  # a gate no confidence reaches: the base answers every text
MAX_LOSS = 0.005


@dataclass(frozen=True)
class TextAnswers:
    """One validation text: its label, the wider model's answer and confidence, and the base's answer."""

    truth: str
    label: str
    confidence: float
    base_label: str


def keeps_own(
    label: str,
    confidence: float,
    base_label: str | None,
    base_labels: Collection[str],
    gate: float,
    plaintext_gate: float,
) -> bool:
    """Whether the wider model's answer stands: a label the base does not know, with at least
    `gate` confidence, or `plaintext_gate` where the base reads the text as plain text
    (`base_label` None: the base has not been asked yet)."""
    if label in base_labels:
        return False
    return confidence >= gate or (base_label == PLAINTEXT and confidence >= plaintext_gate)


def fit_gates(sets: dict[str, Sequence[TextAnswers]], base_labels: Collection[str]) -> dict[str, Any]:
    """The gates with the most new-label windows right, among those that keep the base's
    labels within MAX_LOSS of the base's own accuracy on every set; the loss and accuracy
    by set come with them."""
    best: dict[str, Any] = {"gate": NEVER, "plaintext_gate": NEVER, "score": -1.0}
    for gate in reversed(GATES):  # the strictest gates win ties
        for plaintext_gate in (g for g in reversed(GATES) if g <= gate):
            scored = _score(sets, base_labels, gate, plaintext_gate)
            fits = all(loss <= MAX_LOSS for loss in scored["base_loss"].values())
            if fits and scored["score"] > best["score"]:
                best = {"gate": gate, "plaintext_gate": plaintext_gate, **scored}
    if best["score"] < 0:
        best.update(_score(sets, base_labels, NEVER, NEVER))
    return best


def _score(
    sets: dict[str, Sequence[TextAnswers]], base_labels: Collection[str], gate: float, plaintext_gate: float
) -> dict[str, Any]:
    loss, new = {}, {}
    for name, rows in sets.items():
        chosen = [
            row.label if keeps_own(row.label, row.confidence, row.base_label, base_labels, gate, plaintext_gate)
            else row.base_label
            for row in rows
        ]
        old = [(row, answer) for row, answer in zip(rows, chosen) if row.truth in base_labels]
        if old:
            base_right = sum(row.base_label == row.truth for row, _ in old)
            loss[name] = (base_right - sum(answer == row.truth for row, answer in old)) / len(old)
        fresh = [row.truth == answer for row, answer in zip(rows, chosen) if row.truth not in base_labels]
        new[name] = sum(fresh) / len(fresh) if fresh else 0.0
    return {"base_loss": loss, "new_accuracy": new, "score": sum(new.values()) / max(1, len(new))}
