"""The Classifier: loads an artifact once and answers `predict(text)` for the server and the CLI.

Reads only; every call runs under `torch.inference_mode` in eval mode, so one instance
can serve several threads and gives the same answer for the same text every time.

An artifact with a base (`ArtifactConfig.base`) loads the base too: it names its own new
labels when sure enough (its gates) and passes every other text to the base, whose answer
is given over all its labels (the new ones at probability 0).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import torch
from tokenizers import Tokenizer

from langsniff.datasets.windows import line_count
from langsniff.model.artifact import ArtifactConfig, base_folder, load_artifact, load_config
from langsniff.model.calibration import combine_windows
from langsniff.model.dialects import weigh_dialects
from langsniff.model.encoder import Encoder
from langsniff.model.gating import keeps_own
from langsniff.model.inputs import DocumentWindows, WindowEncoder
from langsniff.model.prediction import ArtifactError, AttentionMap, Prediction
from langsniff.model.shebang import weigh_shebang
from langsniff.model.shipped import DEFAULT_ARTIFACT

PLAINTEXT = "plaintext"
BATCH_WINDOWS = 32


class Classifier:
    """A loaded artifact: tokenizer, encoder, labels, temperature and threshold, and its base if any."""

    def __init__(
        self,
        encoder: Encoder,
        config: ArtifactConfig,
        tokenizer: Tokenizer,
        threads: int | None = None,
        base: Classifier | None = None,
    ) -> None:
        self.encoder = encoder.eval()
        self.config = config
        self.windows = WindowEncoder(tokenizer, config.model.max_tokens, config.max_windows)
        self.base = base
        torch.set_num_threads(threads or min(2, os.cpu_count() or 1))

    @classmethod
    def load(cls, path: str | Path, threads: int | None = None) -> Classifier:
        """Load an artifact folder (and its base); raises ArtifactError when one is missing, incomplete or corrupt."""
        encoder, config, tokenizer = load_artifact(path)
        base = load_base(path, config, threads) if config.base else None
        return cls(encoder, config, tokenizer, threads, base)

    @classmethod
    def default(cls, threads: int | None = None) -> Classifier:
        """The artifact shipped inside the package (`langsniff/model/default`)."""
        return cls.load(DEFAULT_ARTIFACT, threads)

    @property
    def labels(self) -> list[str]:
        return list(self.config.labels)

    @property
    def display_names(self) -> dict[str, str]:
        return {label: self.config.display_names.get(label, label) for label in self.config.labels}

    @property
    def threshold(self) -> float:
        """The threshold for texts longer than every tuned length (whole files)."""
        return self.config.threshold

    def threshold_for(self, text: str) -> float:
        """The confidence `text` needs to switch an editor, by its number of lines."""
        return self.config.threshold_for(line_count(text))

    @property
    def temperature(self) -> float:
        return self.config.temperature

    @property
    def max_tokens(self) -> int:
        return self.config.model.max_tokens

    def predict(self, text: str) -> Prediction:
        """The calibrated answer for one text, its windows combined."""
        return self.predict_batch([text])[0]

    def predict_batch(self, texts: list[str]) -> list[Prediction]:
        """Answers for several texts, their windows batched together; the base answers what it should."""
        predictions = self.predict_own(texts)
        if self.base is None:
            return predictions
        asked = [i for i, own in enumerate(predictions) if not self._keeps(own, None)]
        for i, answer in zip(asked, self.base.predict_batch([texts[i] for i in asked])):
            if not self._keeps(predictions[i], answer.label):
                predictions[i] = self._over_all_labels(answer)
        return predictions

    def _keeps(self, own: Prediction, base_label: str | None) -> bool:
        config = self.config
        return keeps_own(
            own.label, own.confidence, base_label, self.base.labels, config.base_gate, config.plaintext_gate
        )

    def _over_all_labels(self, prediction: Prediction) -> Prediction:
        """The base's answer with this model's other labels at probability 0."""
        others = {label: 0.0 for label in self.config.labels if label not in prediction.probabilities}
        return replace(prediction, probabilities={**prediction.probabilities, **others})

    def predict_own(self, texts: list[str]) -> list[Prediction]:
        """This artifact's own answers, its base (if any) not asked."""
        documents, log_probs = self._score(texts, self.config.temperature)
        predictions = []
        for text, scores, document in zip(texts, log_probs, documents):
            if document is None:
                predictions.append(self._empty())
                continue
            weighed = weigh_dialects(weigh_shebang(scores, self.config.labels, text), self.config.labels, text)
            probs = weighed.exp().tolist()
            ranked = sorted(zip(self.config.labels, probs), key=lambda pair: pair[1], reverse=True)
            predictions.append(
                Prediction(
                    label=ranked[0][0],
                    confidence=ranked[0][1],
                    probabilities=dict(ranked),
                    tokens=document.tokens,
                    windows=len(document.windows),
                    truncated=document.truncated,
                    threshold=self.threshold_for(text),
                )
            )
        return predictions

    def window_logits(self, texts: list[str]) -> tuple[list[DocumentWindows | None], list[torch.Tensor]]:
        """Each text's windows (None when it has no text) and their raw logits (W, n_labels)."""
        documents = [self.windows.document(text) if text.strip() else None for text in texts]
        windows = [window for document in documents if document for window in document.windows]
        scores = self._raw_logits(windows)
        per_text, row = [], 0
        for document in documents:
            count = len(document.windows) if document else 0
            per_text.append(scores[row : row + count])
            row += count
        return documents, per_text

    def _score(self, texts: list[str], temperature: float) -> tuple[list[DocumentWindows | None], torch.Tensor]:
        documents, logits = self.window_logits(texts)
        return documents, combine_windows(logits, len(self.config.labels), temperature)

    def attention(self, text: str) -> AttentionMap:
        """Attention of every layer and head over the first window of `text`, in the model that answered."""
        prediction = self.predict(text)
        if self.base is not None and prediction.label in self.base.labels:
            return replace(self.base.attention(text), prediction=prediction)
        window, offsets = self.windows.first(text)
        ids, keep = self.windows.batch([window])
        with torch.inference_mode():
            _, attentions = self.encoder(ids, keep, need_weights=True)
        tokens = [self.windows.tokenizer.id_to_token(token) for token in window]
        layers = [layer[0].tolist() for layer in attentions]  # each (H, T, T)
        return AttentionMap(tokens=tokens, layers=layers, prediction=prediction, offsets=offsets)

    def _raw_logits(self, windows: list[list[int]]) -> torch.Tensor:
        """Logits (W, n_labels) for each window, computed in length-sorted batches."""
        scores = torch.empty((len(windows), len(self.config.labels)))
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        with torch.inference_mode():
            for start in range(0, len(order), BATCH_WINDOWS):
                chunk = order[start : start + BATCH_WINDOWS]
                ids, keep = self.windows.batch([windows[i] for i in chunk])
                scores[chunk] = self.encoder(ids, keep)[0]
        return scores

    def _empty(self) -> Prediction:
        labels = self.config.labels
        if PLAINTEXT in labels:
            probabilities = {PLAINTEXT: 1.0, **{label: 0.0 for label in labels if label != PLAINTEXT}}
        else:
            probabilities = {label: 1.0 / len(labels) for label in labels}
        label = next(iter(probabilities))
        return Prediction(
            label=label, confidence=probabilities[label], probabilities=probabilities, tokens=0, windows=0
        )


def load_base(folder: str | Path, config: ArtifactConfig, threads: int | None = None) -> Classifier:
    """The artifact `config` (of the artifact in `folder`) defers to, checked: it knows only
    labels the artifact knows, and has no base of its own."""
    where = base_folder(folder, config)
    if where.resolve() == Path(folder).resolve():
        raise ArtifactError(f"{folder}: an artifact cannot be its own base")
    if load_config(where).base:
        raise ArtifactError(f"{folder}: its base {config.base} has a base of its own (one level only)")
    base = Classifier.load(where, threads)
    if not set(base.labels) <= set(config.labels):
        raise ArtifactError(f"{folder}: its base {config.base} knows labels it does not")
    return base
