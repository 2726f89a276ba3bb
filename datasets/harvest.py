"""The harvester: pinned registry packages in, labelled real files out, resumably.

For each manifest package: fetch the artifact with the registry's own client, read only
the members that the package's globs want, drop what is not hand-written text (filters,
prose cleaning), take the named code blocks of its docs (datasets/fences.py), keep at most
`cap` files and `cap` blocks per label chosen by content hash (deterministic), and write the
texts as content-addressed blobs plus one JSONL row per kept file or block:

    <cache>/harvest/blobs/<sha[:2]>/<sha256>
    <cache>/harvest/packages/<registry>__<name>__<version>.jsonl   the rows
    <cache>/harvest/packages/<registry>__<name>__<version>.stamp   done: the rules it was made with

A package is done when its listing exists and its stamp matches `harvest_stamp` of the
current manifest entry and extraction code, so editing an entry (or bumping
HARVEST_FORMAT) re-harvests it from the cached download.

A package that cannot be downloaded or read is reported with the client's message and
skipped; the next run tries it again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tqdm import tqdm

from langsniff.datasets import registries
from langsniff.datasets.errors import DataError
from langsniff.datasets.extract import iter_members
from langsniff.datasets.fences import code_blocks
from langsniff.datasets.filters import block_reject_reason, decode, reject_reason, without_comment_lines
from langsniff.datasets.labels import normalize_label
from langsniff.datasets.manifest import Manifest, Package, load_manifest, matches
from langsniff.datasets.prose import is_english_prose, to_prose, truncate
from langsniff.datasets.records import Record

DEFAULT_MANIFEST = Path(__file__).with_name("manifest.toml")
# Bump when the extraction code changes what a package gives: every package re-harvests.
# 2: code blocks of docs (`[defaults].fenced`) and the `.stamp` done rule.
HARVEST_FORMAT = 2


@dataclass
class HarvestReport:
    """What one harvest run did: packages harvested, already done, failed (with the reason)."""

    harvested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    files: Counter[str] = field(default_factory=Counter)
    blocks: Counter[str] = field(default_factory=Counter)
    bytes: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [
            f"harvested {len(self.harvested)} packages, {len(self.skipped)} already done, {len(self.failed)} failed",
            *(
                f"  {label}: {self.files[label]} files, {self.blocks[label]} blocks, {self.bytes[label] / 1e6:.1f} MB"
                for label in sorted(self.files | self.blocks)
            ),
        ]
        if self.dropped:
            lines.append("  dropped: " + ", ".join(f"{reason} {n}" for reason, n in sorted(self.dropped.items())))
        lines += [f"  FAILED {spec}: {message}" for spec, message in sorted(self.failed.items())]
        return "\n".join(lines)


@dataclass
class _Kept:
    path: str
    text: str


def harvest(manifest: Path, cache: Path, *, jobs: int = 4, only: Sequence[str] = ()) -> HarvestReport:
    """Harvest every package of the manifest (or those named in `only`, by name or label)
    into `cache`, in `jobs` parallel workers; packages already done are skipped."""
    parsed = load_manifest(manifest)
    packages = select(parsed, only)
    done_dir = cache / "harvest" / "packages"
    report = HarvestReport()
    pending = []
    for package in packages:
        if is_done(done_dir, package, harvest_stamp(parsed, package)):
            report.skipped.append(package.spec)
        else:
            pending.append(package)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(_harvest_package, parsed, package, cache): package for package in pending}
        bar = tqdm(as_completed(futures), total=len(futures), desc="harvest", unit="pkg", smoothing=0)
        for future in bar:
            package = futures[future]
            try:
                rows, dropped = future.result()
            except Exception as exc:  # any failure of one package is reported, never fatal
                report.failed[package.spec] = f"{type(exc).__name__}: {exc}"
                bar.write(f"FAILED {package.spec}: {exc}")
                continue
            report.harvested.append(package.spec)
            report.dropped.update(dropped)
            for row in rows:
                (report.blocks if row["kind"] == "block" else report.files)[row["label"]] += 1
                report.bytes[row["label"]] += row["bytes"]
            bar.set_postfix(files=sum(report.files.values()), failed=len(report.failed))
    return report


def select(manifest: Manifest, only: Sequence[str]) -> list[Package]:
    """The packages named (by name, `registry:name@version` or label) in `only`; all when empty."""
    if not only:
        return list(manifest.packages)
    wanted = set(only)
    chosen = [
        p
        for p in manifest.packages
        if p.name in wanted or p.spec in wanted or any(label in wanted for label, _ in p.labels)
    ]
    if not chosen:
        raise DataError(f"no manifest package or label matches {', '.join(sorted(wanted))}")
    return chosen


def harvest_stamp(manifest: Manifest, package: Package) -> str:
    """A digest of everything that decides what a package gives: its manifest entry, the
    manifest-wide rules it is read with, and HARVEST_FORMAT for the code."""
    rules = {
        "format": HARVEST_FORMAT,
        "package": asdict(package),
        "filters": asdict(manifest.filters),
        "exclude": manifest.exclude,
        "transforms": {label: manifest.labels[label].transform for label, _ in package.labels},
        "fenced": manifest.fenced,
        "block_labels": sorted(manifest.block_labels),
    }
    return hashlib.sha256(json.dumps(rules, sort_keys=True).encode("utf-8")).hexdigest()


def is_done(folder: Path, package: Package, stamp: str) -> bool:
    """Whether the package's listing exists and was written with the rules `stamp` digests."""
    stamp_path = folder / f"{package.key}.stamp"
    listing = folder / f"{package.key}.jsonl"
    return listing.exists() and stamp_path.exists() and stamp_path.read_text(encoding="utf-8").strip() == stamp


def _harvest_package(manifest: Manifest, package: Package, cache: Path) -> tuple[list[dict], Counter[str]]:
    artifact = registries.fetch(package, cache / "downloads")
    version = registries.deb_version(artifact) if package.registry == "deb" else package.version
    kept, dropped = _collect(manifest, package, artifact)
    rows = []
    for (label, kind), by_sha in sorted(kept.items()):
        for sha, item in sorted(by_sha.items()):
            _write_blob(cache, sha, item.text)
            rows.append(
                {
                    "sha256": sha,
                    "label": label,
                    "kind": kind,
                    "registry": package.registry,
                    "package": package.name,
                    "version": version,
                    "path": item.path,
                    "license": package.license,
                    "bytes": len(item.text.encode("utf-8")),
                }
            )
    folder = cache / "harvest" / "packages"
    _write_atomic(folder / f"{package.key}.jsonl", "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    _write_atomic(folder / f"{package.key}.stamp", harvest_stamp(manifest, package) + "\n")
    return rows, dropped


def _collect(
    manifest: Manifest, package: Package, artifact: Path
) -> tuple[dict[tuple[str, str], dict[str, _Kept]], Counter[str]]:
    """Reads the wanted members, filters them, and keeps per label and kind ("file" or
    "block") the `cap` smallest hashes."""
    exclude = manifest.exclude + package.exclude

    def label_of(path: str) -> str | None:
        if matches(path, exclude):
            return None
        return next((label for label, globs in package.labels if matches(path, globs)), None)

    def is_doc(path: str) -> bool:
        return matches(path, manifest.fenced) and not matches(path, exclude)

    kept: dict[tuple[str, str], dict[str, _Kept]] = {}
    dropped: Counter[str] = Counter()

    def keep(label: str, kind: str, path: str, text: str) -> None:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        by_sha = kept.setdefault((label, kind), {})
        if sha not in by_sha or path < by_sha[sha].path:
            by_sha[sha] = _Kept(path, text)
        if len(by_sha) > 2 * package.cap:
            kept[label, kind] = dict(sorted(by_sha.items())[: package.cap])

    def wanted(path: str) -> bool:
        return label_of(path) is not None or is_doc(path)

    for path, data in iter_members(artifact, wanted, lambda p: matches(p, package.nested)):
        label = label_of(path)
        if label is not None:
            text, reason = _prepare(manifest, label, path, data)
            if text is None:
                dropped[reason] += 1
            else:
                keep(label, "file", path, text)
        if is_doc(path):
            for block_label, block_path, code in _blocks(manifest, path, data, dropped):
                keep(block_label, "block", block_path, code)
    for key, by_sha in kept.items():
        dropped["over cap" if key[1] == "file" else "block over cap"] += max(0, len(by_sha) - package.cap)
        kept[key] = dict(sorted(by_sha.items())[: package.cap])
    return kept, dropped


def _blocks(manifest: Manifest, path: str, data: bytes, dropped: Counter[str]) -> Iterator[tuple[str, str, str]]:
    """The labelled code blocks of a doc as (label, `<path>#L<line>`, code); the others are
    counted in `dropped` ("block unknown language", "block session", "block small", ...)."""
    text = decode(data)
    if text is None:
        return
    for block in code_blocks(path, text):
        label = normalize_label(block.language)
        if label not in manifest.block_labels:
            dropped["block unknown language"] += 1
        elif block.is_session:
            dropped["block session"] += 1
        elif reason := block_reject_reason(block.code, manifest.filters):
            dropped[f"block {reason}"] += 1
        else:
            yield label, f"{path}#L{block.line}", block.code


def _prepare(manifest: Manifest, label: str, path: str, data: bytes) -> tuple[str | None, str]:
    """The text to keep for a member, or None and the reason it is dropped."""
    text = decode(data)
    if text is None:
        return None, "not utf-8"
    transform = manifest.labels[label].transform
    if transform == "log":
        text = without_comment_lines(text)
    prose = transform == "prose"
    if prose:
        text = truncate(to_prose(path, text), manifest.filters.max_bytes)
        if not is_english_prose(text):
            return None, "not prose"
    reason = reject_reason(text, manifest.filters, check_lines=not prose)
    return (None, reason) if reason else (text, "")


def _write_blob(cache: Path, sha: str, text: str) -> None:
    path = cache / "harvest" / "blobs" / sha[:2] / sha
    if not path.exists():
        _write_atomic(path, text)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def read_harvest(cache: Path) -> Iterator[Record]:
    """Every harvested file as a Record (source `registry:package@version/path`, group
    `registry:package`), in a stable order."""
    folder = cache / "harvest" / "packages"
    if not folder.is_dir():
        raise DataError(f"{folder}: no harvest here; run `langsniff data harvest` first")
    for listing in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), 1):
            try:
                row = json.loads(line)
                blob = cache / "harvest" / "blobs" / row["sha256"][:2] / row["sha256"]
                code = blob.read_text(encoding="utf-8")
            except (json.JSONDecodeError, KeyError, TypeError, OSError) as exc:
                raise DataError(f"{listing}:{number}: bad harvest row: {exc}") from None
            group = f"{row['registry']}:{row['package']}"
            yield Record(code, row["label"], f"{group}@{row['version']}/{row['path']}", group, row["license"])
