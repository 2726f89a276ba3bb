"""`langsniff data ...` through the real entry point: help, a build from a CSV, stats, and
user errors as one line on stderr with exit code 2 (never a traceback)."""

import json
import os
import subprocess
import sys

import pytest


def langsniff(*args, cache):
    env = {**os.environ, "LANGSNIFF_CACHE": str(cache)}
    command = [sys.executable, "-c", "import sys; from langsniff.model.cli import main; sys.exit(main())", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


def write_snippets_csv(path):
    rows = ["code,language"]
    for index in range(40):
        rows.append(f'"def f{index}(x):\n    return x + {index}\n",python')
        rows.append(f'"int f{index}(int x) {{\n    return x * {index};\n}}\n",c++')
        rows.append(f'"SELECT a{index}, b FROM t WHERE c = {index};",sqlite')
    path.write_text("\n".join(rows) + "\n", newline="")
    return path


def test_help_lists_the_data_commands(tmp_path):
    result = langsniff("data", "--help", cache=tmp_path)
    assert result.returncode == 0
    for command in ("harvest", "build", "stats"):
        assert command in result.stdout


def test_build_then_stats_from_a_csv(tmp_path):
    data = write_snippets_csv(tmp_path / "snippets.csv")
    built = langsniff(
        "data", "build", "--input", str(data), "--seed", "3", "--eval-per-label", "10", "--fresh-splits", cache=tmp_path
    )
    assert built.returncode == 0, built.stderr
    assert "cpp" in built.stdout and "sql" in built.stdout
    assert "120 labelled files in; dropped duplicates" in built.stdout
    assert (tmp_path / "corpus" / "train.jsonl").exists()
    stats = langsniff("data", "stats", "--json", cache=tmp_path)
    assert stats.returncode == 0, stats.stderr
    labels = json.loads(stats.stdout)["labels"]
    assert sorted(labels) == ["cpp", "python", "sql"]
    assert labels["python"]["(all)"]["files"] == 40


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["data", "build", "--input", "missing.csv"], "missing.csv: no such file or folder"),
        (["data", "build", "--input", "bad.csv"], "bad.csv:3: malformed CSV row"),
        (["data", "build", "--input", "good.csv", "--max-package-share", "0"], "--max-package-share must be in (0, 1]"),
        (["data", "build"], "no harvest in"),
        (["data", "stats"], "build the corpus first"),
        (["data", "harvest", "--manifest", "nowhere.toml"], "nowhere.toml: no such manifest file"),
        (["data", "harvest", "--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_user_errors_exit_2_with_one_line(tmp_path, args, message):
    (tmp_path / "bad.csv").write_text('code,language\n"x = 1",python\n"oops"x,python\n')
    write_snippets_csv(tmp_path / "good.csv")
    args = [str(tmp_path / arg) if arg.endswith(".csv") else arg for arg in args]
    result = langsniff(*args, cache=tmp_path / "cache")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("langsniff: error:")


def test_unknown_option_is_an_argparse_error(tmp_path):
    result = langsniff("data", "build", "--sede", "3", cache=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr
