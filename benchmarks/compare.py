"""Compare langsniff with other language detectors on the same snippets (issue 7).

    python -m benchmarks.compare [--detectors langsniff,vscode,...] [--model MODEL] [--per-label N]

Writes benchmarks/results/comparison.md (+ .json) and PNG plots. Detectors that are not
installed (see benchmarks/install_detectors.sh) are skipped with a message. Our labels are
the benchmarked artifact's (its config.json): snippets of other labels are left out.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shlex
import sys
from datetime import datetime, timezone
from pathlib import Path

from langsniff.datasets.corpus import corpus_dir
from langsniff.datasets.errors import DataError
from langsniff.datasets.paths import cache_dir
from langsniff.model.shipped import MODEL_HELP, artifact_path

from . import detectors
from .answers import Replayed, evaluation_key, save_answers
from .detectors.base import Detector, Options
from .detectors.names import artifact_labels
from .evalsets import SHARED_EVAL, EvalSet, load_eval_sets
from .plots import accuracy_plot, latency_plot
from .report import write_report
from .runner import DetectorRun, run_all
from .throughput import throughput_lines

RESULTS = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--detectors", default=",".join(detectors.DETECTORS), help="comma-separated detectors to run (default: all)"
    )
    parser.add_argument("--model", type=artifact_path, help=f"langsniff's model: {MODEL_HELP} (default: default)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="langsniff cache folder (default: $LANGSNIFF_CACHE or ~/.cache/langsniff)",
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="corpus folder with eval/ sets (default: <cache>/corpus)"
    )
    parser.add_argument(
        "--eval", type=Path, default=SHARED_EVAL, help="folder of linguist*.jsonl (default: ../shared/eval)"
    )
    parser.add_argument(
        "--per-label", type=int, default=100, help="snippets per label per set, 0 for all (default: 100)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--presets",
        type=Path,
        default=RESULTS / "presets.md",
        help="saved output of benchmarks/presets.py, for the training-throughput table",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the table and plots go")
    parser.add_argument(
        "--answers",
        type=Path,
        default=None,
        help="where each detector's raw answers are saved (default: <cache>/benchmarks/answers)",
    )
    parser.add_argument(
        "--reuse",
        default="",
        help="comma-separated detectors that answer from their saved answers "
        "where they have them, and run only for new snippets",
    )
    return parser.parse_args(argv)


def _corpus(args: argparse.Namespace) -> Path | None:
    corpus = args.corpus or corpus_dir(args.cache or cache_dir())
    if (corpus / "eval").is_dir():
        return corpus
    print(
        f"compare: no evaluation sets under {corpus}/eval (run `langsniff data build`): using Linguist's samples only",
        file=sys.stderr,
    )
    return None


def _start(name: str, options: Options, replay: Path | None, skipped: list[str]) -> Detector | None:
    try:
        detector = Replayed(replay, name, options) if replay else detectors.create(name, options)
    except detectors.DetectorUnavailable as reason:
        if replay:  # asked to replay answers that are not there (or are for other sets): never run without
            raise
        print(f"compare: skipping {name}: {reason}", file=sys.stderr)
        skipped.append(f"{name}: {reason}")
        return None
    how = "replaying its saved answers" if replay else f"started in {detector.startup_s:.2f} s"
    known = f"names {len(detector.known)} of our {len(options.labels)} labels"
    print(f"compare: {name} ({detector.version}) {how}; {known}", file=sys.stderr)
    return detector


def _run(
    args: argparse.Namespace, names: list[str], sets: list[EvalSet], options: Options
) -> tuple[list[DetectorRun], list[str]]:
    """Start (or replay) every detector, run them side by side, save live answers, always stop them."""
    reuse = {name.strip() for name in args.reuse.split(",")}
    key = evaluation_key(sets, options.labels)
    answers_dir = (args.answers or (args.cache or cache_dir()) / "benchmarks" / "answers") / key
    running, skipped = [], []
    try:
        for name in names:
            detector = _start(name, options, answers_dir if name in reuse else None, skipped)
            if detector is not None:
                running.append(detector)
        if not running:
            return [], skipped
        runs, answers = run_all(running, sets)
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        for detector, run, found in zip(running, runs, answers):
            save_answers(answers_dir, detector, run.peak_rss_mb, found, when)
        return runs, skipped
    finally:
        for detector in running:
            detector.close()


def _write(
    out: Path,
    runs: list[DetectorRun],
    sets: list[EvalSet],
    command: str,
    skipped: list[str],
    presets: Path,
    labels: tuple[str, ...],
    left_out: list[str],
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plots = [accuracy_plot(out / "accuracy_by_length.png", runs, sets), latency_plot(out / "latency.png", runs, sets)]
    write_report(
        out / "comparison.md",
        runs,
        sets,
        command=command,
        skipped=skipped,
        plots=[str(p) for p in plots],
        throughput=throughput_lines(presets),
        labels=labels,
        left_out=left_out,
    )
    summary = {
        "command": command,
        "labels": list(labels),
        "sets": {s.name: len(s.records) for s in sets},
        "dropped": {s.name: s.dropped for s in sets if s.dropped},
        "runs": [dataclasses.asdict(run) for run in runs],
        "skipped": skipped,
    }
    (out / "comparison.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"compare: wrote {out / 'comparison.md'}", file=sys.stderr)


def _dropped(sets: list[EvalSet], labels: tuple[str, ...]) -> list[str]:
    """Report lines for snippets left out because the artifact does not have their label."""
    counts: dict[str, int] = {}
    for eval_set in sets:
        for label, n in eval_set.dropped.items():
            counts[label] = counts.get(label, 0) + n
    if not counts:
        return []
    left_out = ", ".join(f"{label} ({n})" for label, n in sorted(counts.items()))
    line = f"left out, as the artifact's {len(labels)} labels do not include them (snippets in all sets): {left_out}"
    print(f"compare: {line}", file=sys.stderr)
    return [line]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = shlex.join(["python", "-m", "benchmarks.compare", *(sys.argv[1:] if argv is None else argv)])
    names = [name.strip() for name in args.detectors.split(",") if name.strip()]
    unknown = [name for name in names if name not in detectors.DETECTORS]
    if unknown:
        print(
            f"compare: error: unknown detector(s) {', '.join(unknown)} (known: {', '.join(detectors.DETECTORS)})",
            file=sys.stderr,
        )
        return 2
    if "langsniff" in {name.strip() for name in args.reuse.split(",")}:
        print("compare: error: langsniff always runs live (saved answers cannot tell a new model)", file=sys.stderr)
        return 2
    try:
        labels = artifact_labels(args.model)
        print(f"compare: our labels ({len(labels)}, from the artifact): {', '.join(labels)}", file=sys.stderr)
        sets = load_eval_sets(
            _corpus(args), args.eval if args.eval.is_dir() else None, args.per_label or None, args.seed, labels
        )
        if not sets:
            raise DataError(f"no evaluation set found (no corpus, and no {args.eval})")
        left_out = _dropped(sets, labels)
        runs, skipped = _run(args, names, sets, Options(labels, args.model, args.eval / "linguist.jsonl"))
    except (DataError, FileNotFoundError, RuntimeError, detectors.DetectorUnavailable) as error:
        print(f"compare: error: {error}", file=sys.stderr)
        return 2
    if not runs:
        print("compare: error: no detector could run", file=sys.stderr)
        return 2
    _write(args.out, runs, sets, command, skipped, args.presets, labels, left_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
