"""The detectors the comparison runs, one small module each, behind one interface (`base.Detector`)."""

from __future__ import annotations

import importlib

from .base import Detector, DetectorUnavailable, Options

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


def create(name: str, options: Options) -> Detector:
    """Start the named detector, its names mapped onto our labels; DetectorUnavailable when not installed."""
    detector = detector_class(name).from_options(options)
    detector.attach(options.labels)
    return detector
