"""Restyling comments: `//` and `/* */` rewritten into each other, code and strings untouched,
and the training sampler restyling its share of C-family windows."""

import pytest

from langsniff.datasets.comments import BLOCK, LINE, restyle_comments
from langsniff.datasets.records import Record
from model_test_helpers import sampled_windows

C_FILE = """/*
 * Copyright (c) 2011
 * Licence: MIT
 */
#include <stdio.h>

int main(void) { /* entry */
    char *url = "http://x.org/*not*/"; // a URL
    int x = 1; /* one */ int y = 2;
    return 0; // done */ here
}
"""


def test_block_comments_that_end_their_line_become_line_comments():
    assert restyle_comments(C_FILE, LINE) == """// Copyright (c) 2011
// Licence: MIT
#include <stdio.h>

int main(void) { // entry
    char *url = "http://x.org/*not*/"; // a URL
    int x = 1; /* one */ int y = 2;
    return 0; // done */ here
}
"""


def test_line_comments_become_block_comments():
    assert restyle_comments(C_FILE, BLOCK) == C_FILE.replace("// a URL", "/* a URL */")
    assert restyle_comments(restyle_comments(C_FILE, LINE), BLOCK).startswith(
        "/* Copyright (c) 2011 */\n/* Licence: MIT */\n#include"
    )


def test_an_indented_block_comment_keeps_its_indentation_on_every_line():
    code = "void f(void)\n{\n\t/** Doc\n\t    more */\n\treturn;\n}"
    assert restyle_comments(code, LINE) == "void f(void)\n{\n\t// Doc\n\t// more\n\treturn;\n}"


def test_comments_cut_by_the_window_edge_are_left_as_they_are():
    assert restyle_comments(" * middle of a comment\n */\nint x;", LINE) == " * middle of a comment\n */\nint x;"
    assert restyle_comments("int x;\n/* a comment that goes on", LINE) == "int x;\n/* a comment that goes on"


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="comment style"):
        restyle_comments("int x;", "hash")


def line_commented(share: float, records: list[Record], labels: list[str]) -> float:
    """The share of a seeded sampler's windows (restyling `share` of them) with a `//`."""
    windows = sampled_windows(records, labels, comment_share=share)
    return sum("//" in window for window in windows) / len(windows)


def test_the_sampler_restyles_its_share_of_c_windows():
    records = [Record("int f(void)\n{\n\treturn 0; /* zero */\n}\n", "c")]
    assert line_commented(0.0, records, ["c"]) == 0.0
    assert 0.1 < line_commented(0.5, records, ["c"]) < 0.5


def test_the_sampler_leaves_css_comments_alone():
    records = [Record("a {\n\tcolor: red; /* red */\n}\n", "css")]
    assert line_commented(1.0, records, ["css"]) == 0.0
