"""langsniff itself: the Classifier (shipped default or --model DIR) in its own worker process."""

from __future__ import annotations

import sys

from .base import WORKERS, Answer, Options, Verdict, WorkerDetector, as_answered


class Langsniff(WorkerDetector):
    name = "langsniff"
    variants = ("as answers", "at its threshold")
    note = "answers every snippet; 'at its threshold' abstains below the artifact's threshold (the auto-switch rule)"

    def __init__(self, model: str | None) -> None:
        super().__init__([sys.executable, str(WORKERS / "langsniff_worker.py"), *([model] if model else [])])

    @classmethod
    def from_options(cls, options: Options) -> Langsniff:
        detector = cls(options.model)
        if tuple(detector.info.get("labels", ())) != tuple(options.labels):
            detector.close()
            raise RuntimeError(f"langsniff: the worker's labels {detector.info.get('labels')} are not {options.labels}")
        return detector

    def verdicts(self, answer: Answer) -> dict[str, Verdict]:
        given = as_answered(answer, self.names)
        confident = given.confidence is not None and given.confidence >= float(self.info["threshold"])
        return {"as answers": given, "at its threshold": given if confident else Verdict(None, None, False)}


DETECTOR = Langsniff
