"""The custom requests: `langsniff/classify` and `langsniff/attention`.

Both take `{uri}` (an open document) or `{text}`; attention also takes an optional `range`
within the document and a `nonce` for the inline script and style of its HTML page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cattrs
from lsprotocol import types

from langsniff.model.prediction import AttentionMap, Prediction
from langsniff.server import constants
from langsniff.server.attention_html import check_nonce, render_attention_html
from langsniff.server.detector import clean_text
from langsniff.server.errors import answers_cleanly, invalid_params
from langsniff.server.server import LangsniffServer

# The head view draws every pair of tokens: more than this is unreadable and heavy to send.
ATTENTION_MAX_TOKENS = 128
WEIGHT_DECIMALS = 4


def as_mapping(params: Any) -> dict[str, Any]:
    """Custom-method params as plain dicts (pygls hands them over as namedtuples)."""
    if hasattr(params, "_asdict"):
        return {key: as_mapping(value) for key, value in params._asdict().items()}
    if isinstance(params, Mapping):
        return {key: as_mapping(value) for key, value in params.items()}
    if isinstance(params, list):
        return [as_mapping(item) for item in params]  # type: ignore[return-value]
    return params


def _requested_text(ls: LangsniffServer, method: str, params: dict[str, Any]) -> str:
    """The text a request is about: `text`, or the open document `uri` (or a `range` of it)."""
    if isinstance(params.get("text"), str):
        return params["text"]
    uri = params.get("uri")
    if not isinstance(uri, str):
        raise invalid_params(f"{method} needs {{uri}} of an open document or {{text}}")
    document = ls.open_document(uri)
    if document is None:
        raise invalid_params(f"{method}: unknown document {uri}; open it with textDocument/didOpen first")
    if params.get("range") is None:
        return document.source
    try:
        selected = ls.protocol._converter.structure(params["range"], types.Range)
    except (cattrs.BaseValidationError, TypeError, ValueError) as error:
        raise invalid_params(f"{method}: range must be {{start: {{line, character}}, end: ...}}: {error}") from None
    start = document.offset_at_position(selected.start)
    end = document.offset_at_position(selected.end)
    return document.source[start:end]


def _params(method: str, params: Any) -> dict[str, Any]:
    mapping = as_mapping(params)
    if not isinstance(mapping, dict):
        raise invalid_params(f"{method} takes an object: {{uri}} or {{text}}")
    return mapping


def prediction_result(prediction: Prediction) -> dict[str, Any]:
    """What `langsniff/classify` answers."""
    return {
        "languageId": prediction.label,
        "confidence": prediction.confidence,
        "probabilities": prediction.probabilities,
        "tokens": prediction.tokens,
        "truncated": prediction.truncated,
    }


@answers_cleanly(constants.CLASSIFY)
async def classify(ls: LangsniffServer, params: Any) -> dict[str, Any]:
    mapping = _params(constants.CLASSIFY, params)
    uri = mapping.get("uri")
    document = ls.open_document(uri) if isinstance(uri, str) and "text" not in mapping else None
    if document is not None:
        return prediction_result(await ls.classify(document))
    text = _requested_text(ls, constants.CLASSIFY, mapping)
    return prediction_result(await ls.run(ls.detector.classify_text, text, ls.settings.max_characters))


def _shown_tokens(attention: AttentionMap, text: str) -> list[str]:
    """Each token as the text it covers (when offsets say so), else as the tokenizer spells it."""
    if len(attention.offsets) != len(attention.tokens):
        return list(attention.tokens)
    pairs = zip(attention.tokens, attention.offsets, strict=True)
    return [text[start:end] if end > start else token for token, (start, end) in pairs]


def attention_result(ls: LangsniffServer, text: str, nonce: str | None) -> dict[str, Any]:
    """Runs on the worker: the attention of the first window, cut to ATTENTION_MAX_TOKENS."""
    head, _ = clean_text(text, ls.settings.max_characters)
    attention = ls.detector.classifier.attention(head)
    count = min(len(attention.tokens), ATTENTION_MAX_TOKENS)
    tokens = _shown_tokens(attention, head)[:count]
    layers = [
        [[[round(weight, WEIGHT_DECIMALS) for weight in row[:count]] for row in matrix[:count]] for matrix in layer]
        for layer in attention.layers
    ]
    note = f"{len(attention.tokens)} tokens"
    if count < len(attention.tokens):
        note = f"The first {count} of {len(attention.tokens)} tokens."
    page = render_attention_html(
        tokens, layers, attention.prediction, ls.detector.classifier.display_names, note=note, nonce=nonce
    )
    return {"tokens": tokens, "layers": layers, "html": page, "prediction": prediction_result(attention.prediction)}


@answers_cleanly(constants.ATTENTION)
async def attention(ls: LangsniffServer, params: Any) -> dict[str, Any]:
    mapping = _params(constants.ATTENTION, params)
    nonce = mapping.get("nonce")
    if nonce is not None:
        try:
            check_nonce(nonce if isinstance(nonce, str) else "")
        except ValueError as error:
            raise invalid_params(f"{constants.ATTENTION}: {error}") from None
    text = _requested_text(ls, constants.ATTENTION, mapping)
    return await ls.run(attention_result, ls, text, nonce)


def register(server: LangsniffServer) -> None:
    """Register the custom requests on a server."""
    server.feature(constants.CLASSIFY)(classify)
    server.feature(constants.ATTENTION)(attention)
