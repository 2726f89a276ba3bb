"""Turning READMEs, docs, changelogs and man pages into plain English prose.

The `plaintext` label teaches the model what "not code" looks like: notes, changelogs,
commit messages. Markup would teach it Markdown or reStructuredText instead, so code
blocks, tables, HTML, directives and link syntax are removed and only the words remain.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import PurePosixPath

ENGLISH_WORDS = frozenset(
    "the a an of to and in is are was be for that it with this on as by not or from can you if "
    "will at we have has use when which all new now no so but more these their there into also".split()
)
CODE_SYMBOLS = frozenset("{}[]();=<>")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_MAN_PATH = re.compile(r"(?:^|/)man/(?:[a-z_]+/)?man\d\w*/[^/]+$")
_VIM_HELP_PATH = re.compile(r"(?:^|/)vim[^/]*/doc/[^/]+\.txt$")
_MAN_CODE_SECTIONS = ("SYNOPSIS", "EXAMPLE", "EXAMPLES")


def to_prose(path: str, text: str) -> str:
    """The prose in a document, markup removed; which cleaner runs depends on the file name."""
    name = PurePosixPath(path.removesuffix(".gz")).name.lower()
    if _MAN_PATH.search(path):
        text = _render_man(text)
    elif _VIM_HELP_PATH.search(path):
        text = clean_vim_help(text)
    elif name.endswith((".md", ".markdown")):
        text = clean_markdown(text)
    elif name.endswith((".rst", ".rest", ".rst.txt")) or (name.endswith(".txt") and _looks_like_rst(text)):
        text = clean_rst(text)
    return _tidy(text)


def truncate(text: str, max_bytes: int) -> str:
    """The leading paragraphs of a long document that fit in `max_bytes` (long changelogs
    are good prose; only their size is a problem)."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    head = text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")
    cut = head.rfind("\n\n")
    return head[:cut].rstrip() + "\n" if cut > 0 else head[: head.rfind("\n") + 1]


def _looks_like_rst(text: str) -> bool:
    """Sphinx sources often end in .txt (Django's docs, `_sources/*.rst.txt`)."""
    return bool(re.search(r"^\.\. [\w-]+::|:[a-z]+:`|^\S.*\n[=\-~^]{3,}[ \t]*$", text, flags=re.M))


def is_english_prose(text: str, min_words: int = 8) -> bool:
    """Mostly English words, mostly letters: rejects code, data, lists of names and other languages."""
    words = re.findall(r"[A-Za-z][A-Za-z']*", text)
    if len(words) < min_words:
        return False
    common = sum(word.lower() in ENGLISH_WORDS for word in words)
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    foreign = sum(c.isalpha() and not c.isascii() for c in visible)
    syntax = sum(c in CODE_SYMBOLS for c in visible)
    return (
        common / len(words) >= 0.08
        and letters / len(visible) >= 0.7
        and foreign / max(letters, 1) < 0.02
        and syntax / len(visible) < 0.05
    )


def clean_markdown(text: str) -> str:
    """Markdown to prose: drops front matter, code, tables, HTML, images; keeps link text."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[ \t]*$", "", text, flags=re.S | re.M)
    text = re.sub(r"<(script|style|pre|table)\b.*?</\1>", "", text, flags=re.S | re.I)
    lines = [line for line in _drop_indented_blocks(text.split("\n")) if not _is_markdown_furniture(line)]
    text = "\n".join(lines)
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # linked badges
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"<https?://[^>]+>", "", text)
    text = re.sub(r"</?[A-Za-z][^>\n]*>", "", text)  # inline HTML tags
    text = re.sub(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", r"\1", text, flags=re.M)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(\S.*?\S|\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(\S[^*\n]*?)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`+([^`\n]+?)`+", r"\1", text)
    return html.unescape(text)


def _is_markdown_furniture(line: str) -> bool:
    stripped = line.strip()
    return (
        stripped.count("|") >= 2  # table rows
        or bool(re.fullmatch(r"[-=*_:| ]{3,}", stripped))  # rules, setext underlines, table separators
        or bool(re.fullmatch(r"\[[^\]]+\]:\s*\S+.*", stripped))  # link reference definitions
        or (stripped.startswith("<") and stripped.endswith(">"))  # block HTML
    )


def clean_rst(text: str) -> str:
    """reStructuredText to prose: drops directives, comments, literal blocks, tables, adornments."""
    lines = _drop_rst_blocks(text.split("\n"))
    text = "\n".join(line for line in lines if not _is_rst_furniture(line))
    text = re.sub(r":[\w:.+-]+:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", text)  # :role:`text <target>`
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", text)  # `text <url>`_
    text = re.sub(r"`([^`]+)`__?", r"\1", text)
    text = re.sub(r"``([^`]+)``", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"\|([\w -]+)\|_?", r"\1", text)
    text = re.sub(r"(\*\*)(\S.*?\S|\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(\S[^*\n]*?)\*(?![\w*])", r"\1", text)
    return text


def _drop_rst_blocks(lines: list[str]) -> list[str]:
    """Removes `.. directive::` / comment blocks and the literal block after a `::` paragraph."""
    out: list[str] = []
    skip_deeper_than: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        if line.lstrip().startswith(".."):
            skip_deeper_than = indent
            continue
        if line.rstrip().endswith("::"):
            skip_deeper_than = indent
            line = line.rstrip()[:-2].rstrip()
            line = line + ":" if line and line[-1].isalnum() else line
        out.append(line)
    return out


def _is_rst_furniture(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(re.fullmatch(r"([=\-~^\"'`#*+<>:._])\1{2,}", stripped))  # section adornments
        or bool(re.fullmatch(r"=+( +=+)+", stripped))  # simple table borders
        or stripped.startswith(("+-", "+=", "|"))  # grid tables, line blocks
    )


def _drop_indented_blocks(lines: list[str]) -> list[str]:
    """Removes Markdown indented code blocks (4+ spaces after a blank line, outside lists)."""
    out: list[str] = []
    in_code = False
    previous_text = ""
    for line in lines:
        indented = line.startswith(("    ", "\t"))
        if in_code and (indented or not line.strip()):
            continue
        in_code = indented and not (out[-1].strip() if out else "") and not _LIST_ITEM.match(previous_text)
        if in_code:
            continue
        out.append(line)
        if line.strip() and not indented:
            previous_text = line
    return out


def clean_vim_help(text: str) -> str:
    """Vim help to prose: drops `*tags*`, rulers and `>` example blocks; `|links|` keep their word."""
    out: list[str] = []
    in_example = False
    for line in text.split("\n"):
        if in_example:
            if line.startswith(("\t", " ")) or not line.strip():
                continue
            in_example = False
            line = line.removeprefix("<")
        if line.rstrip().endswith(" >") or line.strip() == ">":
            in_example = True
            line = line.rstrip()[:-1]
        out.append(line)
    text = "\n".join(out)
    text = re.sub(r"^[=\-]{10,}\s*$", "", text, flags=re.M)
    text = re.sub(r"\s*\*[^*\s|]+\*", "", text)
    return re.sub(r"\|([^|\s]+)\|", r"\1", text)


def _render_man(source: str) -> str:
    """A roff man page as the text `man` shows, without header, footer, tables and the
    sections that hold code (SYNOPSIS, EXAMPLES)."""
    source = re.sub(r"^\.TS\b.*?^\.TE\b.*?$", "", source, flags=re.M | re.S)
    try:
        proc = subprocess.run(
            ["groff", "-man", "-Tutf8", "-P-cbou", "-rLL=80n"], input=source, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = [line for line in proc.stdout.split("\n")]
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 3:
        return ""
    body, skipping = [], False
    for line in lines[content[0] + 1 : content[-1]]:
        if line and not line[0].isspace():  # a section heading
            skipping = line.strip() in _MAN_CODE_SECTIONS
        if not skipping:
            body.append(line[7:] if line.startswith("       ") else line)
    return "\n".join(body)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""
