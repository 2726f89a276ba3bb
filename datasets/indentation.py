"""Re-indenting code: the same text with each indentation level written in another unit.

Indentation style says little about the language: T-SQL and C are indented with four
spaces as often as Python is, and Python is pasted with tabs. A model that sees each
language mostly in one style learns the style instead (a 4-space T-SQL procedure came
out Python at 0.72, the same text with tabs SQL at 0.97). Training windows are therefore
re-indented now and then (model/sampling.py), and `benchmarks.styles` scores
texts re-indented each way.
"""

from __future__ import annotations

import re

UNITS = ("\t", "  ", "    ")
# Where the indentation is syntax or meaning: a Makefile recipe needs its tab, YAML forbids
# tabs, and four spaces make a Markdown code block.
KEEP_INDENTATION = frozenset({"makefile", "yaml", "markdown"})
LEADING = re.compile(r"[ \t]*")
MAX_STEP = 8


def space_step(lines: list[str]) -> int | None:
    """The number of spaces one indentation level takes in `lines`: the smallest indent of
    2 to 8 spaces (a 1-space indent is a block comment's ` * `), or None when none has one."""
    widths = [len(LEADING.match(line).group(0).replace("\t", "")) for line in lines if line.strip()]
    steps = [width for width in widths if width >= 2]
    return min(steps) if steps and min(steps) <= MAX_STEP else None


def reindent(text: str, unit: str) -> str:
    """`text` with every indentation level written as `unit`: a tab is one level, `step`
    spaces are one (see `space_step`), spaces left over stay as they were (the ` * ` of a
    block comment). Text whose spaces have no step changes only in its tabs."""
    lines = text.split("\n")
    step = space_step(lines)
    rewritten = []
    for line in lines:
        indent = LEADING.match(line).group(0)
        if not indent or not line.strip():
            rewritten.append(line)
            continue
        spaces = len(indent) - indent.count("\t")
        levels = indent.count("\t") + (spaces // step if step else 0)
        rest = spaces % step if step else spaces
        rewritten.append(unit * levels + " " * rest + line[len(indent) :])
    return "\n".join(rewritten)
