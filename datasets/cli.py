"""The `langsniff data ...` commands: harvest, build, stats.

`register(subparsers)` adds them to the `langsniff` entry point; each handler is stored
as `func` on the parsed arguments, returns an exit code and raises DataError for user
errors (the entry point prints those as one line, never a traceback).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from langsniff.datasets.corpus import (
    DEFAULT_EVAL_PER_LABEL,
    DEFAULT_MAX_PACKAGE_SHARE,
    DEFAULT_SEED,
    build_corpus,
    corpus_dir,
    read_stats,
    write_json,
)
from langsniff.datasets.errors import DataError
from langsniff.datasets.loaders import load_any
from langsniff.datasets.paths import cache_dir
from langsniff.datasets.stats import format_table


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `data` command group (`data harvest`, `data build`, `data stats`)."""
    data = subparsers.add_parser(
        "data",
        help="harvest code, build the corpus, show its statistics",
        description="Harvest real code, build the training corpus, show its statistics.",
    )
    commands = data.add_subparsers(dest="data_command", metavar="COMMAND", required=True)

    harvest = commands.add_parser(
        "harvest",
        help="download the packages of the manifest and extract their files",
        description="Download the manifest's packages and extract the files to label (resumable).",
    )
    harvest.add_argument(
        "--manifest", type=Path, default=None, help="manifest TOML (default: the one shipped with langsniff)"
    )
    add_cache_argument(harvest)
    harvest.add_argument("--jobs", type=int, default=4, help="parallel downloads (default: 4)")
    harvest.add_argument(
        "--only", nargs="+", default=[], metavar="NAME", help="restrict to these package names or labels"
    )
    harvest.set_defaults(func=run_harvest)

    build = commands.add_parser(
        "build",
        help="clean, deduplicate, cap, split and write the corpus",
        description="Build <cache>/corpus from the harvest (or from --input): labels, "
        "deduplication, per-package cap, grouped splits, evaluation windows.",
    )
    add_cache_argument(build)
    build.add_argument(
        "--input",
        type=Path,
        default=None,
        metavar="FILE|DIR",
        help="a CSV (code,language), JSONL (code,label,source) or folder instead of the harvest",
    )
    build.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"seed for caps, splits and windows (default: {DEFAULT_SEED})"
    )
    build.add_argument(
        "--max-package-share",
        type=float,
        default=DEFAULT_MAX_PACKAGE_SHARE,
        metavar="SHARE",
        help=f"largest share of a label's files one package may hold (default: {DEFAULT_MAX_PACKAGE_SHARE})",
    )
    build.add_argument(
        "--eval-per-label",
        type=int,
        default=DEFAULT_EVAL_PER_LABEL,
        metavar="N",
        help=f"evaluation windows per label, split and length (default: {DEFAULT_EVAL_PER_LABEL})",
    )
    build.add_argument(
        "--fresh-splits",
        action="store_true",
        help="recompute every package's split from the seed (by default a package keeps its split from "
        "datasets/splits.json, or else from the corpus already built, so every machine splits alike and a "
        "trained model is never tested on its training data)",
    )
    build.set_defaults(func=run_build)

    stats = commands.add_parser(
        "stats",
        help="print per label and split: files, snippets, MB, packages",
        description="Print the corpus statistics and write them to <cache>/corpus/stats.json.",
    )
    add_cache_argument(stats)
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.set_defaults(func=run_stats)


def run_harvest(args: argparse.Namespace) -> int:
    from langsniff.datasets.harvest import DEFAULT_MANIFEST, harvest

    if args.jobs < 1:
        raise DataError(f"--jobs must be at least 1, got {args.jobs}")
    manifest = args.manifest or DEFAULT_MANIFEST
    if not Path(manifest).is_file():
        raise DataError(f"{manifest}: no such manifest file")
    report = harvest(Path(manifest), args.cache, jobs=args.jobs, only=tuple(args.only))
    print(report.summary())
    return 0


def run_build(args: argparse.Namespace) -> int:
    records = load_any(args.input) if args.input else _harvested(args.cache)
    stats = build_corpus(
        records,
        corpus_dir(args.cache),
        seed=args.seed,
        max_package_share=args.max_package_share,
        eval_per_label=args.eval_per_label,
        fresh_splits=args.fresh_splits,
        progress=True,
    )
    print(format_table(stats))
    report = json.loads((corpus_dir(args.cache) / "build.json").read_text(encoding="utf-8"))
    dropped = {name: sum(counts.values()) for name, counts in report["duplicates"].items()}
    print(
        f"{sum(report['input'].values())} labelled files in; dropped duplicates {dropped}, "
        f"{sum(report['capped'].values())} over the package cap, {sum(report['unknown_labels'].values())} "
        f"with unknown labels, {sum(report['blank'].values())} blank"
    )
    print(f"corpus written to {corpus_dir(args.cache)} (details in build.json)")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    corpus = corpus_dir(args.cache)
    stats = read_stats(corpus)
    write_json(corpus / "stats.json", stats)
    print(json.dumps(stats, indent=1, sort_keys=True) if args.json else format_table(stats))
    return 0


def _harvested(cache: Path):
    from langsniff.datasets.harvest import read_harvest

    packages = cache / "harvest" / "packages"
    if not packages.is_dir() or not any(packages.iterdir()):
        raise DataError(f"no harvest in {cache}: run `langsniff data harvest` first, or pass --input FILE|DIR")
    return read_harvest(cache)


def add_cache_argument(parser: argparse.ArgumentParser) -> None:
    """`--cache DIR`, the same on every command that reads or writes the cache folder."""
    parser.add_argument(
        "--cache",
        type=Path,
        default=cache_dir(),
        metavar="DIR",
        help=f"cache folder (default: $LANGSNIFF_CACHE or {cache_dir()})",
    )
