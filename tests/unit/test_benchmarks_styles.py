"""The indentation benchmark's restyling and table, on hand-made records and scores."""

from benchmarks.indentation import STYLES, render, styled
from langsniff.datasets.records import Record


def test_styled_reindents_all_but_the_labels_whose_indentation_is_syntax():
    records = [Record("if x:\n    y()\n", "python"), Record("all:\n\tcc main.c\n", "makefile")]
    assert styled(records, None) == records
    assert styled(records, "\t") == [Record("if x:\n\ty()\n", "python"), records[1]]
    assert styled(records, "  ")[1] == records[1]


def test_the_worst_column_is_the_lowest_style():
    scores = {"n": 4, **{style: 0.75 for style in STYLES}, "tabs": 0.5}
    table = render({"per_label": 2, "models": {"runs/m": {"linguist": scores}}})
    assert table.splitlines()[-1] == "| m: linguist (4) | 75.0 | 50.0 | 75.0 | 75.0 | 50.0 |"
