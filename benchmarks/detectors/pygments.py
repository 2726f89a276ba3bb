"""Pygments `guess_lexer` in the detectors' own venv; 'ours only' is the best-scoring lexer of ours."""

from __future__ import annotations

from .base import TOOLS, WORKERS, WorkerDetector, require


class PygmentsDetector(WorkerDetector):
    name = "pygments"
    variants = ("as answers", "ours only")
    note = "analyse_text scores are heuristics in [0, 1]; 'Text only' counts as plaintext"

    def __init__(self) -> None:
        python = require(TOOLS / "py" / "bin" / "python", "Pygments' venv")
        super().__init__([str(python), str(WORKERS / "pygments_worker.py")])


DETECTOR = PygmentsDetector
