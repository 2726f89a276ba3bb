"""Snippet windows: deterministic for a seed, never blank, trimmed, of the asked length."""

import random

import pytest

from langsniff.datasets.windows import fixed_window, random_window

CODE = (
    "\n\n" + "\n".join(f"    value_{index} = compute({index})" if index % 4 else "" for index in range(200)) + "\n}\n\n"
)


def test_random_window_is_deterministic_for_a_seed():
    first = [random_window(CODE, "python", random.Random(5))[0] for _ in range(3)]
    again = [random_window(CODE, "python", random.Random(5))[0] for _ in range(3)]
    assert first == again
    many = {random_window(CODE, "python", rng)[0] for rng in [random.Random(5)] for _ in range(50)}
    assert len(many) > 10


def test_random_windows_are_never_blank_and_have_no_outer_blank_lines():
    rng = random.Random(0)
    sizes = set()
    for _ in range(500):
        window, label = random_window(CODE, "python", rng, min_lines=1, max_lines=40)
        assert label == "python"
        lines = window.split("\n")
        assert lines[0].strip() and lines[-1].strip()
        sizes.add(len(lines))
    assert 1 in sizes and 40 in sizes
    assert max(sizes) > 40  # some whole files


def test_short_windows_skip_lines_without_content():
    code = "}\n}\n  )\nreturn total;\n}\n;\n"
    rng = random.Random(1)
    assert {fixed_window(code, "c", 1, rng) for _ in range(30)} == {("return total;", "c")}


def test_fixed_window_has_exactly_the_asked_lines():
    rng = random.Random(2)
    for lines in (1, 3, 5, 10, 20):
        window, _ = fixed_window(CODE, "python", lines, rng)
        assert len(window.split("\n")) == lines
        assert window in CODE


def test_fixed_window_of_a_short_file_is_the_whole_trimmed_file():
    assert fixed_window("\n\nx = 1\ny = 2\n\n", "python", 10, random.Random(0)) == ("x = 1\ny = 2", "python")


def test_blank_text_has_no_window():
    with pytest.raises(ValueError, match="no non-blank line"):
        random_window(" \n\t\n", "python", random.Random(0))
