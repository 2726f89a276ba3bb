"""The detector: which documents to look at, cutting and caching, the hover table, the actions."""

import pytest

from langsniff.model.classifier import Classifier
from langsniff.model.prediction import Prediction
from langsniff.server.detector import Detector, bar, clean_text, is_detection, percent
from langsniff.server.settings import Settings

PYTHON = "import os\n\ndef main():\n    print(os.getcwd())\n\nif __name__ == '__main__':\n    main()\n"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Classifier.default(threads=1))


def prediction(label: str, probabilities: dict[str, float], tokens: int = 42, truncated: bool = False) -> Prediction:
    return Prediction(label, probabilities[label], probabilities, tokens, truncated=truncated)


def test_watches_untitled_documents_and_watched_language_ids_only():
    settings = Settings()
    assert Detector.watches("untitled:Untitled-1", "python", settings)
    assert Detector.watches("file:///a.txt", "plaintext", settings)
    assert Detector.watches("file:///scratch", "", settings)
    assert Detector.watches("file:///scratch", None, settings)
    assert not Detector.watches("file:///a.py", "python", settings)
    assert not Detector.watches("file:///a.txt", "plaintext", Settings(language_ids=("markdown",)))


def test_clean_text_cuts_and_repairs_lone_surrogates():
    assert clean_text("abcdef", 3) == ("abc", True)
    assert clean_text("abc", 3) == ("abc", False)
    text, cut = clean_text("a\udcffb", 10)
    assert text == "a?b" and not cut
    text.encode("utf-8")


def test_percent_and_bars():
    assert percent(0.971) == "97%"
    assert percent(0.001) == "<1%"
    assert percent(0.0) == "0%"
    assert bar(1.0) == "██████████"
    assert bar(0.0) == ""
    assert bar(0.55) == "█████▌"


def test_is_detection_needs_a_language_above_the_threshold():
    assert is_detection(prediction("python", {"python": 0.9, "plaintext": 0.1}), 0.8)
    assert not is_detection(prediction("python", {"python": 0.7, "plaintext": 0.3}), 0.8)
    assert not is_detection(prediction("plaintext", {"plaintext": 0.99, "python": 0.01}), 0.8)


def test_hover_table_top_first_with_tokens_and_truncation(detector: Detector):
    result = prediction("python", {"python": 0.9, "r": 0.06, "plaintext": 0.04}, tokens=57, truncated=True)
    markdown = detector.hover_markdown(result, threshold=0.8)
    lines = markdown.splitlines()
    assert lines[0] == "langsniff: **Python** (90%)"
    rows = [line for line in lines if line.startswith("| ") and "`" in line]
    assert rows[0] == "| Python | `python` | 90.0% | █████████ |"
    assert rows[1].startswith("| R | `r` | 6.0% |")
    assert "Read 57 tokens." in markdown and "longer than the model reads" in markdown


def test_hover_says_unsure_below_the_threshold_and_not_code_for_prose(detector: Detector):
    unsure = detector.hover_markdown(prediction("python", {"python": 0.5, "r": 0.5}), threshold=0.8)
    assert unsure.startswith("langsniff: Unsure: maybe **Python** (50%, below the 80% threshold)")
    prose = detector.hover_markdown(prediction("plaintext", {"plaintext": 0.95, "python": 0.05}), threshold=0.8)
    assert "prose, or code in a language this model does not know (95%)" in prose.splitlines()[0]


def test_candidates_are_likely_languages_top_first_never_plaintext(detector: Detector):
    result = prediction("plaintext", {"plaintext": 0.5, "python": 0.3, "r": 0.15, "c": 0.04, "sql": 0.01})
    candidates = detector.candidates(result, threshold=0.8)
    assert [candidate.label for candidate in candidates] == ["python", "r"]
    assert candidates[0].title == "Set language to Python (30%)"
    assert not any(candidate.preferred for candidate in candidates)
    confident = detector.candidates(prediction("python", {"python": 0.9, "r": 0.1}), threshold=0.8)
    assert confident[0].preferred and not confident[1].preferred


def test_classify_document_is_cached_per_version(detector: Detector):
    first = detector.classify_document("untitled:1", 1, PYTHON, 20_000)
    assert detector.cached("untitled:1", 1, 20_000) is first
    assert detector.classify_document("untitled:1", 1, "different text, same version", 20_000) is first
    assert detector.cached("untitled:1", 2, 20_000) is None
    detector.forget("untitled:1")
    assert detector.cached("untitled:1", 1, 20_000) is None


def test_max_characters_marks_the_prediction_truncated(detector: Detector):
    assert detector.classify_text(PYTHON, 10).truncated
    assert not detector.classify_text(PYTHON[:40], 20_000).truncated
    empty = detector.classify_text("", 20_000)
    assert empty.tokens == 0
