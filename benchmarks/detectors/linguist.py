"""GitHub Linguist's Bayesian classifier (Debian `ruby-github-linguist`) under the system Ruby.

Only the classifier, over all its languages: snippets have no file name, so Linguist's
extension, filename and shebang strategies do not apply. Its model was trained on Linguist's
own samples, so its scores on linguist*.jsonl are inflated. Its vocabulary is every
language's name and aliases (`Linguist::Language.all`).
"""

from __future__ import annotations

import shutil
import subprocess

from .base import WORKERS, DetectorUnavailable, WorkerDetector


class Linguist(WorkerDetector):
    name = "linguist"
    variants = ("as answers", "ours only")
    note = "trained on Linguist's samples: linguist*.jsonl scores are inflated"
    overrides = {"sass": None}  # its Sass is the indented syntax; SCSS is another of its languages

    def __init__(self) -> None:
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
        super().__init__([ruby, str(WORKERS / "linguist_worker.rb")])


DETECTOR = Linguist
