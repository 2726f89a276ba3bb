"""Linguist's classifier scores Linguist's samples with the sample itself held out of its model."""

import json
import shutil
import subprocess

import pytest
from langsniff.datasets.labels import ORIGINAL_LABELS

from benchmarks.detectors import create
from benchmarks.detectors.base import Options

SNIPPET = "#include <stdio.h>\n\nint main(void)\n{\n    printf(\"hello\\n\");\n    return 0;\n}\n"
UNSEEN = "int zq_never_a_linguist_token_42 = 0;\n"


def _linguist_installed() -> bool:
    ruby = shutil.which("ruby")
    return ruby is not None and subprocess.run([ruby, "-e", "require 'linguist'"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _linguist_installed(), reason="GitHub Linguist is not installed")


def c_score(answer):
    return dict((names[0], score) for names, score in answer.ranked)["C"]


def test_a_sample_is_held_out_only_for_its_own_snippets_and_the_model_is_restored(tmp_path):
    samples = tmp_path / "linguist.jsonl"
    rows = [
        {"code": SNIPPET, "label": "c", "source": "linguist:C/hello.c"},
        {"code": UNSEEN, "label": "c", "source": "linguist:C/unseen.c"},  # not in the model: nothing to take out
    ]
    samples.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    linguist = create("linguist", Options(ORIGINAL_LABELS, linguist_samples=samples))
    try:
        assert linguist.info["held_out"] == 1
        assert linguist.version.endswith("its own sample held out")
        as_shipped = linguist.detect(SNIPPET)
        held_out = linguist.detect(SNIPPET[:40], "linguist:C/hello.c#L1-3")
        assert c_score(linguist.detect(SNIPPET, "linguist:C/hello.c")) < c_score(as_shipped)
        assert linguist.detect(SNIPPET[:40]).ranked != held_out.ranked
        assert linguist.detect(SNIPPET).ranked == as_shipped.ranked  # the counts are back
        assert linguist.detect(UNSEEN, "linguist:C/unseen.c").ranked == linguist.detect(UNSEEN).ranked
    finally:
        linguist.close()


def test_without_samples_it_answers_as_shipped():
    linguist = create("linguist", Options(ORIGINAL_LABELS))
    try:
        assert linguist.info["held_out"] == 0
        assert linguist.detect(SNIPPET, "linguist:C/hello.c").ranked == linguist.detect(SNIPPET).ranked
    finally:
        linguist.close()
