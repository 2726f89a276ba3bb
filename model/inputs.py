"""Turning text into model inputs: token windows across a document, padded batches.

A document longer than one window is not cut at the end: up to `max_windows` windows are
spread evenly from its start to its end, and the Classifier combines their answers. The
blank lines around a text are left out, as they are in every training window.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import torch
from tokenizers import Encoding, Tokenizer

from langsniff.datasets.windows import content_span
from langsniff.tokenizer import CLS, PAD, SEP


@dataclass(frozen=True)
class DocumentWindows:
    """The windows (token ids with [CLS] and [SEP]) read for one text."""

    windows: list[list[int]]
    tokens: int  # tokens in the whole text, specials excluded
    truncated: bool  # true when the windows left some tokens unread


def spread_starts(length: int, span: int, max_windows: int) -> list[int]:
    """Start offsets of at most `max_windows` windows of `span` tokens covering `length` tokens evenly."""
    if length <= span:
        return [0]
    count = min(max_windows, math.ceil(length / span))
    if count == 1:
        return [(length - span) // 2]
    return [round(i * (length - span) / (count - 1)) for i in range(count)]


class WindowEncoder:
    """Encodes texts into windows of at most `max_tokens` tokens ([CLS] and [SEP] included)."""

    def __init__(self, tokenizer: Tokenizer, max_tokens: int, max_windows: int = 8) -> None:
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.span = max_tokens - 2
        self.max_windows = max_windows
        self.cls_id = tokenizer.token_to_id(CLS)
        self.sep_id = tokenizer.token_to_id(SEP)
        self.pad_id = tokenizer.token_to_id(PAD)

    def _wrap(self, ids: list[int]) -> list[int]:
        return [self.cls_id, *ids, self.sep_id]

    def _content(self, text: str) -> tuple[Encoding, int]:
        """The tokens of a text without its outer blank lines, and where that part begins."""
        begin, end = content_span(text)
        return self.tokenizer.encode(text[begin:end], add_special_tokens=False), begin

    def document(self, text: str) -> DocumentWindows:
        """All windows of one text (its outer blank lines left out), spread across it."""
        ids = self._content(text)[0].ids
        starts = spread_starts(len(ids), self.span, self.max_windows)
        windows = [self._wrap(ids[start : start + self.span]) for start in starts]
        return DocumentWindows(windows, len(ids), len(starts) * self.span < len(ids))

    def first(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """The first window of a text (its outer blank lines left out) and each token's
        character offsets in the text ((0, 0) for specials)."""
        encoding, begin = self._content(text)
        offsets = [(begin + first, begin + last) for first, last in encoding.offsets[: self.span]]
        return self._wrap(encoding.ids[: self.span]), [(0, 0), *offsets, (0, 0)]

    def snippets(self, texts: list[str], rng: random.Random) -> list[list[int]]:
        """One window per text for training: texts longer than a window are cut at a random offset."""
        windows = []
        for encoding in self.tokenizer.encode_batch(texts, add_special_tokens=False):
            ids = encoding.ids
            start = rng.randrange(len(ids) - self.span + 1) if len(ids) > self.span else 0
            windows.append(self._wrap(ids[start : start + self.span]))
        return windows

    def batch(self, windows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Padded ids (B, T) and the mask of real tokens (B, T) for windows of any lengths."""
        width = max(len(window) for window in windows)
        ids = torch.full((len(windows), width), self.pad_id, dtype=torch.long)
        for row, window in enumerate(windows):
            ids[row, : len(window)] = torch.tensor(window, dtype=torch.long)
        keep = torch.zeros_like(ids, dtype=torch.bool)
        for row, window in enumerate(windows):
            keep[row, : len(window)] = True
        return ids, keep
