"""Detector answers mapped onto our labels, per detector, and VS Code's acceptance rule on hand-made rankings."""

from langsniff.datasets.labels import LABELS, ORIGINAL_LABELS

from benchmarks.detectors.base import Answer, Verdict, as_answered, best_of_ours
from benchmarks.detectors.highlightjs import HLJS_NAMES, HLJS_OURS, hljs_languages
from benchmarks.detectors.linguist import Linguist
from benchmarks.detectors.names import NameMap
from benchmarks.detectors.vscode import VSCODE_NAMES, vscode_rule

ALL = NameMap(frozenset(LABELS))
TEN = NameMap(frozenset(ORIGINAL_LABELS))
HLJS = NameMap(frozenset(LABELS), HLJS_NAMES)


def answer(names, confidence, ranked=()):
    return Answer(tuple(names) if names else None, confidence, tuple((tuple(n), s) for n, s in ranked), ms=1.0)


def test_names_and_aliases_map_onto_our_labels():
    assert ALL.labels(["py"]) == ("python",)
    assert ALL.labels(["C++"]) == ("cpp",)
    assert ALL.labels(["Text only", "text"]) == ("plaintext",)
    assert ALL.labels(["Shell"]) == ("shellscript",)
    assert ALL.labels(["XML"]) == ("xml",)  # for every detector but highlight.js, XML is XML only
    assert ALL.labels(["HiveQL"]) == ()
    assert ALL.labels(None) == ()


def test_only_the_artifacts_labels_count():
    assert ALL.labels(["ts"]) == ("typescript",)
    assert TEN.labels(["ts"]) == ()  # a ten-label artifact: TypeScript is not one of ours
    ranked = answer(["ts"], 0.5, [(["ts"], 0.5), (["js"], 0.3)])
    assert best_of_ours(ranked, TEN) == Verdict("javascript", 0.3, True)
    assert best_of_ours(ranked, ALL) == Verdict("typescript", 0.5, True)


def test_highlightjs_xml_is_right_for_html_and_xml_and_its_ini_for_ini_and_toml():
    verdict = as_answered(answer(["xml", "html", "xhtml", "svg"], 9.0), HLJS)
    assert verdict.correct("html") and verdict.correct("xml")
    assert not verdict.correct("vue")
    toml = as_answered(answer(["ini", "toml"], 3.0), HLJS)
    assert toml.correct("toml") and toml.correct("ini")
    # Another detector's XML answer stays XML only.
    assert not as_answered(answer(["XML"], 0.9), ALL).correct("html")
    # With a ten-label artifact, xml is not ours: the answer stands for html alone.
    assert NameMap(frozenset(ORIGINAL_LABELS), HLJS_NAMES).labels(["xml", "html"]) == ("html",)


def test_highlightjs_restricted_rerun_covers_our_labels():
    assert hljs_languages(("html", "xml", "toml", "ini", "vue")) == ["xml", "ini"]
    for label in (label for label in HLJS_OURS if label in LABELS):  # whatever labels.py declares today
        assert all(label in HLJS.labels([language]) for language in HLJS_OURS[label]), label


def test_detector_specific_names():
    vscode = NameMap(frozenset(LABELS), VSCODE_NAMES)
    assert vscode.labels(["pm"]) == ("perl",)
    assert vscode.labels(["mm"]) == ("objective-c",)
    assert ALL.labels(["mm"]) == ()  # not a general alias
    linguist = NameMap(frozenset(LABELS), Linguist.overrides)
    assert linguist.labels(["Sass"]) == ()  # Linguist tells Sass from SCSS
    assert linguist.labels(["SCSS"]) == ("scss",)


def test_known_labels_come_from_the_detectors_vocabulary():
    vocabulary = [["py"], ["js"], ["ts"], ["css"], ["pm"], ["matlab"]]
    vscode = NameMap(frozenset(LABELS), VSCODE_NAMES)
    assert vscode.known(vocabulary, abstains=True) == {"python", "javascript", "typescript", "css", "perl", "plaintext"}
    assert vscode.known(vocabulary, abstains=False) == {"python", "javascript", "typescript", "css", "perl"}
    assert TEN.known(vocabulary, abstains=False) == {"python", "javascript", "css"}
    assert HLJS.known([["xml", "html"], ["ini", "toml"]], abstains=False) == {"xml", "html", "ini", "toml"}


def test_a_language_we_do_not_have_is_an_answer_and_wrong():
    verdict = as_answered(answer(["dns", "bind"], 9.0), ALL)
    assert verdict == Verdict(None, 9.0, True)
    assert not verdict.correct("python")


def test_no_answer_is_wrong_for_code_and_right_for_prose():
    verdict = as_answered(answer(None, None), ALL)
    assert not verdict.answered
    assert not verdict.correct("python")
    assert verdict.correct("plaintext")


def test_ours_only_takes_the_best_ranked_candidate_among_our_labels():
    given = answer(["HiveQL"], 0.9, [(["HiveQL"], 0.9), (["SQL"], 0.05), (["C"], 0.01)])
    assert best_of_ours(given, ALL) == Verdict("sql", 0.05, True)


def test_vscode_reports_a_language_only_after_a_clear_drop_in_confidence():
    assert vscode_rule([("py", 0.6), ("r", 0.1)]) == ("py", 0.65)  # +0.05 for py, then a drop of 0.55


def test_vscode_reports_nothing_for_an_unsure_model():
    assert vscode_rule([("py", 0.19), ("r", 0.1)]) is None  # top under 0.2
    assert vscode_rule([("py", 0.30), ("r", 0.18)]) is None  # 0.35 after +0.05: no drop of 0.2, and the run ends
    assert vscode_rule([]) is None


def test_vscode_penalises_sql():
    assert vscode_rule([("sql", 0.6), ("ini", 0.05)]) is None  # 0.6 - 0.5 falls under 0.2
    assert vscode_rule([("sql", 0.9), ("ini", 0.05)]) == ("sql", 0.4)
