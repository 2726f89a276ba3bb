"""The issue-4 and issue-9 targets against what an artifact measures, each marked met or missed.

    python -m benchmarks.model_targets [--model MODEL] [--corpus DIR] [--eval DIR] [--limit N] [--json FILE]

Test split by snippet length (the labels the artifact knows) and coverage at 97% precision (our corpus), GitHub Linguist's
samples, prose that would trigger a switch at the artifact's threshold, median latency
per 128-token snippet on one thread after warm-up, load time after `import torch`, size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from langsniff.datasets.corpus import corpus_dir
from langsniff.datasets.loaders import load_jsonl
from langsniff.datasets.paths import cache_dir
from langsniff.model.classifier import Classifier
from langsniff.model.evaluate_artifact import evaluation_sets
from langsniff.model.evaluation import evaluate
from langsniff.model.shipped import DEFAULT_ARTIFACT, MODEL_HELP, artifact_path

from benchmarks.artifact_costs import artifact_bytes, median_predict_ms
from benchmarks.output import publish

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SNIPPET_TOKENS = 128
LATENCY_RUNS = 200
LOAD_SCRIPT = (
    "import sys, time, torch\n"
    "started = time.perf_counter()\n"
    "from langsniff.model.classifier import Classifier\n"
    "Classifier.load(sys.argv[1])\n"
    "print(time.perf_counter() - started)\n"
)


def snippets_of_tokens(classifier: Classifier, texts: list[str], tokens: int) -> list[str]:
    """Texts cut to exactly `tokens` tokens ([CLS] and [SEP] included) where they are long enough."""
    cut = []
    for text in texts:
        encoding = classifier.windows.tokenizer.encode(text, add_special_tokens=False)
        if len(encoding.ids) >= tokens - 2:
            cut.append(text[: encoding.offsets[tokens - 3][1]])
    return cut


def load_seconds(folder: Path) -> float:
    """Seconds to import the Classifier and load the artifact, in a fresh process that imported torch."""
    result = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, str(folder)], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def measure(folder: Path, corpus: Path, shared_eval: Path, limit: int) -> dict:
    classifier = Classifier.load(folder, threads=1)
    _, test_sets = evaluation_sets(None, corpus, "test", limit, known=set(classifier.labels))
    test = evaluate(classifier, test_sets)
    linguist = {}
    for name in ("linguist", "linguist_lines3", "linguist_lines10"):
        path = shared_eval / f"{name}.jsonl"
        if path.is_file():
            linguist[name] = evaluate(classifier, {"given": list(load_jsonl(path))})["by_set"]["given"]
    prose_n = sum(test["by_set"][name]["prose_n"] for name in test["by_set"])
    triggers = sum(
        test["by_set"][name]["prose_trigger_rate"] * test["by_set"][name]["prose_n"] for name in test["by_set"]
    )
    snippets = snippets_of_tokens(classifier, [r.code for r in test_sets["whole"]], SNIPPET_TOKENS)
    return {
        "test": {
            name: {k: s[k] for k in ("n", "accuracy", "coverage_at_97", "confidence_at_97")}
            for name, s in test["by_set"].items()
        },
        "linguist": {name: {k: s[k] for k in ("n", "accuracy", "coverage_at_97")} for name, s in linguist.items()},
        "prose_trigger_rate": triggers / prose_n if prose_n else None,
        "prose_n": prose_n,
        "latency_ms": median_predict_ms(classifier, snippets[:100], LATENCY_RUNS, warmup=20),
        "load_seconds": load_seconds(folder),
        "megabytes": artifact_bytes(folder) / 1e6,
        "threshold": classifier.threshold,
    }


def targets(measured: dict) -> list[tuple[str, str, float | None, bool | None]]:
    """(target, wanted, measured value, met) rows."""
    test, linguist = measured["test"], measured["linguist"]

    def get(group: dict, name: str, key: str) -> float | None:
        return group.get(name, {}).get(key)

    prose = measured["prose_trigger_rate"]
    rows = [
        ("test whole files accuracy", ">= 0.97", get(test, "whole", "accuracy"), 0.97, True),
        ("test 10-line accuracy", ">= 0.93", get(test, "lines10", "accuracy"), 0.93, True),
        ("test 3-line accuracy", ">= 0.85", get(test, "lines3", "accuracy"), 0.85, True),
        ("linguist.jsonl accuracy", ">= 0.95", get(linguist, "linguist", "accuracy"), 0.95, True),
        ("linguist_lines3 accuracy", ">= 0.75", get(linguist, "linguist_lines3", "accuracy"), 0.75, True),
        ("coverage@97% 3 lines", ">= 0.40", get(test, "lines3", "coverage_at_97"), 0.40, True),
        ("coverage@97% 10 lines", ">= 0.70", get(test, "lines10", "coverage_at_97"), 0.70, True),
        ("coverage@97% whole files", ">= 0.90", get(test, "whole", "coverage_at_97"), 0.90, True),
        ("prose triggering a switch", "<= 0.03", prose, 0.03, False),
        ("prose plaintext or below threshold", ">= 0.90", None if prose is None else 1 - prose, 0.90, True),
        ("median ms per 128-token snippet, 1 thread", "<= 5", measured["latency_ms"], 5.0, False),
        ("load seconds after import torch", "<= 1", measured["load_seconds"], 1.0, False),
        ("artifact MB", "<= 5", measured["megabytes"], 5.0, False),
    ]
    return [
        (name, wanted, value, None if value is None else (value >= bound if higher else value <= bound))
        for name, wanted, value, bound, higher in rows
    ]


def render(measured: dict) -> str:
    lines = ["| target | wanted | measured | |", "|---|---:|---:|---|"]
    for name, wanted, value, met in targets(measured):
        shown = "n/a" if value is None else f"{value:.3f}"
        lines.append(f"| {name} | {wanted} | {shown} | {'n/a' if met is None else 'met' if met else 'MISSED'} |")
    lines.append(
        "\nCoverage at 97% precision on Linguist's samples (reported, no target): "
        + ", ".join(f"{name} {s['coverage_at_97']:.3f}" for name, s in measured["linguist"].items())
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", type=artifact_path, default=DEFAULT_ARTIFACT, help=f"{MODEL_HELP} (default: default)"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: <cache>/corpus)")
    parser.add_argument("--eval", type=Path, default=SHARED_EVAL, help="folder of linguist*.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="test snippets per length (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    args = parser.parse_args(argv)
    measured = measure(args.model, args.corpus or corpus_dir(cache_dir()), args.eval, args.limit)
    return publish(measured, render(measured), args.json)


if __name__ == "__main__":
    sys.exit(main())
