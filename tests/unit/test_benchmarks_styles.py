"""The style benchmark's restyling and table, on hand-made records and scores."""

from benchmarks.styles import STYLES, render, styled
from langsniff.datasets.records import Record

RECORDS = [
    Record("if x:\n    y()\n", "python"),
    Record("all:\n\tcc main.c\n", "makefile"),
    Record("int x; /* one */\n", "c"),
    Record("a { color: red; } /* note */\n", "css"),
]


def test_styled_reindents_all_but_the_labels_whose_indentation_is_syntax():
    assert styled(RECORDS, STYLES["as given"]) == RECORDS
    assert styled(RECORDS, STYLES["tabs"])[:2] == [Record("if x:\n\ty()\n", "python"), RECORDS[1]]
    assert styled(RECORDS, STYLES["2 spaces"])[1] == RECORDS[1]


def test_styled_rewrites_comments_only_where_the_language_has_both_styles():
    restyled = styled(RECORDS, STYLES["// comments"])
    assert restyled[2] == Record("int x; // one\n", "c")
    assert restyled[3] == RECORDS[3]
    assert styled(restyled, STYLES["/* */ comments"])[2] == RECORDS[2]


def test_the_worst_column_is_the_lowest_style():
    scores = {"n": 4, **{style: 0.75 for style in STYLES}, "tabs": 0.5}
    table = render({"per_label": 2, "models": {"runs/m": {"linguist": scores}}})
    assert table.splitlines()[-1] == "| m: linguist (4) | 75.0 | 50.0 | 75.0 | 75.0 | 75.0 | 75.0 | 50.0 |"
