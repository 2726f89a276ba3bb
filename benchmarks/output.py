"""How the single-table benchmarks (model_targets, label_growth, hard_negatives) hand over results."""

from __future__ import annotations

import json
from pathlib import Path


def publish(measured: dict, table: str, json_path: Path | None) -> int:
    """Print the Markdown table, and save the measurements as JSON where asked; the exit code."""
    if json_path:
        json_path.write_text(json.dumps(measured, indent=2) + "\n")
    print(table)
    return 0
