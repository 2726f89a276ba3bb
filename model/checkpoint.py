"""Resumable training state: weights and optimizer tensors in safetensors, the rest in JSON.

No pickle anywhere: the optimizer's per-parameter tensors are flattened to named
tensors, its hyperparameters and the step counters and random state go to JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file

from langsniff.model.artifact import write_json

TENSORS, STATE = "state.safetensors", "state.json"


def save_checkpoint(
    folder: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer, state: dict[str, Any]
) -> None:
    """Write model, optimizer and `state` (JSON-ready: step, timers, random state...) to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {f"model.{name}": t.detach().contiguous() for name, t in model.state_dict().items()}
    optimizer_state = optimizer.state_dict()
    for index, slots in optimizer_state["state"].items():
        for slot, value in slots.items():
            tensors[f"optim.{index}.{slot}"] = torch.as_tensor(value).contiguous()
    save_file(tensors, str(folder / TENSORS))
    write_json(folder / STATE, {**state, "param_groups": optimizer_state["param_groups"]})


def has_checkpoint(folder: Path) -> bool:
    return (folder / TENSORS).is_file() and (folder / STATE).is_file()


def load_checkpoint(folder: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer) -> dict[str, Any]:
    """Restore model and optimizer from `folder`; returns the saved `state`."""
    tensors = load_file(str(folder / TENSORS))
    state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    model.load_state_dict({name[len("model.") :]: t for name, t in tensors.items() if name.startswith("model.")})
    slots: dict[int, dict[str, torch.Tensor]] = {}
    for name, value in tensors.items():
        if name.startswith("optim."):
            _, index, slot = name.split(".", 2)
            slots.setdefault(int(index), {})[slot] = value
    optimizer.load_state_dict({"state": slots, "param_groups": state.pop("param_groups")})
    return state
