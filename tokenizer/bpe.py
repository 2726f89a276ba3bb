"""The BPE tokenizer: built from the training split, saved as `tokenizer.json`, loaded by name.

Starts from the reference recipe (BPE, NFD + strip accents, `[PAD] [UNK] [CLS] [SEP]
[MASK]`, `[CLS] $A [SEP]`) but keeps what tells code apart visible to the model: spaces,
newlines and tabs become readable marks (`▁`, `↵`, `⇥`), a newline keeps its indentation
as one piece, and runs of punctuation (`::`, `=>`, `<-`, `#include`'s `#`) are pieces of
their own, so the attention view shows tokens a person can read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
SPECIAL_TOKENS = (PAD, UNK, CLS, SEP, MASK)
SPACE, NEWLINE, TAB = "▁", "↵", "⇥"
DEFAULT_VOCAB_SIZE = 4096

# One pre-token each: a newline with its indentation, an identifier or a number or a run
# of punctuation (each with at most one leading blank), or a run of blanks.
PIECES = (
    f"{NEWLINE}[{SPACE}{TAB}]*"
    f"|[{SPACE}{TAB}]?[\\p{{L}}_][\\p{{L}}\\p{{N}}_]*"
    f"|[{SPACE}{TAB}]?\\p{{N}}+"
    f"|[{SPACE}{TAB}]?[^\\p{{L}}\\p{{N}}_{SPACE}{TAB}{NEWLINE}]+"
    f"|[{SPACE}{TAB}]+"
)


def _new_tokenizer() -> Tokenizer:
    tokenizer = Tokenizer(models.BPE(unk_token=UNK, fuse_unk=True))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.NFD(),
            normalizers.StripAccents(),
            normalizers.Replace("\r\n", "\n"),
            normalizers.Replace("\r", "\n"),
            normalizers.Replace(" ", SPACE),
            normalizers.Replace("\n", NEWLINE),
            normalizers.Replace("\t", TAB),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Split(Regex(PIECES), behavior="removed", invert=True)
    tokenizer.decoder = decoders.Sequence(
        [decoders.Replace(SPACE, " "), decoders.Replace(NEWLINE, "\n"), decoders.Replace(TAB, "\t")]
    )
    return tokenizer


def build_tokenizer(texts: Iterable[str], vocab_size: int = DEFAULT_VOCAB_SIZE) -> Tokenizer:
    """Train a BPE tokenizer on `texts` (the training split only, never evaluation data)."""
    tokenizer = _new_tokenizer()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=list(SPECIAL_TOKENS),
        limit_alphabet=256,
        initial_alphabet=[SPACE, NEWLINE, TAB],
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    cls_id, sep_id = tokenizer.token_to_id(CLS), tokenizer.token_to_id(SEP)
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{CLS} $A {SEP}", special_tokens=[(CLS, cls_id), (SEP, sep_id)]
    )
    return tokenizer


def save_tokenizer(tokenizer: Tokenizer, path: str | Path) -> None:
    """Write `tokenizer.json` (the Hugging Face format, readable by any `tokenizers` binding)."""
    tokenizer.save(str(path))


def load_tokenizer(path: str | Path) -> Tokenizer:
    """Read a `tokenizer.json`; raises ValueError naming the file when it is missing or unreadable."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: tokenizer file not found")
    try:
        tokenizer = Tokenizer.from_file(str(path))
    except Exception as error:  # the Rust binding raises a bare Exception on bad JSON
        raise ValueError(f"{path}: not a valid tokenizer.json ({error})") from error
    missing = [token for token in SPECIAL_TOKENS if tokenizer.token_to_id(token) is None]
    if missing:
        raise ValueError(f"{path}: tokenizer lacks special tokens {missing}")
    return tokenizer
