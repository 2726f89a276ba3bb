"""Which harvested files are real, hand-written text: not binary, minified, generated or huge."""

from __future__ import annotations

from dataclasses import replace

from langsniff.datasets.manifest import Filters

HEADER_CHARS = 1500  # generated-file markers are looked for in the head of a file only


def decode(data: bytes) -> str | None:
    """The file as text when it is UTF-8 (BOM dropped, newlines normalised), else None."""
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def reject_reason(text: str, filters: Filters, *, check_lines: bool = True) -> str | None:
    """Why a file is dropped ("small", "large", "minified", "generated"), or None to keep it."""
    size = len(text.encode("utf-8"))
    if size > filters.max_bytes:
        return "large"
    if len(text.strip()) < filters.min_bytes:
        return "small"
    if check_lines and _looks_minified(text, filters):
        return "minified"
    head = text[:HEADER_CHARS].lower()
    if any(marker in head for marker in filters.generated_markers):
        return "generated"
    return None


def block_reject_reason(code: str, filters: Filters) -> str | None:
    """Why a docs code block is dropped: the file rules, except that a short block is kept
    when it has two non-empty lines or `block_min_bytes` (snippets are short by nature)."""
    reason = reject_reason(code, replace(filters, min_bytes=1))
    lines = sum(1 for line in code.split("\n") if line.strip())
    if reason is None and lines < 2 and len(code.strip()) < filters.block_min_bytes:
        return "small"
    return reason


def _looks_minified(text: str, filters: Filters) -> bool:
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if not lengths:
        return False
    return max(lengths) > filters.max_line_length or sum(lengths) / len(lengths) > filters.max_mean_line_length


def without_comment_lines(text: str) -> str:
    """A log file without its `#` lines: test logs annotate samples with them, real logs do not."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("#"))
