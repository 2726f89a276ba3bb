"""Grouped splits and the per-package cap: no package on two sides, the same split for the
same seed, every label in every split, no package above its share."""

from collections import Counter

import pytest

from langsniff.datasets.errors import DataError
from langsniff.datasets.package_cap import cap_package_share, package_limit
from langsniff.datasets.records import Record
from langsniff.datasets.splits import SPLITS, assign_splits, group_key


def corpus(groups_per_label=None):
    groups_per_label = groups_per_label or {"python": 30, "c": 12, "sql": 3}
    records = []
    for label, groups in groups_per_label.items():
        for group in range(groups):
            for index in range(1 + (group * 7) % 11):
                records.append(Record(f"{label} {group} {index}", label, f"{group}/{index}", f"{label}-pkg{group}"))
    records.append(Record("shared c file", "c", "py-ext.c", "python-pkg0"))
    return records


def test_no_group_is_in_two_splits_and_every_group_is_assigned():
    records = corpus()
    assignment = assign_splits(records, seed=1)
    assert set(assignment) == {group_key(record) for record in records}
    assert set(assignment.values()) == set(SPLITS)


def test_same_seed_same_assignment_other_seed_other_assignment():
    records = corpus()
    assert assign_splits(records, seed=3) == assign_splits(list(reversed(records)), seed=3)
    assert assign_splits(records, seed=3) != assign_splits(records, seed=4)


def test_every_label_with_three_groups_is_in_every_split_near_80_10_10():
    records = corpus()
    assignment = assign_splits(records, seed=0)
    files = Counter((record.label, assignment[group_key(record)]) for record in records)
    for label in ("python", "c", "sql"):
        assert all(files[label, split] > 0 for split in SPLITS), label
    python_total = sum(files["python", split] for split in SPLITS)
    assert 0.7 <= files["python", "train"] / python_total <= 0.9


def test_records_without_group_are_groups_of_their_own():
    records = [Record(f"x = {index}", "python") for index in range(50)]
    assignment = assign_splits(records, seed=0)
    assert len(assignment) == 50
    assert Counter(assignment.values())["train"] == 40


def test_cap_limits_the_largest_package_share():
    records = [Record(f"java {i}", "java", str(i), "deb:openjdk") for i in range(1000)]
    records += [Record(f"android {g} {i}", "java", f"{g}/{i}", f"npm:android{g}") for g in range(9) for i in range(20)]
    kept, dropped = cap_package_share(records, 0.25, seed=0)
    per_group = Counter(record.group for record in kept)
    assert per_group["deb:openjdk"] / len(kept) <= 0.25
    assert per_group["npm:android0"] == 20
    assert dropped == {"java": 1000 - per_group["deb:openjdk"]}
    assert kept == cap_package_share(list(records), 0.25, seed=0)[0]


def test_package_limit_edge_cases():
    assert package_limit([5], 0.25) is None
    assert package_limit([10, 10, 10, 10], 0.25) == 10
    assert package_limit([100, 1, 1, 1], 0.25) == 1
    with pytest.raises(DataError, match="max-package-share"):
        cap_package_share([], 1.5, seed=0)


def test_a_big_package_with_several_labels_lands_in_training():
    records = [Record(f"docs {i}", "plaintext", f"docs/{i}", "pypi:Django") for i in range(300)]
    records += [Record(f"code {i}", "python", f"code/{i}", "pypi:Django") for i in range(30)]
    for group in range(30):
        records += [
            Record(f"{label} {group} {i}", label, f"{group}/{i}", f"pypi:small{group}")
            for label in ("python", "plaintext")
            for i in range(10)
        ]
    for seed in range(5):
        assignment = assign_splits(records, seed)
        assert assignment["pypi:Django"] == "train"
        files = Counter((record.label, assignment[record.group]) for record in records)
        for label in ("python", "plaintext"):
            total = sum(files[label, split] for split in SPLITS)
            assert 0.05 <= files[label, "test"] / total <= 0.15, (seed, label)


def test_groups_of_a_previous_assignment_keep_their_split():
    small = corpus({"python": 12, "c": 12})
    before = assign_splits(small, seed=0)
    grown = corpus({"python": 30, "c": 20, "sql": 6})
    after = assign_splits(grown, seed=0, previous={**before, "gone:pkg": "test"})
    assert all(after[group] == split for group, split in before.items())
    assert "gone:pkg" not in after
    assert set(after.values()) == set(SPLITS)
