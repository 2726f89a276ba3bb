"""Issue 8: a model that knows more languages must not lose accuracy on the ones it knew.

    python -m benchmarks.label_growth --old MODEL [--new MODEL] [--corpus DIR] [--per-label N] [--json FILE]

Both artifacts read the same test windows of the labels the old one knows, at every snippet
length; an answer with a label the old model did not have counts as wrong. Then the new
artifact on every label (accuracy by length) and on the hard pairs: accuracy on the rows of
the pair's labels, and how often it answered another label of the same pair.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from langsniff.datasets.corpus import corpus_dir, load_eval_set
from langsniff.datasets.eval_sets import per_label_sample
from langsniff.datasets.paths import cache_dir
from langsniff.datasets.records import Record
from langsniff.model.classifier import Classifier
from langsniff.model.evaluation import LENGTHS, predict_all, set_name
from langsniff.model.shipped import DEFAULT_ARTIFACT, MODEL_HELP, artifact_path

from benchmarks.output import publish

HARD_PAIRS: tuple[tuple[str, ...], ...] = (
    ("c", "cpp", "objective-c"),
    ("javascript", "typescript"),
    ("css", "scss", "less"),
    ("json", "javascript"),
    ("ini", "toml"),
    ("shellscript", "bat", "powershell"),
    ("html", "xml", "vue"),
    ("markdown", "plaintext"),
)
Answers = dict[str, list[tuple[str, str]]]  # set name -> (truth, answer) per window


def answers(classifier: Classifier, sets: dict[str, list[Record]]) -> Answers:
    """What the classifier answers for every window, set by set."""
    result = {}
    for name, records in sets.items():
        predicted, _, _ = predict_all(classifier, records)
        result[name] = [(record.label, guess) for record, guess in zip(records, predicted)]
    return result


def accuracy(pairs: Sequence[tuple[str, str]], labels: set[str] | None = None) -> float | None:
    """Share of right answers among the windows whose truth is in `labels` (all when None)."""
    rows = [(truth, guess) for truth, guess in pairs if labels is None or truth in labels]
    return sum(truth == guess for truth, guess in rows) / len(rows) if rows else None


def within_pair_confusion(pairs: Sequence[tuple[str, str]], group: Sequence[str]) -> float | None:
    """Share of the group's windows answered as another label of the same group."""
    rows = [(truth, guess) for truth, guess in pairs if truth in group]
    if not rows:
        return None
    return sum(guess in group and guess != truth for truth, guess in rows) / len(rows)


def sample_windows(
    windows: dict[str, list[Record]], old_labels: set[str], new_labels: set[str], per_label: int, seed: int
) -> tuple[dict[str, list[Record]], dict[str, list[Record]]]:
    """Per set, the sampled windows of the old labels, and those plus the added labels' windows:
    both models are judged on the old labels over exactly the same windows."""
    shared = {name: per_label_sample(rows, old_labels, per_label, seed) for name, rows in windows.items()}
    added = {name: per_label_sample(rows, new_labels - old_labels, per_label, seed) for name, rows in windows.items()}
    return shared, {name: shared[name] + added[name] for name in windows}


def measure(old: Path, new: Path, corpus: Path, per_label: int, seed: int = 0) -> dict:
    old_model, new_model = Classifier.load(old, threads=2), Classifier.load(new, threads=2)
    windows = {set_name(length): load_eval_set(corpus, "test", length) for length in LENGTHS}
    old_labels, new_labels = set(old_model.labels), set(new_model.labels)
    shared, every = sample_windows(windows, old_labels, new_labels, per_label, seed)
    old_answers, new_answers = answers(old_model, shared), answers(new_model, every)
    return {
        "old": {"artifact": str(old), "labels": old_model.labels},
        "new": {"artifact": str(new), "labels": new_model.labels},
        "per_label": per_label,
        "original": {
            name: {"old": accuracy(old_answers[name]), "new": accuracy(new_answers[name], old_labels)}
            for name in windows
        },
        "by_label": {
            label: {name: accuracy(new_answers[name], {label}) for name in windows} for label in new_model.labels
        },
        "pairs": {
            "/".join(group): {
                name: {
                    "accuracy": accuracy(new_answers[name], set(group)),
                    "confused_within": within_pair_confusion(new_answers[name], group),
                }
                for name in windows
            }
            for group in HARD_PAIRS
            if set(group) <= new_labels
        },
    }


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render(measured: dict) -> str:
    names = list(measured["original"])
    header = "| | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names)
    old_n, new_n = len(measured["old"]["labels"]), len(measured["new"]["labels"])
    original = [
        f"Labels the {old_n}-label model knows, same windows (up to {measured['per_label']} per label and length):",
        "",
        header,
    ]
    for key, title in (("old", f"old ({old_n} labels)"), ("new", f"new ({new_n} labels)")):
        original.append(f"| {title} | " + " | ".join(_cell(measured["original"][n][key]) for n in names) + " |")
    deltas = []
    for n in names:
        old, new = measured["original"][n]["old"], measured["original"][n]["new"]
        deltas.append("-" if old is None or new is None else f"{100 * (new - old):+.1f}")
    original.append("| change (points) | " + " | ".join(deltas) + " |")
    by_label = ["", f"The {new_n}-label model, accuracy by label and snippet length:", "", header]
    for label, row in measured["by_label"].items():
        by_label.append(f"| {label} | " + " | ".join(_cell(row[n]) for n in names) + " |")
    pairs = ["", "Hard pairs: accuracy on the pair's windows / share answered as the other member:", "", header]
    for group, row in measured["pairs"].items():
        cells = [f"{_cell(row[n]['accuracy'])} / {_cell(row[n]['confused_within'])}" for n in names]
        pairs.append(f"| {group} | " + " | ".join(cells) + " |")
    return "\n".join(original + by_label + pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=artifact_path, required=True, help=f"the model with fewer labels: {MODEL_HELP}")
    parser.add_argument(
        "--new", type=artifact_path, default=DEFAULT_ARTIFACT, help="the grown model, in the same forms (default: default)"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: <cache>/corpus)")
    parser.add_argument("--per-label", type=int, default=100, help="test windows per label and length (0: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    args = parser.parse_args(argv)
    measured = measure(args.old, args.new, args.corpus or corpus_dir(cache_dir()), args.per_label)
    return publish(measured, render(measured), args.json)


if __name__ == "__main__":
    sys.exit(main())
