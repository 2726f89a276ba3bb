"""Code blocks in Markdown and reStructuredText docs, with the language their fence names.

READMEs and tutorials hold the short snippets people actually paste (```js, ```python,
`.. code-block:: sql`), and the author has already said which language each one is. The
harvester turns them into labelled records (datasets/harvest.py); this module only finds
them: Markdown fences (``` and ~~~) and the reST directives `code-block`, `code` and
`sourcecode`. A block without a language, or an unclosed fence, is not returned.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

_FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*([^\n]*)$")
_RST_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*(\S*)")
_RST_OPTION = re.compile(r"^[ \t]*:[\w-]+:")
_INFO_WORD = re.compile(r"[{.\s]*([\w+#-]+)")
_PROMPTS = ("$ ", ">>> ")
# Fence names for transcripts (prompt, command, output): not a language's source.
SESSION_LANGUAGES = frozenset({"console", "shell-session", "sh-session", "pycon", "doscon", "ps1con", "pwsh-session"})


@dataclass(frozen=True)
class CodeBlock:
    """One fenced block: the 1-based line of its fence, the language it names, its dedented
    code, and the 0-based `[start, end)` lines of its body in the document."""

    line: int
    language: str
    code: str
    body: tuple[int, int]

    @property
    def is_session(self) -> bool:
        """A terminal or REPL transcript (`$ ls`, `>>> x`): prompts and output mixed with code."""
        if self.language.lower() in SESSION_LANGUAGES:
            return True
        return any(line.lstrip().startswith(_PROMPTS) for line in self.code.split("\n"))


def code_blocks(path: str, text: str) -> list[CodeBlock]:
    """The named code blocks of a document; Markdown or reST is chosen by the file name."""
    name = PurePosixPath(path.removesuffix(".gz")).name.lower()
    if name.endswith((".md", ".markdown")):
        return list(markdown_blocks(text))
    if name.endswith((".rst", ".rest", ".txt")):
        return list(rst_blocks(text))
    return []


def markdown_blocks(text: str) -> Iterator[CodeBlock]:
    """Fenced blocks: the language is the info string's first word (```js, ```{.python} title=x)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opening = _FENCE_OPEN.match(lines[i])
        if not opening or (opening.group(2)[0] == "`" and "`" in opening.group(3)):
            i += 1
            continue
        fence = opening.group(2)
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(i + 1, len(lines)) if closing.match(lines[j])), None)
        if end is None:
            return
        language = _first_word(opening.group(3))
        if language:
            yield CodeBlock(i + 1, language, _dedent(lines[i + 1 : end]), (i + 1, end))
        i = end + 1


def rst_blocks(text: str) -> Iterator[CodeBlock]:
    """`.. code-block:: LANG` (and `code`, `sourcecode`) directives: options skipped, body dedented."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        directive = _RST_DIRECTIVE.match(line)
        if not directive or not directive.group(2):
            continue
        indent = len(directive.group(1).expandtabs())
        start = i + 1
        while start < len(lines) and _RST_OPTION.match(lines[start]):
            start += 1
        body: list[str] = []
        for following in lines[start:]:
            if following.strip() and len(following.expandtabs()) - len(following.expandtabs().lstrip()) <= indent:
                break
            body.append(following)
        yield CodeBlock(i + 1, directive.group(2), _dedent(body), (start, start + len(body)))


def _first_word(info: str) -> str:
    """`{.python title="x"}` -> `python`; `js:app.js` -> `js`; `` -> ``."""
    word = _INFO_WORD.match(info)
    return word.group(1) if word else ""


def _dedent(lines: list[str]) -> str:
    code = textwrap.dedent("\n".join(line.rstrip() for line in lines)).strip("\n")
    return code + "\n" if code else ""
