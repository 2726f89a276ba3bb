"""The pygls-free adapter between the server's handlers and the Classifier.

It decides which documents to look at, classifies them (cut to `maxCharacters`, cached per
URI and version so hover, code actions and the detection notice share one inference), and
turns a Prediction into what the editor shows: the hover table and the code-action choices.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from langsniff.model.prediction import Prediction
from langsniff.server import constants
from langsniff.server.settings import Settings

if TYPE_CHECKING:
    from langsniff.model.classifier import Classifier

HOVER_ROWS = 5
MAX_ACTIONS = 3
# A language below this probability is not worth a code action.
MIN_ACTION_PROBABILITY = 0.05
BAR_WIDTH = 10
_BAR_EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")


@dataclass(frozen=True)
class Candidate:
    """One "Set language to ..." choice for a document."""

    label: str
    title: str
    probability: float
    preferred: bool


def clean_text(text: str, max_characters: int) -> tuple[str, bool]:
    """The part of a text the model gets, and whether it was cut.

    Lone surrogates (what invalid UTF-8 becomes on some clients) are replaced, so the
    tokenizer and the JSON answer never meet a string they cannot encode.
    """
    cut = len(text) > max_characters
    head = text[:max_characters] if cut else text
    return head.encode("utf-8", "replace").decode("utf-8"), cut


def percent(probability: float) -> str:
    """A probability as a short percentage: "97%", "<1%"."""
    if 0 < probability < 0.005:
        return "<1%"
    return f"{probability * 100:.0f}%"


def bar(probability: float, width: int = BAR_WIDTH) -> str:
    """A bar of block characters, `width` cells long at probability 1."""
    eighths = round(max(0.0, min(1.0, probability)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + _BAR_EIGHTHS[rest]


def is_detection(prediction: Prediction, threshold: float) -> bool:
    """True when the prediction names a language confidently enough to announce it."""
    return prediction.label != constants.NOT_CODE and prediction.confidence >= threshold


class Detector:
    """Classifies documents for the server; safe to call from worker threads."""

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier
        self._cache: dict[str, tuple[tuple[int | None, int], Prediction]] = {}
        self._lock = threading.Lock()

    def name(self, label: str) -> str:
        """The display name the artifact gives a label ("Python" for `python`)."""
        return self.classifier.display_names.get(label, label)

    @staticmethod
    def watches(uri: str, language_id: str | None, settings: Settings) -> bool:
        """Whether a document has no real language yet: untitled, or a watched languageId."""
        scheme = uri.split(":", 1)[0].lower()
        return scheme == constants.UNTITLED_SCHEME or (language_id or "") in settings.language_ids

    def classify_text(self, text: str, max_characters: int) -> Prediction:
        """Classify a text; `truncated` also says when `max_characters` cut it."""
        head, cut = clean_text(text, max_characters)
        prediction = self.classifier.predict(head)
        return dataclasses.replace(prediction, truncated=True) if cut else prediction

    def classify_document(self, uri: str, version: int | None, text: str, max_characters: int) -> Prediction:
        """Classify one version of a document, once: later calls for it hit the cache."""
        key = (version, max_characters)
        with self._lock:
            cached = self._cache.get(uri)
        if cached is not None and cached[0] == key:
            return cached[1]
        prediction = self.classify_text(text, max_characters)
        with self._lock:
            self._cache[uri] = (key, prediction)
        return prediction

    def cached(self, uri: str, version: int | None, max_characters: int) -> Prediction | None:
        """The prediction for this version of a document if it was already computed."""
        with self._lock:
            cached = self._cache.get(uri)
        return cached[1] if cached is not None and cached[0] == (version, max_characters) else None

    def forget(self, uri: str) -> None:
        """Drop what is cached for a closed document."""
        with self._lock:
            self._cache.pop(uri, None)

    def hover_markdown(self, prediction: Prediction, threshold: float) -> str:
        """The hover: a verdict line, then a table of the top languages with bars."""
        top = self.name(prediction.label)
        share = percent(prediction.confidence)
        if prediction.label == constants.NOT_CODE:
            verdict = f"**{top}**: prose, or code in a language this model does not know ({share})"
        elif prediction.confidence >= threshold:
            verdict = f"**{top}** ({share})"
        else:
            verdict = f"Unsure: maybe **{top}** ({share}, below the {percent(threshold)} threshold)"
        rows = [
            f"| {self.name(label)} | `{label}` | {probability * 100:.1f}% | {bar(probability)} |"
            for label, probability in prediction.top(HOVER_ROWS)
        ]
        footer = f"Read {prediction.tokens} tokens."
        if prediction.truncated:
            footer += " The text is longer than the model reads: only its beginning was used."
        return "\n".join(
            [f"langsniff: {verdict}", "", "| Language | Id | Probability | |", "|:--|:--|--:|:--|", *rows, "", footer]
        )

    def candidates(self, prediction: Prediction, threshold: float) -> list[Candidate]:
        """Code-action choices: likely languages, top first; the top one preferred if confident."""
        languages = [
            (label, probability)
            for label, probability in prediction.probabilities.items()
            if label != constants.NOT_CODE and probability >= MIN_ACTION_PROBABILITY
        ]
        languages.sort(key=lambda item: item[1], reverse=True)
        return [
            Candidate(
                label=label,
                title=f"Set language to {self.name(label)} ({percent(probability)})",
                probability=probability,
                preferred=index == 0 and probability >= threshold,
            )
            for index, (label, probability) in enumerate(languages[:MAX_ACTIONS])
        ]
