"""GitHub Linguist's Bayesian classifier (Debian `ruby-github-linguist`) under the system Ruby.

Only the classifier, over all its languages: snippets have no file name, so Linguist's
extension, filename and shebang strategies do not apply. Its vocabulary is every
language's name and aliases (`Linguist::Language.all`).

Its model was trained on Linguist's own samples, the files linguist*.jsonl are cut from.
Scored on them as shipped it would be scored on its training data, so each snippet from a
sample is classified with that sample file held out of the model (leave-one-out; the
worker's header says how): the score it would get on code it has not seen.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .base import WORKERS, DetectorUnavailable, Options, WorkerDetector


class Linguist(WorkerDetector):
    name = "linguist"
    variants = ("as answers", "ours only")
    note = "on Linguist's samples, each sample file is held out of its model (leave-one-out)"
    overrides = {"sass": None}  # its Sass is the indented syntax; SCSS is another of its languages

    def __init__(self, samples: Path | None = None) -> None:
        ruby = shutil.which("ruby")
        probe = (
            subprocess.run([ruby or "ruby", "-e", "require 'linguist'"], capture_output=True, check=False)
            if ruby
            else None
        )
        if probe is None or probe.returncode != 0:
            raise DetectorUnavailable(
                "GitHub Linguist is not installed: run `bash benchmarks/install_detectors.sh linguist`"
            )
        super().__init__([ruby, str(WORKERS / "linguist_worker.rb"), *([str(samples)] if samples else [])])

    @classmethod
    def from_options(cls, options: Options) -> Linguist:
        samples = options.linguist_samples
        return cls(samples if samples is not None and samples.is_file() else None)


DETECTOR = Linguist
