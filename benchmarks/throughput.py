"""Training throughput of our presets (measured by benchmarks/presets.py) beside the reference's figures.

presets.py prints a Markdown table; save it to a file and pass it with `--presets FILE`. This
module only reads that table: it never measures throughput itself.
"""

from __future__ import annotations

from pathlib import Path

# The reference project's published training throughput (seed-notes.md), tokens per second.
REFERENCE_TOKENS_PER_S = {"v1": 105_000, "v2": 100_000, "v3": 65_000, "v4": 40_000, "v5": 20_000}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_tokens_per_s(text: str) -> dict[str, str]:
    """Preset name -> tokens/s cell, from the first Markdown table with a tokens/s column."""
    lines = [line for line in text.splitlines() if line.strip().startswith("|")]
    for index, line in enumerate(lines):
        header = [cell.lower() for cell in _cells(line)]
        column = next((i for i, cell in enumerate(header) if "tok" in cell and "/s" in cell), None)
        if column is None:
            continue
        found = {}
        for row in lines[index + 1 :]:
            cells = _cells(row)
            if set("".join(cells)) <= set("-: "):
                continue
            if len(cells) <= column:
                break
            found[cells[0].strip("*` ")] = cells[column]
        return found
    return {}


def _reference(preset: str) -> str:
    figure = REFERENCE_TOKENS_PER_S.get(preset.lower())
    return f"~{figure:,}" if figure else "—"


def throughput_lines(presets_file: Path | None) -> list[str]:
    """A small table: our tokens/s per preset on this machine beside the reference's, or a note why not."""
    if presets_file is None:
        return []
    if not presets_file.exists():
        return [f"`{presets_file.name}` not found: save the output of `python -m benchmarks.presets` there first."]
    ours = read_tokens_per_s(presets_file.read_text(encoding="utf-8"))
    if not ours:
        return [f"{presets_file} has no Markdown table with a tokens/s column."]
    rows = [f"| {name} | {value} | {_reference(name)} |" for name, value in ours.items()]
    return [
        (
            f"Measured by `benchmarks/presets.py` on this machine (2 cores), from `{presets_file.name}`; "
            "reference figures from its published notebook (CPU, batch 4)."
        ),
        "",
        "| preset | tokens/s here | reference tokens/s |",
        "|:---|---:|---:|",
        *rows,
    ]
