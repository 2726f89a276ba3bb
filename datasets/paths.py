"""Where harvested files and built corpora live: one cache folder outside git."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """`$LANGSNIFF_CACHE` when set, else `~/.cache/langsniff`; every data command defaults to it."""
    override = os.environ.get("LANGSNIFF_CACHE")
    return Path(override).expanduser() if override else Path.home() / ".cache" / "langsniff"
