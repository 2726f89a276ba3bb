"""Runs one detector over every evaluation set and scores each of its variants."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from .detectors.base import Detector
from .evalsets import EvalSet
from .scoring import Latency, Score, latency, score

WARMUP_SNIPPETS = 5


@dataclass
class DetectorRun:
    """Everything measured for one detector in one run."""

    name: str
    version: str
    note: str
    variants: tuple[str, ...]
    startup_s: float
    peak_rss_mb: float = float("nan")
    latency: Latency = Latency(float("nan"), float("nan"))
    latency_by_set: dict[str, Latency] = field(default_factory=dict)
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # variant -> set name -> score
    failures: int = 0


def run_detector(detector: Detector, sets: list[EvalSet]) -> DetectorRun:
    """Warm up, then detect every snippet of every set once; times are the worker's own."""
    run = DetectorRun(detector.name, detector.version, detector.note, detector.variants, detector.startup_s)
    warmup = [record.code for eval_set in sets for record in eval_set.records][:WARMUP_SNIPPETS]
    for code in warmup:
        detector.detect(code)
    all_times: list[float] = []
    for eval_set in sets:
        started = time.perf_counter()
        times: list[float] = []
        verdicts: dict[str, list] = {variant: [] for variant in detector.variants}
        for record in eval_set.records:
            answer = detector.detect(record.code)
            times.append(answer.ms)
            for variant, verdict in detector.verdicts(answer).items():
                verdicts[variant].append(verdict)
        truths = [record.label for record in eval_set.records]
        for variant, found in verdicts.items():
            run.scores.setdefault(variant, {})[eval_set.name] = score(truths, found)
        run.latency_by_set[eval_set.name] = latency(times)
        all_times.extend(times)
        accuracy = run.scores[detector.variants[0]][eval_set.name].accuracy
        print(f"  {detector.name} {eval_set.name}: {len(times)} snippets, accuracy {accuracy:.3f}, "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    run.latency = latency(all_times)
    run.peak_rss_mb = detector.peak_rss_mb()
    return run
