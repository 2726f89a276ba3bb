"""Saved raw answers: every run keeps each detector's answers, and `--reuse` replays them.

A late rerun (a new langsniff model) then runs only the detectors that changed; the report
says which detectors' answers were replayed, and from which run. Answers are keyed by the
SHA-256 of the snippet, so a replay only serves the exact snippets it saw.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from .detectors import detector_class
from .detectors.base import Answer, Detector, DetectorUnavailable, parse_answer


def snippet_key(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()


def save_answers(folder: Path, detector: Detector, peak_rss_mb: float, answers: dict[str, Answer], when: str) -> Path:
    """Write one detector's answers and what was measured about it to `<folder>/<name>.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = {
        "name": detector.name, "version": detector.version, "startup_s": detector.startup_s,
        "peak_rss_mb": peak_rss_mb, "info": detector.info, "when": when,
        "answers": {key: dataclasses.asdict(answer) for key, answer in answers.items()},
    }
    path = folder / f"{detector.name}.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    return path


class Replayed(Detector):
    """A detector whose answers come from a saved run; its verdicts are the real detector's."""

    def __init__(self, folder: Path, name: str, codes: list[str]) -> None:
        path = folder / f"{name}.json"
        if not path.is_file():
            raise DetectorUnavailable(f"no saved answers at {path}: run it once without --reuse")
        saved = json.loads(path.read_text(encoding="utf-8"))
        self._answers = {key: parse_answer(row) for key, row in saved["answers"].items()}
        missing = sum(snippet_key(code) not in self._answers for code in codes)
        if missing:
            raise DetectorUnavailable(f"saved answers at {path} miss {missing} of these snippets: run it without --reuse")
        self._real = detector_class(name)
        self.name, self.variants, self.note = name, self._real.variants, self._real.note
        self.version, self.startup_s, self.info = saved["version"], saved["startup_s"], saved["info"]
        self._peak_rss_mb = saved["peak_rss_mb"]
        self.replayed_from = saved["when"]

    def detect(self, code: str) -> Answer:
        return self._answers[snippet_key(code)]

    def verdicts(self, answer: Answer) -> dict:
        return self._real.verdicts(self, answer)

    def peak_rss_mb(self) -> float:
        return self._peak_rss_mb

    def close(self) -> None:
        pass
