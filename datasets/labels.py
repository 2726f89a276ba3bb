"""The one label table: VS Code language identifiers, their aliases and file extensions.

Every loader, the harvester, the evaluation and the benchmarks map names through
`normalize_label`, so a label is spelled one way everywhere. The model's own label list
is data in its artifact; this table only says how outside names map onto ours.
"""

from __future__ import annotations

import re
from pathlib import PurePath

PLAINTEXT = "plaintext"

# The reference's nine languages, the negative class, then the languages added in issue 8,
# as VS Code languageIds. Training keeps this order for the labels its corpus has.
ORIGINAL_LABELS: tuple[str, ...] = ("c", "cpp", "css", "html", "java", "javascript", "python", "r", "sql", PLAINTEXT)

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
    "typescript": "TypeScript",
    "go": "Go",
    "rust": "Rust",
    "ruby": "Ruby",
    "php": "PHP",
    "csharp": "C#",
    "shellscript": "Shell Script",
    "powershell": "PowerShell",
    "bat": "Batch",
    "json": "JSON",
    "yaml": "YAML",
    "toml": "TOML",
    "ini": "Ini",
    "xml": "XML",
    "markdown": "Markdown",
    "dockerfile": "Dockerfile",
    "makefile": "Makefile",
    "kotlin": "Kotlin",
    "swift": "Swift",
    "scala": "Scala",
    "lua": "Lua",
    "perl": "Perl",
    "haskell": "Haskell",
    "objective-c": "Objective-C",
    "dart": "Dart",
    "scss": "SCSS",
    "less": "Less",
    "vue": "Vue",
    "log": "Log",
}

LABELS: tuple[str, ...] = tuple(DISPLAY_NAMES)

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
    "ts": "typescript",
    "tsx": "typescript",
    "typescriptreact": "typescript",
    "golang": "go",
    "rs": "rust",
    "rb": "ruby",
    "c#": "csharp",
    "cs": "csharp",
    "c-sharp": "csharp",
    "shell": "shellscript",
    "sh": "shellscript",
    "bash": "shellscript",
    "zsh": "shellscript",
    "console": "shellscript",
    "ps1": "powershell",
    "pwsh": "powershell",
    "posh": "powershell",
    "batch": "bat",
    "batchfile": "bat",
    "cmd": "bat",
    "dosbatch": "bat",
    "yml": "yaml",
    "cfg": "ini",
    "dosini": "ini",
    "svg": "xml",
    "xsl": "xml",
    "xslt": "xml",
    "md": "markdown",
    "docker": "dockerfile",
    "make": "makefile",
    "mk": "makefile",
    "kt": "kotlin",
    "kts": "kotlin",
    "pl": "perl",
    "perl5": "perl",
    "hs": "haskell",
    "objc": "objective-c",
    "objectivec": "objective-c",
    "obj-c": "objective-c",
    "sass": "scss",
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
    ".ts": "typescript",
    ".tsx": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".go": "go",
    ".rs": "rust",
    ".rb": "ruby",
    ".rake": "ruby",
    ".gemspec": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".sh": "shellscript",
    ".bash": "shellscript",
    ".zsh": "shellscript",
    ".ps1": "powershell",
    ".psm1": "powershell",
    ".psd1": "powershell",
    ".bat": "bat",
    ".cmd": "bat",
    ".json": "json",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".toml": "toml",
    ".ini": "ini",
    ".xml": "xml",
    ".xsd": "xml",
    ".xsl": "xml",
    ".xslt": "xml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".dockerfile": "dockerfile",
    ".mk": "makefile",
    ".mak": "makefile",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".swift": "swift",
    ".scala": "scala",
    ".lua": "lua",
    ".pl": "perl",
    ".pm": "perl",
    ".hs": "haskell",
    ".lhs": "haskell",
    ".m": "objective-c",
    ".dart": "dart",
    ".scss": "scss",
    ".less": "less",
    ".vue": "vue",
    ".log": "log",
}

# Files known by their whole name rather than an extension.
FILE_NAMES: dict[str, str] = {
    "Dockerfile": "dockerfile",
    "Containerfile": "dockerfile",
    "Makefile": "makefile",
    "makefile": "makefile",
    "GNUmakefile": "makefile",
    "Rakefile": "ruby",
    "Gemfile": "ruby",
}

# The languages each interpreter a `#!` first line may name runs, version suffixes dropped
# (`python3.11` is `python`); node, deno and bun run TypeScript as well as JavaScript.
INTERPRETERS: dict[str, tuple[str, ...]] = {
    "python": ("python",),
    "pypy": ("python",),
    "node": ("javascript", "typescript"),
    "nodejs": ("javascript", "typescript"),
    "deno": ("javascript", "typescript"),
    "bun": ("javascript", "typescript"),
    "ts-node": ("typescript",),
    "rscript": ("r",),
    "r": ("r",),
    "sh": ("shellscript",),
    "bash": ("shellscript",),
    "dash": ("shellscript",),
    "ksh": ("shellscript",),
    "zsh": ("shellscript",),
    "perl": ("perl",),
    "ruby": ("ruby",),
    "php": ("php",),
    "lua": ("lua",),
    "luajit": ("lua",),
    "pwsh": ("powershell",),
    "make": ("makefile",),
}

_SHEBANG = re.compile(r"#![ \t]*/(?:\S*/)?([^/\s]+)(?:[ \t]+([^\n]*?))?\r*(?:\n|\Z)")


def normalize_label(name: str) -> str | None:
    """Map any spelling of a language name onto our label, or None when it is not ours."""
    key = name.strip().lower()
    if key in LABELS:
        return key
    return ALIASES.get(key)


def label_for_path(path: str | PurePath) -> str | None:
    """The label a file name implies, by whole name or extension (case-sensitive only for `.R`)."""
    if PurePath(path).name in FILE_NAMES:
        return FILE_NAMES[PurePath(path).name]
    suffix = PurePath(path).suffix
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return EXTENSIONS.get(suffix.lower()) if suffix.lower() != ".r" else None


def display_name(label: str) -> str:
    """A human name for a label: "Python" for `python`, the label itself when unknown."""
    return DISPLAY_NAMES.get(label, label)


def labels_for_shebang(text: str) -> tuple[str, ...]:
    """The labels of what a `#!/path/interpreter` first line runs (`#!/usr/bin/env python3`:
    `python`), none when there is no such line or its interpreter is not in the table."""
    match = _SHEBANG.match(text, 1 if text.startswith("\ufeff") else 0)  # the first line only, no copy
    if match is None:
        return ()
    program, arguments = match.groups()
    if program == "env":
        operands = [word for word in (arguments or "").split() if not word.startswith("-") and "=" not in word]
        program = PurePath(operands[0]).name if operands else ""
    return INTERPRETERS.get(program.lower().rstrip("0123456789.").rstrip("-"), ())
