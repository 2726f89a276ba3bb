"""Building, saving and loading the BPE tokenizer."""

from langsniff.tokenizer.bpe import (
    CLS,
    PAD,
    SEP,
    SPECIAL_TOKENS,
    UNK,
    build_tokenizer,
    load_tokenizer,
    save_tokenizer,
)

__all__ = ["CLS", "PAD", "SEP", "SPECIAL_TOKENS", "UNK", "build_tokenizer", "load_tokenizer", "save_tokenizer"]
