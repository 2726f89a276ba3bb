"""The attention page: self-contained, escaped, nonce-ready."""

import json
import re

import pytest

from langsniff.model.prediction import Prediction
from langsniff.server.attention_html import check_nonce, render_attention_html, visible_token

TOKENS = ["[CLS]", "<script>", "alert(1)", "</script>", "\n", "&amp;", "[SEP]"]
PREDICTION = Prediction(
    label="html", confidence=0.91, probabilities={"html": 0.91, "javascript": 0.08, "plaintext": 0.01}, tokens=5
)
NAMES = {"html": "HTML", "javascript": "JavaScript", "plaintext": "Plain Text"}


def uniform_layers(layers: int, heads: int, size: int) -> list:
    return [[[[1 / size] * size for _ in range(size)] for _ in range(heads)] for _ in range(layers)]


def render(**options) -> str:
    return render_attention_html(TOKENS, uniform_layers(2, 3, len(TOKENS)), PREDICTION, NAMES, **options)


def test_code_in_tokens_is_escaped_and_cannot_close_a_script():
    page = render()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "&amp;amp;" in page
    # Only our own two <script> elements open and close.
    assert page.count("<script") == 2
    assert page.count("</script>") == 2


def test_prediction_on_top_and_one_option_per_layer_and_head():
    page = render(note="7 tokens")
    assert page.index("HTML 91.0%") < page.index('id="layer"')
    assert "JavaScript 8.0%" in page
    assert len(re.findall(r'<select id="layer">(.*?)</select>', page)[0].split("<option")) - 1 == 2
    assert len(re.findall(r'<select id="head">(.*?)</select>', page)[0].split("<option")) - 1 == 3


def test_the_data_block_holds_the_weights():
    page = render()
    block = re.search(r'<script type="application/json" id="langsniff-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert len(data["layers"]) == 2 and len(data["layers"][0]) == 3
    assert len(data["layers"][0][0]) == len(TOKENS)


def test_self_contained_no_remote_resources():
    page = render()
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_nonce_goes_on_the_inline_style_and_script_and_in_the_policy():
    page = render(nonce="AbC123xyz+/=")
    assert '<style nonce="AbC123xyz+/=">' in page
    assert '<script nonce="AbC123xyz+/=">' in page
    assert "script-src 'nonce-AbC123xyz+/='" in page
    assert "unsafe-inline" not in page


@pytest.mark.parametrize("nonce", ["", "short", 'abc"><script>', "a b c d e f g h"])
def test_a_nonce_that_could_break_out_is_refused(nonce):
    with pytest.raises(ValueError):
        check_nonce(nonce)
    with pytest.raises(ValueError):
        render(nonce=nonce)


def test_whitespace_tokens_are_visible():
    assert visible_token("\n") == "↵"
    assert visible_token("  x") == "··x"
    assert visible_token("") == "∅"
