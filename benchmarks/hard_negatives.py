"""Issue 9: how often a model would switch a tab wrongly on text that is not code it knows.

    python -m benchmarks.hard_negatives [--model MODEL ...] [--corpus DIR] [--logs DIR] [--per-set N] [--json FILE]

Seven sets, each at 1/3/5/10/20-line windows and whole files:
- logs: real logs of other programs than the training logs (benchmarks/data/logs: apt,
  dpkg, npm, pytest, code-server, a JDK test summary ...);
- config: the test split's JSON, YAML, TOML and INI texts;
- prose: the test split's plaintext;
- other languages: the test split's code in every other language that is not a dialect of
  one of the nine (Go, Rust, C#, shell ...), evenly by language;
- dialects: the test split's TypeScript, SCSS, Less, Vue, XML, Objective-C and PHP, evenly
  by language; a nine-label model that answers JavaScript for TypeScript is wrong, but
  less wrong than one that answers it for Go, so they are counted apart;
- mixed HTML: the test split's HTML files with inline `<script>` or `<style>`, and windows
  of them that hold such a tag.
- embedded code: windows of the test split's HTML pages, Vue components and Markdown docs
  cut from inside a `<script>` or `<style>` block or a fence, so JavaScript, CSS, Python
  (datasets/embedded.py); a model that reads a page's jQuery as HTML switches wrongly.
A text's expected answer is its own label when the model knows it and plaintext when it
does not (a model that cannot name YAML should leave a YAML note alone). A *wrong switch*
is an answer at or above the model's threshold that names another language; a *right
switch* is one that names the expected language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from langsniff.datasets.corpus import corpus_dir, load_eval_set, load_split
from langsniff.datasets.eval_sets import build_eval_set
from langsniff.datasets.labels import ORIGINAL_LABELS, PLAINTEXT
from langsniff.datasets.loaders import load_folder
from langsniff.datasets.paths import cache_dir
from langsniff.datasets.records import Record
from langsniff.model.classifier import Classifier
from langsniff.model.evaluation import LENGTHS, predict_all, sample, set_name
from langsniff.model.shipped import DEFAULT_ARTIFACT, MODEL_HELP, artifact_path

from benchmarks.output import publish
from benchmarks.report import markdown_table

LOGS = Path(__file__).resolve().parent / "data" / "logs"
CONFIG_LABELS = ("json", "yaml", "toml", "ini")
MIXED_TAGS = ("<script", "</script>", "<style", "</style>")
DIALECTS = ("typescript", "scss", "less", "vue", "xml", "objective-c", "php")
EMBEDDING = ("html", "vue", "markdown")
SETS = ("logs", "config", "prose", "other languages", "dialects", "mixed HTML", "embedded code")
RIGHT_TOO = ("mixed HTML", "embedded code")
NOT_OTHER = {*ORIGINAL_LABELS, *CONFIG_LABELS, *DIALECTS, "log"}


def evenly(windows: Sequence[Record], labels: Sequence[str], total: int, seed: int) -> list[Record]:
    """About `total` windows split evenly between `labels`, a seeded choice within each."""
    each = max(1, total // len(labels)) if labels else 0
    return [row for label in labels for row in sample([r for r in windows if r.label == label], each, seed)]


def is_mixed_html(text: str) -> bool:
    """Whether an HTML text holds an inline script or style tag."""
    lowered = text.lower()
    return any(tag in lowered for tag in MIXED_TAGS)


def hard_sets(corpus: Path, logs: Path, per_set: int, seed: int = 0) -> dict[str, dict[str, list[Record]]]:
    """Set -> length name -> texts, at most `per_set` of each, seeded."""
    log_files = [record for record in load_folder(logs) if record.label == "log"]
    test = load_split(corpus, "test")
    mixed_files = [r for r in test if r.label == "html" and is_mixed_html(r.code)]
    embedding_files = [r for r in test if r.label in EMBEDDING]
    sets: dict[str, dict[str, list[Record]]] = {name: {} for name in SETS}
    for length in LENGTHS:
        name = set_name(length)
        windows = load_eval_set(corpus, "test", length)
        others = sorted({r.label for r in windows} - NOT_OTHER)
        mixed = [r for r in build_eval_set(mixed_files, length, seed, 10 * per_set) if is_mixed_html(r.code)]
        sets["logs"][name] = sample(build_eval_set(log_files, length, seed, per_set), per_set, seed)
        sets["config"][name] = evenly(windows, CONFIG_LABELS, per_set, seed)
        sets["prose"][name] = sample([r for r in windows if r.label == PLAINTEXT], per_set, seed)
        sets["other languages"][name] = evenly(windows, others, per_set, seed)
        sets["dialects"][name] = evenly(windows, DIALECTS, per_set, seed)
        sets["mixed HTML"][name] = sample(mixed, per_set, seed)
        embedded = [r for r in build_eval_set(embedding_files, length, seed, 10 * per_set) if r.label not in EMBEDDING]
        sets["embedded code"][name] = sample(embedded, per_set, seed)
    return sets


def switch_rates(classifier: Classifier, records: Sequence[Record]) -> dict[str, float | int]:
    """n, and the shares of wrong and right switches (see the module's docstring)."""
    if not records:
        return {"n": 0, "wrong": 0.0, "right": 0.0}
    known = set(classifier.labels)
    predicted, _, sure = predict_all(classifier, records)
    wrong = right = 0
    for record, guess, ok in zip(records, predicted, sure):
        expected = record.label if record.label in known else PLAINTEXT
        if ok and guess != PLAINTEXT:
            right += guess == expected
            wrong += guess != expected
    return {"n": len(records), "wrong": wrong / len(records), "right": right / len(records)}


def measure(models: Sequence[Path], corpus: Path, logs: Path, per_set: int) -> dict:
    sets = hard_sets(corpus, logs, per_set)
    results = {}
    for folder in models:
        classifier = Classifier.load(folder, threads=2)
        results[str(folder)] = {
            kind: {name: switch_rates(classifier, rows) for name, rows in by_length.items()}
            for kind, by_length in sets.items()
        }
    return {"per_set": per_set, "models": results}


def render(measured: dict) -> str:
    """One row per set and model (named by its folder): wrong switches in % by snippet length,
    and for mixed HTML and embedded code also right switches; then the number of texts."""
    names = [set_name(length) for length in LENGTHS]
    models = measured["models"]
    rows = []
    for kind in SETS:
        for model, by_kind in models.items():
            for switch in ("wrong", "right") if kind in RIGHT_TOO else ("wrong",):
                cells = [f"{100 * by_kind[kind][n][switch]:.1f}" for n in names]
                rows.append([f"{kind}, {Path(model).name}: {switch}", *cells])
    first = next(iter(models.values()))
    rows += [[f"texts: {kind}", *[str(first[kind][n]["n"]) for n in names]] for kind in SETS]
    return markdown_table(["switches (%)", *names], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model",
        type=artifact_path,
        action="append",
        default=None,
        help=f"{MODEL_HELP} (repeat to compare; default: default)",
    )
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: <cache>/corpus)")
    parser.add_argument("--logs", type=Path, default=LOGS, help=f"folder of held-out .log files (default: {LOGS})")
    parser.add_argument("--per-set", type=int, default=200, help="texts per set and length (default: 200)")
    parser.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    args = parser.parse_args(argv)
    measured = measure(
        args.model or [DEFAULT_ARTIFACT], args.corpus or corpus_dir(cache_dir()), args.logs, args.per_set
    )
    return publish(measured, render(measured), args.json)


if __name__ == "__main__":
    sys.exit(main())
