"""How much a model's answer depends on the style of the code it reads: indentation and comments.

    python -m benchmarks.styles [--model MODEL ...] [--corpus DIR | no-corpus] [--per-label N] [--json FILE]

The same snippets are scored as given, re-indented in tabs, two spaces and four spaces
(datasets/indentation.py), and with their comments written `//` or `/* */` where the
language has both (datasets/comments.py): with a corpus, the test split's 3- and 10-line
windows and whole files, and Linguist's samples of the same lengths (the sets of
`benchmarks.evalsets`). Pasted code comes in every style, so a detector should give the
same answer to each; the `worst` column is the lowest accuracy of them all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from langsniff.datasets.comments import BLOCK, BOTH_STYLES, LINE, restyle_comments
from langsniff.datasets.corpus import corpus_dir
from langsniff.datasets.indentation import KEEP_INDENTATION, reindent
from langsniff.datasets.paths import cache_dir
from langsniff.datasets.records import Record
from langsniff.model.classifier import Classifier
from langsniff.model.evaluation import predict_all
from langsniff.model.shipped import DEFAULT_ARTIFACT, MODEL_HELP, artifact_path

from benchmarks.evalsets import SHARED_EVAL, load_eval_sets
from benchmarks.output import publish
from benchmarks.report import markdown_table

Restyle = Callable[[Record], Record]


def reindented(unit: str) -> Restyle:
    """Re-indents a record in `unit`, but where indentation is syntax."""
    return lambda r: r if r.label in KEEP_INDENTATION else Record(reindent(r.code, unit), r.label)


def commented(style: str) -> Restyle:
    """Rewrites a record's comments in `style`, where its language has both styles."""
    return lambda r: Record(restyle_comments(r.code, style), r.label) if r.label in BOTH_STYLES else r


STYLES: dict[str, Restyle | None] = {
    "as given": None,
    "tabs": reindented("\t"),
    "2 spaces": reindented("  "),
    "4 spaces": reindented("    "),
    "// comments": commented(LINE),
    "/* */ comments": commented(BLOCK),
}
LENGTHS = (3, 10, None)  # lines; None: whole files
NO_CORPUS = "no-corpus"


def snippet_sets(corpus: Path | None, labels: set[str], per_label: int) -> dict[str, list[Record]]:
    """The test split's windows (when a corpus is given) and Linguist's samples of `labels`,
    at the lengths in `LENGTHS`."""
    sets = load_eval_sets(corpus, SHARED_EVAL, per_label, labels=labels)
    return {eval_set.name: eval_set.records for eval_set in sets if eval_set.length in LENGTHS}


def styled(records: list[Record], restyle: Restyle | None) -> list[Record]:
    """The records restyled (as given for None)."""
    return records if restyle is None else [restyle(record) for record in records]


def accuracy(classifier: Classifier, records: list[Record]) -> float:
    answers, _, _ = predict_all(classifier, records)
    return sum(answer == record.label for answer, record in zip(answers, records)) / len(records)


def measure(models: list[Path], corpus: Path | None, per_label: int) -> dict:
    measured: dict = {"per_label": per_label, "models": {}}
    for folder in models:
        classifier = Classifier.load(folder, threads=2)
        sets = snippet_sets(corpus, set(classifier.labels), per_label)
        measured["models"][str(folder)] = {
            name: {
                "n": len(records),
                **{style: accuracy(classifier, styled(records, restyle)) for style, restyle in STYLES.items()},
            }
            for name, records in sets.items()
        }
    return measured


def render(measured: dict) -> str:
    rows = []
    for model, sets in measured["models"].items():
        for name, scores in sets.items():
            cells = [f"{100 * scores[style]:.1f}" for style in STYLES]
            worst = min(scores[style] for style in STYLES)
            rows.append([f"{Path(model).name}: {name} ({scores['n']})", *cells, f"{100 * worst:.1f}"])
    return markdown_table(["accuracy (%)", *STYLES, "worst"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", type=artifact_path, action="append", default=None, help=f"{MODEL_HELP} (repeat to compare)"
    )
    parser.add_argument(
        "--corpus", default=None, help=f"corpus folder (default: <cache>/corpus; {NO_CORPUS}: Linguist only)"
    )
    parser.add_argument("--per-label", type=int, default=100, help="snippets per label and set (default: 100)")
    parser.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    args = parser.parse_args(argv)
    corpus = None if args.corpus == NO_CORPUS else Path(args.corpus) if args.corpus else corpus_dir(cache_dir())
    measured = measure(args.model or [DEFAULT_ARTIFACT], corpus, args.per_label)
    return publish(measured, render(measured), args.json)


if __name__ == "__main__":
    sys.exit(main())
