"""Runs the detectors over every evaluation set and scores each of their variants.

Each variant is scored on every set whole, and on subsets of its rows (`subsets`): the rows
of the ten original labels, and for each detector the rows whose label it can name, so
langsniff is scored on exactly the rows each rival is scored on.

All detectors run side by side, snippet by snippet (each snippet goes to every detector in
turn), so a busy moment on a shared machine slows them all alike and latencies compare.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .answers import snippet_key
from .detectors.base import Answer, Detector, Verdict
from .detectors.names import ORIGINAL, known_scope, original_labels
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
    known: list[str] = field(default_factory=list)  # our labels it can name at all
    # scope (ORIGINAL, or known_scope(detector)) -> variant -> set name -> score on those rows only
    subsets: dict[str, dict[str, dict[str, Score]]] = field(default_factory=dict)


def scopes(detectors: Sequence[Detector]) -> dict[str, frozenset[str]]:
    """The row subsets every variant is also scored on: the ten original labels, and each detector's known labels."""
    ours = detectors[0].names.ours if detectors else frozenset()
    return {ORIGINAL: original_labels(ours), **{known_scope(d.name): d.known for d in detectors}}


def score_subsets(
    truths: Sequence[str], verdicts: Sequence[Verdict], subsets: Mapping[str, Collection[str]]
) -> dict[str, Score]:
    """The score on the rows whose true label is in each subset (per-label recall is the whole set's)."""
    found = {}
    for scope, labels in subsets.items():
        rows = [(truth, verdict) for truth, verdict in zip(truths, verdicts) if truth in labels]
        found[scope] = dataclasses.replace(score([t for t, _ in rows], [v for _, v in rows]), recall={})
    return found


def run_all(
    detectors: Sequence[Detector], sets: Sequence[EvalSet]
) -> tuple[list[DetectorRun], list[dict[str, Answer]]]:
    """Warm each detector up, then give every snippet of every set to each; times are the workers' own.

    Returns the scored runs and, per detector, its raw answers by snippet key (for --reuse).
    """
    runs = [DetectorRun(d.name, d.version, d.note, d.variants, d.startup_s, known=sorted(d.known)) for d in detectors]
    subsets = scopes(detectors)
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
                answer = detector.detect(record.code, record.source)
                answers[index][key] = answer
                times[index].append(answer.ms)
                for variant, verdict in detector.verdicts(answer).items():
                    verdicts[index][variant].append(verdict)
        truths = [record.label for record in eval_set.records]
        for index, run in enumerate(runs):
            for variant, found in verdicts[index].items():
                run.scores.setdefault(variant, {})[eval_set.name] = score(truths, found)
                for scope, result in score_subsets(truths, found, subsets).items():
                    run.subsets.setdefault(scope, {}).setdefault(variant, {})[eval_set.name] = result
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
