"""Exact and near-duplicate removal, so no text is counted twice or leaks across splits.

Three passes over records in a fixed order (the first of a set of duplicates is kept):
1. exact: the same text. The same text under two labels is ambiguous (a header that is
   both C and C++), so every copy of it is dropped.
2. normalised: the same text once comments and whitespace are taken out (license headers,
   reformatting, vendored copies), or once the package's own name is masked too
   (`testthat.R` boilerplate that differs only by the package name). Within a label.
3. MinHash: shingles of 5 whitespace-separated tokens, 64 hashes, 16 LSH bands; a text whose estimated Jaccard
   similarity to a kept text of its label is >= 0.85 is dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from tqdm import tqdm

from langsniff.datasets.records import Record

_C_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_BLOCK_COMMENTS = re.compile(r"/\*.*?\*/", re.DOTALL)
_HASH_COMMENTS = re.compile(r"#[^\n]*")
_SQL_COMMENTS = re.compile(r"/\*.*?\*/|--[^\n]*", re.DOTALL)
_HTML_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
COMMENTS: dict[str, re.Pattern[str]] = {
    "c": _C_COMMENTS,
    "cpp": _C_COMMENTS,
    "java": _C_COMMENTS,
    "javascript": _C_COMMENTS,
    "css": _BLOCK_COMMENTS,
    "python": _HASH_COMMENTS,
    "r": _HASH_COMMENTS,
    "sql": _SQL_COMMENTS,
    "html": _HTML_COMMENTS,
}
_WHITESPACE = re.compile(r"\s+")

SHINGLE_TOKENS = 5
MAX_TOKENS = 5000
NUM_HASHES = 64
BANDS = 16
SIMILARITY = 0.85

_rng = np.random.default_rng(20261130)
_SHINGLE_WEIGHTS = _rng.integers(1, 2**63, size=SHINGLE_TOKENS, dtype=np.uint64) | np.uint64(1)
_HASH_A = _rng.integers(1, 2**63, size=NUM_HASHES, dtype=np.uint64) | np.uint64(1)
_HASH_B = _rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)


@dataclass
class DedupeReport:
    """How many records each pass dropped, per label."""

    exact: Counter[str] = field(default_factory=Counter)
    cross_label: Counter[str] = field(default_factory=Counter)
    normalised: Counter[str] = field(default_factory=Counter)
    minhash: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            name: dict(sorted(getattr(self, name).items()))
            for name in ("exact", "cross_label", "normalised", "minhash")
        }


def drop_duplicates(records: list[Record], progress: bool = False) -> tuple[list[Record], DedupeReport]:
    """The records without duplicates (order kept), and what was dropped."""
    report = DedupeReport()
    records = _drop_exact(records, report)
    bar = tqdm(records, desc="normalising", unit="file", disable=None if progress else True)
    normalised = [without_comments(record) for record in bar]
    records, normalised = _drop_normalised(records, normalised, report)
    records = _drop_minhash(records, normalised, report, progress)
    return records, report


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def without_comments(record: Record) -> str:
    """The text with the comments of its language replaced by a space."""
    pattern = COMMENTS.get(record.label)
    return pattern.sub(" ", record.code) if pattern else record.code


def _drop_exact(records: list[Record], report: DedupeReport) -> list[Record]:
    labels_by_hash: dict[str, set[str]] = defaultdict(set)
    hashes = [text_hash(record.code) for record in records]
    for digest, record in zip(hashes, records):
        labels_by_hash[digest].add(record.label)
    kept, seen = [], set()
    for digest, record in zip(hashes, records):
        if len(labels_by_hash[digest]) > 1:
            report.cross_label[record.label] += 1
        elif digest in seen:
            report.exact[record.label] += 1
        else:
            seen.add(digest)
            kept.append(record)
    return kept


def _drop_normalised(
    records: list[Record], normalised: list[str], report: DedupeReport
) -> tuple[list[Record], list[str]]:
    kept, kept_texts, seen = [], [], set()
    for record, text in zip(records, normalised):
        mask = _package_name_pattern(record.group)
        variants = {text, mask.sub("PKG", text)} if mask else {text}
        keys = {(record.label, text_hash(_WHITESPACE.sub("", variant))) for variant in variants}
        if keys & seen:
            report.normalised[record.label] += 1
        else:
            seen.update(keys)
            kept.append(record)
            kept_texts.append(text)
    return kept, kept_texts


def _drop_minhash(records: list[Record], normalised: list[str], report: DedupeReport, progress: bool) -> list[Record]:
    token_hashes: dict[str, int] = {}
    buckets: dict[tuple[str, int, bytes], np.ndarray] = {}
    rows = NUM_HASHES // BANDS
    kept = []
    for record, text in tqdm(
        zip(records, normalised),
        total=len(records),
        desc="near duplicates",
        unit="file",
        disable=None if progress else True,
    ):
        signature = _signature(text, token_hashes)
        if signature is None:
            kept.append(record)
            continue
        keys = [(record.label, band, signature[band * rows : (band + 1) * rows].tobytes()) for band in range(BANDS)]
        if any(key in buckets and np.mean(buckets[key] == signature) >= SIMILARITY for key in keys):
            report.minhash[record.label] += 1
            continue
        for key in keys:
            buckets.setdefault(key, signature)
        kept.append(record)
    return kept


def _signature(text: str, token_hashes: dict[str, int]) -> np.ndarray | None:
    """The MinHash signature of the text's shingles of whitespace-separated tokens, None
    when it has too few tokens."""
    tokens = text.split()[:MAX_TOKENS]
    if len(tokens) < SHINGLE_TOKENS:
        return None
    for token in set(tokens).difference(token_hashes):
        token_hashes[token] = int.from_bytes(
            hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
        )
    values = np.fromiter(map(token_hashes.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    count = len(tokens) - SHINGLE_TOKENS + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_TOKENS):
        shingles += values[offset : offset + count] * _SHINGLE_WEIGHTS[offset]  # (count,)
    hashed = shingles[:, None] * _HASH_A[None, :] + _HASH_B[None, :]  # (count, NUM_HASHES)
    return hashed.min(axis=0)


@lru_cache(maxsize=65536)
def _package_name_pattern(group: str) -> re.Pattern[str] | None:
    """Whole words of the package's name (`deb:r-cran-ggplot2` -> ggplot2, cran), case-insensitive."""
    name = group.split(":", 1)[-1]
    words = sorted({word for word in re.split(r"[^A-Za-z0-9]+", name) if len(word) >= 3}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
