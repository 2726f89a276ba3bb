"""What every detector answers, how its names become our labels, and the JSON-lines worker they run in.

Each detector runs as one long-lived process (node, ruby or python) that loads its model once
and then answers one JSON line per snippet: never one process per snippet. The worker times
its own work, so pipe overhead is not billed to the detector.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from langsniff.datasets.labels import PLAINTEXT

from .names import NameMap

TOOLS = Path(__file__).resolve().parent.parent / ".tools"
WORKERS = Path(__file__).resolve().parent / "workers"

# A detector's name for a language: its own name first, then its aliases.
Names = tuple[str, ...]


class DetectorUnavailable(Exception):
    """The detector is not installed or would not start; the message says how to install it."""


@dataclass(frozen=True)
class Options:
    """What every detector is started with: our labels (the benchmarked artifact's) and that artifact.

    `linguist_samples` is the JSONL of Linguist's whole sample files, which Linguist's own
    classifier holds out one at a time when it scores snippets cut from them.
    """

    labels: tuple[str, ...]
    model: str | None = None
    linguist_samples: Path | None = None


@dataclass(frozen=True)
class Answer:
    """One detector's raw answer to one snippet, in its own vocabulary."""

    answer: Names | None
    confidence: float | None
    ranked: tuple[tuple[Names, float], ...]
    ms: float


@dataclass(frozen=True)
class Verdict:
    """An answer mapped onto our labels: `label` None with `answered` true is a language we do not have.

    `also` holds further labels the same answer is right for (highlight.js's `xml` is its
    HTML and its XML grammar at once).
    """

    label: str | None
    confidence: float | None
    answered: bool
    also: tuple[str, ...] = ()

    def correct(self, truth: str) -> bool:
        """Right label, or no answer at all for prose (the document then stays plain text)."""
        if not self.answered:
            return truth == PLAINTEXT
        return self.label == truth or truth in self.also


def named(labels: tuple[str, ...], confidence: float | None) -> Verdict:
    """An answer that names `labels` (none: a language we do not have)."""
    return Verdict(labels[0] if labels else None, confidence, True, labels[1:])


def as_answered(answer: Answer, names: NameMap) -> Verdict:
    """The detector's own answer, as it gives it."""
    if answer.answer is None:
        return Verdict(None, None, False)
    return named(names.labels(answer.answer), answer.confidence)


def best_of_ours(answer: Answer, names: NameMap) -> Verdict:
    """Its highest-ranked candidate that is one of our labels (fairer to detectors that know more)."""
    for candidate, score in answer.ranked:
        labels = names.labels(candidate)
        if labels:
            return named(labels, score)
    return as_answered(answer, names)


class Detector:
    """A running detector: `detect` one snippet, `verdicts` per reporting variant, `close` at the end."""

    name: str = ""
    version: str = ""
    variants: tuple[str, ...] = ("as answers",)
    note: str = ""
    startup_s: float = 0.0
    info: dict  # what the worker said when ready, besides its version: `names`, its whole vocabulary
    overrides: Mapping[str, tuple[str, ...] | None] = {}  # its names that normalize_label gets wrong
    abstains: bool = False  # can leave a snippet unanswered (then right on prose)
    names: NameMap  # set by `attach`
    known: frozenset[str] = frozenset()  # our labels it can name at all

    @classmethod
    def from_options(cls, options: Options) -> Detector:
        """Start the detector; `options` holds our labels and the command line's settings."""
        return cls()

    def attach(self, ours: Sequence[str]) -> None:
        """Map its names onto our labels, and find which of ours its vocabulary (`info["names"]`) covers.

        A detector that did not say its vocabulary is taken to know all our labels (scored on every row).
        """
        self.names = NameMap(frozenset(ours), self.overrides)
        vocabulary = self.info.get("names")
        self.known = self.names.known(vocabulary, self.abstains) if vocabulary else frozenset(ours)

    def detect(self, code: str, source: str = "") -> Answer:
        """The answer to one snippet; `source` is where the snippet was cut from (its Record's)."""
        raise NotImplementedError

    def verdicts(self, answer: Answer) -> dict[str, Verdict]:
        """One verdict per variant; the default reports the answer as given, and best-of-ours when ranked."""
        found = {"as answers": as_answered(answer, self.names)}
        if "ours only" in self.variants:
            found["ours only"] = best_of_ours(answer, self.names)
        return found

    def peak_rss_mb(self) -> float:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def parse_answer(row: dict) -> Answer:
    """An Answer from its JSON form (a worker's line, or a saved answer)."""
    answer = row.get("answer")
    return Answer(
        answer=tuple(answer) if answer else None,
        confidence=row.get("confidence"),
        ranked=tuple((tuple(names), float(score)) for names, score in row.get("ranked", ())),
        ms=float(row["ms"]),
    )


class WorkerDetector(Detector):
    """A detector in its own process, speaking JSON lines over stdin/stdout.

    The worker prints `{"ready": true, "version": ...}` once its model is loaded and warmed,
    then one `{"answer", "confidence", "ranked", "ms"}` line per `{"code", "source"}` line it reads.
    """

    def __init__(self, command: Sequence[str], env: dict[str, str] | None = None) -> None:
        started = time.perf_counter()
        worker_env = {**os.environ, "OMP_NUM_THREADS": "1", **(env or {})}
        try:
            self._process = subprocess.Popen(
                list(command),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=worker_env,
            )
        except OSError as error:
            raise DetectorUnavailable(f"cannot start {command[0]}: {error}") from error
        ready = self._read()
        if not ready.get("ready"):
            self._process.kill()
            raise DetectorUnavailable(f"worker did not start: {ready.get('error', ready)}")
        self.startup_s = time.perf_counter() - started
        self.version = str(ready.get("version", ""))
        self.info = {key: value for key, value in ready.items() if key not in ("ready", "version")}

    def _read(self) -> dict:
        line = self._process.stdout.readline()
        if not line:
            error = self._process.stderr.read()[-2000:]
            return {"error": f"worker exited: {error.strip() or 'no output'}"}
        return json.loads(line)

    def detect(self, code: str, source: str = "") -> Answer:
        self._process.stdin.write(json.dumps({"code": code, "source": source}) + "\n")
        self._process.stdin.flush()
        row = self._read()
        if "error" in row:
            raise RuntimeError(f"{self.name}: {row['error']}")
        return parse_answer(row)

    def peak_rss_mb(self) -> float:
        """The worker's peak resident memory (VmHWM), read while it still runs."""
        status = Path(f"/proc/{self._process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


def require(path: Path, what: str) -> Path:
    """The path of an installed tool, or DetectorUnavailable naming the install command."""
    if not path.exists():
        raise DetectorUnavailable(
            f"{what} is not installed ({path} missing): run `bash benchmarks/install_detectors.sh`"
        )
    return path
