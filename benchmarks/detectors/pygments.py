"""Pygments `guess_lexer` in the detectors' own venv; 'ours only' is the best-scoring lexer of ours.

Its vocabulary is every lexer's name and aliases, read from the installed Pygments.
"""

from __future__ import annotations

from .base import TOOLS, WORKERS, WorkerDetector, require


class PygmentsDetector(WorkerDetector):
    name = "pygments"
    variants = ("as answers", "ours only")
    note = "analyse_text scores are heuristics in [0, 1]; 'Text only' counts as plaintext"
    overrides = {"sass": None}  # its Sass is the indented syntax; its SCSS lexer is another

    def __init__(self) -> None:
        python = require(TOOLS / "py" / "bin" / "python", "Pygments' venv")
        super().__init__([str(python), str(WORKERS / "pygments_worker.py")])


DETECTOR = PygmentsDetector
