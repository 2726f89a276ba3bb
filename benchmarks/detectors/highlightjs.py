"""highlight.js `highlightAuto` under Node; 'ours only' reruns it restricted to our languages."""

from __future__ import annotations

from langsniff.datasets.labels import LABELS

from .base import TOOLS, WORKERS, WorkerDetector, require

# highlight.js names for our labels (HTML is its `xml` language, whose aliases include html).
HLJS_OURS = {
    "c": "c",
    "cpp": "cpp",
    "css": "css",
    "html": "xml",
    "java": "java",
    "javascript": "javascript",
    "python": "python",
    "r": "r",
    "sql": "sql",
    "plaintext": "plaintext",
}


class HighlightJS(WorkerDetector):
    name = "highlightjs"
    variants = ("as answers", "ours only")
    note = "relevance is an unbounded score, used only to rank for coverage"

    def __init__(self) -> None:
        node_modules = require(TOOLS / "node" / "node_modules" / "highlight.js", "highlight.js").parent
        ours = ",".join(HLJS_OURS[label] for label in LABELS if label in HLJS_OURS)
        super().__init__(
            ["node", str(WORKERS / "highlightjs_worker.js")], env={"NODE_PATH": str(node_modules), "HLJS_OURS": ours}
        )


DETECTOR = HighlightJS
