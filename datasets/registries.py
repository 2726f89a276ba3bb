"""Download clients: `npm pack`, `pip download --no-deps`, `apt-get download`.

Each artifact lands once in `<cache>/downloads/<registry>/<key>.<artifact>`; a file already
there is reused, so re-runs (and tests, which put fixture archives there) never call a
client. Failures raise DownloadError carrying the client's own message.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from langsniff.datasets.manifest import Package

TIMEOUT_S = 900
TARGET_PYTHON = "3.13"


class DownloadError(RuntimeError):
    """A registry client could not fetch a package."""


def artifact_path(package: Package, downloads: Path) -> Path:
    """Where a package's artifact is kept in the download cache."""
    return downloads / package.registry / f"{package.key}.{package.artifact}"


def fetch(package: Package, downloads: Path) -> Path:
    """The cached artifact of a package, downloading it with the registry's client if needed."""
    target = artifact_path(package, downloads)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".tmp-") as tmp:
        got = _CLIENTS[package.registry](package, Path(tmp))
        got.replace(target)
    return target


def _npm(package: Package, tmp: Path) -> Path:
    _run(["npm", "pack", "--silent", "--pack-destination", str(tmp), f"{package.name}@{package.version}"], tmp)
    return _single_file(tmp, "*.tgz", package)


def _pypi(package: Package, tmp: Path) -> Path:
    # Wheels are chosen for a recent Python, not the running one, so the pins do not depend on it.
    # Artifacts are chosen for a recent Python, not the running one, so the pins do not depend on it.
    # `--no-binary NAME`, not `:all:`: the latter also builds the sdist's build tools from source.
    binary = ["--only-binary", ":all:"] if package.artifact == "wheel" else ["--no-binary", package.name]
    _run(
        [
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            "--python-version",
            TARGET_PYTHON,
            *binary,
            "-d",
            str(tmp),
            f"{package.name}=={package.version}",
        ],
        tmp,
    )
    return _single_file(tmp, "*", package)


def _deb(package: Package, tmp: Path) -> Path:
    """`apt-get download name=version`; a security revision that left the mirror falls back
    to the candidate version (the version actually got is read back from the .deb)."""
    try:
        _run(["apt-get", "download", "-q", f"{package.name}={package.version}"], tmp)
    except DownloadError:
        _run(["apt-get", "download", "-q", package.name], tmp)
    return _single_file(tmp, "*.deb", package)


_CLIENTS = {"npm": _npm, "pypi": _pypi, "deb": _deb}


def _run(command: list[str], cwd: Path) -> None:
    if shutil.which(command[0]) is None:
        raise DownloadError(f"{command[0]} is not installed")
    try:
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise DownloadError(f"{' '.join(command)} timed out after {TIMEOUT_S} s") from None
    if proc.returncode != 0:
        message = _last_error(proc.stderr or proc.stdout) or f"exit {proc.returncode}"
        raise DownloadError(f"{' '.join(command)} failed: {message}")


def _last_error(output: str, limit: int = 300) -> str:
    """The client's last error line, shortened (pip lists every version it saw)."""
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    errors = [line for line in lines if line.upper().startswith(("ERROR", "E:", "NPM ERR", "NPM ERROR"))]
    message = (errors or lines or [""])[-1]
    return message if len(message) <= limit else message[: limit - 3] + "..."


def _single_file(folder: Path, pattern: str, package: Package) -> Path:
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if len(files) != 1:
        raise DownloadError(f"{package.spec}: expected one downloaded file, found {[f.name for f in files]}")
    return files[0]


def deb_version(path: Path) -> str:
    """The version a .deb says it is (may differ from the manifest after a fallback)."""
    proc = subprocess.run(["dpkg-deb", "-f", str(path), "Version"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise DownloadError(f"{path.name}: not a readable .deb: {proc.stderr.strip()}")
    return proc.stdout.strip()
