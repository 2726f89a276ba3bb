"""Duplicate removal: exact copies, the same text under two labels, comment/whitespace
variants, package-name boilerplate and MinHash near-duplicates."""

import random

from langsniff.datasets.dedupe import drop_duplicates
from langsniff.datasets.records import Record


def python_file(seed: int, lines: int = 60) -> str:
    rng = random.Random(seed)
    names = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]
    return "\n".join(
        f"def {rng.choice(names)}_{index}(x, y={rng.randint(0, 99)}):\n    return x * {rng.randint(0, 999)} + y"
        for index in range(lines)
    )


def kept_sources(records):
    return [record.source for record in drop_duplicates(records)[0]]


def test_exact_copies_keep_the_first():
    code = python_file(1)
    records = [Record(code, "python", "a.py", "pypi:a"), Record(code, "python", "b.py", "pypi:b")]
    kept, report = drop_duplicates(records)
    assert [record.source for record in kept] == ["a.py"]
    assert report.exact == {"python": 1}


def test_same_text_under_two_labels_drops_every_copy():
    header = "#define MAX(a, b) ((a) > (b) ? (a) : (b))\nint twice(int x);\n"
    records = [
        Record(header, "c", "x.h", "deb:x"),
        Record(header, "cpp", "y.h", "deb:y"),
        Record("int main() {}", "c", "m.c"),
    ]
    kept, report = drop_duplicates(records)
    assert [record.source for record in kept] == ["m.c"]
    assert report.cross_label == {"c": 1, "cpp": 1}


def test_comment_and_whitespace_variants_are_duplicates():
    plain = "int add(int a, int b) {\n    return a + b;\n}\n"
    licensed = "/* Copyright 2021 Someone. MIT license. */\n// helper\nint add(int a,int b)\n{\n  return a+b;\n}\n"
    assert kept_sources([Record(plain, "c", "one.c"), Record(licensed, "c", "two.c")]) == ["one.c"]


def test_hash_comments_are_comments_only_where_the_language_says_so():
    python = ["x = 1\n# one\n", "x = 1\n# two\n"]
    c = ["#include <a.h>\nint x;\n", "#include <b.h>\nint x;\n"]
    assert len(kept_sources([Record(text, "python", str(i)) for i, text in enumerate(python)])) == 1
    assert len(kept_sources([Record(text, "c", str(i)) for i, text in enumerate(c)])) == 2


def test_boilerplate_differing_only_by_package_name_is_a_duplicate():
    template = 'library(testthat)\nlibrary({name})\n\ntest_check("{name}")\n'
    records = [
        Record(template.format(name=name), "r", f"{name}/tests/testthat.R", f"deb:r-cran-{name}")
        for name in ("ggplot2", "dplyr", "shiny")
    ]
    assert kept_sources(records) == ["ggplot2/tests/testthat.R"]


def test_near_duplicate_with_a_small_edit_is_dropped():
    original = python_file(7)
    edited = original.replace("alpha", "alpha2", 1) + "\nprint('done')\n"
    kept, report = drop_duplicates(
        [Record(original, "python", "v1.py", "pypi:a"), Record(edited, "python", "v2.py", "pypi:b")]
    )
    assert [record.source for record in kept] == ["v1.py"]
    assert report.minhash == {"python": 1}


def test_different_files_are_all_kept():
    records = [Record(python_file(seed), "python", f"{seed}.py") for seed in range(20)]
    assert len(kept_sources(records)) == 20


def test_vendored_copy_that_mentions_its_own_package_is_a_duplicate():
    code = "//! moment.js locale\n" + "\n".join(
        f"moment.defineLocale('x{i}', {{ months: 'a_b_c' }});" for i in range(30)
    )
    records = [
        Record(code, "javascript", "moment/locale/et.js", "npm:moment"),
        Record(code.replace("\n", "\n  "), "javascript", "lib/moment/locale/et.js", "deb:mediawiki"),
    ]
    assert kept_sources(records) == ["moment/locale/et.js"]
