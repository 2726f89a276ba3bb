"""Reading the wanted members out of registry artifacts without unpacking them to disk.

Handles tar (plain, gzip, bzip2, xz: npm tarballs, sdists), zip (wheels, zipped sources),
Debian packages (through `dpkg-deb --fsys-tarfile`), archives nested inside those (openjdk's
src.zip, glibc's tarball), and single gzip-compressed files (Debian changelogs, man pages).
A nested member's path is the outer path followed by the inner one:
`usr/lib/jvm/openjdk-17/lib/src.zip/java.base/java/util/List.java`.
"""

from __future__ import annotations

import gzip
import io
import subprocess
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

MAX_MEMBER_BYTES = 400_000_000  # a nested archive larger than this is skipped, not read into memory


class ExtractError(RuntimeError):
    """An artifact could not be read."""


Wanted = Callable[[str], bool]


def iter_members(path: Path, wanted: Wanted, nested: Wanted) -> Iterator[tuple[str, bytes]]:
    """Yield (path, bytes) for every regular file in the artifact that `wanted` accepts,
    descending into members that `nested` accepts as archives."""
    with path.open("rb") as handle:
        head = handle.read(8)
    try:
        if head.startswith(b"!<arch>"):
            yield from _deb(path, wanted, nested)
        elif head.startswith(b"PK"):
            with zipfile.ZipFile(path) as archive:
                yield from _zip(archive, "", wanted, nested)
        else:
            with tarfile.open(path, mode="r:*") as archive:
                yield from _tar(archive, "", wanted, nested)
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ExtractError(f"{path.name}: cannot read archive: {exc}") from None


def _deb(path: Path, wanted: Wanted, nested: Wanted) -> Iterator[tuple[str, bytes]]:
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with tarfile.open(fileobj=proc.stdout, mode="r|*") as archive:
            yield from _tar(archive, "", wanted, nested)
    except GeneratorExit:  # the reader stopped early: dpkg-deb's broken pipe is no error
        proc.kill()
        raise
    finally:
        proc.stdout.close()
        error = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
        failed = proc.wait() != 0
    if failed:
        raise ExtractError(f"{path.name}: dpkg-deb failed: {error or 'exit status ' + str(proc.returncode)}")


def _tar(archive: tarfile.TarFile, prefix: str, wanted: Wanted, nested: Wanted) -> Iterator[tuple[str, bytes]]:
    for member in archive:
        if not member.isfile():
            continue
        name = prefix + _clean(member.name)
        is_nested = nested(name) and member.size <= MAX_MEMBER_BYTES
        if not is_nested and not wanted(name):
            continue
        handle = archive.extractfile(member)
        if handle is None:
            continue
        data = handle.read()
        yield from (_open_nested(name, data, wanted, nested) if is_nested else [(name, _gunzip(name, data))])


def _zip(archive: zipfile.ZipFile, prefix: str, wanted: Wanted, nested: Wanted) -> Iterator[tuple[str, bytes]]:
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = prefix + _clean(info.filename)
        is_nested = nested(name) and info.file_size <= MAX_MEMBER_BYTES
        if is_nested:
            yield from _open_nested(name, archive.read(info), wanted, nested)
        elif wanted(name):
            yield name, _gunzip(name, archive.read(info))


def _open_nested(name: str, data: bytes, wanted: Wanted, nested: Wanted) -> Iterator[tuple[str, bytes]]:
    stream: BinaryIO = io.BytesIO(data)
    prefix = name + "/"
    if data.startswith(b"PK"):
        with zipfile.ZipFile(stream) as inner:
            yield from _zip(inner, prefix, wanted, nested)
    else:
        with tarfile.open(fileobj=stream, mode="r:*") as inner:
            yield from _tar(inner, prefix, wanted, nested)


def _gunzip(name: str, data: bytes) -> bytes:
    """A single gzip-compressed file (`changelog.Debian.gz`) is read as its content."""
    if name.endswith(".gz") and data.startswith(b"\x1f\x8b"):
        try:
            return gzip.decompress(data)
        except (OSError, EOFError):
            return b""
    return data


def _clean(name: str) -> str:
    while name.startswith(("./", "/")):
        name = name[1:] if name.startswith("/") else name[2:]
    return name
