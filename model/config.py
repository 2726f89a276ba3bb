"""The encoder's configuration and the named presets (the reference's five versions and ours).

Layered like nanoGPT: dataclass defaults < preset < explicit overrides; unknown keys are
rejected, so a typo in a config file fails loudly instead of training the wrong model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class ModelConfig:
    """Everything needed to rebuild the encoder from an artifact (labels live beside it)."""

    vocab_size: int = 4096
    n_labels: int = 10
    max_tokens: int = 256  # one window, [CLS] and [SEP] included
    d_model: int = 128
    n_layers: int = 1
    n_heads: int = 4
    ffn: bool = True  # a feed-forward sublayer after attention (4x wide)
    layer_norm: bool = True  # pre-LN blocks and a final LayerNorm
    positions: bool = True  # learned position embeddings
    pooling: str = "cls"  # "cls" or "mean+cls"
    dropout: float = 0.1

    def __post_init__(self) -> None:
        if self.pooling not in ("cls", "mean+cls"):
            raise ValueError(f"pooling must be 'cls' or 'mean+cls', not {self.pooling!r}")
        if self.n_layers and self.d_model % self.n_heads:
            raise ValueError(f"d_model {self.d_model} is not divisible by n_heads {self.n_heads}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ModelConfig:
        """Build from a dict, rejecting keys the dataclass does not have."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown model settings: {', '.join(unknown)}")
        return cls(**values)


@dataclass(frozen=True)
class TrainConfig:
    """How a preset is trained; flags on `langsniff train` override these."""

    vocab_size: int = 4096
    batch_size: int = 64
    lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_steps: int = 200
    grad_clip: float = 1.0
    max_window_lines: int = 40
    short_window_share: float = 0.5  # share of windows drawn with at most short_window_lines lines
    short_window_lines: int = 10
    steps_per_epoch: int = 250
    validation_per_set: int = 300  # validation windows scored per length
    tuning_per_set: int = 1000  # validation windows per length that temperature and thresholds are fitted on
    keep_last: bool = False  # keep the last step's model instead of the best validation step's
    bf16: bool = False  # bfloat16 autocast for training steps, where the CPU has native bf16
    labels: str = ""  # comma-separated labels to learn; empty: every label of the training split
    as_plaintext: str = ""  # comma-separated labels whose texts train as plaintext (hard negatives)
    negative_share: float = 0.3  # share of plaintext's training draws taken from `as_plaintext` texts
    favour: str = ""  # comma-separated labels drawn `favour_weight` times as often as the others
    favour_weight: float = 2.0
    reindent_share: float = 0.0  # share of training windows re-indented in tabs, 2 or 4 spaces
    comment_share: float = 0.0  # share of C-family training windows with comments rewritten `//` or `/* */`
    seed: int = 0

    def label_list(self, field_name: str) -> tuple[str, ...]:
        """`labels`, `as_plaintext` or `favour` as a tuple of names."""
        return tuple(name.strip() for name in getattr(self, field_name).split(",") if name.strip())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# The reference's versions (embedding size 128, CLS pooling, 128 tokens) and our default.
_REFERENCE = ModelConfig(vocab_size=2048, max_tokens=128, d_model=128, dropout=0.0)
PRESETS: dict[str, ModelConfig] = {
    "v1": replace(_REFERENCE, n_layers=0, positions=False),
    "v2": replace(_REFERENCE, n_layers=0),
    "v3": replace(_REFERENCE, n_layers=1, n_heads=1, ffn=False, layer_norm=False),
    "v4": replace(_REFERENCE, n_layers=1, n_heads=4, ffn=False, layer_norm=False),
    "v5": replace(_REFERENCE, n_layers=2, n_heads=4, dropout=0.2),
    "langsniff": ModelConfig(
        vocab_size=4096, max_tokens=256, d_model=160, n_layers=2, n_heads=4, pooling="mean+cls", dropout=0.1
    ),
}
TRAIN_PRESETS: dict[str, TrainConfig] = {
    "v1": TrainConfig(vocab_size=2048),
    "v2": TrainConfig(vocab_size=2048),
    "v3": TrainConfig(vocab_size=2048),
    "v4": TrainConfig(vocab_size=2048),
    "v5": TrainConfig(vocab_size=2048),
    "langsniff": TrainConfig(vocab_size=4096, bf16=True),
}


def preset(name: str) -> tuple[ModelConfig, TrainConfig]:
    """The model and training configuration of a named preset."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return PRESETS[name], TRAIN_PRESETS[name]
