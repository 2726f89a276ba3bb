"""Warm start (`langsniff train --init`): a trained encoder carried into a grown label set."""

import pytest
import torch

from langsniff.model.encoder import Encoder
from langsniff.model.training import check_same_shape, warm_start

from model_test_helpers import tiny_config


def test_warm_start_copies_every_weight_and_the_rows_of_shared_labels():
    torch.manual_seed(0)
    source = Encoder(tiny_config(100, 3))
    torch.manual_seed(1)
    grown = Encoder(tiny_config(100, 4))
    fresh_row = grown.head.weight[1].clone()

    warm_start(grown, source, ["c", "python", "plaintext"], ["c", "go", "python", "plaintext"])

    for name, tensor in source.state_dict().items():
        if not name.startswith("head."):
            assert torch.equal(grown.state_dict()[name], tensor), name
    for row, source_row in ((0, 0), (2, 1), (3, 2)):
        assert torch.equal(grown.head.weight[row], source.head.weight[source_row])
        assert torch.equal(grown.head.bias[row], source.head.bias[source_row])
    assert torch.equal(grown.head.weight[1], fresh_row)


def test_warm_start_refuses_a_different_shape():
    check_same_shape(tiny_config(100, 3), tiny_config(4096, 38), "artifact")
    with pytest.raises(ValueError, match="d_model"):
        check_same_shape(tiny_config(100, 3), tiny_config(100, 3, d_model=64), "artifact")
