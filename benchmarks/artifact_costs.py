"""What an artifact costs to ship and to run: its size on disk and its median time per snippet."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import torch

from langsniff.model.artifact import CONFIG, METRICS, TOKENIZER, WEIGHTS, base_folder, load_config
from langsniff.model.classifier import Classifier

ARTIFACT_FILES = (CONFIG, WEIGHTS, TOKENIZER, METRICS)


def artifact_bytes(folder: Path) -> int:
    """Size of the files that ship (no checkpoint, no history), with those of the base it defers to."""
    own = sum((folder / name).stat().st_size for name in ARTIFACT_FILES if (folder / name).is_file())
    config = load_config(folder)
    return own + (artifact_bytes(base_folder(folder, config)) if config.base else 0)


def median_predict_ms(classifier: Classifier, texts: list[str], runs: int, warmup: int) -> float:
    """Median milliseconds per `predict` on one thread, after `warmup` calls."""
    torch.set_num_threads(1)
    for text in texts[:warmup]:
        classifier.predict(text)
    timings = []
    for text in (texts * (runs // max(1, len(texts)) + 1))[:runs]:
        started = time.perf_counter()
        classifier.predict(text)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)
