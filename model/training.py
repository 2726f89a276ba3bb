"""Training a preset on the corpus and writing its artifact folder.

AdamW with warm-up and cosine decay, gradient clipping, balanced snippet batches batched
by length, validation on the corpus's fixed-length validation windows every "epoch"
(`steps_per_epoch` steps), the best model kept as the artifact, resumable from
`<out>/checkpoint/`. A budget in minutes drives the schedule by elapsed time (so it is
not bit-reproducible across machines); a budget in epochs is.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from tqdm import tqdm

from langsniff.datasets.corpus import load_eval_set, load_split
from langsniff.datasets.eval_sets import per_label_sample
from langsniff.datasets.errors import DataError
from langsniff.datasets.labels import LABELS, PLAINTEXT, display_name
from langsniff.datasets.records import Record
from langsniff.model.artifact import (
    CONFIG,
    METRICS,
    TOKENIZER,
    WEIGHTS,
    ArtifactConfig,
    base_folder,
    load_artifact,
    load_config,
    read_json,
    save_artifact,
    write_json,
)
from langsniff.model.checkpoint import has_checkpoint, load_checkpoint, save_checkpoint
from langsniff.model.classifier import Classifier, load_base
from langsniff.model.config import ModelConfig, TrainConfig, preset
from langsniff.model.encoder import Encoder
from langsniff.model.evaluation import LENGTHS, evaluate, sample, set_name
from langsniff.model.inputs import WindowEncoder
from langsniff.model.sampling import SnippetSampler
from langsniff.model.tuning import fit_base_gates, tune
from langsniff.tokenizer import build_tokenizer, load_tokenizer, save_tokenizer

TOKENIZER_TEXT_BUDGET = 40_000_000  # characters of training text the BPE is learned from


@dataclass
class TrainRequest:
    """What `langsniff train` asks for."""

    preset: str
    out: Path
    corpus: Path
    minutes: float | None = None
    epochs: int | None = None
    resume: bool = False
    init: Path | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    half: bool = False
    progress: bool = True


def configure(name: str, overrides: dict[str, str]) -> tuple[ModelConfig, TrainConfig]:
    """Preset, then `KEY=VALUE` overrides onto whichever config has that key; unknown keys rejected."""
    model, train = preset(name)
    model_types = {f.name: f.type for f in fields(ModelConfig)}
    train_types = {f.name: f.type for f in fields(TrainConfig)}
    for key, raw in overrides.items():
        if key in train_types:
            train = replace(train, **{key: _parse(raw, getattr(train, key))})
        elif key in model_types:
            model = replace(model, **{key: _parse(raw, getattr(model, key))})
        else:
            raise ValueError(f"unknown setting {key!r}")
    return model, train


def _parse(raw: str, current: Any) -> Any:
    if isinstance(current, bool):
        return raw.lower() in ("1", "true", "yes")
    return type(current)(raw)


def ordered_labels(records: list[Record]) -> list[str]:
    """The labels present in the training data, in the label table's order."""
    present = {record.label for record in records}
    return [label for label in LABELS if label in present] + sorted(present - set(LABELS))


def model_labels(records: list[Record], train: TrainConfig) -> list[str]:
    """The labels a model learns: `train.labels` (or every label in the training split),
    without the hard negatives that train as plaintext. Checks that `favour` names only these
    and that `favour_weight` is positive."""
    wanted, negatives = set(train.label_list("labels")), set(train.label_list("as_plaintext"))
    present = {record.label for record in records}
    missing = sorted((wanted | negatives) - present)
    if missing:
        raise DataError(f"no training texts of {', '.join(missing)}")
    if wanted & negatives:
        raise ValueError(f"{', '.join(sorted(wanted & negatives))}: both a label and trained as plaintext")
    chosen = [r for r in records if (not wanted or r.label in wanted) and r.label not in negatives]
    labels = ordered_labels(chosen)
    if negatives and PLAINTEXT not in labels:
        raise ValueError("as_plaintext needs plaintext among the labels")
    strangers = sorted(set(train.label_list("favour")) - set(labels))
    if strangers:
        raise ValueError(f"favour names {', '.join(strangers)}, which the model does not learn")
    if train.favour_weight <= 0:
        raise ValueError(f"favour_weight must be above 0, not {train.favour_weight}")
    return labels


def tokenizer_texts(records: list[Record], seed: int) -> list[str]:
    """A label-balanced, seeded sample of training texts for learning the BPE."""
    rng = random.Random(seed)
    shuffled = records[:]
    rng.shuffle(shuffled)
    per_label = TOKENIZER_TEXT_BUDGET // max(1, len({r.label for r in records}))
    used: dict[str, int] = {}
    texts = []
    for record in shuffled:
        if used.get(record.label, 0) < per_label:
            used[record.label] = used.get(record.label, 0) + len(record.code)
            texts.append(record.code)
    return texts


def validation_sets(
    corpus: Path, seed: int, per_set: int, labels: list[str], negatives: Sequence[str] = ()
) -> dict[str, list[Record]]:
    """The corpus's validation windows of `labels` per length, each a seeded sample of at most
    `per_set`, and up to `per_set` // 2 more of the hard negatives (texts of `negatives`,
    which train as plaintext) labelled `plaintext` when the model knows plaintext.

    Temperature and thresholds are fitted with the negatives in. A threshold is where 97% of
    the answers above it are right. Fitted on the model's own labels only, it cannot see the
    cost of switching an editor on a pasted Go function or YAML file: a run surer of its own
    labels got lower thresholds and switched other languages' code wrongly at 11% of 3-line
    windows instead of 7%. With the negatives in, such a switch counts as a wrong answer.
    Half as many as the labels' windows: other languages are pasted too, but a ten-label
    model is for the ten."""
    negatives = negatives if PLAINTEXT in labels else ()
    sets = {}
    for length in LENGTHS:
        rows = load_eval_set(corpus, "validation", length)
        own = sample([r for r in rows if r.label in labels], per_set, seed)
        others = [Record(r.code, PLAINTEXT) for r in rows if r.label in negatives]
        sets[set_name(length)] = own + sample(others, per_set // 2, seed)
    return sets


def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (elsewhere autocast would emulate it, slowly)."""
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def learning_rate(train: TrainConfig, step: int, progress: float) -> float:
    """Linear warm-up over `warmup_steps`, then cosine decay to a tenth of the peak at progress 1."""
    warm = min(1.0, (step + 1) / train.warmup_steps)
    return train.lr * warm * (0.1 + 0.9 * 0.5 * (1.0 + math.cos(math.pi * min(progress, 1.0))))


def train(request: TrainRequest) -> dict[str, Any]:
    """Train, keep the best model, calibrate it; returns the artifact's metrics."""
    if (request.minutes is None) == (request.epochs is None):
        raise ValueError("give exactly one budget: --minutes or --epochs")
    model_config, train_config = configure(request.preset, request.overrides)
    torch.manual_seed(train_config.seed)
    records = load_split(request.corpus, "train")
    if not records:
        raise DataError(f"{request.corpus}: the training split is empty")
    labels = model_labels(records, train_config)
    checkpoint = request.out / "checkpoint"
    resuming = request.resume and has_checkpoint(checkpoint)
    source = None if resuming or request.init is None else load_artifact(request.init)
    if resuming:
        tokenizer = load_tokenizer(checkpoint / "tokenizer.json")
    elif source is not None:
        tokenizer = source[2]
        check_same_shape(model_config, source[1].model, request.init)
        checkpoint.mkdir(parents=True, exist_ok=True)
        save_tokenizer(tokenizer, checkpoint / "tokenizer.json")
    else:
        tokenizer = build_tokenizer(tokenizer_texts(records, train_config.seed), train_config.vocab_size)
        checkpoint.mkdir(parents=True, exist_ok=True)
        save_tokenizer(tokenizer, checkpoint / "tokenizer.json")
    model_config = replace(model_config, vocab_size=tokenizer.get_vocab_size(), n_labels=len(labels))
    artifact = ArtifactConfig(
        model=model_config,
        labels=labels,
        display_names={label: display_name(label) for label in labels},
        preset=request.preset,
        training={
            **train_config.to_dict(),
            "corpus": str(request.corpus),
            **({"init": str(request.init)} if request.init else {}),
        },
    )
    sets = validation_sets(request.corpus, train_config.seed, train_config.validation_per_set, labels)
    loop = Loop(request, artifact, train_config, tokenizer, records, sets)
    if resuming:
        loop.resume(checkpoint)
    elif source is not None:
        warm_start(loop.encoder, source[0], source[1].labels, labels)
    loop.run()
    negatives = train_config.label_list("as_plaintext")
    tuning = validation_sets(request.corpus, train_config.seed, train_config.tuning_per_set, labels, negatives)
    return calibrate(request.out, tuning, loop.metrics(), half=request.half)


def check_same_shape(model: ModelConfig, source: ModelConfig, where: Path) -> None:
    """A warm start needs the preset's shape; only the vocabulary and the label count may differ."""
    mine = replace(model, vocab_size=0, n_labels=0)
    theirs = replace(source, vocab_size=0, n_labels=0)
    if mine != theirs:
        differing = [f.name for f in fields(ModelConfig) if getattr(mine, f.name) != getattr(theirs, f.name)]
        raise ValueError(f"{where}: its model differs from the preset's in {', '.join(differing)}; pass its --preset")


def warm_start(encoder: Encoder, source: Encoder, source_labels: list[str], labels: list[str]) -> None:
    """Copy a trained encoder into a new one: every weight, and the classifier row of each
    label both know; a label the source did not have keeps its fresh row."""
    weights = {name: tensor for name, tensor in source.state_dict().items() if not name.startswith("head.")}
    encoder.load_state_dict(weights, strict=False)
    with torch.no_grad():
        for row, label in enumerate(labels):
            if label in source_labels:
                encoder.head.weight[row] = source.head.weight[source_labels.index(label)]
                encoder.head.bias[row] = source.head.bias[source_labels.index(label)]


def retune(folder: Path, corpus: Path, per_set: int, seed: int = 0) -> dict[str, Any]:
    """Refit a saved artifact's temperature and thresholds on the corpus's validation windows
    (with the hard negatives it trained on); returns the calibration."""
    config = load_config(folder)
    negatives = TrainConfig(as_plaintext=config.training.get("as_plaintext", "")).label_list("as_plaintext")
    sets = validation_sets(corpus, seed, per_set, config.labels, negatives)
    return calibrate(folder, sets, {}, half=is_half(folder))["calibration"]


def gate_on_base(folder: Path, base: str, corpus: Path, per_label: int, seed: int = 0) -> dict[str, Any]:
    """Make the artifact in `folder` defer to `base` (stored as given: a shipped model's name or a
    path relative to `folder`) and fit its gates on `per_label` validation windows of each of
    its labels per length; the artifact is rewritten only once the fit succeeds, and shares the
    base's tokenizer when its own is the same. Returns the fit."""
    encoder, config, tokenizer = load_artifact(folder)
    config.base = base
    classifier = Classifier(encoder, config, tokenizer, base=load_base(folder, config))
    sets = {
        set_name(length): per_label_sample(load_eval_set(corpus, "validation", length), config.labels, per_label, seed)
        for length in LENGTHS
    }
    fit = fit_base_gates(classifier, sets)
    config.base_gate, config.plaintext_gate = fit["gate"], fit["plaintext_gate"]
    write_json(folder / CONFIG, config.to_dict())
    write_json(folder / METRICS, {**read_json(folder / METRICS), "gates": fit})
    own, shared = folder / TOKENIZER, base_folder(folder, config) / TOKENIZER
    if own.is_file() and own.read_bytes() == shared.read_bytes():
        own.unlink()  # the same tokenizer as the base's: share it
    return fit


def calibrate(folder: Path, sets: dict[str, list[Record]], run: dict[str, Any], half: bool) -> dict[str, Any]:
    """Fit temperature and per-length thresholds on `sets` (texts of the artifact's labels,
    from `validation_sets`), store them, score the result on them, and rewrite the artifact
    with its metrics updated by `run` (after training: the whole run's counters, which the
    kept model's saved metrics predate)."""
    encoder, config, tokenizer = load_artifact(folder)
    tuned = tune(Classifier(encoder, config, tokenizer), sets)
    config.temperature, config.threshold = tuned["temperature"], tuned["threshold"]
    config.thresholds = tuned["thresholds_by_lines"]
    metrics = {**read_json(folder / METRICS), **run}
    metrics["calibration"] = tuned
    metrics["validation"] = evaluate(Classifier(encoder, config, tokenizer), sets)
    save_artifact(folder, encoder, config, tokenizer, metrics, half=half)
    return metrics


def is_half(folder: Path) -> bool:
    """Whether an artifact stores its weights as float16."""
    with safe_open(str(folder / WEIGHTS), framework="pt") as weights:
        return weights.get_tensor(next(iter(weights.keys()))).dtype == torch.float16


class Loop:
    """The training loop's state: model, optimizer, sampler, counters, best score."""

    def __init__(self, request, artifact, train_config, tokenizer, records, sets) -> None:
        self.request, self.artifact, self.train, self.tokenizer, self.sets = (
            request,
            artifact,
            train_config,
            tokenizer,
            sets,
        )
        self.rng = random.Random(train_config.seed)
        self.encoder = Encoder(artifact.model)
        self.optimizer = torch.optim.AdamW(
            self.encoder.parameters(), lr=train_config.lr, weight_decay=train_config.weight_decay
        )
        windows = WindowEncoder(tokenizer, artifact.model.max_tokens)
        self.sampler = SnippetSampler(
            records,
            artifact.labels,
            windows,
            self.rng,
            train_config.batch_size,
            train_config.max_window_lines,
            train_config.short_window_share,
            train_config.short_window_lines,
            train_config.label_list("as_plaintext"),
            train_config.negative_share,
            train_config.label_list("favour"),
            train_config.favour_weight,
            train_config.reindent_share,
            train_config.comment_share,
        )
        self.state: dict[str, Any] = {
            "step": 0,
            "seconds": 0.0,
            "tokens": 0,
            "best": -1.0,
            "best_step": 0,
            "history": [],
        }
        self.total_steps = (request.epochs or 0) * train_config.steps_per_epoch
        self.bf16 = train_config.bf16 and native_bf16()

    def resume(self, checkpoint: Path) -> None:
        self.state = load_checkpoint(checkpoint, self.encoder, self.optimizer)
        version, internal, gauss = self.state.pop("rng")
        self.rng.setstate((version, tuple(internal), gauss))
        torch.manual_seed(self.train.seed + self.state["step"])

    def progress(self) -> float:
        if self.request.minutes is not None:
            return self.state["seconds"] / (60.0 * self.request.minutes)
        return self.state["step"] / max(1, self.total_steps)

    def run(self) -> None:
        bar = tqdm(
            total=self.total_steps or None,
            initial=self.state["step"],
            disable=not self.request.progress,
            unit="step",
            dynamic_ncols=True,
        )
        self.encoder.train()
        while self.progress() < 1.0:
            started = time.perf_counter()
            loss, tokens = self.step()
            self.state["seconds"] += time.perf_counter() - started
            self.state["tokens"] += tokens
            self.state["step"] += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss:.3f}", tok_s=f"{self.state['tokens'] / self.state['seconds']:.0f}")
            if self.state["step"] % self.train.steps_per_epoch == 0 or self.progress() >= 1.0:
                started = time.perf_counter()
                self.validate(bar, loss)
                self.state["seconds"] += time.perf_counter() - started
        bar.close()

    def step(self) -> tuple[float, int]:
        ids, keep, targets = self.sampler.next_batch()
        lr = learning_rate(self.train, self.state["step"], self.progress())
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            logits, _ = self.encoder(ids, keep)
        loss = torch.nn.functional.cross_entropy(logits.float(), targets)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.encoder.parameters(), self.train.grad_clip)
        self.optimizer.step()
        return loss.item(), int(keep.sum())

    def validate(self, bar: tqdm, loss: float) -> None:
        """Score the validation windows; keep the artifact when the mean accuracy is the best yet
        (or always, with `keep_last`: small validation sets make "best" noisy)."""
        report = evaluate(
            Classifier(self.encoder, self.artifact, self.tokenizer, threads=torch.get_num_threads()), self.sets
        )
        self.encoder.train()
        accuracy = {name: round(scores["accuracy"], 4) for name, scores in report["by_set"].items()}
        mean = sum(accuracy.values()) / len(accuracy)
        self.state["history"].append(
            {"step": self.state["step"], "loss": round(loss, 4), "mean": round(mean, 4), **accuracy}
        )
        bar.write(f"step {self.state['step']}: loss {loss:.3f} validation {mean:.4f} {accuracy}", file=sys.stderr)
        if mean > self.state["best"]:
            self.state["best"], self.state["best_step"] = mean, self.state["step"]
        if self.state["best_step"] == self.state["step"] or self.train.keep_last:
            save_artifact(
                self.request.out, self.encoder, self.artifact, self.tokenizer, self.metrics(), half=self.request.half
            )
        save_checkpoint(
            self.request.out / "checkpoint",
            self.encoder,
            self.optimizer,
            {**self.state, "rng": list(self.rng.getstate())},
        )
        write_json(self.request.out / "history.json", {"history": self.state["history"]})

    def metrics(self) -> dict[str, Any]:
        seconds = self.state["seconds"]
        return {
            "preset": self.request.preset,
            "parameters": self.encoder.num_parameters(),
            "train": {
                "steps": self.state["step"],
                "tokens": self.state["tokens"],
                "seconds": round(seconds, 1),
                "tokens_per_second": round(self.state["tokens"] / seconds) if seconds else 0,
            },
            "best_step": self.state["best_step"],
            "best_validation_mean_accuracy": self.state["best"],
        }
