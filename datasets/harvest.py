"""The harvester: pinned registry packages in, labelled real files out, resumably.

For each manifest package: fetch the artifact with the registry's own client, read only
the members that the package's globs want, drop what is not hand-written text (filters,
prose cleaning), keep at most `cap` files per label chosen by content hash (deterministic),
and write the texts as content-addressed blobs plus one JSONL row per kept file:

    <cache>/harvest/blobs/<sha[:2]>/<sha256>
    <cache>/harvest/packages/<registry>__<name>__<version>.jsonl   (exists = package done)

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
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from langsniff.datasets import registries
from langsniff.datasets.errors import DataError
from langsniff.datasets.extract import iter_members
from langsniff.datasets.filters import decode, reject_reason
from langsniff.datasets.manifest import Manifest, Package, load_manifest, matches
from langsniff.datasets.prose import is_english_prose, to_prose, truncate
from langsniff.datasets.records import Record

DEFAULT_MANIFEST = Path(__file__).with_name("manifest.toml")


@dataclass
class HarvestReport:
    """What one harvest run did: packages harvested, already done, failed (with the reason)."""

    harvested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    files: Counter[str] = field(default_factory=Counter)
    bytes: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [
            f"harvested {len(self.harvested)} packages, {len(self.skipped)} already done, {len(self.failed)} failed",
            *(f"  {label}: {n} files, {self.bytes[label] / 1e6:.1f} MB" for label, n in sorted(self.files.items())),
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
        (report.skipped if (done_dir / f"{package.key}.jsonl").exists() else pending).append(package)
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
                report.files[row["label"]] += 1
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


def _harvest_package(manifest: Manifest, package: Package, cache: Path) -> tuple[list[dict], Counter[str]]:
    artifact = registries.fetch(package, cache / "downloads")
    version = registries.deb_version(artifact) if package.registry == "deb" else package.version
    kept, dropped = _collect(manifest, package, artifact)
    rows = []
    for label, by_sha in sorted(kept.items()):
        for sha, item in sorted(by_sha.items()):
            _write_blob(cache, sha, item.text)
            rows.append(
                {
                    "sha256": sha,
                    "label": label,
                    "registry": package.registry,
                    "package": package.name,
                    "version": version,
                    "path": item.path,
                    "license": package.license,
                    "bytes": len(item.text.encode("utf-8")),
                }
            )
    _write_atomic(
        cache / "harvest" / "packages" / f"{package.key}.jsonl",
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
    )
    return rows, dropped


def _collect(manifest: Manifest, package: Package, artifact: Path) -> tuple[dict[str, dict[str, _Kept]], Counter[str]]:
    """Reads the wanted members, filters them, and keeps per label the `cap` smallest hashes."""
    exclude = manifest.exclude + package.exclude

    def label_of(path: str) -> str | None:
        if matches(path, exclude):
            return None
        return next((label for label, globs in package.labels if matches(path, globs)), None)

    kept: dict[str, dict[str, _Kept]] = {}
    dropped: Counter[str] = Counter()
    for path, data in iter_members(artifact, lambda p: label_of(p) is not None, lambda p: matches(p, package.nested)):
        label = label_of(path)
        text, reason = _prepare(manifest, label, path, data)
        if text is None:
            dropped[reason] += 1
            continue
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        by_sha = kept.setdefault(label, {})
        if sha not in by_sha or path < by_sha[sha].path:
            by_sha[sha] = _Kept(path, text)
        if len(by_sha) > 2 * package.cap:
            kept[label] = dict(sorted(by_sha.items())[: package.cap])
    for label, by_sha in kept.items():
        dropped["over cap"] += max(0, len(by_sha) - package.cap)
        kept[label] = dict(sorted(by_sha.items())[: package.cap])
    return kept, dropped


def _prepare(manifest: Manifest, label: str, path: str, data: bytes) -> tuple[str | None, str]:
    """The text to keep for a member, or None and the reason it is dropped."""
    text = decode(data)
    if text is None:
        return None, "not utf-8"
    prose = manifest.labels[label].transform == "prose"
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
