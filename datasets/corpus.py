"""The corpus build: labelled records in, the on-disk corpus that training and evaluation
read out.

Layout of `<cache>/corpus/`: `{train,validation,test}.jsonl` (Record rows),
`splits.json` (group -> split), `eval/{validation,test}_lines{1,3,5,10,20}.jsonl` and
`eval/{split}_whole.jsonl`, `stats.json` (see stats.py) and `build.json` (what cleaning
dropped and the options used). A build is written to a staging folder and swapped in
whole, so a reader never sees half of an old corpus and half of a new one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from tqdm import tqdm

from langsniff.datasets.dedupe import drop_duplicates, text_hash
from langsniff.datasets.errors import DataError
from langsniff.datasets.eval_sets import EVAL_LENGTHS, build_eval_set, eval_set_name
from langsniff.datasets.labels import normalize_label
from langsniff.datasets.package_cap import cap_package_share, check_share
from langsniff.datasets.records import Record
from langsniff.datasets.splits import SPLITS, assign_splits, group_key
from langsniff.datasets.stats import corpus_stats

log = logging.getLogger(__name__)

EVAL_SPLITS = ("validation", "test")
DEFAULT_SEED = 0
DEFAULT_MAX_PACKAGE_SHARE = 0.25
DEFAULT_EVAL_PER_LABEL = 500
PINNED_SPLITS = Path(__file__).with_name("splits.json")


def corpus_dir(cache: Path) -> Path:
    """Where the built corpus lives inside a cache folder."""
    return Path(cache) / "corpus"


def build_corpus(
    records: Iterable[Record],
    corpus: Path,
    *,
    seed: int = DEFAULT_SEED,
    max_package_share: float = DEFAULT_MAX_PACKAGE_SHARE,
    eval_per_label: int = DEFAULT_EVAL_PER_LABEL,
    fresh_splits: bool = False,
    pinned_splits: Path | None = PINNED_SPLITS,
    progress: bool = False,
) -> dict:
    """Clean, cap, split and write `records` as a corpus at `corpus`; returns its stats.

    Unless `fresh_splits`, a package keeps its split from `pinned_splits` (the repository's
    map, for the default seed), or else from an existing corpus built with the same seed,
    so every machine's build splits alike and a model is never tested on its training data."""
    check_share(max_package_share)
    if eval_per_label < 1:
        raise DataError(f"--eval-per-label must be at least 1, got {eval_per_label}")
    report: dict = {"seed": seed, "max_package_share": max_package_share, "eval_per_label": eval_per_label}
    kept = _labelled(records, report, progress)
    kept, dedupe_report = drop_duplicates(kept, progress=progress)
    report["duplicates"] = dedupe_report.as_dict()
    kept = [Record(record.code, record.label, record.source, group_key(record), record.license) for record in kept]
    kept, report["capped"] = cap_package_share(kept, max_package_share, seed)
    previous = {} if fresh_splits else _previous_assignment(Path(corpus), seed, pinned_splits)
    assignment = assign_splits(kept, seed, previous)
    report["groups_kept_in_previous_split"] = sum(1 for group in assignment if group in previous)
    splits = {split: [record for record in kept if assignment[record.group] == split] for split in SPLITS}
    evals = {
        eval_set_name(split, length): build_eval_set(splits[split], length, seed, eval_per_label)
        for split in EVAL_SPLITS
        for length in EVAL_LENGTHS
    }
    snippets = {split: Counter() for split in SPLITS}
    for split in EVAL_SPLITS:
        for length in EVAL_LENGTHS:
            snippets[split].update(record.label for record in evals[eval_set_name(split, length)])
    stats = corpus_stats(splits, snippets)
    _write_corpus(Path(corpus), splits, assignment, evals, stats, report)
    return stats


def load_split(corpus: Path, split: str) -> list[Record]:
    """All records of one split (`train`, `validation` or `test`)."""
    if split not in SPLITS:
        raise DataError(f"unknown split {split!r} (expected one of {', '.join(SPLITS)})")
    return _read_records(Path(corpus) / f"{split}.jsonl")


def load_eval_set(corpus: Path, split: str, length: int | None) -> list[Record]:
    """The fixed-length evaluation windows of a split; `length=None` for whole files."""
    if split not in EVAL_SPLITS or length not in EVAL_LENGTHS:
        raise DataError(f"no evaluation set for split {split!r} and length {length!r}")
    return _read_records(Path(corpus) / "eval" / f"{eval_set_name(split, length)}.jsonl")


def read_stats(corpus: Path) -> dict:
    """Statistics recomputed from the corpus files on disk."""
    splits = {split: load_split(corpus, split) for split in SPLITS}
    snippets = {split: Counter() for split in SPLITS}
    for split in EVAL_SPLITS:
        for length in EVAL_LENGTHS:
            snippets[split].update(record.label for record in load_eval_set(corpus, split, length))
    return corpus_stats(splits, snippets)


def write_json(path: Path, data: object) -> None:
    """Write JSON atomically (temporary file, then rename)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _previous_assignment(corpus: Path, seed: int, pinned: Path | None) -> dict[str, str]:
    """The group -> split map of the corpus already at `corpus` if it was built with `seed`,
    overridden by the `pinned` map when `seed` is the default one."""
    try:
        built_with = json.loads((corpus / "build.json").read_text(encoding="utf-8")).get("seed")
        earlier = _read_assignment(corpus / "splits.json") if built_with == seed else {}
    except (OSError, ValueError):
        earlier = {}
    if pinned is None or seed != DEFAULT_SEED:
        return earlier
    try:
        return {**earlier, **_read_assignment(pinned)}
    except (OSError, ValueError) as error:
        raise DataError(f"cannot read the pinned split map {pinned}: {error}") from error


def _read_assignment(path: Path) -> dict[str, str]:
    assignment = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(assignment, dict) or not all(split in SPLITS for split in assignment.values()):
        raise ValueError("not a map of package to train, validation or test")
    return assignment


def _labelled(records: Iterable[Record], report: dict, progress: bool) -> list[Record]:
    """Records with our label spelling and some text, in a fixed order (label, group, source, text)."""
    unknown: Counter[str] = Counter()
    blank: Counter[str] = Counter()
    kept = []
    for record in tqdm(records, desc="reading", unit="file", disable=None if progress else True):
        label = normalize_label(record.label)
        if label is None:
            unknown[record.label] += 1
        elif not record.code.strip():
            blank[label] += 1
        else:
            kept.append(
                record
                if label == record.label
                else Record(record.code, label, record.source, record.group, record.license)
            )
    if unknown:
        log.warning(
            "skipped %d record(s) with unknown labels: %s", sum(unknown.values()), dict(unknown.most_common(10))
        )
    if not kept:
        raise DataError("no records with a known label and some text: nothing to build")
    report["input"] = dict(sorted(Counter(record.label for record in kept).items()))
    report["unknown_labels"] = dict(sorted(unknown.items()))
    report["blank"] = dict(sorted(blank.items()))
    return sorted(kept, key=lambda record: (record.label, record.group, record.source, text_hash(record.code)))


def _write_corpus(corpus: Path, splits, assignment, evals, stats, report) -> None:
    staging = corpus.with_name(corpus.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "eval").mkdir(parents=True)
    for split, records in splits.items():
        _write_records(staging / f"{split}.jsonl", records)
    for name, records in evals.items():
        _write_records(staging / "eval" / f"{name}.jsonl", records)
    write_json(staging / "splits.json", assignment)
    write_json(staging / "stats.json", stats)
    write_json(staging / "build.json", report)
    retired = corpus.with_name(corpus.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if corpus.exists():
        os.replace(corpus, retired)
    os.replace(staging, corpus)
    shutil.rmtree(retired, ignore_errors=True)


def _write_records(path: Path, records: list[Record]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(asdict(record)) + "\n")


def _read_records(path: Path) -> list[Record]:
    if not path.exists():
        raise DataError(f"{path} does not exist: build the corpus first with `langsniff data build`")
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                records.append(Record(**json.loads(line)))
            except (json.JSONDecodeError, TypeError) as error:
                raise DataError(f"{path}:{number}: not a corpus record ({error})") from None
    return records
