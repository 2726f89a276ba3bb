"""Saved answers accumulate and replay exactly, with the real verdicts, for one evaluation key only."""

import pytest
from langsniff.datasets.labels import LABELS, ORIGINAL_LABELS
from langsniff.datasets.records import Record

from benchmarks.answers import Replayed, evaluation_key, load_answers, save_answers, snippet_key
from benchmarks.detectors.base import Answer, Detector, DetectorUnavailable, Options, Verdict
from benchmarks.evalsets import EvalSet

ANSWER = Answer(("py",), 0.6, ((("py",), 0.6), (("r",), 0.1)), ms=12.5)
OPTIONS = Options(LABELS)


class Saved(Detector):
    name, version, startup_s, info = "vscode", "vscode 1.0", 0.4, {"names": [["py"], ["r"], ["ts"]]}


def test_replayed_answers_keep_the_vscode_rule_and_the_measurements(tmp_path):
    save_answers(tmp_path, Saved(), 170.0, {snippet_key("x = 1"): ANSWER}, "2026-11-30 10:00 UTC")
    replayed = Replayed(tmp_path, "vscode", OPTIONS)
    assert replayed.detect("x = 1") == ANSWER
    assert replayed.known == {"python", "r", "typescript", "plaintext"}  # from the saved vocabulary
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
        Replayed(tmp_path, "magika", OPTIONS)


def test_the_evaluation_key_changes_with_the_snippets_their_labels_and_our_labels():
    sets = [EvalSet("test_lines3", "test", 3, [Record("x = 1", "python")])]
    key = evaluation_key(sets, LABELS)
    assert key == evaluation_key(sets, tuple(reversed(LABELS)))  # the order of our labels does not matter
    assert key != evaluation_key(sets, ORIGINAL_LABELS)
    assert key != evaluation_key([EvalSet("test_lines3", "test", 3, [Record("x = 2", "python")])], LABELS)
    assert key != evaluation_key([EvalSet("test_lines3", "test", 3, [Record("x = 1", "r")])], LABELS)


def test_answers_saved_for_other_sets_are_refused_with_a_clear_message(tmp_path):
    save_answers(tmp_path / "oldkey", Saved(), 1.0, {"a": ANSWER}, "first")
    (tmp_path / "vscode.json").write_text("{}")  # a store from before evaluation keys
    with pytest.raises(DetectorUnavailable) as refused:
        Replayed(tmp_path / "newkey", "vscode", OPTIONS)
    message = str(refused.value)
    assert "no saved answers of vscode for these evaluation sets and labels (key newkey" in message
    assert "oldkey" in message and "before evaluation keys" in message


def test_a_detector_that_did_not_say_its_vocabulary_is_scored_on_every_row(tmp_path):
    silent = Saved()
    silent.info = {}
    save_answers(tmp_path, silent, 1.0, {"a": ANSWER}, "first")
    assert Replayed(tmp_path, "vscode", OPTIONS).known == set(LABELS)
