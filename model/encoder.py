"""The transformer encoder: one module, configured by `ModelConfig`, built bottom-up.

Padding is masked in attention and in pooling, so a padded batch gives the same answer as
each text alone. Attention weights are returned per layer on request for the attention view.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from langsniff.model.config import ModelConfig


class SelfAttention(nn.Module):
    """Multi-head self-attention over the non-padding tokens."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.n_heads = config.n_heads
        self.qkv = nn.Linear(config.d_model, 3 * config.d_model)
        self.proj = nn.Linear(config.d_model, config.d_model)
        self.dropout = config.dropout
        self.resid_dropout = nn.Dropout(config.dropout)

    def forward(
        self, x: torch.Tensor, keep: torch.Tensor, need_weights: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)
        q = q.view(B, T, self.n_heads, C // self.n_heads).transpose(1, 2)  # (B, H, T, hs)
        k = k.view(B, T, self.n_heads, C // self.n_heads).transpose(1, 2)  # (B, H, T, hs)
        v = v.view(B, T, self.n_heads, C // self.n_heads).transpose(1, 2)  # (B, H, T, hs)
        key_mask = keep[:, None, None, :]  # (B, 1, 1, T): True where the key is a real token
        weights = None
        if need_weights:
            scores = (q @ k.transpose(-2, -1)) / math.sqrt(k.size(-1))  # (B, H, T, T)
            weights = scores.masked_fill(~key_mask, float("-inf")).softmax(dim=-1)  # (B, H, T, T)
            y = weights @ v  # (B, H, T, hs)
        else:
            dropout = self.dropout if self.training else 0.0
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=key_mask, dropout_p=dropout)  # (B, H, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C)
        return self.resid_dropout(self.proj(y)), weights


class FeedForward(nn.Module):
    """The position-wise MLP, four times as wide as the model."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.up = nn.Linear(config.d_model, 4 * config.d_model)
        self.down = nn.Linear(4 * config.d_model, config.d_model)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.down(F.gelu(self.up(x))))


class Block(nn.Module):
    """Attention then (optionally) feed-forward, each residual, pre-LayerNorm when configured."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        norm = nn.LayerNorm if config.layer_norm else lambda _: nn.Identity()
        self.ln1 = norm(config.d_model)
        self.attn = SelfAttention(config)
        self.ln2 = norm(config.d_model) if config.ffn else None
        self.ffn = FeedForward(config) if config.ffn else None

    def forward(
        self, x: torch.Tensor, keep: torch.Tensor, need_weights: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        attended, weights = self.attn(self.ln1(x), keep, need_weights)
        x = x + attended
        if self.ffn is not None:
            x = x + self.ffn(self.ln2(x))
        return x, weights


class Encoder(nn.Module):
    """Token (+ position) embeddings, `n_layers` blocks, pooling, a linear classifier."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        self.tok_emb = nn.Embedding(config.vocab_size, config.d_model)
        self.pos_emb = nn.Embedding(config.max_tokens, config.d_model) if config.positions else None
        self.drop = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layers))
        self.ln_f = nn.LayerNorm(config.d_model) if config.layer_norm and config.n_layers else nn.Identity()
        pooled = 2 * config.d_model if config.pooling == "mean+cls" else config.d_model
        self.head = nn.Linear(pooled, config.n_labels)
        self.apply(self._init_weights)

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(
        self, ids: torch.Tensor, keep: torch.Tensor, need_weights: bool = False
    ) -> tuple[torch.Tensor, list[torch.Tensor]]:
        """Logits (B, n_labels) for token ids (B, T) whose real tokens are `keep` (B, T) True.

        With `need_weights`, also each layer's attention weights, (B, H, T, T) each.
        """
        B, T = ids.shape
        x = self.tok_emb(ids)  # (B, T, C)
        if self.pos_emb is not None:
            x = x + self.pos_emb(torch.arange(T, device=ids.device))  # (B, T, C)
        x = self.drop(x)
        attentions = []
        for block in self.blocks:
            x, weights = block(x, keep, need_weights)
            if weights is not None:
                attentions.append(weights)
        x = self.ln_f(x)  # (B, T, C)
        pooled = x[:, 0]  # (B, C): the [CLS] position
        if self.config.pooling == "mean+cls":
            weights = keep.unsqueeze(-1).to(x.dtype)  # (B, T, 1)
            mean = (x * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)  # (B, C)
            pooled = torch.cat([pooled, mean], dim=-1)  # (B, 2C)
        return self.head(pooled), attentions

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())
