"""Saved answers replay exactly, with the real detector's verdicts, and refuse snippets they never saw."""

import pytest

from benchmarks.answers import Replayed, save_answers, snippet_key
from benchmarks.detectors.base import Answer, Detector, DetectorUnavailable, Verdict


class Saved(Detector):
    name, version, startup_s, info = "vscode", "vscode 1.0", 0.4, {}


def test_replayed_answers_keep_the_vscode_rule_and_the_measurements(tmp_path):
    answer = Answer(("py",), 0.6, ((("py",), 0.6), (("r",), 0.1)), ms=12.5)
    save_answers(tmp_path, Saved(), 170.0, {snippet_key("x = 1"): answer}, "2026-11-30 10:00 UTC")
    replayed = Replayed(tmp_path, "vscode", ["x = 1"])
    assert replayed.detect("x = 1") == answer
    assert replayed.verdicts(answer)["VS Code rule"] == Verdict("python", pytest.approx(0.65), True)
    assert (replayed.version, replayed.startup_s, replayed.peak_rss_mb()) == ("vscode 1.0", 0.4, 170.0)
    assert replayed.replayed_from == "2026-11-30 10:00 UTC"


def test_replay_refuses_unseen_snippets_and_missing_files(tmp_path):
    save_answers(tmp_path, Saved(), 1.0, {}, "then")
    with pytest.raises(DetectorUnavailable, match="miss 1 of these snippets"):
        Replayed(tmp_path, "vscode", ["never seen"])
    with pytest.raises(DetectorUnavailable, match="no saved answers"):
        Replayed(tmp_path, "magika", [])
