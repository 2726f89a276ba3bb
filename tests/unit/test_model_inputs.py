"""Windows across a document: spread from start to end, never more than asked, padded batches."""

import random

import pytest
from model_test_helpers import ALL_TEXTS

from langsniff.model.inputs import WindowEncoder, spread_starts
from langsniff.tokenizer import build_tokenizer


def test_short_text_is_one_window():
    assert spread_starts(10, 62, 8) == [0]


def test_windows_cover_the_start_and_the_end():
    starts = spread_starts(1000, 100, 8)
    assert len(starts) == 8
    assert starts[0] == 0 and starts[-1] == 900
    assert starts == sorted(starts)


def test_no_more_windows_than_needed():
    assert spread_starts(250, 100, 8) == [0, 75, 150]


@pytest.fixture(scope="module")
def windows():
    return WindowEncoder(build_tokenizer(ALL_TEXTS, vocab_size=300), max_tokens=16, max_windows=3)


def test_document_windows_carry_specials_and_truncation(windows):
    long_text = "\n".join(ALL_TEXTS)
    document = windows.document(long_text)
    assert len(document.windows) == 3
    assert all(len(window) == 16 for window in document.windows)
    assert all(window[0] == windows.cls_id and window[-1] == windows.sep_id for window in document.windows)
    assert document.truncated and document.tokens > 3 * 14
    short = windows.document("x = 1")
    assert len(short.windows) == 1 and not short.truncated


def test_batch_pads_and_masks(windows):
    ids, keep = windows.batch([[2, 7, 3], [2, 7, 8, 9, 3]])
    assert ids.shape == keep.shape == (2, 5)
    assert ids[0, 3:].tolist() == [windows.pad_id] * 2
    assert keep.sum(dim=1).tolist() == [3, 5]


def test_training_snippets_fit_one_window(windows):
    cut = windows.snippets(["\n".join(ALL_TEXTS), "x"], random.Random(0))
    assert len(cut[0]) == 16 and len(cut[1]) == 3


def test_blank_lines_around_a_text_are_left_out(windows):
    assert windows.document("\n  \nx = 1\n\n\t\n") == windows.document("x = 1")
    assert windows.document(" \n") == windows.document("")


def test_first_window_offsets_point_into_the_given_text(windows):
    text = "\n\n  x = 1\n\n"
    ids, offsets = windows.first(text)
    assert ids == windows.first("  x = 1")[0]
    spans = [text[first:last] for first, last in offsets[1:-1]]
    assert "".join(spans).replace(" ", "") == "x=1"
