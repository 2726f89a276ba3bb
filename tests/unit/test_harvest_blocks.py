"""Docs code blocks through the harvester, and the done rule: a package is re-harvested
when its manifest entry or the extraction rules change, and skipped otherwise."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from langsniff.datasets import harvest as harvest_module
from langsniff.datasets import registries
from langsniff.datasets.harvest import harvest, read_harvest
from langsniff.datasets.manifest import load_manifest

MANIFEST = """
[defaults]
cap = 2
min_bytes = 40
block_min_bytes = 24
fenced = ["**/*.md", "**/docs/**/*.rst"]

[labels.javascript]
include = ["**/*.js"]

[labels.python]
include = ["**/*.py"]

[labels.sql]
include = ["**/*.sql"]

[labels.yaml]
include = ["**/*.yml"]

[labels.plaintext]
transform = "prose"
include = ["**/README*"]

[[package]]
registry = "npm"
name = "widgets"
version = "1.0.0"
license = "MIT"
labels = ["javascript", "plaintext"]

[[package]]
registry = "npm"
name = "queries"
version = "2.0.0"
license = "MIT"
labels = ["sql"]
"""

README = """# Widgets

Widgets draws small boxes on the screen for people who are new to the project and want to learn it.

```js
console.log("Hello, widgets")
```

```javascript
const w = require("widgets");
w.draw(10, 20);
```

```js
alert(1)
```

```sql
$ psql -c 'SELECT count(*) FROM widgets'
```

```sql
SELECT * FROM widgets WHERE size > 10;
```

```yaml
size: 10
colour: red
```

```text
Plain words are prose, not a code block.
```

```js
w.a();
w.b();
```
"""

GUIDE = """Guide
=====

.. code-block:: python

   import widgets
   widgets.draw()
"""

FILES = {
    "package/lib/index.js": "module.exports = function draw(w, h) {\n  return w * h;\n};\n",
    "package/README.md": README,
    "package/docs/guide.rst": GUIDE,
}


def tgz(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    cache = tmp_path / "cache"
    widgets, queries = load_manifest(manifest).packages
    for package, files in ((widgets, FILES), (queries, {"package/schema.sql": "CREATE TABLE t (id integer);\n" * 3})):
        path = registries.artifact_path(package, cache / "downloads")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tgz(files))
    return manifest, cache


def test_docs_code_blocks_become_records_of_the_label_the_fence_names(setup):
    manifest, cache = setup
    report = harvest(manifest, cache, jobs=1)
    assert not report.failed

    records = {r.source: r for r in read_harvest(cache) if "#L" in r.source}
    assert {source: r.label for source, r in records.items()} == {
        "npm:widgets@1.0.0/package/README.md#L5": "javascript",
        "npm:widgets@1.0.0/package/README.md#L35": "javascript",  # cap 2: the lowest hashes of three
        "npm:widgets@1.0.0/package/README.md#L22": "sql",  # any code label some package gives
    }
    assert records["npm:widgets@1.0.0/package/README.md#L35"].code == "w.a();\nw.b();\n"  # short, but two lines
    assert all(r.group == "npm:widgets" and r.license == "MIT" for r in records.values())
    assert report.blocks == {"javascript": 2, "sql": 1} and report.files["javascript"] == 1
    assert report.dropped["block small"] == 1  # alert(1)
    assert report.dropped["block session"] == 1
    assert report.dropped["block unknown language"] == 3  # yaml (no package gives it), text (prose), python
    assert report.dropped["block over cap"] == 1  # three javascript blocks, cap 2
    assert any(r.label == "plaintext" and r.source.endswith("README.md") for r in read_harvest(cache))
    rows = (cache / "harvest" / "packages" / "npm__widgets__1.0.0.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(row)["kind"] for row in rows} == {"file", "block"}


def test_a_package_is_harvested_again_when_its_entry_or_the_rules_change(setup, monkeypatch):
    manifest, cache = setup
    assert len(harvest(manifest, cache, jobs=1).harvested) == 2

    again = harvest(manifest, cache, jobs=1)
    assert again.harvested == [] and len(again.skipped) == 2

    manifest.write_text(MANIFEST.replace('labels = ["javascript", "plaintext"]', 'labels = ["javascript"]'))
    edited = harvest(manifest, cache, jobs=1)
    assert edited.harvested == ["npm:widgets@1.0.0"] and edited.skipped == ["npm:queries@2.0.0"]
    assert "plaintext" not in {r.label for r in read_harvest(cache)}

    monkeypatch.setattr(harvest_module, "HARVEST_FORMAT", harvest_module.HARVEST_FORMAT + 1)
    assert len(harvest(manifest, cache, jobs=1).harvested) == 2  # new extraction code: everything again

    (cache / "harvest" / "packages" / "npm__queries__2.0.0.stamp").unlink()  # a listing of an older harvester
    assert harvest(manifest, cache, jobs=1).harvested == ["npm:queries@2.0.0"]
