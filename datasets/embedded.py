"""Code embedded in another language's file, and what a window cut from inside it really is.

An HTML page's `<script>` block holds JavaScript and its `<style>` block CSS (so do Vue
components and PHP templates); a README's ```js fence holds JavaScript. A window cut from
inside such a block shows nothing of its host. Labelled as the host, it teaches a model that
jQuery is HTML and that a fenced `console.log(...)` is prose. `window_label` names such a
window by the block's language instead, for training and evaluation windows alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from langsniff.datasets.fences import markdown_blocks, rst_blocks
from langsniff.datasets.labels import PLAINTEXT, normalize_label

MARKUP_HOSTS = frozenset({"html", "vue", "php"})
FENCE_HOSTS = frozenset({"markdown", PLAINTEXT})

_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_KIND = re.compile(r"""(?<![\w-])(?:type|lang)\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
# A block's `type` or `lang` attribute -> the language of its body. Other kinds (HTML
# templates such as `text/x-template`) are markup, so the window keeps its host's label.
SCRIPT_KINDS = {
    "": "javascript",
    "text/javascript": "javascript",
    "application/javascript": "javascript",
    "module": "javascript",
    "text/babel": "javascript",
    "js": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "tsx": "typescript",
    "text/typescript": "typescript",
    "application/json": "json",
    "application/ld+json": "json",
    "importmap": "json",
}
STYLE_KINDS = {"": "css", "text/css": "css", "css": "css", "scss": "scss", "less": "less"}


def embedded_spans(label: str, lines: list[str]) -> list[tuple[int, int, str]]:
    """`(start, end, language)` for the body of each block of code embedded in a `label`
    text split into `lines`: the 0-based lines strictly inside the block, end excluded."""
    if label in MARKUP_HOSTS:
        return _markup_spans(lines)
    if label in FENCE_HOSTS:
        text = "\n".join(lines)
        blocks = [*markdown_blocks(text), *(rst_blocks(text) if label == PLAINTEXT else ())]
        named = [(block.body, normalize_label(block.language)) for block in blocks]
        return [(start, end, language) for (start, end), language in named if language and start < end]
    return []


def window_label(label: str, lines: list[str], start: int, end: int) -> str:
    """The language of the window `lines[start:end]` of a `label` text: the language of
    the embedded block it lies inside, or `label` when it shows any of the host."""
    for first, stop, language in embedded_spans(label, lines):
        if first <= start and end <= stop:
            return language
    return label


def _markup_spans(lines: list[str]) -> list[tuple[int, int, str]]:
    text = "\n".join(lines)
    line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    spans = []
    for block in _BLOCK.finditer(text):
        kind = _KIND.search(block.group(2))
        kinds = SCRIPT_KINDS if block.group(1).lower() == "script" else STYLE_KINDS
        language = kinds.get(kind.group(1).lower() if kind else "")
        first = bisect_right(line_starts, block.start(3) - 1)
        stop = bisect_right(line_starts, block.end(3)) - 1
        if language and first < stop:
            spans.append((first, stop, language))
    return spans
