"""`langsniff eval` scores a model on the labels it knows: other labels are left out and logged."""

import json
import logging

from langsniff.model.evaluate_artifact import evaluation_sets


def test_texts_of_labels_the_model_does_not_know_are_left_out(tmp_path, caplog):
    data = tmp_path / "mixed.jsonl"
    rows = [
        {"code": "x = 1\ny = 2\nprint(x + y)\n", "label": "python"},
        {"code": "package main\n\nfunc main() {}\n", "label": "go"},
        {"code": "SELECT 1;\n", "label": "sql"},
    ]
    data.write_text("".join(json.dumps(row) + "\n" for row in rows))
    with caplog.at_level(logging.WARNING):
        name, sets = evaluation_sets(data, tmp_path, "test", 0, known={"python", "sql", "plaintext"})
    assert name == "mixed"
    assert sorted(r.label for r in sets["given"]) == ["python", "sql"]
    assert all(r.label != "go" for records in sets.values() for r in records)
    assert "go" in caplog.text
    _, everything = evaluation_sets(data, tmp_path, "test", 0)
    assert len(everything["given"]) == 3
