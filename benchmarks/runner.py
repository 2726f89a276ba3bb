"""Runs the detectors over every evaluation set and scores each of their variants.

All detectors run side by side, snippet by snippet (each snippet goes to every detector in
turn), so a busy moment on a shared machine slows them all alike and latencies compare.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from .answers import snippet_key
from .detectors.base import Answer, Detector, Verdict
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
    latency: Latency = field(default_factory=lambda: Latency(float("nan"), float("nan")))
    latency_by_set: dict[str, Latency] = field(default_factory=dict)
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # variant -> set name -> score
    replayed_from: str = ""  # when its answers were replayed from an earlier run (--reuse)


def run_all(
    detectors: Sequence[Detector], sets: Sequence[EvalSet]
) -> tuple[list[DetectorRun], list[dict[str, Answer]]]:
    """Warm each detector up, then give every snippet of every set to each; times are the workers' own.

    Returns the scored runs and, per detector, its raw answers by snippet key (for --reuse).
    """
    runs = [DetectorRun(d.name, d.version, d.note, d.variants, d.startup_s) for d in detectors]
    answers: list[dict[str, Answer]] = [{} for _ in detectors]
    warmup = [record.code for eval_set in sets for record in eval_set.records][:WARMUP_SNIPPETS]
    for detector in detectors:
        for code in warmup:
            detector.detect(code)
    all_times: list[list[float]] = [[] for _ in detectors]
    for eval_set in sets:
        started = time.perf_counter()
        times: list[list[float]] = [[] for _ in detectors]
        verdicts: list[dict[str, list[Verdict]]] = [{v: [] for v in d.variants} for d in detectors]
        for record in eval_set.records:
            key = snippet_key(record.code)
            for index, detector in enumerate(detectors):
                answer = detector.detect(record.code)
                answers[index][key] = answer
                times[index].append(answer.ms)
                for variant, verdict in detector.verdicts(answer).items():
                    verdicts[index][variant].append(verdict)
        truths = [record.label for record in eval_set.records]
        for index, run in enumerate(runs):
            for variant, found in verdicts[index].items():
                run.scores.setdefault(variant, {})[eval_set.name] = score(truths, found)
            run.latency_by_set[eval_set.name] = latency(times[index])
            all_times[index].extend(times[index])
        accuracies = ", ".join(f"{run.name} {run.scores[run.variants[0]][eval_set.name].accuracy:.3f}" for run in runs)
        print(
            f"  {eval_set.name} ({len(truths)} snippets, {time.perf_counter() - started:.0f} s): {accuracies}",
            file=sys.stderr,
            flush=True,
        )
    for run, detector, times_ms in zip(runs, detectors, all_times):
        run.latency = latency(times_ms)
        run.peak_rss_mb = detector.peak_rss_mb()
        run.startup_s = detector.startup_s  # a replayed detector may have started for new snippets
        run.replayed_from = getattr(detector, "replayed_from", "")
    return runs, answers
