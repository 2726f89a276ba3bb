"""The Markdown report: tables by evaluation set, targets met or missed, the throughput table."""

from langsniff.datasets.records import Record

from benchmarks.detectors.base import Verdict
from benchmarks.evalsets import EvalSet
from benchmarks.report import markdown_table, metric_table, target_lines, write_report
from benchmarks.runner import DetectorRun
from benchmarks.scoring import Latency, score
from benchmarks.throughput import read_tokens_per_s, throughput_lines


def make_sets():
    records = [Record("x = 1", "python"), Record("int x;", "c")]
    return [EvalSet("test_lines3", "test", 3, records), EvalSet("test_whole", "test", None, records)]


def make_run(name, right, median_ms, variants=("as answers",)):
    """A run that gets `right` of the two snippets of every set right."""
    verdicts = [Verdict("python", 0.9, True), Verdict("c" if right == 2 else "cpp", 0.8, True)]
    scores = {v: {s: score(["python", "c"], verdicts) for s in ("test_lines3", "test_whole")} for v in variants}
    return DetectorRun(name, f"{name} 1.0", "", variants, 0.5, 100.0, Latency(median_ms, median_ms * 2), {}, scores)


def test_markdown_table_shape():
    table = markdown_table(["detector", "a"], [["x", "1.0"]])
    assert table.splitlines() == ["| detector | a |", "|:---|---:|", "| x | 1.0 |"]


def test_metric_table_has_a_row_per_variant_and_bolds_the_best():
    runs = [make_run("langsniff", 2, 1.0), make_run("vscode", 1, 10.0, ("as answers", "VS Code rule"))]
    table = metric_table(runs, make_sets(), lambda s: s.accuracy)
    lines = table.splitlines()
    assert lines[0] == "| detector | test 3 | test whole |"
    assert lines[2] == "| langsniff | **100.0** | **100.0** |"
    assert lines[4] == "| vscode (VS Code rule) | 50.0 | 50.0 |"


def test_targets_report_met_and_missed_with_numbers():
    met = target_lines([make_run("langsniff", 2, 1.0), make_run("vscode", 1, 10.0)], make_sets())
    assert "**met**" in met[0] and "**met**" in met[1]
    assert "+50.0 points" in met[2] and "**met**" in met[2]
    assert "1.00 ms vs 10.00 ms" in met[3] and "**met**" in met[3]
    missed = target_lines([make_run("langsniff", 1, 20.0), make_run("vscode", 2, 10.0)], make_sets())
    assert "**missed** on test 3: langsniff 50.0% vs vscode 100.0%" in missed[0]
    assert all("**missed**" in line for line in missed)


def test_the_strict_target_counts_every_variant():
    rival = make_run("magika", 1, 5.0, ("as answers", "model label"))
    rival.scores["model label"] = make_run("x", 2, 1.0).scores["as answers"]
    lines = target_lines([make_run("langsniff", 2, 1.0), rival], make_sets())
    assert "**met**" in lines[0]
    assert "**missed** on test 3: langsniff 100.0% vs magika (model label) 100.0%" in lines[1]


def test_write_report_writes_every_section(tmp_path):
    path = tmp_path / "comparison.md"
    runs = [make_run("langsniff", 2, 1.0), make_run("vscode", 1, 10.0)]
    write_report(
        path,
        runs,
        make_sets(),
        command="python -m benchmarks.compare",
        skipped=["guesslang: not installed"],
        plots=[str(tmp_path / "latency.png")],
        throughput=["tokens table"],
    )
    text = path.read_text()
    for heading in (
        "## Targets",
        "## Accuracy",
        "## Coverage at 97% precision",
        "## Cost",
        "## Training throughput",
        "## Per-label recall",
        "skipped: guesslang: not installed",
        "![latency](latency.png)",
    ):
        assert heading in text


def test_throughput_reads_the_presets_table(tmp_path):
    table = "Presets\n\n| preset | accuracy | train tokens/s | params |\n|---|---|---|---|\n| v1 | 0.1 | 98,000 | 1k |\n| langsniff | 0.9 | 30,000 | 2M |\n"
    assert read_tokens_per_s(table) == {"v1": "98,000", "langsniff": "30,000"}
    saved = tmp_path / "presets.md"
    saved.write_text(table)
    lines = throughput_lines(saved)
    assert "| v1 | 98,000 | ~105,000 |" in lines
    assert "| langsniff | 30,000 | — |" in lines
    assert "not found" in throughput_lines(tmp_path / "missing.md")[0]
