"""The download clients, run against stand-in `apt-get`, `npm` and `pip` scripts on PATH
(offline): the right command lines, the Debian version fallback, errors carrying the
client's own message, and the download cache."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from langsniff.datasets.manifest import Package
from langsniff.datasets.registries import DownloadError, artifact_path, fetch

FAKE_APT = """#!/bin/sh
echo "$@" >> "$LOG"
case "$3" in
  *=1.0-1+deb12u1) echo "E: Version '1.0-1+deb12u1' for 'demo' was not found" >&2; exit 100 ;;
  nothere*) echo "E: Unable to locate package nothere" >&2; exit 100 ;;
esac
echo deb > "demo_1.0-1+deb12u2_all.deb"
"""

FAKE_NPM = """#!/bin/sh
echo "$@" >> "$LOG"
echo tgz > "$4/scope-demo-2.0.0.tgz"
"""

FAKE_PIP = """#!/bin/sh
echo "$@" >> "$LOG"
echo "ERROR: Ignored the following versions that require a different python version: 9.0 Requires-Python >=3.14" >&2
echo "ERROR: No matching distribution found for demo==9.0" >&2
exit 1
"""


@pytest.fixture
def fake_clients(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("apt-get", FAKE_APT), ("npm", FAKE_NPM), ("pip", FAKE_PIP)):
        path = bin_dir / name
        path.write_text(script)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    log = tmp_path / "calls.log"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LOG", str(log))
    return log


def package(registry: str, name: str, version: str, artifact: str) -> Package:
    return Package(registry, name, version, artifact, "MIT", 10, (("python", ("**/*.py",)),))


def test_deb_falls_back_to_the_candidate_when_the_pinned_revision_left_the_mirror(fake_clients, tmp_path):
    demo = package("deb", "demo", "1.0-1+deb12u1", "deb")
    path = fetch(demo, tmp_path / "downloads")
    assert path == artifact_path(demo, tmp_path / "downloads") and path.read_text() == "deb\n"
    assert fake_clients.read_text().splitlines() == ["download -q demo=1.0-1+deb12u1", "download -q demo"]
    fetch(demo, tmp_path / "downloads")  # cached: no client call
    assert len(fake_clients.read_text().splitlines()) == 2


def test_npm_pack_and_client_errors(fake_clients, tmp_path):
    demo = package("npm", "@scope/demo", "2.0.0", "tgz")
    assert fetch(demo, tmp_path / "downloads").name == "npm__@scope+demo__2.0.0.tgz"
    assert "pack --silent --pack-destination" in fake_clients.read_text()

    with pytest.raises(DownloadError, match="E: Unable to locate package nothere"):
        fetch(package("deb", "nothere", "1", "deb"), tmp_path / "downloads")
    with pytest.raises(DownloadError) as error:
        fetch(package("pypi", "demo", "9.0", "wheel"), tmp_path / "downloads")
    assert str(error.value).endswith("ERROR: No matching distribution found for demo==9.0")
    assert "--only-binary :all: -d" in fake_clients.read_text() and "demo==9.0" in fake_clients.read_text()
    assert not list((tmp_path / "downloads").glob("*/.tmp-*"))  # no half-downloaded leftovers
