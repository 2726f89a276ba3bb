"""Presenting an evaluation: Markdown tables for the terminal and README, PNG plots.

Matplotlib is imported only when a plot is drawn, with the Agg backend (no display).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def by_set_table(report: dict[str, Any]) -> str:
    """One row per evaluation set: accuracy, calibration, coverage at 97% precision, prose triggers."""
    lines = [
        "| set | n | accuracy | coverage@97% | confidence@97% | ECE | answered at the artifact's thresholds "
        "| precision when answered | prose triggers |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in report["by_set"].items():
        prose = f"{s['prose_trigger_rate']:.3f} (n={s['prose_n']})" if s["prose_n"] else "-"
        lines.append(
            f"| {name} | {s['n']} | {s['accuracy']:.3f} | {s['coverage_at_97']:.3f} | {s['confidence_at_97']:.3f} "
            f"| {s['ece']:.3f} | {s['answered_at_threshold']:.3f} | {s['precision_at_threshold']:.3f} | {prose} |"
        )
    return "\n".join(lines)


def per_label_table(report: dict[str, Any]) -> str:
    lines = ["| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, s in report["per_label"].items():
        lines.append(f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    return "\n".join(lines)


def confusion_table(report: dict[str, Any]) -> str:
    """Rows: true label; columns: predicted label."""
    labels = report["labels"]
    width = max(len(label) for label in labels) + 1
    header = "true\\pred".ljust(width) + "".join(label[:6].rjust(7) for label in labels)
    rows = [
        label.ljust(width) + "".join(str(count).rjust(7) for count in row)
        for label, row in zip(labels, report["confusion"])
    ]
    return "\n".join([header, *rows])


def plot_confusion(report: dict[str, Any], path: Path) -> None:
    """The pooled confusion matrix, row-normalised, as a PNG heat map."""
    plt = _pyplot()
    labels, counts = report["labels"], report["confusion"]
    shares = [[count / max(1, sum(row)) for count in row] for row in counts]
    figure, axes = plt.subplots(figsize=(7, 6))
    image = axes.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("true")
    for i, row in enumerate(counts):
        for j, count in enumerate(row):
            if count:
                axes.text(
                    j,
                    i,
                    str(count),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if shares[i][j] > 0.5 else "black",
                )
    figure.colorbar(image, ax=axes, label="share of the true label")
    axes.set_title("Confusion matrix (all sets pooled)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_by_set(report: dict[str, Any], path: Path) -> None:
    """Accuracy and coverage at 97% precision per set (snippet length), as a PNG line plot."""
    plt = _pyplot()
    names = list(report["by_set"])
    figure, axes = plt.subplots(figsize=(7, 4))
    for key, title in (("accuracy", "accuracy"), ("coverage_at_97", "coverage at 97% precision")):
        axes.plot(names, [report["by_set"][name][key] for name in names], marker="o", label=title)
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("snippet length")
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title("Accuracy by snippet length")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
