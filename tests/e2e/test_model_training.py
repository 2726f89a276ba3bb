"""End to end: fixture files -> `langsniff data build` -> `langsniff train` -> load -> predict -> resume."""

import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from benchmarks import hard_negatives
from langsniff.datasets.corpus import load_eval_set
from langsniff.model.classifier import Classifier
from langsniff.model.cli import main
from langsniff.model.training import validation_sets
from langsniff.model.tuning import LENGTH_OF

SNIPPETS = json.loads((Path(__file__).resolve().parents[1] / "data" / "model_snippets.json").read_text())
EXTENSIONS = {
    "c": ".c",
    "cpp": ".cpp",
    "css": ".css",
    "html": ".html",
    "java": ".java",
    "javascript": ".js",
    "python": ".py",
    "r": ".R",
    "sql": ".sql",
    "plaintext": ".txt",
}
TINY = [
    "d_model=32",
    "n_layers=1",
    "n_heads=2",
    "vocab_size=300",
    "max_tokens=64",
    "steps_per_epoch=4",
    "batch_size=8",
    "warmup_steps=2",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("e2e"), {})


GO = [
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tnames := []string{"a", "b"}\n\tfor i, n := range names {\n\t\tfmt.Println(i, n)\n\t}\n}\n',
    "package store\n\ntype Store struct {\n\tmu    sync.Mutex\n\titems map[string]int\n}\n\nfunc (s *Store) Get(key string) (int, bool) {\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n\tv, ok := s.items[key]\n\treturn v, ok\n}\n",
]


def build(root: Path, extra: dict[str, tuple[str, list[str]]]) -> Path:
    """A corpus from the fixture snippets (and variants), plus `extra` label -> (extension, texts)."""
    source = root / "files"
    labelled = {label: (EXTENSIONS[label], texts) for label, texts in SNIPPETS.items()} | extra
    for label, (extension, texts) in labelled.items():
        folder = source / label
        folder.mkdir(parents=True)
        for index, text in enumerate(texts):
            (folder / f"sample{index}{extension}").write_text(text)
            (folder / f"variant{index}{extension}").write_text(text.replace("a", "e").replace("1", "7"))
    cache = root / "cache"
    assert main(["data", "build", "--input", str(source), "--cache", str(cache), "--eval-per-label", "4"]) == 0
    return cache / "corpus"


def train(corpus: Path, out: Path, epochs: int, *extra: str) -> int:
    overrides = [item for setting in TINY for item in ("--set", setting)]
    return main(
        [
            "train",
            "--preset",
            "langsniff",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            "--epochs",
            str(epochs),
            "--no-progress",
            "--threads",
            "1",
            *overrides,
            *extra,
        ]
    )


@pytest.mark.slow
def test_train_save_load_predict_and_resume(corpus, tmp_path, capsys):
    out = tmp_path / "artifact"
    assert train(corpus, out, 2) == 0
    assert "best validation mean accuracy" in capsys.readouterr().out
    for name in ("config.json", "model.safetensors", "tokenizer.json", "metrics.json"):
        assert (out / name).is_file()
    config = json.loads((out / "config.json").read_text())
    metrics = json.loads((out / "metrics.json").read_text())
    assert config["labels"] == list(EXTENSIONS) and config["max_tokens"] == 64
    assert 0.0 < config["threshold"] and config["temperature"] == metrics["calibration"]["temperature"]
    assert metrics["train"]["steps"] == 8 and metrics["train"]["tokens_per_second"] > 0
    assert {"ece_before", "ece_after", "coverage_at_97"} <= set(metrics["calibration"])

    classifier = Classifier.load(out, threads=1)
    prediction = classifier.predict(SNIPPETS["python"][0])
    assert prediction.label in classifier.labels and prediction.tokens > 0
    assert classifier.threshold == config["threshold"]

    assert train(corpus, out, 3, "--resume") == 0
    resumed = json.loads((out / "checkpoint" / "state.json").read_text())
    assert resumed["step"] == 12
    assert [entry["step"] for entry in resumed["history"]] == [4, 8, 12]


@pytest.mark.slow
def test_training_is_reproducible(corpus, tmp_path):
    assert train(corpus, tmp_path / "a", 1) == 0
    assert train(corpus, tmp_path / "b", 1) == 0
    first = json.loads((tmp_path / "a" / "history.json").read_text())
    second = json.loads((tmp_path / "b" / "history.json").read_text())
    assert first == second


@pytest.mark.slow
def test_warm_start_grows_the_label_set(corpus, tmp_path):
    source = tmp_path / "nine"
    assert train(corpus, source, 1) == 0
    grown = build(tmp_path / "grown", {"go": (".go", GO * 3)})
    out = tmp_path / "grown-artifact"
    assert train(grown, out, 1, "--init", str(source)) == 0
    config = json.loads((out / "config.json").read_text())
    assert config["labels"] == [*EXTENSIONS, "go"]
    assert config["training"]["init"] == str(source)
    assert (out / "tokenizer.json").read_text() == (source / "tokenizer.json").read_text()
    assert Classifier.load(out, threads=1).predict(GO[0]).label in config["labels"]


@pytest.mark.slow
def test_gate_makes_a_grown_model_defer_to_its_base(tmp_path, capsys):
    corpus = build(tmp_path / "grown", {"go": (".go", GO * 3)})
    base, grown = tmp_path / "nine", tmp_path / "grown-artifact"
    assert train(corpus, base, 1, "--set", f"labels={','.join(EXTENSIONS)}") == 0
    assert train(corpus, grown, 1, "--init", str(base)) == 0
    before = (grown / "config.json").read_text()

    assert main(["gate", str(grown), "--base", "../nowhere", "--corpus", str(corpus)]) != 0
    error = capsys.readouterr().err
    assert "nowhere" in error and "Traceback" not in error
    assert (grown / "config.json").read_text() == before  # a failed gate loses nothing

    assert main(["gate", str(grown), "--base", "../nine", "--corpus", str(corpus), "--per-label", "4"]) == 0
    assert "defers to ../nine" in capsys.readouterr().out
    config = json.loads((grown / "config.json").read_text())
    fit = json.loads((grown / "metrics.json").read_text())["gates"]
    assert config["base"] == {"artifact": "../nine", "gate": fit["gate"], "plaintext_gate": fit["plaintext_gate"]}
    assert fit["base_loss"] and set(fit["base_loss"]) <= {"lines1", "lines3", "lines5", "lines10", "lines20", "whole"}
    assert all(loss <= 0.005 for loss in fit["base_loss"].values())
    assert not (grown / "tokenizer.json").exists()  # the same as the base's: shared
    gated = Classifier.load(grown, threads=1)
    assert gated.base is not None and gated.base.labels == list(EXTENSIONS)
    assert set(gated.predict(GO[0]).probabilities) == set(EXTENSIONS) | {"go"}


@pytest.mark.slow
def test_warm_start_from_a_missing_artifact_is_a_clear_error(corpus, tmp_path, capsys):
    assert train(corpus, tmp_path / "out", 1, "--init", str(tmp_path / "nowhere")) != 0
    error = capsys.readouterr().err
    assert "nowhere" in error and "Traceback" not in error


@pytest.mark.slow
def test_keep_last_keeps_the_last_step_not_the_best(corpus, tmp_path):
    out = tmp_path / "last"
    assert train(corpus, out, 3, "--set", "keep_last=true") == 0
    assert json.loads((out / "config.json").read_text())["training"]["keep_last"] is True
    kept = load_file(str(out / "model.safetensors"))
    last = load_file(str(out / "checkpoint" / "state.safetensors"))
    assert all(torch.equal(tensor, last[f"model.{name}"]) for name, tensor in kept.items())


@pytest.mark.slow
def test_tune_refits_temperature_and_thresholds_in_place(corpus, tmp_path, capsys):
    out = tmp_path / "artifact"
    assert train(corpus, out, 1) == 0
    config = json.loads((out / "config.json").read_text())
    config["temperature"], config["thresholds_by_lines"] = 9.0, {}
    (out / "config.json").write_text(json.dumps(config))
    assert main(["tune", str(out), "--corpus", str(corpus), "--per-set", "20"]) == 0
    assert "thresholds <=1:" in capsys.readouterr().out
    tuned = json.loads((out / "config.json").read_text())
    by_lines = {int(lines): value for lines, value in tuned["thresholds_by_lines"].items()}
    assert tuned["temperature"] != 9.0 and by_lines and set(by_lines) <= {1, 3, 5, 10, 20}
    ordered = [by_lines[lines] for lines in sorted(by_lines)] + [tuned["threshold"]]
    assert ordered == sorted(ordered, reverse=True), "a shorter snippet never needs less confidence"
    assert json.loads((out / "metrics.json").read_text())["calibration"]["temperature"] == tuned["temperature"]
    assert main(["tune", str(tmp_path / "missing"), "--corpus", str(corpus)]) != 0


LOGS = [
    "Jan  3 10:00:01 host sshd[812]: Failed password for root from 10.0.0.5 port 4242 ssh2\n"
    "Jan  3 10:00:04 host sshd[812]: Connection closed by 10.0.0.5 port 4242 [preauth]\n",
    "2026-11-30 12:17:01 status installed libc6:amd64 2.36-9\n2026-11-30 12:17:02 configure tzdata:all 2025b\n",
]


def test_average_writes_a_calibrated_mean_of_a_run_and_its_start(corpus, tmp_path, capsys):
    start, run, mean = tmp_path / "start", tmp_path / "run", tmp_path / "mean"
    assert train(corpus, start, 1) == 0
    assert train(corpus, run, 1, "--init", str(start), "--set", "seed=1") == 0
    capsys.readouterr()
    assert main(["average", str(run), str(start), "--out", str(mean), "--corpus", str(corpus), "--per-set", "5"]) == 0
    assert f"wrote {mean}: temperature" in capsys.readouterr().out
    metrics = json.loads((mean / "metrics.json").read_text())
    assert metrics["averaged"] == [str(run), str(start)] and "calibration" in metrics
    assert Classifier.load(mean, threads=1).predict(SNIPPETS["python"][0]).label in EXTENSIONS

    other = build(tmp_path / "other", {"go": (".go", GO * 3)})
    assert train(other, tmp_path / "eleven", 1) == 0
    capsys.readouterr()
    assert main(["average", str(start), str(tmp_path / "eleven"), "--out", str(tmp_path / "bad")]) != 0
    error = capsys.readouterr().err
    assert "other labels" in error and "Traceback" not in error and not (tmp_path / "bad").exists()


@pytest.mark.slow
def test_hard_negatives_train_as_plaintext_and_are_measured(tmp_path, capsys):
    corpus = build(tmp_path / "negatives", {"log": (".log", LOGS * 3), "go": (".go", GO * 3)})
    out = tmp_path / "artifact"
    labels = ",".join(EXTENSIONS)
    assert train(corpus, out, 1, "--set", f"labels={labels}", "--set", "as_plaintext=log") == 0
    config = json.loads((out / "config.json").read_text())
    assert config["labels"] == list(EXTENSIONS), "neither go (not asked for) nor log (a hard negative)"
    assert config["training"]["as_plaintext"] == "log"
    tuning = validation_sets(corpus, 0, 1000, list(EXTENSIONS), ("log",))
    own = validation_sets(corpus, 0, 1000, list(EXTENSIONS))
    added = [row for name in own for row in tuning[name][len(own[name]) :]]
    validation = {name: load_eval_set(corpus, "validation", LENGTH_OF[name]) for name in own}
    logs = {row.code for rows in validation.values() for row in rows if row.label == "log"}
    assert added and {row.label for row in added} == {"plaintext"} and {row.code for row in added} == logs
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["calibration"]["n"] == sum(map(len, tuning.values())), "thresholds are fitted with the negatives"
    assert validation_sets(corpus, 0, 1000, ["c", "sql"], ("log",)) == validation_sets(corpus, 0, 1000, ["c", "sql"])

    held_out = tmp_path / "held-out-logs"
    held_out.mkdir()
    (held_out / "apt.log").write_text("".join(f"Get:{n} http://deb.debian.org/debian bookworm [{n} kB]\n" for n in range(25)))
    (held_out / "README.md").write_text("# Held-out logs\n\nOnly the .log files here are read.\n")
    capsys.readouterr()
    args = ["--model", str(out), "--corpus", str(corpus), "--logs", str(held_out), "--per-set", "5"]
    assert hard_negatives.main(args) == 0
    rows = {row.split(" | ")[0].strip("| "): row.split(" | ")[1:] for row in capsys.readouterr().out.splitlines()}
    assert f"logs, {out.name}: wrong" in rows and f"mixed HTML, {out.name}: right" in rows
    assert f"embedded code, {out.name}: right" in rows
    assert rows["texts: logs"][-1] == "1 |" and all(count != "0" for count in rows["texts: logs"])
    assert f"other languages, {out.name}: wrong" in rows, "the corpus's go is a language the model does not know"
    assert int(rows["texts: other languages"][0]) > 0

    capsys.readouterr()
    assert train(corpus, tmp_path / "bad", 1, "--set", "as_plaintext=haskell") != 0
    error = capsys.readouterr().err
    assert "no training texts of haskell" in error and "Traceback" not in error
