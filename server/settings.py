"""The server's settings: typed, fully defaulted, read from what the client sends.

Clients send settings as `initializationOptions` and in the `langsniff` section of
`workspace/didChangeConfiguration`, with camelCase keys. Each update changes only the keys
it carries; `null` resets a key to its default. Unknown keys and wrongly typed values are
reported back as problems (the server logs them) and leave the current value in place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from langsniff.server import constants

DEFAULT_LANGUAGE_IDS: tuple[str, ...] = ("plaintext", "text", "")


@dataclass(frozen=True)
class Settings:
    """What the client may tune. `threshold` None means the artifact's own threshold."""

    auto_detect: bool = True
    threshold: float | None = None
    debounce_ms: int = 300
    max_characters: int = 20_000
    language_ids: tuple[str, ...] = DEFAULT_LANGUAGE_IDS

    def threshold_or(self, artifact_threshold: float) -> float:
        """The confidence a detection needs: the setting, else the artifact's calibrated one."""
        return artifact_threshold if self.threshold is None else self.threshold


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _probability(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError("expected a number between 0 and 1")
    return float(value)


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not is_number or value != int(value) or not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}")
        return int(value)

    return parse


def _language_ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of language identifiers (strings)")
    return tuple(value)


# camelCase key -> (Settings field, parser)
_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    constants.AUTO_DETECT: ("auto_detect", _boolean),
    constants.THRESHOLD: ("threshold", _probability),
    constants.DEBOUNCE_MS: ("debounce_ms", _integer(0, 60_000)),
    constants.MAX_CHARACTERS: ("max_characters", _integer(1, 50_000_000)),
    constants.LANGUAGE_IDS: ("language_ids", _language_ids),
}


# Keys in the same section that only the client reads (VS Code: how to start the server).
_CLIENT_KEYS = frozenset({"server", "trace"})


def settings_section(payload: Any) -> Mapping[str, Any] | None:
    """The langsniff settings inside a payload: its `langsniff` section, or the payload itself."""
    if not isinstance(payload, Mapping):
        return None
    section = payload.get(constants.SETTINGS_SECTION, payload)
    return section if isinstance(section, Mapping) else None


def update_settings(current: Settings, payload: Any) -> tuple[Settings, list[str]]:
    """Apply the keys a payload carries; return the new settings and the problems found."""
    if payload is None:
        return current, []
    section = settings_section(payload)
    if section is None:
        return current, [f"settings ignored: expected an object, got {type(payload).__name__}"]
    defaults = Settings()
    changes: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in section.items():
        if key in _CLIENT_KEYS:
            continue
        if key not in _FIELDS:
            problems.append(f"unknown setting {constants.SETTINGS_SECTION}.{key} ignored")
            continue
        name, parse = _FIELDS[key]
        if value is None:
            changes[name] = getattr(defaults, name)
            continue
        try:
            changes[name] = parse(value)
        except ValueError as error:
            problems.append(f"setting {constants.SETTINGS_SECTION}.{key}={value!r} ignored: {error}")
    return dataclasses.replace(current, **changes), problems
