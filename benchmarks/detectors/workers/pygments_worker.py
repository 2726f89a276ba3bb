"""Pygments' `guess_lexer` as a JSON-lines worker, with every lexer's score for the ranked view."""

import time

from jsonlines import serve
from pygments import __version__
from pygments.lexers import _iter_lexerclasses, guess_lexer
from pygments.util import ClassNotFound

LEXERS = list(_iter_lexerclasses())


def names(lexer) -> list[str]:
    return [lexer.name, *lexer.aliases]


def detect(code: str) -> dict:
    started = time.perf_counter()
    try:
        best = guess_lexer(code)
    except ClassNotFound:
        return {"answer": None, "confidence": None, "ranked": []}
    ms = (time.perf_counter() - started) * 1000  # the answer's cost; the ranking below is for the report
    scores = []
    for lexer in LEXERS:
        score = lexer.analyse_text(code)
        if score:
            scores.append((float(score), names(lexer)))
    scores.sort(key=lambda pair: -pair[0])
    ranked = [[lexer_names, score] for score, lexer_names in scores[:20]]
    return {"answer": names(best), "confidence": scores[0][0] if scores else 0.0, "ranked": ranked, "ms": ms}


serve(detect, f"pygments {__version__}", {"names": [names(lexer) for lexer in LEXERS]})
