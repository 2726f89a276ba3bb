"""The artifact folder: the only thing that passes from training to the Classifier.

`config.json` (architecture, labels, display names, window size, temperature, threshold,
the base artifact it defers to if any, versions), `model.safetensors` (weights, optionally
stored as float16, always loaded as float32; never pickle), `tokenizer.json` (which an
artifact with a base may share with it), `metrics.json`.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tokenizers
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer

from langsniff.model.config import ModelConfig
from langsniff.model.encoder import Encoder
from langsniff.model.prediction import ArtifactError
from langsniff.model.shipped import SHIPPED_DIR, SHIPPED_MODELS
from langsniff.tokenizer import load_tokenizer, save_tokenizer

CONFIG, WEIGHTS, TOKENIZER, METRICS = "config.json", "model.safetensors", "tokenizer.json", "metrics.json"
FORMAT_VERSION = 1


@dataclass
class ArtifactConfig:
    """What `config.json` holds besides the architecture.

    `base` names an artifact this one defers to (a folder relative to this one, or a shipped
    model's name). This model answers only when it names a label the base does not know, with
    at least `base_gate` confidence, or at least `plaintext_gate` where the base reads the
    text as plain text (none of its languages); every other text gets the base's answer. So
    a model can learn more languages without costing the base's labels accuracy.
    """

    model: ModelConfig
    labels: list[str]
    display_names: dict[str, str]
    temperature: float = 1.0
    threshold: float = 0.9
    thresholds: dict[int, float] = field(default_factory=dict)
    max_windows: int = 8
    preset: str = ""
    training: dict[str, Any] = field(default_factory=dict)
    base: str = ""
    base_gate: float = 1.0
    plaintext_gate: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "preset": self.preset,
            "labels": self.labels,
            "display_names": self.display_names,
            "max_tokens": self.model.max_tokens,
            "max_windows": self.max_windows,
            "temperature": self.temperature,
            "threshold": self.threshold,
            "thresholds_by_lines": {str(lines): value for lines, value in sorted(self.thresholds.items())},
            **({"base": self.base_settings()} if self.base else {}),
            "model": self.model.to_dict(),
            "training": self.training,
            "versions": _versions(),
        }

    def base_settings(self) -> dict[str, Any]:
        return {"artifact": self.base, "gate": self.base_gate, "plaintext_gate": self.plaintext_gate}

    def threshold_for(self, lines: int) -> float:
        """The confidence a text of `lines` lines needs before it switches an editor."""
        return threshold_for_lines(self.thresholds, self.threshold, lines)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ArtifactConfig:
        model = ModelConfig.from_dict(values["model"])
        labels = list(values["labels"])
        base = dict(values.get("base", {}))
        if len(labels) != model.n_labels:
            raise ValueError(f"{len(labels)} labels but the model has {model.n_labels} outputs")
        return cls(
            model=model,
            labels=labels,
            display_names=dict(values.get("display_names", {})),
            temperature=float(values.get("temperature", 1.0)),
            threshold=float(values.get("threshold", 0.9)),
            thresholds={int(lines): float(value) for lines, value in values.get("thresholds_by_lines", {}).items()},
            max_windows=int(values.get("max_windows", 8)),
            preset=str(values.get("preset", "")),
            training=dict(values.get("training", {})),
            base=str(base.get("artifact", "")),
            base_gate=float(base.get("gate", 1.0)),
            plaintext_gate=float(base.get("plaintext_gate", 1.0)),
        )


def threshold_for_lines(thresholds: dict[int, float], longer: float, lines: int) -> float:
    """The threshold of the shortest tuned length that holds `lines` lines, `longer` beyond
    the longest: the one rule for which threshold applies to a text."""
    for most, value in sorted(thresholds.items()):
        if lines <= most:
            return value
    return longer


def describe_thresholds(thresholds: dict[int, float], longer: float) -> str:
    """`<=1: 0.957, <=3: 0.838, ..., longer: 0.540`: the confidence each snippet length needs."""
    parts = [f"<={lines}: {value:.3f}" for lines, value in sorted(thresholds.items())]
    return ", ".join([*parts, f"longer: {longer:.3f}"])


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        own = version("langsniff")
    except PackageNotFoundError:
        own = "unknown"
    return {
        "langsniff": own,
        "torch": torch.__version__,
        "tokenizers": tokenizers.__version__,
        "python": platform.python_version(),
    }


def save_artifact(
    folder: str | Path,
    encoder: Encoder,
    config: ArtifactConfig,
    tokenizer: Tokenizer,
    metrics: dict[str, Any] | None = None,
    half: bool = False,
) -> Path:
    """Write the artifact folder; `half` stores weights as float16 to halve its size."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dtype = torch.float16 if half else torch.float32
    weights = {name: tensor.detach().to(dtype).contiguous() for name, tensor in encoder.state_dict().items()}
    save_file(weights, str(folder / WEIGHTS), metadata={"format": "langsniff", "dtype": str(dtype)})
    (folder / WEIGHTS).chmod(0o644)  # safetensors creates it private; the artifact ships to others
    save_tokenizer(tokenizer, folder / TOKENIZER)
    write_json(folder / CONFIG, config.to_dict())
    write_json(folder / METRICS, metrics or {})
    return folder


def write_json(path: Path, values: dict[str, Any]) -> None:
    """Write JSON atomically enough for our use: a temporary file renamed over the target."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(values, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    temporary.replace(path)


def read_json(path: Path) -> dict[str, Any]:
    """Read a JSON object, raising ArtifactError naming the file when it is missing or broken."""
    if not path.is_file():
        raise ArtifactError(f"{path}: missing (an artifact folder needs {CONFIG}, {WEIGHTS}, {TOKENIZER})")
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArtifactError(f"{path}: unreadable JSON ({error})") from error
    if not isinstance(values, dict):
        raise ArtifactError(f"{path}: expected a JSON object")
    return values


def load_config(folder: str | Path) -> ArtifactConfig:
    """An artifact's config alone (labels, thresholds, model shape), without its weights."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ArtifactError(f"{folder}: no such artifact folder (shipped models: {', '.join(SHIPPED_MODELS)})")
    try:
        return ArtifactConfig.from_dict(read_json(folder / CONFIG))
    except (KeyError, TypeError, ValueError) as error:
        raise ArtifactError(f"{folder / CONFIG}: invalid model config ({error})") from error


def base_folder(folder: str | Path, config: ArtifactConfig) -> Path:
    """The folder of the artifact `config` defers to: relative to `folder`, else a shipped model."""
    relative = Path(folder) / config.base
    if relative.is_dir() or config.base not in SHIPPED_MODELS:
        return relative
    return SHIPPED_DIR / config.base


def tokenizer_path(folder: Path, config: ArtifactConfig) -> Path:
    """The artifact's `tokenizer.json`; an artifact with a base may leave it out and share the base's."""
    own = folder / TOKENIZER
    return base_folder(folder, config) / TOKENIZER if config.base and not own.is_file() else own


def load_artifact(folder: str | Path) -> tuple[Encoder, ArtifactConfig, Tokenizer]:
    """Rebuild the encoder (float32, eval mode), its config and its tokenizer from a folder."""
    folder = Path(folder)
    config = load_config(folder)
    tokenizer_file = tokenizer_path(folder, config)
    try:
        tokenizer = load_tokenizer(tokenizer_file)
    except ValueError as error:
        raise ArtifactError(str(error)) from error
    if tokenizer.get_vocab_size() > config.model.vocab_size:
        raise ArtifactError(f"{tokenizer_file}: vocabulary larger than the model's ({config.model.vocab_size})")
    weights_path = folder / WEIGHTS
    if not weights_path.is_file():
        raise ArtifactError(f"{weights_path}: missing")
    try:
        weights = load_file(str(weights_path))
    except Exception as error:  # safetensors raises its own SafetensorError for corrupt files
        raise ArtifactError(f"{weights_path}: corrupt or not a safetensors file ({error})") from error
    encoder = Encoder(config.model)
    try:
        encoder.load_state_dict({name: tensor.float() for name, tensor in weights.items()})
    except RuntimeError as error:
        raise ArtifactError(f"{weights_path}: weights do not match {CONFIG} ({error})") from error
    encoder.eval()
    return encoder, config, tokenizer
