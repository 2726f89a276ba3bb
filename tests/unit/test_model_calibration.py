"""Combining windows and fitting the temperature."""

import math

import torch

from langsniff.model.calibration import combine_windows, fit_temperature


def test_one_window_is_its_softmax():
    logits = torch.tensor([[2.0, 0.0, -1.0]])
    combined = combine_windows([logits], 3, temperature=1.0)
    assert torch.allclose(combined.exp(), logits.softmax(-1))


def test_windows_combine_as_a_normalised_geometric_mean():
    a = torch.tensor([[0.7, 0.2, 0.1]]).log()
    b = torch.tensor([[0.1, 0.6, 0.3]]).log()
    combined = combine_windows([torch.cat([a, b])], 3, temperature=1.0).exp()[0]
    expected = torch.tensor([math.sqrt(0.07), math.sqrt(0.12), math.sqrt(0.03)])
    assert torch.allclose(combined, expected / expected.sum(), atol=1e-6)


def test_no_window_is_uniform():
    combined = combine_windows([torch.empty(0, 4)], 4, temperature=1.0).exp()
    assert torch.allclose(combined, torch.full((1, 4), 0.25))


def test_overconfident_logits_get_a_temperature_above_one():
    generator = torch.Generator().manual_seed(0)
    targets = torch.randint(0, 3, (600,), generator=generator)
    clean = torch.nn.functional.one_hot(targets, 3).float() * 1.0 + torch.randn(600, 3, generator=generator)
    overconfident = [row[None] * 6.0 for row in clean]
    fitted = fit_temperature(overconfident, targets.tolist(), 3)
    assert 4.0 < fitted < 9.0
    assert fit_temperature([], [], 3) == 1.0
