"""The harvest manifest: parsing, defaults, globs, and clear errors for bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from langsniff.datasets.errors import DataError
from langsniff.datasets.harvest import DEFAULT_MANIFEST, select
from langsniff.datasets.labels import LABELS, ORIGINAL_LABELS
from langsniff.datasets.manifest import ManifestError, load_manifest, matches

HEAD = """
[defaults]
cap = 50
exclude = ["**/vendor/**"]

[labels.python]
include = ["**/*.py"]

[labels.plaintext]
transform = "prose"
include = ["**/README*"]
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "manifest.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_package_takes_label_defaults_or_its_own_globs(tmp_path):
    manifest = load_manifest(
        write(
            tmp_path,
            """
[[package]]
registry = "pypi"
name = "flask"
version = "3.1.3"
artifact = "wheel"
license = "BSD-3-Clause"
labels = ["python", "plaintext"]

[[package]]
registry = "npm"
name = "@scope/thing"
version = "1.0.0"
license = "MIT"
labels = { python = ["src/*.py"] }
cap = 7
""",
        )
    )
    flask, thing = manifest.packages
    assert flask.labels == (("python", ("**/*.py",)), ("plaintext", ("**/README*",)))
    assert flask.cap == 50 and flask.artifact == "wheel"
    assert thing.labels == (("python", ("src/*.py",)),) and thing.cap == 7 and thing.artifact == "tgz"
    assert thing.key == "npm__@scope+thing__1.0.0" and thing.spec == "npm:@scope/thing@1.0.0"
    assert manifest.labels["plaintext"].transform == "prose"
    assert manifest.exclude == ("**/vendor/**",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('registry = "cargo"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = ["python"]', "registry 'cargo'"),
        (
            'registry = "npm"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = ["cobol"]',
            "label 'cobol' is not declared",
        ),
        ('registry = "npm"\nname = "x"\nlicense = "MIT"\nlabels = ["python"]', "has no 'version'"),
        (
            'registry = "npm"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = ["python"]\ncap = 0',
            "cap must be a positive integer",
        ),
        (
            'registry = "pypi"\nname = "x"\nversion = "1"\nartifact = "egg"\nlicense = "MIT"\nlabels = ["python"]',
            "artifact 'egg'",
        ),
        (
            'registry = "npm"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = ["python"]\nglobs = ["*"]',
            "unknown key(s) globs",
        ),
        ('registry = "npm"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = []', "labels must be a non-empty"),
    ],
)
def test_bad_package_entries_are_named_in_the_error(tmp_path, body, message):
    with pytest.raises(ManifestError, match="package #1") as error:
        load_manifest(write(tmp_path, "[[package]]\n" + body + "\n"))
    assert message in str(error.value)
    assert isinstance(error.value, DataError)


def test_unreadable_manifests_give_clear_errors(tmp_path):
    with pytest.raises(ManifestError, match="no such manifest file"):
        load_manifest(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[labels\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="not valid TOML"):
        load_manifest(bad)
    with pytest.raises(ManifestError, match="no \\[\\[package\\]\\] entries"):
        load_manifest(write(tmp_path, ""))
    duplicate = '[[package]]\nregistry = "npm"\nname = "x"\nversion = "1"\nlicense = "MIT"\nlabels = ["python"]\n'
    with pytest.raises(ManifestError, match="listed twice"):
        load_manifest(write(tmp_path, duplicate * 2))


def test_globs_span_folders_only_with_double_star_and_are_case_sensitive():
    assert matches("package/lib/a/b.js", ("**/*.js",))
    assert matches("b.js", ("**/*.js",))
    assert not matches("lib/b.js", ("*.js",))
    assert matches("x/tests/run.R", ("**/*.R",)) and not matches("x/ld/script.r", ("**/*.R",))
    assert matches("usr/share/man/man1/ls.1.gz", ("usr/share/man/man[1-8]/*.gz",))
    assert not matches("usr/share/man/man9/ls.9.gz", ("usr/share/man/man[!9]/*.gz",))


def test_select_by_name_spec_or_label(tmp_path):
    manifest = load_manifest(
        write(
            tmp_path,
            """
[[package]]
registry = "npm"
name = "a"
version = "1"
license = "MIT"
labels = ["python"]

[[package]]
registry = "npm"
name = "b"
version = "2"
license = "MIT"
labels = ["plaintext"]
""",
        )
    )
    assert [p.name for p in select(manifest, ())] == ["a", "b"]
    assert [p.name for p in select(manifest, ["b"])] == ["b"]
    assert [p.name for p in select(manifest, ["npm:a@1"])] == ["a"]
    assert [p.name for p in select(manifest, ["plaintext"])] == ["b"]
    with pytest.raises(DataError, match="no manifest package or label matches nope"):
        select(manifest, ["nope"])


def test_shipped_manifest_is_valid_and_every_declared_label_has_many_sources():
    manifest = load_manifest(DEFAULT_MANIFEST)
    covered = {label for package in manifest.packages for label, _ in package.labels}
    assert covered == set(manifest.labels) and set(ORIGINAL_LABELS) <= covered <= set(LABELS)
    for label in covered - {"log"}:  # logs are hard negatives (trained as plaintext), not a language to name
        packages = {p.name for p in manifest.packages if label in dict(p.labels)}
        assert len(packages) >= 8, label
