"""Detector answers mapped onto our labels, and VS Code's acceptance rule on hand-made rankings."""

from benchmarks.detectors.base import Answer, Verdict, as_answered, best_of_ours, map_names
from benchmarks.detectors.vscode import vscode_rule


def answer(names, confidence, ranked=()):
    return Answer(tuple(names) if names else None, confidence, tuple((tuple(n), s) for n, s in ranked), ms=1.0)


def test_names_and_aliases_map_onto_our_labels():
    assert map_names(["py"]) == "python"
    assert map_names(["C++"]) == "cpp"
    assert map_names(["xml", "html", "xhtml"]) == "html"  # highlight.js calls HTML `xml`
    assert map_names(["Text only", "text"]) == "plaintext"
    assert map_names(["HiveQL"]) is None
    assert map_names(None) is None


def test_a_language_we_do_not_have_is_an_answer_and_wrong():
    verdict = as_answered(answer(["dns", "bind"], 9.0))
    assert verdict == Verdict(None, 9.0, True)
    assert not verdict.correct("python")


def test_no_answer_is_wrong_for_code_and_right_for_prose():
    verdict = as_answered(answer(None, None))
    assert not verdict.answered
    assert not verdict.correct("python")
    assert verdict.correct("plaintext")


def test_ours_only_takes_the_best_ranked_candidate_among_our_labels():
    given = answer(["HiveQL"], 0.9, [(["HiveQL"], 0.9), (["SQL"], 0.05), (["C"], 0.01)])
    assert best_of_ours(given) == Verdict("sql", 0.05, True)


def test_vscode_reports_a_language_only_after_a_clear_drop_in_confidence():
    assert vscode_rule([("py", 0.6), ("r", 0.1)]) == ("py", 0.65)  # +0.05 for py, then a drop of 0.55


def test_vscode_reports_nothing_for_an_unsure_model():
    assert vscode_rule([("py", 0.19), ("r", 0.1)]) is None  # top under 0.2
    assert vscode_rule([("py", 0.30), ("r", 0.18)]) is None  # 0.35 after +0.05: no drop of 0.2, and the run ends
    assert vscode_rule([]) is None


def test_vscode_penalises_sql():
    assert vscode_rule([("sql", 0.6), ("ini", 0.05)]) is None  # 0.6 - 0.5 falls under 0.2
    assert vscode_rule([("sql", 0.9), ("ini", 0.05)]) == ("sql", 0.4)
