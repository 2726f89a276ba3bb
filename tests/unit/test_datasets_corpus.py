"""The corpus build end to end on a small fixture: layout, no leakage, determinism,
evaluation sets and statistics."""

import json
import random

import pytest

from langsniff.datasets.corpus import (
    PINNED_SPLITS,
    build_corpus,
    corpus_dir,
    load_eval_set,
    load_split,
    read_stats,
)
from langsniff.datasets.errors import DataError
from langsniff.datasets.harvest import DEFAULT_MANIFEST
from langsniff.datasets.manifest import load_manifest
from langsniff.datasets.records import Record
from langsniff.datasets.splits import SPLITS

TEMPLATES = {
    "python": "def {name}(x):\n    total = x * {n}\n    return total + {m}\n",
    "c": "int {name}(int x) {{\n    int total = x * {n};\n    return total + {m};\n}}\n",
    "sql": "SELECT {name}, count(*) AS n{n}\nFROM t{m}\nGROUP BY {name};\n",
}


def fixture_records(groups=12, files=6):
    rng = random.Random(0)
    records = []
    for label, template in TEMPLATES.items():
        for group in range(groups):
            for index in range(files):
                blocks = [
                    template.format(name=f"f{rng.randrange(10**9)}", n=rng.randrange(10**6), m=rng.randrange(10**6))
                    for _ in range(8)
                ]
                records.append(
                    Record("\n".join(blocks), label, f"{label}{group}/{index}", f"pkg:{label}{group}", "MIT")
                )
    return records


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    corpus = corpus_dir(tmp_path_factory.mktemp("cache"))
    stats = build_corpus(fixture_records(), corpus, seed=7, eval_per_label=20)
    return corpus, stats


def test_layout_and_no_group_in_two_splits(built):
    corpus, _ = built
    splits = {split: load_split(corpus, split) for split in SPLITS}
    groups = {split: {record.group for record in records} for split, records in splits.items()}
    assert not groups["train"] & groups["validation"]
    assert not groups["train"] & groups["test"]
    assert not groups["validation"] & groups["test"]
    assignment = json.loads((corpus / "splits.json").read_text())
    for split, records in splits.items():
        assert {assignment[record.group] for record in records} == {split}
    assert sum(len(records) for records in splits.values()) == 3 * 12 * 6
    for split in SPLITS:
        assert {record.label for record in splits[split]} == set(TEMPLATES)


def test_eval_sets_have_fixed_lengths_from_their_split(built):
    corpus, _ = built
    test_groups = {record.group for record in load_split(corpus, "test")}
    for length in (1, 3, 5, 10, 20):
        windows = load_eval_set(corpus, "test", length)
        assert windows and all(len(window.code.split("\n")) == length for window in windows)
        assert {window.group for window in windows} <= test_groups
        assert "#L" in windows[0].source
    whole = load_eval_set(corpus, "validation", None)
    assert len(whole) == len(load_split(corpus, "validation"))


def test_same_seed_builds_the_same_bytes(built, tmp_path):
    corpus, _ = built
    again = corpus_dir(tmp_path)
    build_corpus(list(reversed(fixture_records())), again, seed=7, eval_per_label=20)
    for name in ("train.jsonl", "test.jsonl", "splits.json", "eval/test_lines3.jsonl", "stats.json"):
        assert (again / name).read_bytes() == (corpus / name).read_bytes(), name


def test_stats_count_files_packages_and_snippets(built):
    corpus, stats = built
    python = stats["labels"]["python"]
    assert python["(all)"]["files"] == 72
    assert python["(all)"]["packages"] == 12
    assert sum(python[split]["files"] for split in SPLITS) == 72
    assert python["train"]["snippets"] == 0 and python["test"]["snippets"] > 0
    assert python["(all)"]["largest_share"] == pytest.approx(6 / 72, abs=1e-3)
    assert stats["totals"]["(all)"]["files"] == 3 * 72
    assert sum(stats["totals"][split]["files"] for split in SPLITS) == 3 * 72
    assert read_stats(corpus) == stats == json.loads((corpus / "stats.json").read_text())


def test_rebuild_replaces_the_corpus_whole(built, tmp_path):
    corpus = corpus_dir(tmp_path)
    build_corpus(fixture_records(), corpus, seed=7, eval_per_label=20)
    build_corpus(fixture_records(groups=4), corpus, seed=7, eval_per_label=20)
    assert sum(len(load_split(corpus, split)) for split in SPLITS) == 3 * 4 * 6
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus"]


def test_build_drops_unknown_labels_and_blank_files_and_reports_them(tmp_path):
    records = fixture_records(groups=3) + [Record("PROGRAM-ID. HELLO.", "cobol"), Record("  \n", "python", "blank.py")]
    build_corpus(records, corpus_dir(tmp_path), eval_per_label=5)
    report = json.loads((corpus_dir(tmp_path) / "build.json").read_text())
    assert report["unknown_labels"] == {"cobol": 1}
    assert report["blank"] == {"python": 1}


def test_errors_are_data_errors(tmp_path):
    with pytest.raises(DataError, match="nothing to build"):
        build_corpus([Record("x", "cobol")], corpus_dir(tmp_path))
    with pytest.raises(DataError, match="langsniff data build"):
        load_split(corpus_dir(tmp_path), "train")
    with pytest.raises(DataError, match="unknown split"):
        load_split(corpus_dir(tmp_path), "dev")


def test_rebuild_keeps_known_packages_in_their_split_unless_fresh(tmp_path):
    corpus = corpus_dir(tmp_path)
    build_corpus(fixture_records(groups=6), corpus, seed=7, eval_per_label=5)
    before = json.loads((corpus / "splits.json").read_text())
    build_corpus(fixture_records(groups=12), corpus, seed=7, eval_per_label=5)
    after = json.loads((corpus / "splits.json").read_text())
    assert {group: after[group] for group in before} == before
    assert json.loads((corpus / "build.json").read_text())["groups_kept_in_previous_split"] == len(before)
    build_corpus(fixture_records(groups=12), corpus, seed=7, eval_per_label=5, fresh_splits=True)
    assert json.loads((corpus / "build.json").read_text())["groups_kept_in_previous_split"] == 0


def _splits(cache, pinned, seed=0, fresh=False):
    corpus = corpus_dir(cache)
    build_corpus(fixture_records(), corpus, seed=seed, eval_per_label=5, pinned_splits=pinned, fresh_splits=fresh)
    return json.loads((corpus / "splits.json").read_text())


def test_the_pinned_split_map_places_its_packages_for_the_default_seed_and_only_then(tmp_path):
    fresh = _splits(tmp_path / "fresh", pinned=None)
    moved = {group: "train" if split == "test" else "test" for group, split in list(fresh.items())[:3]}
    pinned = tmp_path / "splits.json"
    pinned.write_text(json.dumps(moved))
    assert {group: split for group, split in _splits(tmp_path / "a", pinned).items() if group in moved} == moved
    assert _splits(tmp_path / "b", pinned, fresh=True) == fresh
    assert _splits(tmp_path / "c", pinned, seed=7) == _splits(tmp_path / "d", pinned=None, seed=7)


def test_a_broken_pinned_split_map_is_named_in_the_error(tmp_path):
    pinned = tmp_path / "splits.json"
    pinned.write_text('{"pkg:c0": "dev"}')
    with pytest.raises(DataError, match="pinned split map"):
        _splits(tmp_path, pinned)


def test_the_repository_pins_only_manifest_packages_in_all_three_splits():
    pinned = json.loads(PINNED_SPLITS.read_text())
    packages = {f"{package.registry}:{package.name}" for package in load_manifest(DEFAULT_MANIFEST).packages}
    assert set(pinned) <= packages
    assert set(pinned.values()) == set(SPLITS)
