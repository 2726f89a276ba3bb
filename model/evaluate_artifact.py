"""`langsniff eval`: score an artifact on the test windows or on given data, report and record it.

Writes `metrics.json`, `confusion.png` and `accuracy_by_length.png` to the output folder,
prints the tables, and records a summary under `evaluations` in the artifact's own
`metrics.json` (what it scored, on which data) when that folder is writable.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from langsniff.datasets.corpus import load_eval_set
from langsniff.datasets.errors import DataError
from langsniff.datasets.loaders import load_any
from langsniff.datasets.records import Record
from langsniff.model.artifact import METRICS, describe_thresholds, read_json, write_json
from langsniff.model.classifier import Classifier
from langsniff.model.prediction import ArtifactError
from langsniff.model.evaluation import LENGTHS, evaluate, sample, set_name, windows_of
from langsniff.model.report import by_set_table, confusion_table, per_label_table, plot_by_set, plot_confusion

log = logging.getLogger(__name__)
SUMMARY_KEYS = ("n", "accuracy", "coverage_at_97", "confidence_at_97", "ece", "prose_trigger_rate")


def evaluation_sets(
    data: Path | None, corpus: Path, split: str, limit: int, known: set[str] | None = None
) -> tuple[str, dict[str, list[Record]]]:
    """A name for the data and its sets: the corpus's windows per length, or the given
    records as they are (`given`) and cut to each length. With `known`, only texts of
    those labels (a model is scored on the languages it knows; the others are logged)."""
    if data is None:
        sets = {set_name(length): load_eval_set(corpus, split, length) for length in LENGTHS}
        name = f"corpus-{split}"
    else:
        records = list(load_any(data))
        sets = {"given": records, **{set_name(n): windows_of(records, n) for n in LENGTHS if n is not None}}
        name = data.stem if data.is_file() else data.name
    if known is not None:
        unknown = Counter(r.label for records in sets.values() for r in records if r.label not in known)
        if unknown:
            log.warning("left out texts of labels the model does not know: %s", dict(sorted(unknown.items())))
        sets = {key: [r for r in records if r.label in known] for key, records in sets.items()}
    if not any(sets.values()):
        raise DataError(f"nothing to evaluate in {data or corpus}")
    return name, {key: sample(records, limit) for key, records in sets.items() if records}


def run_evaluation(
    artifact: Path, *, data: Path | None, corpus: Path, split: str, limit: int, out: Path | None
) -> dict[str, Any]:
    """Score, print, plot, write; returns the full report."""
    classifier = Classifier.load(artifact)
    name, sets = evaluation_sets(data, corpus, split, limit, known=set(classifier.labels))
    report = evaluate(classifier, sets)
    report["data"] = str(data or corpus)
    out = out or Path("runs") / "eval" / artifact.resolve().name / name
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "metrics.json", report)
    plot_confusion(report, out / "confusion.png")
    plot_by_set(report, out / "accuracy_by_length.png")
    print(
        f"{name}: accuracy {report['accuracy']:.4f} over {sum(len(s) for s in sets.values())} texts "
        f"(thresholds by lines {describe_thresholds(classifier.config.thresholds, classifier.threshold)})\n"
    )
    print(by_set_table(report), "\n")
    print(per_label_table(report), "\n")
    print(confusion_table(report), "\n")
    print(f"wrote {out / 'metrics.json'}, {out / 'confusion.png'}, {out / 'accuracy_by_length.png'}")
    _record(artifact, name, report)
    return report


def _record(artifact: Path, name: str, report: dict[str, Any]) -> None:
    summary = {
        "data": report["data"],
        "accuracy": report["accuracy"],
        "by_set": {key: {k: s[k] for k in SUMMARY_KEYS} for key, s in report["by_set"].items()},
    }
    try:
        metrics = read_json(artifact / METRICS)
        metrics.setdefault("evaluations", {})[name] = summary
        write_json(artifact / METRICS, metrics)
    except (OSError, ArtifactError):
        print(f"note: {artifact} is not writable; the summary was not recorded in its {METRICS}")
