"""Windows cut from inside embedded code are labelled by what they show: a window inside an
HTML `<script>` block is JavaScript, one inside a README's ```python fence is Python; a
window that shows any of the host keeps the host's label. Training and evaluation windows
follow the same rule."""

from __future__ import annotations

import random

from langsniff.datasets.embedded import embedded_spans, window_label
from langsniff.datasets.eval_sets import build_eval_set
from langsniff.datasets.records import Record
from langsniff.datasets.windows import content_lines, fixed_window
from langsniff.model.inputs import WindowEncoder
from langsniff.model.sampling import SnippetSampler
from langsniff.tokenizer import build_tokenizer

PAGE = """<!DOCTYPE html>
<html>
<head>
<style>
body { margin: 0; }
.menu { color: red; }
</style>
<script type="text/javascript">
$(document).ready(function () {
  $('#menu').hide();
});
</script>
<script type="text/x-template" id="row">
<tr><td>{{ name }}</td></tr>
</script>
</head>
<body><p>Hello</p></body>
</html>"""

README = """# Tool

Install it, then:

```python
import tool
tool.run()
```

Done.
"""

COMPONENT = """<template>
  <div>{{ count }}</div>
</template>
<script lang="ts">
export default { data: () => ({ count: 0 }) }
</script>
<style lang="scss">
$red: #f00;
div { color: $red; }
</style>"""


def label_of(label: str, text: str, start: int, end: int) -> str:
    return window_label(label, content_lines(text), start, end)


def test_windows_inside_script_and_style_blocks_are_javascript_and_css():
    assert label_of("html", PAGE, 4, 6) == "css"
    assert label_of("html", PAGE, 8, 11) == "javascript"
    assert label_of("html", PAGE, 9, 10) == "javascript"


def test_windows_that_show_markup_or_templates_stay_html():
    assert label_of("html", PAGE, 7, 9) == "html"  # holds the <script> tag
    assert label_of("html", PAGE, 10, 12) == "html"  # holds </script>
    assert label_of("html", PAGE, 13, 14) == "html"  # an HTML template, not code
    assert label_of("html", PAGE, 0, len(content_lines(PAGE))) == "html"


def test_vue_blocks_name_their_lang():
    assert embedded_spans("vue", content_lines(COMPONENT)) == [(4, 5, "typescript"), (7, 9, "scss")]


def test_fenced_code_in_markdown_is_its_fence_language():
    assert label_of("markdown", README, 5, 7) == "python"
    assert label_of("markdown", README, 4, 6) == "markdown"
    assert label_of("markdown", README, 0, 2) == "markdown"


def test_other_labels_are_left_alone():
    assert label_of("python", PAGE, 8, 11) == "python"


def test_evaluation_windows_follow_the_same_rule():
    rng = random.Random(0)
    labels = {fixed_window(PAGE, "html", 1, rng) for _ in range(200)}
    assert ("  $('#menu').hide();", "javascript") in labels
    assert ("<body><p>Hello</p></body>", "html") in labels
    windows = build_eval_set([Record(PAGE, "html", "page.html", "site")], 1, seed=0, per_label=50)
    assert {window.label for window in windows} <= {"html", "css", "javascript"}
    assert all(window.label == "html" for window in windows if "<" in window.code)


def test_training_windows_inside_a_script_block_train_as_javascript():
    tokenizer = build_tokenizer([PAGE, README] * 20, vocab_size=300)
    records = [Record(PAGE, "html"), Record("const x = 1;\n", "javascript"), Record("a b c d e f\n", "plaintext")]
    labels = ["html", "javascript", "plaintext"]
    sampler = SnippetSampler(records, labels, WindowEncoder(tokenizer, 64), random.Random(0), 32, short_share=1.0)
    seen = set()
    for _ in range(32):
        ids, keep, targets = sampler.next_batch()
        for row, mask, target in zip(ids.tolist(), keep.tolist(), targets.tolist()):
            text = tokenizer.decode([token for token, kept in zip(row, mask) if kept])
            if "hide()" in text:
                seen.add((labels[target], "script" in text))
    assert seen == {("javascript", False), ("html", True)}
