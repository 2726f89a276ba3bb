"""The artifacts shipped inside the package, and how a command-line `--model` names one.

No torch import: argument parsers use `artifact_path` before anything heavy loads.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED_DIR = Path(__file__).resolve().parent
SHIPPED_MODELS = ("default", "languages32")
DEFAULT_ARTIFACT = SHIPPED_DIR / "default"
MODEL_HELP = f"a shipped model ({', '.join(SHIPPED_MODELS)}) or an artifact folder"


def artifact_path(model: str) -> Path:
    """The folder of `model`: a shipped model's name unless a folder of that name exists
    here, else the artifact folder it names. Users pick a shipped model without knowing
    where pip put the package."""
    if model in SHIPPED_MODELS and not Path(model).is_dir():
        return SHIPPED_DIR / model
    return Path(model)
