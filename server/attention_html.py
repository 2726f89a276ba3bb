"""One self-contained HTML page that shows the model's attention, like BertViz's head view.

Two columns of the same tokens; lines from each token on the left to the tokens it attends
to on the right, as strong as the weight. Pick a layer and a head; hover a token to see only
its attention, with the attended tokens heat-coloured. No network, no remote scripts: the
data, style and script are inline. The code is untrusted input: tokens are HTML-escaped in
the markup and the data block cannot close its <script> element. A webview with a strict
content security policy passes a `nonce`, which goes on the inline <style> and <script>.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence

from langsniff.model.prediction import Prediction

_NONCE = re.compile(r"[A-Za-z0-9+/=_-]{8,128}")
_VISIBLE = str.maketrans({"\n": "↵", "\r": "␍", "\t": "⇥", " ": "·"})
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 12px; color: #1f2328; background: #ffffff; }
header h1 { font-size: 1.1em; margin: 0 0 4px 0; }
.prediction { font-size: 1.3em; font-weight: 600; }
.others, .note { color: #59636e; font-size: 0.9em; }
.controls { margin: 10px 0; display: flex; gap: 16px; align-items: center; }
.view { display: flex; align-items: flex-start; }
.column { display: flex; flex-direction: column; }
.tok { font-family: ui-monospace, monospace; font-size: 13px; height: 20px; line-height: 20px;
       padding: 0 6px; white-space: pre; border-radius: 3px; cursor: default; }
.left .tok { text-align: right; }
.tok.active { outline: 2px solid #0969da; }
svg { flex: none; }
"""

_SCRIPT = """
(function () {
  const data = JSON.parse(document.getElementById('langsniff-data').textContent);
  const layerSelect = document.getElementById('layer');
  const headSelect = document.getElementById('head');
  const svg = document.getElementById('lines');
  const left = Array.from(document.querySelectorAll('.left .tok'));
  const right = Array.from(document.querySelectorAll('.right .tok'));
  const colours = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bf3989', '#9a6700', '#0550ae', '#953800'];
  const rowHeight = 20, width = 160, faint = 0.02;
  let focus = null;

  function weights() {
    return data.layers[Number(layerSelect.value)][Number(headSelect.value)];
  }
  function heat(element, weight) {
    element.style.background = weight > 0 ? 'rgba(255, 120, 0, ' + Math.min(1, weight).toFixed(3) + ')' : '';
  }
  function line(i, j, weight, colour) {
    const l = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    l.setAttribute('x1', 0); l.setAttribute('y1', i * rowHeight + rowHeight / 2);
    l.setAttribute('x2', width); l.setAttribute('y2', j * rowHeight + rowHeight / 2);
    l.setAttribute('stroke', colour); l.setAttribute('stroke-width', 2);
    l.setAttribute('stroke-opacity', Math.min(1, weight).toFixed(3));
    svg.appendChild(l);
  }
  function draw() {
    const a = weights();
    const colour = colours[Number(headSelect.value) % colours.length];
    svg.replaceChildren();
    left.concat(right).forEach(function (t) { heat(t, 0); t.classList.remove('active'); });
    for (let i = 0; i < a.length; i++) {
      if (focus && focus.side === 'left' && focus.index !== i) continue;
      for (let j = 0; j < a[i].length; j++) {
        if (focus && focus.side === 'right' && focus.index !== j) continue;
        if (a[i][j] < faint && !focus) continue;
        line(i, j, a[i][j], colour);
      }
    }
    if (focus && focus.side === 'left') {
      left[focus.index].classList.add('active');
      right.forEach(function (t, j) { heat(t, a[focus.index][j]); });
    } else if (focus) {
      right[focus.index].classList.add('active');
      left.forEach(function (t, i) { heat(t, a[i][focus.index]); });
    }
  }
  function hover(side, elements) {
    elements.forEach(function (element, index) {
      element.addEventListener('mouseenter', function () { focus = { side: side, index: index }; draw(); });
      element.addEventListener('mouseleave', function () { focus = null; draw(); });
    });
  }
  svg.setAttribute('width', width);
  svg.setAttribute('height', Math.max(1, left.length) * rowHeight);
  hover('left', left);
  hover('right', right);
  layerSelect.addEventListener('change', draw);
  headSelect.addEventListener('change', draw);
  draw();
})();
"""


def check_nonce(nonce: str) -> str:
    """A nonce as given, or ValueError when it could break out of its attribute."""
    if not _NONCE.fullmatch(nonce):
        raise ValueError("nonce must be 8 to 128 characters of letters, digits, +/=_-")
    return nonce


def visible_token(token: str) -> str:
    """A token with its whitespace made visible, so a newline or a space shows as a cell."""
    return token.translate(_VISIBLE) or "∅"


def _json_for_script(value: object) -> str:
    text = json.dumps(value, separators=(",", ":"))
    for character, escape in _JSON_ESCAPES.items():
        text = text.replace(character, escape)
    return text


def _options(element_id: str, label: str, count: int) -> str:
    options = "".join(f'<option value="{index}">{index + 1}</option>' for index in range(count))
    return f'<label>{label} <select id="{element_id}">{options}</select></label>'


def render_attention_html(
    tokens: Sequence[str],
    layers: Sequence[Sequence[Sequence[Sequence[float]]]],
    prediction: Prediction,
    names: Mapping[str, str],
    *,
    note: str = "",
    nonce: str | None = None,
) -> str:
    """The page for one window of text: the prediction on top, then the head view."""
    if nonce is None:
        policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
        nonce_attribute = ""
    else:
        check_nonce(nonce)
        policy = f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'"
        nonce_attribute = f' nonce="{nonce}"'
    head_count = len(layers[0]) if layers else 0
    column = "".join(f'<div class="tok">{html.escape(visible_token(token))}</div>' for token in tokens)
    others = ", ".join(
        f"{html.escape(names.get(label, label))} {probability * 100:.1f}%"
        for label, probability in prediction.top(4)[1:]
    )
    top_name = html.escape(names.get(prediction.label, prediction.label))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>langsniff attention</title>
<style{nonce_attribute}>{_STYLE}</style>
</head>
<body>
<header>
<h1>langsniff attention</h1>
<div class="prediction">{top_name} {prediction.confidence * 100:.1f}%</div>
<div class="others">{others}</div>
<div class="note">{html.escape(note)}</div>
</header>
<div class="controls">{_options("layer", "Layer", len(layers))}{_options("head", "Head", head_count)}
<span class="note">Hover a token to see where it looks.</span></div>
<div class="view">
<div class="column left">{column}</div>
<svg id="lines" xmlns="http://www.w3.org/2000/svg"></svg>
<div class="column right">{column}</div>
</div>
<script type="application/json" id="langsniff-data">{_json_for_script({"layers": layers})}</script>
<script{nonce_attribute}>{_SCRIPT}</script>
</body>
</html>
"""
