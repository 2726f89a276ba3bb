"""The preset comparison (issue 4): every preset trained for the same budget on the same data.

    python -m benchmarks.presets [--minutes 3] [--presets v1,v2,v3,v4,v5,langsniff] [--per-set 300]

Prints a Markdown table: accuracy on the test split's whole files and 3- and 10-line
windows, training tokens/s, inference ms per snippet (one thread, median, after warm-up),
parameters and artifact size. Save it as `benchmarks/results/presets.md` for the README
and the comparison report.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import torch

from benchmarks.artifact_costs import artifact_bytes, median_predict_ms
from langsniff.datasets.corpus import corpus_dir, load_eval_set
from langsniff.datasets.paths import cache_dir
from langsniff.model.classifier import Classifier
from langsniff.model.config import PRESETS
from langsniff.model.evaluation import evaluate, sample
from langsniff.model.training import TrainRequest, train

LATENCY_RUNS = 50


def measure(name: str, corpus: Path, out: Path, minutes: float, per_set: int) -> dict:
    metrics = train(
        TrainRequest(
            preset=name,
            out=out,
            corpus=corpus,
            minutes=minutes,
            progress=False,
            overrides={"steps_per_epoch": "100", "validation_per_set": "100"},
            half=False,
        )
    )
    classifier = Classifier.load(out, threads=1)
    sets = {
        key: sample(load_eval_set(corpus, "test", length), per_set)
        for key, length in (("whole", None), ("lines3", 3), ("lines10", 10))
    }
    report = evaluate(classifier, sets)
    return {
        "preset": name,
        "whole": report["by_set"]["whole"]["accuracy"],
        "lines3": report["by_set"]["lines3"]["accuracy"],
        "lines10": report["by_set"]["lines10"]["accuracy"],
        "tokens_per_second": metrics["train"]["tokens_per_second"],
        "ms": median_predict_ms(classifier, [r.code for r in sets["lines10"][:20]], LATENCY_RUNS, warmup=5),
        "parameters": metrics["parameters"],
        "bytes": artifact_bytes(out),
    }


def table(rows: list[dict], minutes: float) -> str:
    lines = [
        "| preset | accuracy (whole files) | accuracy (3 lines) | accuracy (10 lines) | training tokens/s "
        "| inference ms/snippet | parameters | artifact size |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['preset']} | {row['whole']:.3f} | {row['lines3']:.3f} | {row['lines10']:.3f} "
            f"| {row['tokens_per_second']:,} | {row['ms']:.2f} | {row['parameters'] / 1e6:.2f} M "
            f"| {row['bytes'] / 1e6:.1f} MB |"
        )
    lines.append(
        f"\nEach preset trained {minutes:g} min on the same corpus, on a shared 2-core machine "
        "(test split: held-out packages)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="training budget per preset (default: 3)")
    parser.add_argument("--presets", default=",".join(PRESETS), help="comma-separated presets (default: all)")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: <cache>/corpus)")
    parser.add_argument("--per-set", type=int, default=300, help="test snippets per length (default: 300)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the trained artifacts in this folder")
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_dir(cache_dir())
    torch.set_num_threads(1)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        for name in args.presets.split(","):
            rows.append(measure(name, corpus, root / name, args.minutes, args.per_set))
            print(f"{name}: done", file=sys.stderr)
    print(table(rows, args.minutes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
