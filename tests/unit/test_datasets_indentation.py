"""Re-indenting code for training: levels keep their depth in any unit, and the sampler
re-indents its share of windows except where indentation is syntax."""

from __future__ import annotations

import pytest
from langsniff.datasets.indentation import reindent, space_step
from langsniff.datasets.records import Record
from model_test_helpers import sampled_windows

PYTHON = "def add(a, b):\n    if a:\n        return a + b\n    return b\n"
C_COMMENT = "int f(void)\n{\n    /* one\n     * two */\n    return 0;\n}\n"
MAKEFILE = "all: main.o\n\tcc -o all main.o\n\nclean:\n\trm -f all\n"
PROSE = "The quick brown fox jumps over the lazy dog while the cat sleeps.\nIt rains today."


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("\t", "def add(a, b):\n\tif a:\n\t\treturn a + b\n\treturn b\n"),
        ("  ", "def add(a, b):\n  if a:\n    return a + b\n  return b\n"),
        ("    ", PYTHON),
    ],
)
def test_levels_keep_their_depth_in_any_unit(unit, expected):
    assert reindent(PYTHON, unit) == expected
    assert reindent(reindent(PYTHON, "\t"), unit) == expected


def test_a_block_comments_extra_space_stays():
    assert reindent(C_COMMENT, "\t") == "int f(void)\n{\n\t/* one\n\t * two */\n\treturn 0;\n}\n"


def test_text_without_a_step_changes_only_its_tabs():
    assert space_step(["a", " * b", "                              c"]) is None
    assert reindent("a\n * b\n\tc", "  ") == "a\n * b\n  c"
    assert reindent("no indentation at all", "\t") == "no indentation at all"


def with_tab(windows: list[str]) -> float:
    return sum("⇥" in window for window in windows) / len(windows)


def test_the_sampler_reindents_its_share_of_windows():
    records = [Record(PYTHON, "python"), Record(C_COMMENT, "c")]
    assert with_tab(sampled_windows(records, ["python", "c"], reindent_share=0.0)) == 0.0
    assert 0.1 < with_tab(sampled_windows(records, ["python", "c"], reindent_share=0.5)) < 0.5


def test_the_sampler_keeps_a_makefiles_tabs():
    records = [Record(MAKEFILE, "makefile"), Record(PROSE, "plaintext")]
    windows = sampled_windows(records, ["makefile", "plaintext"], reindent_share=1.0)
    recipes = [window for window in windows if "rm" in window or "cc" in window]
    assert recipes and with_tab(recipes) == 1.0
