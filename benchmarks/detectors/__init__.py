"""The detectors the comparison runs, one small module each, behind one interface (`base.Detector`)."""

from __future__ import annotations

import importlib

from .base import Detector, DetectorUnavailable

# Name on the command line -> module under benchmarks.detectors that defines `create(options)`.
DETECTORS: dict[str, str] = {
    "langsniff": "langsniff",
    "vscode": "vscode",
    "magika": "magika",
    "pygments": "pygments",
    "highlightjs": "highlightjs",
    "linguist": "linguist",
    "guesslang": "guesslang",
}


def detector_class(name: str) -> type[Detector]:
    """The class of the named detector (importing it starts nothing)."""
    if name not in DETECTORS:
        raise DetectorUnavailable(f"unknown detector {name!r} (known: {', '.join(DETECTORS)})")
    return importlib.import_module(f"{__name__}.{DETECTORS[name]}").DETECTOR


def create(name: str, options: dict[str, str]) -> Detector:
    """Start the named detector; raises DetectorUnavailable when it is not installed."""
    return detector_class(name).from_options(options)
