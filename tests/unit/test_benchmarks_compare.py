"""The comparison command's input handling: evaluation sets found on disk, clear errors, no traceback."""

import json

from benchmarks.compare import main
from benchmarks.evalsets import load_eval_sets


def write_linguist_sets(folder):
    folder.mkdir()
    rows = [{"code": "x <- c(1, 2)", "label": "R", "source": "a"}, {"code": "int x;", "label": "C", "source": "b"}]
    for name in ("linguist", "linguist_lines3", "linguist_lines10"):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))


def test_linguist_sets_load_shortest_first_with_our_labels(tmp_path):
    write_linguist_sets(tmp_path / "eval")
    sets = load_eval_sets(None, tmp_path / "eval", per_label=None)
    assert [(s.name, s.length) for s in sets] == [("linguist_lines3", 3), ("linguist_lines10", 10), ("linguist", None)]
    assert sorted(r.label for r in sets[0].records) == ["c", "r"]


def test_unknown_detector_is_a_clear_error(tmp_path, capsys):
    write_linguist_sets(tmp_path / "eval")
    assert main(["--detectors", "nope", "--corpus", str(tmp_path / "corpus"), "--eval", str(tmp_path / "eval")]) == 2
    assert "unknown detector(s) nope" in capsys.readouterr().err


def test_no_evaluation_set_is_a_clear_error(tmp_path, capsys):
    assert main(["--corpus", str(tmp_path), "--eval", str(tmp_path / "missing")]) == 2
    assert "no evaluation set found" in capsys.readouterr().err


def test_langsniff_is_never_replayed(capsys):
    assert main(["--reuse", "magika,langsniff"]) == 2
    assert "langsniff always runs live" in capsys.readouterr().err


def test_reuse_without_answers_for_these_sets_is_an_error(tmp_path, capsys):
    write_linguist_sets(tmp_path / "eval")
    args = ["--detectors", "magika", "--reuse", "magika", "--corpus", str(tmp_path / "corpus")]
    assert main([*args, "--eval", str(tmp_path / "eval"), "--answers", str(tmp_path / "answers")]) == 2
    assert "no saved answers of magika for these evaluation sets and labels" in capsys.readouterr().err
