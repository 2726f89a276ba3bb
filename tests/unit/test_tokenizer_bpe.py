"""The BPE tokenizer: built from texts, code structure visible, saved and loaded unchanged."""

import pytest
from model_test_helpers import ALL_TEXTS

from langsniff.tokenizer import CLS, PAD, SEP, SPECIAL_TOKENS, build_tokenizer, load_tokenizer, save_tokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return build_tokenizer(ALL_TEXTS, vocab_size=500)


def test_special_tokens_come_first_and_wrap_the_text(tokenizer):
    assert [tokenizer.token_to_id(token) for token in SPECIAL_TOKENS] == [0, 1, 2, 3, 4]
    tokens = tokenizer.encode("x = 1").tokens
    assert tokens[0] == CLS and tokens[-1] == SEP
    assert tokenizer.token_to_id(PAD) == 0


def test_newlines_and_indentation_are_tokens_of_their_own(tokenizer):
    tokens = tokenizer.encode("def f():\n    return 1\n\tpass", add_special_tokens=False).tokens
    assert "↵▁▁▁▁" in tokens
    newline_tokens = [token for token in tokens if token.startswith("↵")]
    assert len(newline_tokens) == 2 and "⇥" in "".join(tokens)


def test_punctuation_runs_are_separate_from_words(tokenizer):
    tokens = tokenizer.encode("std::cout << x;", add_special_tokens=False).tokens
    assert "::" in tokens or ":" in tokens
    assert not any("std" in token and ":" in token for token in tokens)


def test_offsets_point_into_the_original_text(tokenizer):
    text = "int main() {\n  return 0;\n}"
    encoding = tokenizer.encode(text, add_special_tokens=False)
    assert "".join(text[start:end] for start, end in encoding.offsets) == text


def test_decode_restores_the_text(tokenizer):
    text = "if (a) {\n\tb = 2;\n}"
    assert tokenizer.decode(tokenizer.encode(text).ids) == text


def test_save_and_load_round_trip(tokenizer, tmp_path):
    save_tokenizer(tokenizer, tmp_path / "tokenizer.json")
    loaded = load_tokenizer(tmp_path / "tokenizer.json")
    text = ALL_TEXTS[0]
    assert loaded.encode(text).ids == tokenizer.encode(text).ids


def test_loading_a_missing_or_broken_file_names_it(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        load_tokenizer(tmp_path / "nope.json")
    broken = tmp_path / "tokenizer.json"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match="tokenizer.json"):
        load_tokenizer(broken)
