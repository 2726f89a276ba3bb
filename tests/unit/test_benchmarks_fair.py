"""Like for like: each detector scored on the rows whose label it can name, langsniff on the same rows.

Hand-made detectors with fixed answers go through the real runner, scoring and report.
"""

import json

import pytest
from langsniff.datasets.labels import ORIGINAL_LABELS
from langsniff.datasets.records import Record

from benchmarks.compare import main
from benchmarks.detectors.base import Answer, Detector
from benchmarks.detectors.highlightjs import HLJS_NAMES
from benchmarks.detectors.names import ORIGINAL, artifact_labels, default_artifact, known_scope
from benchmarks.evalsets import EvalSet, load_eval_sets
from benchmarks.report import target_lines, write_report
from benchmarks.runner import run_all

OURS = (*ORIGINAL_LABELS, "typescript", "scss", "xml")
RECORDS = [
    Record("def f(): pass", "python"),
    Record("print(1)", "python"),
    Record("$a: 1;", "scss"),
    Record("@mixin m {}", "scss"),
    Record("<note/>", "xml"),
    Record("<p>hi</p>", "html"),
]
SETS = [EvalSet("test_lines3", "test", 3, RECORDS)]


class Fixed(Detector):
    """Answers each snippet from a table, in its own vocabulary."""

    def __init__(self, name, said, vocabulary, overrides=None):
        self.name, self.version, self.info, self._said = name, f"{name} 1", {"names": vocabulary}, said
        self.overrides = overrides or {}
        self.attach(OURS)

    def detect(self, code, source=""):
        names = self._said[code]
        return Answer((names,) if isinstance(names, str) else names, 0.9, (), ms=1.0)

    def peak_rss_mb(self):
        return 10.0


def make_detectors():
    ours = Fixed(
        "langsniff", {r.code: r.label for r in RECORDS} | {"$a: 1;": "css", "@mixin m {}": "css"}, [[l] for l in OURS]
    )
    # knows python, html, xml (no scss); right on one python snippet, html and xml
    rival = Fixed(
        "vscode",
        {
            "def f(): pass": "py",
            "print(1)": "r",
            "$a: 1;": "css",
            "@mixin m {}": "css",
            "<note/>": "xml",
            "<p>hi</p>": "html",
        },
        [["py"], ["r"], ["css"], ["html"], ["xml"]],
    )
    # highlight.js: one `xml` grammar answers both the XML and the HTML snippet
    hljs = Fixed(
        "highlightjs",
        {r.code: "python" for r in RECORDS} | {"<note/>": ("xml", "html"), "<p>hi</p>": ("xml", "html")},
        [["python"], ["xml", "html"], ["scss"]],
        HLJS_NAMES,
    )
    return [ours, rival, hljs]


def test_each_detector_is_scored_on_the_rows_it_can_name_and_langsniff_on_the_same():
    runs, _ = run_all(make_detectors(), SETS)
    ours, rival, hljs = runs
    assert rival.known == ["css", "html", "python", "r", "xml"]
    scope = known_scope("vscode")
    whole = rival.scores["as answers"]["test_lines3"]
    assert (whole.n, whole.accuracy) == (6, pytest.approx(3 / 6))
    mine, theirs = ours.subsets[scope]["as answers"]["test_lines3"], rival.subsets[scope]["as answers"]["test_lines3"]
    assert (theirs.n, theirs.accuracy) == (4, pytest.approx(3 / 4))  # the scss rows are not its
    assert (mine.n, mine.accuracy) == (4, 1.0)  # langsniff on exactly those four rows
    assert ours.scores["as answers"]["test_lines3"].accuracy == pytest.approx(4 / 6)  # wrong on scss, whole set
    # highlight.js knows scss too (all six rows); its xml answer is right for the HTML and the XML row
    on_its_rows = hljs.subsets[known_scope("highlightjs")]["as answers"]["test_lines3"]
    assert (on_its_rows.n, on_its_rows.accuracy) == (6, pytest.approx(4 / 6))
    # the ten original labels: python and html rows only
    original = rival.subsets[ORIGINAL]["as answers"]["test_lines3"]
    assert (original.n, original.accuracy) == (3, pytest.approx(2 / 3))


def test_targets_and_report_are_like_for_like(tmp_path):
    runs, _ = run_all(make_detectors(), SETS)
    lines = target_lines(runs, SETS)
    # beats vscode on its four rows (100% vs 75%), ties highlight.js on all six (both 4 of 6)
    assert lines[0].endswith("**missed** on test 3: langsniff 66.7% vs highlightjs 66.7%")
    path = tmp_path / "comparison.md"
    write_report(path, runs, SETS, command="c", skipped=[], plots=[], throughput=["tokens"], labels=OURS)
    text = path.read_text()
    assert "vscode names 5 of our 13 labels; it cannot name c, cpp, java, javascript, sql, plaintext" in text
    assert "highlightjs names 4 of our 13" in text  # python, scss, and xml and html through its xml
    assert "## The ten original labels" in text and "## Training throughput" in text
    assert "the benchmarked artifact's 13" in text


def test_our_labels_come_from_the_artifact(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"labels": ["python", "go", "plaintext"]}))
    assert artifact_labels(tmp_path) == ("python", "go", "plaintext")
    shipped = json.loads((default_artifact() / "config.json").read_text())["labels"]
    assert artifact_labels(None) == tuple(shipped)


def test_snippets_of_labels_the_artifact_lacks_are_left_out_and_counted(tmp_path):
    folder = tmp_path / "eval"
    folder.mkdir()
    rows = [
        {"code": "x <- 1", "label": "R"},
        {"code": "int x;", "label": "C"},
        {"code": "fn main() {}", "label": "rust"},
    ]
    for name in ("linguist", "linguist_lines3", "linguist_lines10"):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    sets = load_eval_sets(None, folder, per_label=None, labels=("c", "r", "plaintext"))
    assert sorted(r.label for r in sets[0].records) == ["c", "r"]
    assert sets[0].dropped == {"rust": 1}


def test_an_artifact_without_labels_is_a_clear_error(tmp_path, capsys):
    assert main(["--model", str(tmp_path), "--corpus", str(tmp_path), "--eval", str(tmp_path)]) == 2
    assert "no labels in" in capsys.readouterr().err
