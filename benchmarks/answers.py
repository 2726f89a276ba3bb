"""Saved raw answers: every run adds each detector's answers to a store, and `--reuse` replays them.

A late rerun (a new langsniff model, a rebuilt corpus) then only computes what is new: a
reused detector answers from the store the snippets it has already seen (keyed by the
SHA-256 of the snippet) and is started for the others only. The report says which
detectors were replayed, and from which run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from .detectors import create, detector_class
from .detectors.base import Answer, Detector, DetectorUnavailable, parse_answer


def snippet_key(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()


def _store(folder: Path, name: str) -> Path:
    return folder / f"{name}.json"


def load_answers(folder: Path, name: str) -> dict:
    """The saved store of one detector ({} when there is none)."""
    path = _store(folder, name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def save_answers(folder: Path, detector: Detector, peak_rss_mb: float, answers: dict[str, Answer], when: str) -> Path:
    """Add one detector's answers to its store, with what was measured about it in this run."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = load_answers(folder, detector.name)
    if saved.get("version") != detector.version:
        saved = {}
    stored = {**saved.get("answers", {}), **{key: dataclasses.asdict(answer) for key, answer in answers.items()}}
    live = not isinstance(detector, Replayed) or detector.live is not None
    meta = (
        {
            "version": detector.version,
            "startup_s": detector.startup_s,
            "peak_rss_mb": peak_rss_mb,
            "info": detector.info,
            "when": when,
        }
        if live or not saved
        else {key: saved[key] for key in ("version", "startup_s", "peak_rss_mb", "info", "when")}
    )
    path = _store(folder, detector.name)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"name": detector.name, **meta, "answers": stored}), encoding="utf-8")
    temporary.replace(path)
    return path


class Replayed(Detector):
    """A detector that answers from its store, started (once) only for snippets the store lacks.

    Its verdicts are the real detector's. Cost figures come from the live worker when one
    was needed, else from the run that saved the store.
    """

    def __init__(self, folder: Path, name: str, options: dict[str, str]) -> None:
        saved = load_answers(folder, name)
        if not saved:
            raise DetectorUnavailable(f"no saved answers at {_store(folder, name)}: run it once without --reuse")
        self._answers = {key: parse_answer(row) for key, row in saved["answers"].items()}
        self._real, self._options = detector_class(name), options
        self.live: Detector | None = None
        self.name, self.variants, self.note = name, self._real.variants, self._real.note
        self.version, self.startup_s, self.info = saved["version"], saved["startup_s"], saved["info"]
        self._peak_rss_mb, self._saved_when, self._new = saved["peak_rss_mb"], saved["when"], 0

    def detect(self, code: str) -> Answer:
        key = snippet_key(code)
        if key not in self._answers:
            if self.live is None:
                self.live = create(self.name, self._options)
                if self.live.version != self.version:
                    raise DetectorUnavailable(f"{self.name} is now {self.live.version}, its store {self.version}")
                self.startup_s, self.info = self.live.startup_s, self.live.info
            self._answers[key] = self.live.detect(code)
            self._new += 1
        return self._answers[key]

    @property
    def replayed_from(self) -> str:
        """Where its answers and cost figures come from, for the report."""
        if not self._new:
            return f"the run of {self._saved_when} (start-up, memory and latency too)"
        return f"the run of {self._saved_when}, and live for {self._new} new snippets (latency mixes both)"

    def verdicts(self, answer: Answer) -> dict:
        return self._real.verdicts(self, answer)

    def peak_rss_mb(self) -> float:
        return self.live.peak_rss_mb() if self.live else self._peak_rss_mb

    def close(self) -> None:
        if self.live:
            self.live.close()
