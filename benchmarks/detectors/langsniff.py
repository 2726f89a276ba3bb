"""langsniff itself: the Classifier (shipped default or --model DIR) in its own worker process."""

from __future__ import annotations

import sys

from .base import WORKERS, Answer, Verdict, WorkerDetector, as_answered


class Langsniff(WorkerDetector):
    name = "langsniff"
    variants = ("as answers", "at its threshold")
    note = "answers every snippet; 'at its threshold' abstains below the artifact's threshold (the auto-switch rule)"

    def __init__(self, model: str | None) -> None:
        super().__init__([sys.executable, str(WORKERS / "langsniff_worker.py"), *([model] if model else [])])

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Langsniff:
        return cls(options.get("model"))

    def verdicts(self, answer: Answer) -> dict[str, Verdict]:
        given = as_answered(answer)
        confident = given.confidence is not None and given.confidence >= float(self.info["threshold"])
        return {"as answers": given, "at its threshold": given if confident else Verdict(None, None, False)}


DETECTOR = Langsniff
