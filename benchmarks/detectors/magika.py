"""Google's Magika (PyPI `magika`, onnxruntime) in the detectors' own venv.

Its public API gives one label and score per input, not a ranking, so there is no
'ours only' view; 'model label' is its network's label before Magika's own confidence
thresholds turn unsure answers into `txt`/`unknown`. Its vocabulary is its content types
(output and model), read from the installed package.
"""

from __future__ import annotations

from .base import TOOLS, WORKERS, Answer, Verdict, WorkerDetector, as_answered, best_of_ours, require


# Its content types for Ruby's own file kinds are Ruby code.
MAGIKA_NAMES = {"gemfile": ("ruby",), "gemspec": ("ruby",)}


class MagikaDetector(WorkerDetector):
    name = "magika"
    variants = ("as answers", "model label")
    note = "'model label' ignores Magika's thresholds (its dl label)"
    overrides = MAGIKA_NAMES
    abstains = True  # `unknown`

    def __init__(self) -> None:
        python = require(TOOLS / "py" / "bin" / "python", "Magika's venv")
        super().__init__([str(python), str(WORKERS / "magika_worker.py")])

    def verdicts(self, answer: Answer) -> dict[str, Verdict]:
        return {
            "as answers": as_answered(answer, self.names),
            "model label": best_of_ours(answer, self.names) if answer.ranked else Verdict(None, None, False),
        }


DETECTOR = MagikaDetector
