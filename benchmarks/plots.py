"""PNG plots of the comparison: accuracy by snippet length per detector, and latency per detector."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from .evalsets import EvalSet
from .report import column_name, row_name
from .runner import DetectorRun

# The variants drawn: each detector's own answer, plus what VS Code actually switches to.
DRAWN = {"as answers", "VS Code rule"}


def accuracy_plot(path: Path, runs: Sequence[DetectorRun], sets: Sequence[EvalSet]) -> Path:
    """One panel per family of sets, accuracy against snippet length, one line per detector."""
    families = list(dict.fromkeys(s.family for s in sets))
    figure, axes = plt.subplots(1, len(families), figsize=(6 * len(families), 4.5), squeeze=False)
    for axis, family in zip(axes[0], families):
        members = [s for s in sets if s.family == family]
        ticks = [s.length_name.replace(" lines", "") for s in members]
        for run in runs:
            for variant in (v for v in run.variants if v in DRAWN):
                values = [100 * run.scores[variant][s.name].accuracy for s in members]
                style = "-" if variant == "as answers" else ":"
                width = 2.8 if run.name == "langsniff" else 1.4
                axis.plot(ticks, values, style, marker="o", linewidth=width, label=row_name(run, variant))
        axis.set_title(f"{family}: each detector as it answers ({len(members[0].records)} snippets per length)")
        axis.set_xlabel("snippet length (lines)")
        axis.set_ylabel("accuracy (%)")
        axis.set_ylim(0, 100)
        axis.grid(alpha=0.3)
    axes[0][-1].legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def latency_plot(path: Path, runs: Sequence[DetectorRun], sets: Sequence[EvalSet]) -> Path:
    """Left: median and p95 time per snippet per detector over all sets; right: median per set."""
    figure, (overall, by_set) = plt.subplots(1, 2, figsize=(13, 4.5))
    positions = range(len(runs))
    overall.bar([p - 0.2 for p in positions], [run.latency.median_ms for run in runs], width=0.4, label="median")
    overall.bar([p + 0.2 for p in positions], [run.latency.p95_ms for run in runs], width=0.4, label="p95")
    overall.set_xticks(list(positions), [run.name for run in runs], rotation=20)
    overall.set_title("Time per snippet after warm-up, all sets")
    overall.legend()
    columns = [column_name(s) for s in sets]
    for run in runs:
        width = 2.8 if run.name == "langsniff" else 1.4
        by_set.plot(
            columns, [run.latency_by_set[s.name].median_ms for s in sets], marker="o", linewidth=width, label=run.name
        )
    by_set.set_title("Median time per snippet, by evaluation set")
    by_set.tick_params(axis="x", rotation=30)
    by_set.legend(fontsize=8)
    for axis in (overall, by_set):
        axis.set_yscale("log")
        axis.set_ylabel("ms per snippet (one thread)")
        axis.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
