"""Saved answers accumulate across runs and replay exactly, with the real detector's verdicts."""

import pytest

from benchmarks.answers import Replayed, load_answers, save_answers, snippet_key
from benchmarks.detectors.base import Answer, Detector, DetectorUnavailable, Verdict

ANSWER = Answer(("py",), 0.6, ((("py",), 0.6), (("r",), 0.1)), ms=12.5)


class Saved(Detector):
    name, version, startup_s, info = "vscode", "vscode 1.0", 0.4, {}


def test_replayed_answers_keep_the_vscode_rule_and_the_measurements(tmp_path):
    save_answers(tmp_path, Saved(), 170.0, {snippet_key("x = 1"): ANSWER}, "2026-11-30 10:00 UTC")
    replayed = Replayed(tmp_path, "vscode", {})
    assert replayed.detect("x = 1") == ANSWER
    assert replayed.verdicts(ANSWER)["VS Code rule"] == Verdict("python", pytest.approx(0.65), True)
    assert (replayed.version, replayed.startup_s, replayed.peak_rss_mb()) == ("vscode 1.0", 0.4, 170.0)
    assert replayed.replayed_from.startswith("the run of 2026-11-30 10:00 UTC")


def test_runs_add_to_the_store_and_a_new_version_starts_it_afresh(tmp_path):
    save_answers(tmp_path, Saved(), 1.0, {"a": ANSWER}, "first")
    save_answers(tmp_path, Saved(), 2.0, {"b": ANSWER}, "second")
    store = load_answers(tmp_path, "vscode")
    assert sorted(store["answers"]) == ["a", "b"]
    assert (store["when"], store["peak_rss_mb"]) == ("second", 2.0)
    newer = Saved()
    newer.version = "vscode 2.0"
    save_answers(tmp_path, newer, 3.0, {"c": ANSWER}, "third")
    assert sorted(load_answers(tmp_path, "vscode")["answers"]) == ["c"]


def test_replay_needs_a_store(tmp_path):
    with pytest.raises(DetectorUnavailable, match="no saved answers"):
        Replayed(tmp_path, "magika", {})
