"""What the Classifier answers: the types the server, the CLI and the benchmarks read."""

from __future__ import annotations

from dataclasses import dataclass, field


class ArtifactError(Exception):
    """An artifact folder that is missing, incomplete or corrupt; the message says which file and why."""


@dataclass(frozen=True)
class Prediction:
    """The model's answer for one text.

    `probabilities` holds every label of the artifact, calibrated, highest first.
    `tokens` is how many tokens the model read; `truncated` is true when the text was
    longer than the windows the model reads, so part of it was not seen. `threshold` is
    the confidence a text of this length needs to switch an editor (the artifact's,
    chosen on validation data); 1.0 means never.
    """

    label: str
    confidence: float
    probabilities: dict[str, float]
    tokens: int
    windows: int = 1
    truncated: bool = False
    threshold: float = 1.0

    @property
    def sure(self) -> bool:
        """Whether the answer clears the artifact's threshold for a text of this length."""
        return self.confidence >= self.threshold

    def top(self, k: int) -> list[tuple[str, float]]:
        """The k most likely labels with their probabilities."""
        return list(self.probabilities.items())[:k]


@dataclass(frozen=True)
class AttentionMap:
    """Attention of the model over one window of text, for the attention view.

    `layers[l][h][i][j]` is how much token i attends to token j in head h of layer l.
    """

    tokens: list[str]
    layers: list[list[list[list[float]]]]
    prediction: Prediction
    offsets: list[tuple[int, int]] = field(default_factory=list)
