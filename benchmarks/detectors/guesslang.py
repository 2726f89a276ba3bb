"""guesslang (TensorFlow) in its own venv beside tensorflow-cpu 2.15, so TF never enters ours.

`language_name` answers None when guesslang is unsure: that is its abstention. Its
vocabulary is `Guess().supported_languages` (54 names).
"""

from __future__ import annotations

from .base import TOOLS, WORKERS, WorkerDetector, require


class Guesslang(WorkerDetector):
    name = "guesslang"
    variants = ("as answers", "ours only")
    note = "abstains when unsure (language_name is None)"
    abstains = True

    def __init__(self) -> None:
        python = require(TOOLS / "guesslang" / "bin" / "python", "guesslang's venv")
        super().__init__([str(python), str(WORKERS / "guesslang_worker.py")], env={"TF_CPP_MIN_LOG_LEVEL": "3"})


DETECTOR = Guesslang
