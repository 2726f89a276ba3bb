"""The encoder: shapes, padding masked, attention weights, every preset builds and runs."""

import pytest
import torch

from langsniff.model.config import PRESETS, ModelConfig, preset
from langsniff.model.encoder import Encoder

torch.set_num_threads(1)


def make(**changes) -> Encoder:
    torch.manual_seed(0)
    values = dict(
        vocab_size=100, n_labels=5, max_tokens=32, d_model=32, n_layers=2, n_heads=4, pooling="mean+cls", dropout=0.0
    )
    return Encoder(ModelConfig(**{**values, **changes})).eval()


def test_logits_and_attention_shapes():
    encoder = make()
    ids = torch.randint(5, 100, (3, 20))
    keep = torch.ones_like(ids, dtype=torch.bool)
    logits, attentions = encoder(ids, keep, need_weights=True)
    assert logits.shape == (3, 5)
    assert len(attentions) == 2 and attentions[0].shape == (3, 4, 20, 20)
    assert torch.allclose(attentions[1].sum(dim=-1), torch.ones(3, 4, 20))
    assert encoder(ids, keep)[1] == []


@pytest.mark.parametrize("pooling", ["cls", "mean+cls"])
def test_a_padded_batch_answers_like_each_text_alone(pooling):
    encoder = make(pooling=pooling)
    lengths = [7, 20, 12]
    texts = [torch.randint(5, 100, (n,)) for n in lengths]
    ids = torch.zeros((3, 20), dtype=torch.long)
    keep = torch.zeros((3, 20), dtype=torch.bool)
    for row, text in enumerate(texts):
        ids[row, : len(text)] = text
        keep[row, : len(text)] = True
    with torch.inference_mode():
        batched = encoder(ids, keep)[0].softmax(-1)
        alone = torch.cat([encoder(t[None], torch.ones(1, len(t), dtype=torch.bool))[0] for t in texts]).softmax(-1)
    assert torch.allclose(batched, alone, atol=1e-5)


def test_padding_gets_no_attention():
    encoder = make()
    ids = torch.randint(5, 100, (1, 10))
    keep = torch.tensor([[True] * 6 + [False] * 4])
    _, attentions = encoder(ids, keep, need_weights=True)
    assert torch.all(attentions[0][..., 6:] == 0)


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_builds_and_runs(name):
    model_config, train_config = preset(name)
    encoder = Encoder(model_config).eval()
    ids = torch.randint(5, model_config.vocab_size, (2, 16))
    logits, attentions = encoder(ids, torch.ones_like(ids, dtype=torch.bool), need_weights=True)
    assert logits.shape == (2, model_config.n_labels)
    assert len(attentions) == model_config.n_layers
    assert train_config.vocab_size == model_config.vocab_size


def test_reference_versions_differ_as_described():
    assert PRESETS["v1"].n_layers == 0 and not PRESETS["v1"].positions
    assert PRESETS["v2"].positions and PRESETS["v2"].n_layers == 0
    assert PRESETS["v3"].n_heads == 1 and not PRESETS["v3"].ffn
    assert PRESETS["v4"].n_heads == 4 and not PRESETS["v4"].ffn
    assert PRESETS["v5"].n_layers == 2 and PRESETS["v5"].ffn and PRESETS["v5"].dropout == 0.2


def test_config_rejects_unknown_keys_and_bad_values():
    with pytest.raises(ValueError, match="unknown model settings: colour"):
        ModelConfig.from_dict({"colour": 1})
    with pytest.raises(ValueError, match="pooling"):
        ModelConfig(pooling="max")
    with pytest.raises(ValueError, match="unknown preset"):
        preset("v9")
