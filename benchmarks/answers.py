"""Saved raw answers: every run adds each detector's answers to a store, and `--reuse` replays them.

A late rerun (a new langsniff model with the same labels) then only computes what is new:
a reused detector answers from the store (each answer keyed by the SHA-256 of its snippet)
instead of running again. Stores are kept per evaluation key (`evaluation_key`: the
content of every evaluation set, labels included, and our label set), one folder each, so
answers saved for another test split, another sampling or another label set are never
replayed: `--reuse` then refuses and says which stores exist. The report says which
detectors were replayed, and from which run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from .detectors import create, detector_class
from .detectors.base import Answer, Detector, DetectorUnavailable, Options, parse_answer
from .evalsets import EvalSet


def snippet_key(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()


def evaluation_key(sets: Sequence[EvalSet], labels: Sequence[str]) -> str:
    """A hash of what the answers are for: every set's snippets and true labels, and our labels."""
    digest = hashlib.sha256(json.dumps(sorted(labels)).encode("utf-8"))
    for eval_set in sets:
        digest.update(f"\n{eval_set.name}".encode())
        for record in eval_set.records:
            digest.update(f"\n{record.label} {snippet_key(record.code)}".encode())
    return digest.hexdigest()[:16]


def _other_stores(folder: Path, name: str) -> list[str]:
    """Stores of this detector under other evaluation keys (and a store from before keys), for errors."""
    found = [path.parent.name for path in sorted(folder.parent.glob(f"*/{name}.json")) if path.parent != folder]
    if (folder.parent / f"{name}.json").is_file():
        found.append(f"one from before evaluation keys ({folder.parent / f'{name}.json'})")
    return found


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

    def __init__(self, folder: Path, name: str, options: Options) -> None:
        saved = load_answers(folder, name)
        if not saved:
            others = _other_stores(folder, name)
            elsewhere = f"; saved answers exist only for other sets or labels: {', '.join(others)}" if others else ""
            raise DetectorUnavailable(
                f"no saved answers of {name} for these evaluation sets and labels (key {folder.name}, "
                f"{_store(folder, name)}){elsewhere}: run it once without --reuse"
            )
        self._answers = {key: parse_answer(row) for key, row in saved["answers"].items()}
        self._real, self._options = detector_class(name), options
        self.live: Detector | None = None
        self.name, self.variants, self.note = name, self._real.variants, self._real.note
        self.overrides, self.abstains = self._real.overrides, self._real.abstains
        self.version, self.startup_s, self.info = saved["version"], saved["startup_s"], saved["info"]
        self._peak_rss_mb, self._saved_when, self._new = saved["peak_rss_mb"], saved["when"], 0
        self.attach(options.labels)

    def detect(self, code: str, source: str = "") -> Answer:
        key = snippet_key(code)
        if key not in self._answers:
            if self.live is None:
                self.live = create(self.name, self._options)
                if self.live.version != self.version:
                    raise DetectorUnavailable(f"{self.name} is now {self.live.version}, its store {self.version}")
                self.startup_s, self.info = self.live.startup_s, self.live.info
            self._answers[key] = self.live.detect(code, source)
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
