"""The `langsniff` command: arguments, output, and clear errors (exit 2, no traceback)."""

import io
import json
import shutil
import subprocess
import sys

import pytest
from model_test_helpers import SNIPPETS, tiny_artifact

from langsniff.model.cli import main


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    return tiny_artifact(tmp_path_factory.mktemp("artifact"))


@pytest.fixture()
def code_file(tmp_path):
    path = tmp_path / "snippet.txt"
    path.write_text(SNIPPETS["python"][0])
    return path


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_detect_prints_the_label_and_top_probabilities(artifact, code_file, capsys):
    status, out, _ = run(capsys, "detect", code_file, "--model", artifact, "--top", "2")
    lines = out.splitlines()
    assert status == 0 and lines[0].split()[0] in SNIPPETS and len(lines) == 3 and "%" in lines[1]


def test_detect_json(artifact, code_file, capsys):
    status, out, _ = run(capsys, "detect", code_file, "--model", artifact, "--json")
    answer = json.loads(out)
    assert status == 0 and answer["label"] in answer["probabilities"]
    assert answer["threshold"] == 0.5 and answer["tokens"] > 0 and answer["windows"] == 2


def test_detect_reads_standard_input(artifact, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SNIPPETS["sql"][0].encode())))
    status, out, _ = run(capsys, "detect", "-", "--model", artifact, "--json")
    assert status == 0 and json.loads(out)["tokens"] > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b" \n\n\t", "is empty"),
        (b"\x7fELF\x00\x01\x02", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_detect_rejects_bad_input_clearly(artifact, tmp_path, capsys, content, message):
    path = tmp_path / "input"
    path.write_bytes(content)
    status, out, err = run(capsys, "detect", path, "--model", artifact)
    assert status == 2 and out == "" and err.startswith("langsniff: error:") and message in err


def test_detect_into_a_closed_pipe_ends_quietly(artifact, code_file):
    """`langsniff detect - | head -1` must not end in an error once head has stopped reading."""
    script = (
        "import os, sys\n"
        "read, write = os.pipe()\n"
        "os.close(read)\n"
        "os.dup2(write, 1)\n"
        "from langsniff.model.cli import main\n"
        "sys.exit(main(['detect', sys.argv[1], '--model', sys.argv[2]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(code_file), str(artifact)], capture_output=True, text=True)
    assert done.returncode == 141 and done.stderr == ""


def test_detect_reports_a_missing_file(artifact, tmp_path, capsys):
    status, _, err = run(capsys, "detect", tmp_path / "absent.py", "--model", artifact)
    assert status == 2 and "absent.py: cannot be read (No such file or directory)" in err


def test_detect_reports_a_folder_given_as_file(artifact, tmp_path, capsys):
    status, _, err = run(capsys, "detect", tmp_path, "--model", artifact)
    assert status == 2 and "cannot be read" in err


def test_detect_reports_missing_and_corrupt_artifacts(artifact, code_file, tmp_path, capsys):
    status, _, err = run(capsys, "detect", code_file, "--model", tmp_path / "nothing")
    assert status == 2 and "no such artifact folder (shipped models: default, languages32)" in err
    broken = tmp_path / "broken"
    shutil.copytree(artifact, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    status, _, err = run(capsys, "detect", code_file, "--model", broken)
    assert status == 2 and "corrupt" in err and "model.safetensors" in err


def test_eval_on_a_jsonl_file_writes_metrics_plots_and_records_a_summary(artifact, tmp_path, capsys):
    data = tmp_path / "snippets.jsonl"
    data.write_text(
        "".join(json.dumps({"code": t, "label": label}) + "\n" for label, ts in SNIPPETS.items() for t in ts)
    )
    out_dir = tmp_path / "report"
    status, out, _ = run(capsys, "eval", artifact, "--data", data, "--out", out_dir)
    assert status == 0
    assert "| given | 30 |" in out and "| lines3 | 30 |" in out and "coverage@97%" in out
    metrics = json.loads((out_dir / "metrics.json").read_text())
    assert set(metrics["by_set"]) == {"given", "lines1", "lines3", "lines5", "lines10", "lines20"}
    assert metrics["by_set"]["given"]["prose_n"] == 3
    assert (out_dir / "confusion.png").stat().st_size > 1000
    assert (out_dir / "accuracy_by_length.png").stat().st_size > 1000
    recorded = json.loads((artifact / "metrics.json").read_text())["evaluations"]["snippets"]
    assert recorded["by_set"]["lines3"]["n"] == 30


def test_eval_without_a_corpus_says_so(artifact, tmp_path, capsys):
    status, _, err = run(capsys, "eval", artifact, "--corpus", tmp_path / "no-corpus")
    assert status == 2 and err.startswith("langsniff: error:")


def test_train_needs_exactly_one_budget(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["train", "--out", str(tmp_path), "--minutes", "1", "--epochs", "1"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit):
        main(["train", "--out", str(tmp_path)])


def test_train_rejects_unknown_presets_and_settings(tmp_path, capsys):
    status, _, err = run(capsys, "train", "--preset", "v9", "--out", tmp_path, "--epochs", "1")
    assert status == 2 and "unknown preset 'v9'" in err
    status, _, err = run(capsys, "train", "--out", tmp_path, "--epochs", "1", "--set", "colour=red")
    assert status == 2 and "unknown setting 'colour'" in err
    status, _, err = run(capsys, "train", "--out", tmp_path, "--epochs", "1", "--set", "nonsense")
    assert status == 2 and "KEY=VALUE" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("train", "--out", "x", "--epochs", "1", "--threads", "0"), "--threads: expected 1 or more, got 0"),
        (("train", "--out", "x", "--epochs", "two"), "--epochs: expected a whole number, got 'two'"),
        (("eval", "default", "--limit", "-3"), "--limit: expected 0 or more, got -3"),
        (("tune", "x", "--per-set", "0"), "--per-set: expected 1 or more, got 0"),
        (("gate", "x", "--base", "default", "--per-label", "-1"), "--per-label: expected 1 or more, got -1"),
        (("detect", "-", "--top", "0"), "--top: expected 1 or more, got 0"),
    ],
)
def test_counts_out_of_range_are_clear_errors(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_status:
        main(list(argv))
    assert exit_status.value.code == 2 and message in capsys.readouterr().err


def test_the_installed_command_prints_no_traceback(tmp_path):
    result = subprocess.run(
        ["langsniff", "detect", "-", "--model", str(tmp_path / "none")],
        input=b"x = 1",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"no such artifact folder" in result.stderr
