"""highlight.js `highlightAuto` under Node; 'ours only' reruns it restricted to our languages.

Scoring of its shared grammars: highlight.js has one `xml` language for HTML and XML (its
aliases: html, xhtml, svg, ...) and one `ini` language for INI and TOML (alias toml). It
cannot tell those apart and never claims to, so its `xml` answer counts as right for HTML
and XML snippets alike, and `ini` for INI and TOML (`HLJS_NAMES`). This is generous to it on
those rows only; langsniff, scored on the same rows, must name the exact label.
"""

from __future__ import annotations

from .base import TOOLS, WORKERS, Options, WorkerDetector, require

# Its names that stand for more than one of our labels, or that labels.py's ALIASES miss.
HLJS_NAMES: dict[str, tuple[str, ...]] = {"xml": ("xml", "html"), "ini": ("ini", "toml"), "dos": ("bat",)}

# Our label -> the highlight.js languages that name it, for the restricted rerun ('ours only').
# Core highlight.js 11 has no Vue grammar (vue is absent: it cannot name it).
HLJS_OURS: dict[str, tuple[str, ...]] = {
    "c": ("c",),
    "cpp": ("cpp",),
    "css": ("css",),
    "html": ("xml",),
    "java": ("java",),
    "javascript": ("javascript",),
    "python": ("python",),
    "r": ("r",),
    "sql": ("sql",),
    "plaintext": ("plaintext",),
    "typescript": ("typescript",),
    "go": ("go",),
    "rust": ("rust",),
    "ruby": ("ruby",),
    "php": ("php",),
    "csharp": ("csharp",),
    "shellscript": ("bash", "shell"),
    "powershell": ("powershell",),
    "bat": ("dos",),
    "json": ("json",),
    "yaml": ("yaml",),
    "toml": ("ini",),
    "ini": ("ini",),
    "xml": ("xml",),
    "markdown": ("markdown",),
    "dockerfile": ("dockerfile",),
    "makefile": ("makefile",),
    "kotlin": ("kotlin",),
    "swift": ("swift",),
    "scala": ("scala",),
    "lua": ("lua",),
    "perl": ("perl",),
    "haskell": ("haskell",),
    "objective-c": ("objectivec",),
    "dart": ("dart",),
    "scss": ("scss",),
    "less": ("less",),
}


def hljs_languages(ours: tuple[str, ...]) -> list[str]:
    """The highlight.js languages the restricted rerun may pick, for our labels, each once."""
    return list(dict.fromkeys(language for label in ours for language in HLJS_OURS.get(label, ())))


class HighlightJS(WorkerDetector):
    name = "highlightjs"
    variants = ("as answers", "ours only")
    note = (
        "relevance is an unbounded score, used only to rank for coverage; its `xml` counts as right "
        "for html and xml, its `ini` for ini and toml (one grammar each)"
    )
    overrides = HLJS_NAMES

    def __init__(self, ours: tuple[str, ...]) -> None:
        node_modules = require(TOOLS / "node" / "node_modules" / "highlight.js", "highlight.js").parent
        env = {"NODE_PATH": str(node_modules), "HLJS_OURS": ",".join(hljs_languages(ours))}
        super().__init__(["node", str(WORKERS / "highlightjs_worker.js")], env=env)

    @classmethod
    def from_options(cls, options: Options) -> HighlightJS:
        return cls(options.labels)


DETECTOR = HighlightJS
