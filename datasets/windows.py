"""Snippet windows: what a user pastes is a few lines cut from a file, not the whole file.

A window is a verbatim run of consecutive lines (line endings kept) that starts and ends
on a non-blank line and holds at least `MIN_CONTENT_CHARS` non-whitespace characters
where the file allows it, so a 1-line window of `}` does not pass for a sample. A window
is labelled by what it shows: one cut from inside an HTML page's `<script>` block is
JavaScript (datasets/embedded.py).
"""

from __future__ import annotations

import random

from langsniff.datasets.embedded import window_label

MIN_CONTENT_CHARS = 3
WHOLE_FILE_CHANCE = 0.1
RANDOM_TRIES = 20


def random_window(
    code: str, label: str, rng: random.Random, min_lines: int = 1, max_lines: int = 40
) -> tuple[str, str]:
    """A training window of a `label` text, `min_lines`..`max_lines` lines or (one time in
    ten) the whole file without its outer blank lines, and the window's label.
    Raises ValueError for blank text."""
    lines = content_lines(code)
    if rng.random() < WHOLE_FILE_CHANCE:
        return "\n".join(lines), label
    start, end = window_span(lines, rng.randint(min_lines, max_lines), rng)
    return "\n".join(lines[start:end]), window_label(label, lines, start, end)


def fixed_window(code: str, label: str, lines: int, rng: random.Random) -> tuple[str, str]:
    """An evaluation window of `lines` lines of a `label` text (the whole text when it is
    shorter) and the window's label. Raises ValueError for blank text."""
    content = content_lines(code)
    start, end = window_span(content, lines, rng)
    return "\n".join(content[start:end]), window_label(label, content, start, end)


def line_count(text: str) -> int:
    """How many lines a text spans between its first and last non-blank line (0 when blank)."""
    return len(content_lines(text)) if text.strip() else 0


def content_lines(code: str) -> list[str]:
    """The text's lines without leading and trailing blank lines; ValueError when all are blank."""
    start, end = content_span(code)
    if start == end:
        raise ValueError("the text has no non-blank line")
    return code[start:end].split("\n")


def content_span(text: str) -> tuple[int, int]:
    """Character offsets from the start of the text's first non-blank line to the end of its
    last ((0, 0) when blank): the part a training window holds, so the blank lines around a
    paste do not change its answer."""
    first = len(text) - len(text.lstrip())  # the first non-blank character
    if first == len(text):
        return (0, 0)
    end = text.find("\n", len(text.rstrip()))
    return text.rfind("\n", 0, first) + 1, len(text) if end == -1 else end


def window_span(lines: list[str], size: int, rng: random.Random) -> tuple[int, int]:
    """`(start, end)` of a window of at most `size` of `lines` (which start and end non-blank):
    exactly `size` lines with non-blank ends and enough content when such a window exists,
    else the best the text allows, trailing blank lines cut."""
    if size < 1:
        raise ValueError(f"a window needs at least one line, got {size}")
    if size >= len(lines):
        return 0, len(lines)
    last_start = len(lines) - size
    for _ in range(RANDOM_TRIES):
        start = rng.randint(0, last_start)
        if _is_good(lines, start, size):
            return start, start + size
    good = [start for start in range(last_start + 1) if _is_good(lines, start, size)]
    if good:
        start = rng.choice(good)
        return start, start + size
    starts = [start for start in range(last_start + 1) if lines[start].strip()]
    start = rng.choice(starts)
    end = start + size
    while not lines[end - 1].strip():
        end -= 1
    return start, end


def _is_good(lines: list[str], start: int, size: int) -> bool:
    if not lines[start].strip() or not lines[start + size - 1].strip():
        return False
    content = 0
    for line in lines[start : start + size]:
        content += sum(1 for char in line if not char.isspace())
        if content >= MIN_CONTENT_CHARS:
            return True
    return False
