"""The one label table: VS Code language identifiers, their aliases and file extensions.

Every loader, the harvester, the evaluation and the benchmarks map names through
`normalize_label`, so a label is spelled one way everywhere. The model's own label list
is data in its artifact; this table only says how outside names map onto ours.
"""

from __future__ import annotations

from pathlib import PurePath

PLAINTEXT = "plaintext"

# The reference's nine languages plus the negative class, as VS Code languageIds.
LABELS: tuple[str, ...] = ("c", "cpp", "css", "html", "java", "javascript", "python", "r", "sql", PLAINTEXT)

DISPLAY_NAMES: dict[str, str] = {
    "c": "C",
    "cpp": "C++",
    "css": "CSS",
    "html": "HTML",
    "java": "Java",
    "javascript": "JavaScript",
    "python": "Python",
    "r": "R",
    "sql": "SQL",
    PLAINTEXT: "Plain Text",
}

# Other spellings (the reference CSV, Linguist, Pygments, highlight.js, Magika, guesslang,
# VS Code's detector) of the labels above. Keys are lower-case.
ALIASES: dict[str, str] = {
    "c++": "cpp",
    "cplusplus": "cpp",
    "c/c++": "cpp",
    "cc": "cpp",
    "cxx": "cpp",
    "sqlite": "sql",
    "mysql": "sql",
    "postgresql": "sql",
    "plpgsql": "sql",
    "tsql": "sql",
    "transact-sql": "sql",
    "plsql": "sql",
    "pgsql": "sql",
    "js": "javascript",
    "node": "javascript",
    "ecmascript": "javascript",
    "javascript+genshi": "javascript",
    "py": "python",
    "python3": "python",
    "python 3": "python",
    "py3": "python",
    "rscript": "r",
    "splus": "r",
    "s": "r",
    "htm": "html",
    "xhtml": "html",
    "html5": "html",
    "text": PLAINTEXT,
    "txt": PLAINTEXT,
    "plain text": PLAINTEXT,
    "prose": PLAINTEXT,
}

# File extensions that say a file's language. Lower-case `.r` is left out on purpose:
# binutils and others use it for linker scripts, not R (see datasets/README.md).
EXTENSIONS: dict[str, str] = {
    ".c": "c",
    ".cpp": "cpp",
    ".cc": "cpp",
    ".cxx": "cpp",
    ".c++": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".hxx": "cpp",
    ".css": "css",
    ".html": "html",
    ".htm": "html",
    ".java": "java",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".py": "python",
    ".pyw": "python",
    ".R": "r",
    ".sql": "sql",
    ".txt": PLAINTEXT,
}


def normalize_label(name: str) -> str | None:
    """Map any spelling of a language name onto our label, or None when it is not ours."""
    key = name.strip().lower()
    if key in LABELS:
        return key
    return ALIASES.get(key)


def label_for_path(path: str | PurePath) -> str | None:
    """The label a file name implies, by extension (case-sensitive only for `.R`)."""
    suffix = PurePath(path).suffix
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return EXTENSIONS.get(suffix.lower()) if suffix.lower() != ".r" else None


def display_name(label: str) -> str:
    """A human name for a label: "Python" for `python`, the label itself when unknown."""
    return DISPLAY_NAMES.get(label, label)
