"""A `#!` first line names what runs the script: the table reads it, the Classifier weighs it."""

import pytest
import torch

from langsniff.datasets.labels import labels_for_shebang
from langsniff.model.classifier import Classifier
from langsniff.model.shebang import weigh_shebang

LABELS = ["c", "javascript", "python", "plaintext"]


@pytest.mark.parametrize(
    ("first_line", "runs"),
    [
        ("#!/usr/bin/env node", ("javascript", "typescript")),
        ("#!/usr/bin/env -S node --harmony", ("javascript", "typescript")),
        ("#!/usr/bin/python3.11 -u", ("python",)),
        ("\ufeff#!/usr/bin/env python\r", ("python",)),
        ("#! /bin/sh", ("shellscript",)),
        ("#!/usr/bin/env FOO=1 Rscript", ("r",)),
        ("#!/usr/local/bin/perl5.36 -w", ("perl",)),
        ("#![no_std]", ()),
        ("#!/usr/bin/awk -f", ()),
        ("#!/usr/bin/env", ()),
        ("x = 1  #!/usr/bin/env python", ()),
    ],
)
def test_the_interpreter_of_the_first_line_names_its_languages(first_line, runs):
    assert labels_for_shebang(first_line + "\nbody\n") == runs


def test_text_without_a_shebang_keeps_the_models_answer():
    log_probs = torch.log_softmax(torch.tensor([2.0, 0.5, 0.1, -1.0]), dim=-1)
    assert torch.equal(weigh_shebang(log_probs, LABELS, "print(1)\n"), log_probs)


def test_a_shebang_favours_what_it_runs_and_stays_a_distribution():
    log_probs = torch.log_softmax(torch.tensor([3.0, 0.0, 0.0, 0.0]), dim=-1)
    weighed = weigh_shebang(log_probs, LABELS, "#!/usr/bin/env node\nmain()\n").exp()
    assert weighed.argmax().item() == LABELS.index("javascript")
    assert weighed.sum().item() == pytest.approx(1.0)


def test_a_script_in_a_language_the_model_does_not_know_counts_for_plaintext():
    log_probs = torch.log_softmax(torch.tensor([0.0, 0.0, 3.0, 0.0]), dim=-1)
    weighed = weigh_shebang(log_probs, LABELS, "#!/bin/bash\necho hi\n").exp()
    assert weighed.argmax().item() == LABELS.index("plaintext")
    without_plaintext = log_probs[:3]
    assert torch.equal(weigh_shebang(without_plaintext, LABELS[:3], "#!/bin/bash\n"), without_plaintext)


def test_the_shipped_model_reads_node_scripts_as_javascript_and_leaves_shell_scripts_alone():
    classifier = Classifier.default(threads=1)
    node = classifier.predict('#!/usr/bin/env node\nconsole.log("Node")\n')
    assert (node.label, node.sure) == ("javascript", True)
    shell = classifier.predict('#!/bin/bash\nfor f in *.py; do python "$f"; done\n')
    assert shell.label == "plaintext"
