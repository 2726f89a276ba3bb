"""The harvest manifest: which pinned registry packages give which files for which label.

The manifest is data (`datasets/manifest.toml`): a new label is a new `[labels.X]` table
and packages that name it, with no code change. Parsing checks every field and names the
package and field at fault, so a typo never silently drops a package.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from langsniff.datasets.errors import DataError

REGISTRIES = ("npm", "pypi", "deb")
ARTIFACTS = {"npm": ("tgz",), "pypi": ("wheel", "sdist"), "deb": ("deb",)}
TRANSFORMS = ("code", "prose", "log")


class ManifestError(DataError):
    """The manifest cannot be read or says something inconsistent."""


@dataclass(frozen=True)
class Filters:
    """Limits that drop a file: size, line shape (minified) and header markers (generated)."""

    min_bytes: int = 32
    block_min_bytes: int = 24  # a docs code block of one line needs this much; two lines are enough
    max_bytes: int = 100_000
    max_line_length: int = 1000
    max_mean_line_length: int = 200
    generated_markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelSpec:
    """How files of one label are taken: default include globs and the text transform."""

    name: str
    include: tuple[str, ...]
    transform: str = "code"


@dataclass(frozen=True)
class Package:
    """One pinned registry artifact and what to take from it."""

    registry: str
    name: str
    version: str
    artifact: str
    license: str
    cap: int
    labels: tuple[tuple[str, tuple[str, ...]], ...]
    exclude: tuple[str, ...] = ()
    nested: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A file-name-safe id: `<registry>__<name>__<version>`."""
        return f"{self.registry}__{self.name.replace('/', '+')}__{self.version}"

    @property
    def spec(self) -> str:
        """The human spelling: `npm:lodash@4.17.21`."""
        return f"{self.registry}:{self.name}@{self.version}"


@dataclass(frozen=True)
class Manifest:
    """The parsed manifest."""

    filters: Filters
    labels: dict[str, LabelSpec]
    exclude: tuple[str, ...]
    packages: tuple[Package, ...]
    fenced: tuple[str, ...] = ()  # docs whose code blocks become records (datasets/fences.py)

    @cached_property
    def block_labels(self) -> frozenset[str]:
        """The labels a docs code block may take: those some package gives, except prose ones."""
        named = {label for package in self.packages for label, _ in package.labels}
        return frozenset(label for label in named if self.labels[label].transform == "code")


def load_manifest(path: str | Path) -> Manifest:
    """Read and check a manifest file; raises ManifestError naming what is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path}: no such manifest file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from None
    try:
        return _parse(data)
    except ManifestError as exc:
        raise ManifestError(f"{path}: {exc}") from None


def _parse(data: dict) -> Manifest:
    defaults = _table(data, "defaults", "the manifest", required=False)
    filters = _parse_filters(defaults)
    labels = {name: _parse_label(name, spec) for name, spec in _table(data, "labels", "the manifest").items()}
    if not labels:
        raise ManifestError("[labels] declares no label")
    exclude = _strings(defaults.get("exclude", []), "defaults.exclude")
    default_cap = _positive_int(defaults.get("cap", 300), "defaults.cap")
    rows = data.get("package", [])
    if not isinstance(rows, list) or not rows:
        raise ManifestError("no [[package]] entries")
    packages = tuple(_parse_package(i, row, labels, default_cap) for i, row in enumerate(rows, 1))
    seen: set[str] = set()
    for package in packages:
        if package.key in seen:
            raise ManifestError(f"package {package.spec} is listed twice")
        seen.add(package.key)
    fenced = _strings(defaults.get("fenced", []), "defaults.fenced")
    return Manifest(filters, labels, exclude, packages, fenced)


def _parse_filters(defaults: dict) -> Filters:
    fields = {
        name: _positive_int(defaults[name], f"defaults.{name}")
        for name in ("min_bytes", "block_min_bytes", "max_bytes", "max_line_length", "max_mean_line_length")
        if name in defaults
    }
    markers = _strings(defaults.get("generated_markers", []), "defaults.generated_markers")
    return Filters(**fields, generated_markers=tuple(m.lower() for m in markers))


def _parse_label(name: str, spec: object) -> LabelSpec:
    where = f"[labels.{name}]"
    if not isinstance(spec, dict):
        raise ManifestError(f"{where} must be a table")
    _no_unknown_keys(spec, {"include", "transform"}, where)
    transform = spec.get("transform", "code")
    if transform not in TRANSFORMS:
        raise ManifestError(f"{where} transform {transform!r} is not one of {', '.join(TRANSFORMS)}")
    return LabelSpec(name, _strings(spec.get("include", []), f"{where} include"), transform)


PACKAGE_KEYS = {"registry", "name", "version", "artifact", "license", "cap", "labels", "exclude", "nested"}


def _parse_package(index: int, row: object, labels: dict[str, LabelSpec], default_cap: int) -> Package:
    where = f"package #{index}"
    if not isinstance(row, dict):
        raise ManifestError(f"{where} must be a table")
    for key in ("registry", "name", "version", "license", "labels"):
        if key not in row:
            raise ManifestError(f"{where} ({row.get('name', '?')}) has no {key!r}")
    where = f"package #{index} ({row['registry']}:{row['name']})"
    _no_unknown_keys(row, PACKAGE_KEYS, where)
    registry = row["registry"]
    if registry not in REGISTRIES:
        raise ManifestError(f"{where}: registry {registry!r} is not one of {', '.join(REGISTRIES)}")
    artifact = row.get("artifact", ARTIFACTS[registry][0])
    if artifact not in ARTIFACTS[registry]:
        raise ManifestError(f"{where}: artifact {artifact!r} is not one of {', '.join(ARTIFACTS[registry])}")
    for key in ("name", "version", "license"):
        if not isinstance(row[key], str) or not row[key].strip():
            raise ManifestError(f"{where}: {key} must be a non-empty string")
    return Package(
        registry=registry,
        name=row["name"],
        version=row["version"],
        artifact=artifact,
        license=row["license"],
        cap=_positive_int(row.get("cap", default_cap), f"{where} cap"),
        labels=_package_labels(row["labels"], labels, where),
        exclude=_strings(row.get("exclude", []), f"{where} exclude"),
        nested=_strings(row.get("nested", []), f"{where} nested"),
    )


def _package_labels(value: object, labels: dict[str, LabelSpec], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`["python", ...]` takes each label's default globs; `{python = [globs]}` names its own."""
    if isinstance(value, list):
        value = {name: None for name in _strings(value, f"{where} labels")}
    if not isinstance(value, dict) or not value:
        raise ManifestError(f"{where}: labels must be a non-empty list of labels or a table label -> globs")
    result = []
    for name, globs in value.items():
        if name not in labels:
            raise ManifestError(f"{where}: label {name!r} is not declared in [labels] ({', '.join(labels)})")
        include = labels[name].include if globs is None else _strings(globs, f"{where} labels.{name}")
        if not include:
            raise ManifestError(f"{where}: label {name!r} has no include globs")
        result.append((name, include))
    return tuple(result)


def _table(data: dict, key: str, where: str, required: bool = True) -> dict:
    value = data.get(key, None if required else {})
    if value is None:
        raise ManifestError(f"{where} has no [{key}] table")
    if not isinstance(value, dict):
        raise ManifestError(f"[{key}] must be a table")
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ManifestError(f"{where} must be a list of non-empty strings")
    return tuple(value)


def _positive_int(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ManifestError(f"{where} must be a positive integer, got {value!r}")
    return value


def _no_unknown_keys(table: dict, known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise ManifestError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")


@lru_cache(maxsize=None)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a path glob: `**` spans folders, `*` and `?` stay inside one, case-sensitive."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(path: str, globs: tuple[str, ...]) -> bool:
    """Whether a path inside an archive matches any of the globs."""
    return any(glob_regex(g).match(path) for g in globs)
