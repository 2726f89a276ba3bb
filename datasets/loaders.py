"""Readers for the three outside formats, all yielding `Record`.

- CSV `code,language` (the reference dataset's format; quotes, commas and newlines inside
  code are ordinary CSV quoting),
- a folder tree of source files labelled by extension,
- JSONL `{"code","label","source"}` (the format of the shared evaluation sets).

Labels go through `labels.normalize_label`. Rows whose label is not ours are skipped and
counted in a warning (never silently dropped); a structurally broken CSV row is an error
that names the file and line.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from langsniff.datasets.errors import DataError
from langsniff.datasets.labels import label_for_path, normalize_label
from langsniff.datasets.records import Record

log = logging.getLogger(__name__)

CSV_CODE_COLUMN = "code"
CSV_LABEL_COLUMNS = ("language", "label")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_REPORTED_LINES = 10


def load_any(path: str | Path) -> Iterator[Record]:
    """Pick the loader by what `path` is: a folder, a `.csv` or a `.jsonl` file."""
    path = Path(path)
    if path.is_dir():
        return load_folder(path)
    if not path.exists():
        raise DataError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return load_csv(path)
    if suffix in JSONL_SUFFIXES:
        return load_jsonl(path)
    raise DataError(f"{path}: unknown input format {suffix!r} (expected a folder, .csv or .jsonl)")


def load_csv(path: str | Path) -> Iterator[Record]:
    """Rows of a `code,language` CSV; `source` is `file:line` of the row's first line."""
    path = Path(path)
    csv.field_size_limit(sys.maxsize)
    unknown: Counter[str] = Counter()
    kept = 0
    with _open_text(path, newline="") as handle:
        reader = csv.reader(handle, strict=True)
        header, code_index, label_index = _csv_header(reader, path)
        while True:
            start_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as error:
                raise DataError(f"{path}:{start_line}: malformed CSV row: {error}") from None
            if not row:
                continue
            if len(row) != len(header):
                raise DataError(
                    f"{path}:{start_line}: expected {len(header)} fields ({','.join(header)}), got {len(row)}"
                )
            label = normalize_label(row[label_index])
            if label is None:
                unknown[row[label_index]] += 1
                continue
            kept += 1
            yield Record(code=row[code_index], label=label, source=f"{path.name}:{start_line}")
    _report_unknown(path, unknown)
    if kept == 0:
        raise DataError(f"{path}: no row with a known label")


def load_jsonl(path: str | Path) -> Iterator[Record]:
    """Lines of `{"code","label","source"}`; bad lines are skipped and reported with their numbers."""
    path = Path(path)
    bad_lines: list[int] = []
    unknown: Counter[str] = Counter()
    kept = 0
    with _open_text(path) as handle:
        for number, line in _numbered_lines(handle, path):
            if not line.strip():
                continue
            row = _parse_jsonl_row(line)
            if row is None:
                bad_lines.append(number)
                continue
            label = normalize_label(row["label"])
            if label is None:
                unknown[row["label"]] += 1
                continue
            kept += 1
            yield Record(
                code=row["code"],
                label=label,
                source=str(row.get("source") or f"{path.name}:{number}"),
                group=str(row.get("group") or ""),
                license=str(row.get("license") or ""),
            )
    if bad_lines:
        shown = ", ".join(map(str, bad_lines[:MAX_REPORTED_LINES]))
        more = " ..." if len(bad_lines) > MAX_REPORTED_LINES else ""
        log.warning("%s: skipped %d malformed line(s): %s%s", path, len(bad_lines), shown, more)
    _report_unknown(path, unknown)
    if kept == 0:
        raise DataError(f'{path}: no valid line with a known label (expected JSON objects with "code" and "label")')


def load_folder(path: str | Path) -> Iterator[Record]:
    """Files under `path` whose extension names a label; hidden folders are skipped."""
    root = Path(path)
    if not root.is_dir():
        raise DataError(f"{root}: not a folder")
    skipped: Counter[str] = Counter()
    kept = 0
    for file in sorted(root.rglob("*")):
        relative = file.relative_to(root)
        if not file.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        label = label_for_path(file)
        if label is None:
            skipped[file.suffix or "(no extension)"] += 1
            continue
        try:
            code = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            skipped["(not UTF-8)"] += 1
            continue
        kept += 1
        yield Record(code=code, label=label, source=relative.as_posix())
    if skipped:
        log.warning("%s: skipped %d file(s) with no known label: %s", root, sum(skipped.values()), _summary(skipped))
    if kept == 0:
        raise DataError(f"{root}: no file with a known extension")


def _open_text(path: Path, newline: str | None = None):
    """Open a UTF-8 text file, turning the usual failures into DataError."""
    try:
        return path.open(encoding="utf-8", newline=newline)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as error:
        raise DataError(f"{path}: cannot read: {error.strerror}") from None


def _numbered_lines(handle, path: Path) -> Iterator[tuple[int, str]]:
    """The file's lines with their numbers; bytes that are not UTF-8 stop with the line number."""
    number = 0
    try:
        for number, line in enumerate(handle, start=1):
            yield number, line
    except UnicodeDecodeError:
        raise DataError(f"{path}:{number + 1}: not UTF-8 text") from None


def _csv_header(reader, path: Path) -> tuple[list[str], int, int]:
    """The header row and the positions of the code and label columns."""
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise DataError(f"{path}: empty CSV file") from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise DataError(f"{path}:1: malformed CSV header: {error}") from None
    label_column = next((name for name in CSV_LABEL_COLUMNS if name in header), None)
    if CSV_CODE_COLUMN not in header or label_column is None:
        raise DataError(f"{path}:1: the header must name the columns 'code' and 'language', got {','.join(header)}")
    return header, header.index(CSV_CODE_COLUMN), header.index(label_column)


def _parse_jsonl_row(line: str) -> dict | None:
    """The row as a dict when it is an object with string `code` and `label`, else None."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(row, dict) or not isinstance(row.get("code"), str) or not isinstance(row.get("label"), str):
        return None
    return row


def _report_unknown(path: Path, unknown: Counter[str]) -> None:
    if unknown:
        log.warning("%s: skipped %d row(s) with unknown labels: %s", path, sum(unknown.values()), _summary(unknown))


def _summary(counts: Counter[str]) -> str:
    return ", ".join(f"{name} ({count})" for name, count in counts.most_common(MAX_REPORTED_LINES))
