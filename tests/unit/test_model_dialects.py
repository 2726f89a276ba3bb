"""What only C++, Objective-C, TypeScript, SCSS or Less has moves probability inside their family."""

import pytest
import torch

from langsniff.model.classifier import Classifier
from langsniff.model.dialects import DIALECTS, weigh_dialects

DIALECT = {dialect.label: dialect for dialect in DIALECTS}
LABELS = ["c", "cpp", "python", "plaintext"]


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("cpp", "#include <vector>\n"),
        ("cpp", "template <typename T>\nT max(T a, T b);\n"),
        ("cpp", "namespace app {\nint run();\n}\n"),
        ("cpp", "class Widget {\n public:\n  Widget();\n};\n"),
        ("cpp", "auto p = std::make_unique<int>(1);\n"),
        ("cpp", "Widget::Widget() : size_(0) {}\n"),
        ("cpp", "export using money_t = int64_t;\n"),
        ("cpp", 'std::cout << "hi";\n'),
        ("objective-c", "@interface Foo : NSObject\n@end\n"),
        ("objective-c", "[self setNeedsDisplay];\n"),
        ("objective-c", "NSString *name = [person fullName];\n"),
        ("cpp", "  virtual ~Shape() = default;\n"),
        ("cpp", "bool operator==(const Point& other) const;\n"),
        ("cpp", "namespace fs = std::filesystem;\n"),
        ("cpp", "namespace {\nint hidden;\n}\n"),
        ("typescript", "interface Point {\n  x: number;\n}\n"),
        ("typescript", "function area(width: number, height: number): number {\n"),
        ("typescript", "const names: string[] = [];\n"),
        ("typescript", "import type { Config } from './config';\n"),
        ("typescript", "constructor(private readonly http: HttpClient) {}\n"),
        ("typescript", "const config = loadConfig() as any;\n"),
        ("scss", "$primary: #333;\n.button { color: $primary; }\n"),
        ("scss", ".a {\n  @include rounded(4px);\n}\n"),
        ("scss", ".a {\n  &:hover { color: red; }\n}\n"),
        ("less", "@primary: #333;\n.button { color: @primary; }\n"),
        ("less", ".a {\n  .rounded(4px);\n}\n"),
    ],
)
def test_a_dialects_own_construct_is_its_marker(label, text):
    assert DIALECT[label].marks(text)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("cpp", '#ifdef __cplusplus\nextern "C" {\n#endif\n#include <stdio.h>\n// a comment\nint class_id;\n'),
        ("objective-c", "int a[SIZE];\nb[i] = c[j + 1];\n"),
        ("objective-c", "/* [see below] */\nint a = b[i];\n"),
        ("cpp", "char operator;\noperator = '+';\nif (operator == '-') {}\n"),
        ("cpp", "/* map the virtual address\n   virtual memory (VM) is paged */\n"),
        ("cpp", "namespace = xmlSearchNs(doc, node, prefix);\n"),
        ("typescript", "const point = { x: number, y };\n// (default: false) see the note: here\n"),
        ("typescript", "class Stack {\n  push(item) { this.items.push(item); }\n}\n"),
        ("typescript", "// treat it as any other value, as unknown input\nlet value = read();\n"),
        ("scss", "@media screen and (max-width: 600px) {\n  a { color: red; }\n}\n"),
        ("less", "@page :first {\n  margin: 1in;\n}\n.logo { background: url(logo.png); }\n"),
    ],
)
def test_plain_code_of_the_extended_language_has_no_marker(label, text):
    assert not DIALECT[label].marks(text)


def _weigh(probs: list[float], text: str, labels: list[str] = LABELS) -> torch.Tensor:
    return weigh_dialects(torch.tensor(probs).log(), labels, text).exp()


def test_a_marker_moves_probability_to_the_dialect_and_the_family_keeps_its_total():
    weighed = _weigh([0.6, 0.2, 0.15, 0.05], "namespace app {\nint run();\n}\n")
    assert weighed.argmax().item() == LABELS.index("cpp")
    assert weighed[:2].sum().item() == pytest.approx(0.8)
    assert weighed[2:].tolist() == pytest.approx([0.15, 0.05])


def test_a_long_text_without_markers_goes_to_the_extended_language_and_a_short_one_barely_moves():
    long_c = "".join(f"int f{i}(int x); // declared\n" for i in range(80))
    assert _weigh([0.3, 0.6, 0.05, 0.05], long_c).argmax().item() == LABELS.index("c")
    short = _weigh([0.3, 0.6, 0.05, 0.05], "int f(int x);\n")
    assert short[1].item() == pytest.approx(0.6, abs=0.02)


def test_a_short_snippet_without_typescript_constructs_leans_to_javascript_and_one_with_them_to_typescript():
    labels = ["javascript", "typescript", "plaintext"]
    close = [0.35, 0.5, 0.15]
    assert _weigh(close, "const total = items.length;\n", labels).argmax().item() == 0
    assert _weigh(close, "const total: number = items.length;\n", labels).argmax().item() == 1


def test_a_header_that_guards_extern_c_for_cpp_compilers_is_evidence_for_c():
    header = '#ifdef __cplusplus\nextern "C" {\n#endif\nint leds_init(void);\n#ifdef __cplusplus\n}\n#endif\n'
    assert _weigh([0.3, 0.6, 0.05, 0.05], header).argmax().item() == LABELS.index("c")
    assert _weigh([0.3, 0.6, 0.05, 0.05], header + "namespace leds {}\n").argmax().item() == LABELS.index("cpp")


def test_answers_outside_a_family_and_models_without_one_are_left_alone():
    prose = torch.tensor([0.1, 0.2, 0.1, 0.6]).log()
    assert torch.equal(weigh_dialects(prose, LABELS, "namespace app {}\n"), prose)
    no_cpp = torch.tensor([0.7, 0.2, 0.1]).log()
    assert torch.equal(weigh_dialects(no_cpp, ["c", "python", "plaintext"], "namespace app {}\n"), no_cpp)


def _led_header(functions: int) -> str:
    """A C header with `//` comments and no C++ construct, which the shipped encoder alone reads as C++."""
    lines = ["// Copyright (C) 2024 The LED driver authors", "//", "#ifndef LEDS_H", "#define LEDS_H", ""]
    lines += ["#include <stdint.h>", "#include <stdbool.h>", ""]
    for i in range(functions):
        lines += [f"// Sets LED {i} to the given brightness, 0 to 255.", f"void leds_set_{i}(uint8_t level);"]
        lines += [f"bool leds_is_on_{i}(void);", ""]
    return "\n".join([*lines, "#endif  // LEDS_H", ""])


def test_the_shipped_model_reads_a_long_header_without_cpp_constructs_as_c_and_a_class_as_cpp():
    classifier = Classifier.default(threads=1)
    assert classifier.predict(_led_header(24)).label == "c"
    assert classifier.predict(_led_header(24) + "namespace leds {}\n").label == "cpp"
    stack = "class Stack {\n public:\n  void push(int v);\n private:\n  int top_;\n};\n"
    assert classifier.predict(stack).label == "cpp"
