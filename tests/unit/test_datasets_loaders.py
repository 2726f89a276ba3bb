"""Loaders: the reference CSV format, folder trees and JSONL, with their bad inputs."""

import json
import logging

import pytest

from langsniff.datasets.errors import DataError
from langsniff.datasets.labels import normalize_label
from langsniff.datasets.loaders import load_any, load_csv, load_folder, load_jsonl


def write_csv(path, text):
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_csv_keeps_quotes_commas_and_newlines_inside_code(tmp_path):
    path = write_csv(
        tmp_path / "snippets.csv",
        "code,language\n"
        '"printf(""a, b\\n"");\nreturn 0;",c\n'
        '"x = [1, 2]\nprint(""hi"")",python\n'
        '"std::cout << 1;",c++\n'
        '"SELECT 1;",sqlite\n',
    )
    records = list(load_csv(path))
    assert [record.label for record in records] == ["c", "python", "cpp", "sql"]
    assert records[0].code == 'printf("a, b\\n");\nreturn 0;'
    assert records[1].code == 'x = [1, 2]\nprint("hi")'
    assert records[1].source == "snippets.csv:4"


def test_csv_malformed_row_names_file_and_line(tmp_path):
    path = write_csv(tmp_path / "bad.csv", 'code,language\n"ok",python\n"a"b,c\n')
    with pytest.raises(DataError, match=r"bad\.csv:3"):
        list(load_csv(path))


def test_csv_row_with_too_many_fields_names_its_line(tmp_path):
    path = write_csv(tmp_path / "bad.csv", 'code,language\n"multi\nline",python\nx,python,extra\n')
    with pytest.raises(DataError, match=r"bad\.csv:4: expected 2 fields"):
        list(load_csv(path))


def test_csv_without_code_and_language_columns_is_an_error(tmp_path):
    path = write_csv(tmp_path / "nohead.csv", "text,lang\nx,python\n")
    with pytest.raises(DataError, match="'code' and 'language'"):
        list(load_csv(path))


def test_csv_unknown_labels_are_counted_not_silent(tmp_path, caplog):
    path = write_csv(tmp_path / "mixed.csv", "code,language\nPROGRAM-ID. HELLO.,cobol\nx = 1,python\nPRINT X,fortran\n")
    with caplog.at_level(logging.WARNING):
        records = list(load_csv(path))
    assert [record.label for record in records] == ["python"]
    assert "skipped 2 row(s) with unknown labels" in caplog.text
    assert "cobol (1)" in caplog.text


def test_csv_with_no_known_label_is_an_error(tmp_path):
    path = write_csv(tmp_path / "cobol.csv", "code,language\nPROGRAM-ID. HELLO.,cobol\n")
    with pytest.raises(DataError, match="no row with a known label"):
        list(load_csv(path))


def test_folder_tree_is_labelled_by_extension(tmp_path):
    (tmp_path / "proj" / "src").mkdir(parents=True)
    (tmp_path / "proj" / "src" / "main.cpp").write_text("int main() {}\n")
    (tmp_path / "proj" / "analysis.R").write_text("x <- c(1, 2)\n")
    (tmp_path / "proj" / "linker.r").write_text("SECTIONS { }\n")
    (tmp_path / "proj" / "style.css").write_text("a { color: red; }\n")
    (tmp_path / "proj" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "proj" / ".git").mkdir()
    (tmp_path / "proj" / ".git" / "hook.py").write_text("print(1)\n")
    records = list(load_folder(tmp_path / "proj"))
    assert {(record.source, record.label) for record in records} == {
        ("src/main.cpp", "cpp"),
        ("analysis.R", "r"),
        ("style.css", "css"),
    }


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(DataError, match="no file with a known extension"):
        list(load_folder(tmp_path))


def test_jsonl_skips_bad_lines_with_their_numbers(tmp_path, caplog):
    path = tmp_path / "eval.jsonl"
    lines = [
        json.dumps({"code": "int x;", "label": "c", "source": "a.c"}),
        "{not json",
        json.dumps({"code": "x", "label": 3}),
        json.dumps({"code": "SELECT 1", "label": "SQLite"}),
        json.dumps({"code": "foo", "label": "cobol"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING):
        records = list(load_jsonl(path))
    assert [(record.label, record.source) for record in records] == [("c", "a.c"), ("sql", "eval.jsonl:4")]
    assert "skipped 2 malformed line(s): 2, 3" in caplog.text
    assert "cobol (1)" in caplog.text


def test_jsonl_without_any_good_line_is_an_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("nope\n[1, 2]\n")
    with pytest.raises(DataError, match="no valid line"):
        list(load_jsonl(path))


def test_load_any_dispatches_on_suffix_and_rejects_the_rest(tmp_path):
    csv_path = write_csv(tmp_path / "a.csv", "code,language\nx = 1,python\n")
    assert [record.label for record in load_any(csv_path)] == ["python"]
    with pytest.raises(DataError, match="no such file"):
        load_any(tmp_path / "missing.csv")
    (tmp_path / "notes.xlsx").write_text("x")
    with pytest.raises(DataError, match="unknown input format"):
        load_any(tmp_path / "notes.xlsx")


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("c++", "cpp"),
        ("C++", "cpp"),
        ("sqlite", "sql"),
        (" Python ", "python"),
        ("JS", "javascript"),
        ("klingon", None),
    ],
)
def test_label_normalisation(name, label):
    assert normalize_label(name) == label
