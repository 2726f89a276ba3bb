"""A language's own constructs are evidence between it and the language it extends.

C++ and Objective-C extend C, TypeScript JavaScript, SCSS and Less CSS: most text of the
smaller language is valid in the larger, so the encoder, reading 128 tokens at a time,
guesses between them on what each window happens to show (a C header with `//` comments
came out C++). What only one of them has settles it the way Linguist's heuristics do: a
`namespace`, `template <` or `std::` is C++, an `interface` or a typed parameter
TypeScript, a `$var:` SCSS, and a header that guards `extern "C"` for C++ compilers C
(`BASE_MARKERS`). A long text with none of a dialect's constructs is most likely the
smaller language, so their absence counts too, growing with the number of lines up to
`ABSENCE_LINES`. TypeScript, SCSS and Less show their constructs in almost every snippet
(a typed parameter, a variable, nesting), so for them absence counts from the first line
(1 log-odds for TypeScript, 2 for the stylesheets, the most on validation windows that cost
the 32 labels nothing); C++ often reads as plain C for a while, and counting it early cost
C++ snippets there.

Only probability inside a family moves: when the answer is one of its labels, the family
keeps its total and the rest of the distribution is untouched, so this never decides
whether a text is C-like at all, only which of the family it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import torch

MARKER_LOG_ODDS = 3.0  # about 20 to 1
ABSENCE_LOG_ODDS = 4.0  # at ABSENCE_LINES filled lines or more
ABSENCE_LINES = 100
MARKER_CHARS = 20_000  # about 500 lines: a dialect shows itself by then; real code that long costs about 1 ms


@dataclass(frozen=True)
class Dialect:
    """A label whose `markers` match only its own constructs, never valid text of `extends`;
    a text without them loses `unmarked_log_odds` at any length, and more as it grows."""

    label: str
    extends: str
    markers: tuple[re.Pattern[str], ...]
    unmarked_log_odds: float = 0.0

    def marks(self, text: str) -> bool:
        """Whether `text` shows one of this dialect's own constructs."""
        return _shows(self.markers, text)


def _shows(markers: Sequence[re.Pattern[str]], text: str) -> bool:
    """Whether one of `markers` matches in the first `MARKER_CHARS` characters of `text`."""
    head = text[:MARKER_CHARS]
    return any(pattern.search(head) for pattern in markers)


def _markers(line_starts: Sequence[str], inline: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    """One pattern for the constructs that open a line, one per construct found anywhere.

    Each inline pattern is searched on its own, most from a literal or a character class that
    Python's `re` skips to fast; one alternation of them all would try every branch at every
    character (60 ms on 80 KB).
    """
    lines = re.compile(r"^[ \t]*+(?:" + "|".join(line_starts) + ")", re.MULTILINE)
    return (lines, *(re.compile(pattern, re.MULTILINE) for pattern in inline))


_CPP_HEADERS = (
    r"c(?:std\w+|math|string|assert|errno|limits|ctype|stddef|climits|float|signal|time)|string|string_view|vector"
    r"|map|set|list|array|bitset|queue|deque|stack|forward_list|unordered_map|unordered_set|memory|algorithm"
    r"|functional|utility|thread|mutex|atomic|chrono|tuple|optional|variant|iostream|istream|ostream|sstream"
    r"|fstream|iomanip|numeric|iterator|limits|type_traits|regex|random|exception|stdexcept|new|initializer_list"
)
_TS_TYPE = r"(?:string|number|boolean|any|unknown|void|never|object|[A-Z]\w*(?:<[^<>\n]*>)?)(?:\[\])*"
_NESTED = r"&[ \t]*[\w:.\-\[>+~]"  # `&:hover`, `& > a`: nesting, which stylesheets of CSS proper lack

DIALECTS: tuple[Dialect, ...] = (
    Dialect(
        "cpp",
        "c",
        _markers(
            [
                rf"#[ \t]*include[ \t]*<(?:{_CPP_HEADERS})>",
                r"template[ \t]*<",
                r"class[ \t]+\w+[ \t]*(?:[:{;]|final\b|$)",
                r"namespace(?:[ \t]*(?:\{|$)|[ \t]+[\w:]+[ \t]*(?:\{|=|$))",  # not C's `namespace = ...`
                r"(?:export[ \t]+)?using[ \t]+(?:namespace[ \t]+\w|[\w:]+[ \t]*=|\w+::\w)",
                r"(?:public|private|protected)[ \t]*:[ \t]*(?:$|//)",
                r"try[ \t]*\{",
                r"constexpr\b",
                r"virtual[ \t]+[^;\n(]*[\w>=\]]\(",  # a member function, not a comment's "virtual memory (VM)"
            ],
            [
                r"std::\w",
                r"::~?\w+[ \t]*\(",
                r"_cast[ \t]*<",
                r"nullptr\b",
                r"operator[ \t]*(?:[-+*/%^&|~!=<>]+|\(\)|\[\]|\w+)[ \t]*\(",  # not C's `operator = '+'`
                r"c(?:out|err)[ \t]*<<",
                r"catch[ \t]*\([^)\n]*\)[ \t]*\{",
                r"__has_cpp_attribute",
                r"__cplusplus[ \t]*>",
            ],
        ),
    ),
    Dialect(
        "objective-c",
        "c",
        _markers(
            [r"@(?:interface|implementation|protocol|property|end|synthesize|class)\b", r"#[ \t]*import[ \t]*[<\"]"],
            [
                r"[\s(=,:\[]@\"",
                r"@selector\(",
                r"(?:^[ \t]*|[=(,][ \t]*|return[ \t]+)\[\[?\w+[ \t]+\w+[ \t]*[\]:]",  # a message, not "[see below]"
            ],
        ),
    ),
    Dialect(
        "typescript",
        "javascript",
        _markers(
            [
                r"(?:export[ \t]+)?(?:declare[ \t]+)?(?:interface|enum)[ \t]+\w+[ \t]*(?:\{|extends\b|<|$)",
                r"(?:export[ \t]+)?(?:declare[ \t]+)?type[ \t]+\w+(?:<[^<>\n]*>)?[ \t]*=",
                r"(?:export[ \t]+)?declare[ \t]+(?:const|let|var|function|class|module|namespace|global|type)\b",
                r"(?:import|export)[ \t]+type\b",
                r"(?:export[ \t]+)?(?:default[ \t]+)?abstract[ \t]+class\b",
                r"(?:export[ \t]+)?(?:default[ \t]+)?class[ \t]+\w+[^{\n]*\bimplements\b",
                r"(?:(?:public|private|protected|static)[ \t]+)*(?:public|private|protected|readonly)[ \t]+\w+[ \t]*"
                r"[?!]?[ \t]*[:;=(]",
            ],
            [
                rf"\([ \t]*\w+\??[ \t]*:[ \t]*{_TS_TYPE}[ \t]*[,)=]",
                rf"\)[ \t]*:[ \t]*{_TS_TYPE}[ \t]*(?:\{{|=>)",
                rf"(?:let|const|var)[ \t]+\w+[ \t]*:[ \t]*{_TS_TYPE}[ \t]*[=;]",
                r"constructor[ \t]*\([ \t]*(?:public|private|protected|readonly)\b",
                r" as (?:const|any|unknown)\b(?![ \t]*[\w'\"(])",  # `x as any;`, not a comment's "as any other"
                r"!\.[A-Za-z_$]",
            ],
        ),
        unmarked_log_odds=1.0,
    ),
    Dialect(
        "scss",
        "css",
        _markers(
            [r"\$[\w-]+[ \t]*:", "//", _NESTED],
            [r"@(?:mixin|include|extend|function|return|each|for|while|if|else|use|forward)\b", r"#\{"],
        ),
        unmarked_log_odds=2.0,
    ),
    Dialect(
        "less",
        "css",
        _markers(
            [r"@[\w-]+:", r"\.[\w-]+[ \t]*\([^)\n]*\)[ \t]*(?:when\b|;|\{)", "//", _NESTED],
            [r"@\{[\w-]+\}", r"~[\"']", r"&:extend\(", r"@@\w"],
        ),
        unmarked_log_odds=2.0,
    ),
)

# What only the extended language shows, evidence for it against all its dialects: a header
# that guards `extern "C"` for C++ compilers, C99's `restrict`, C11's keywords, and `malloc`
# assigned without the cast C++ needs (each at least 10 times more common in the training
# split's C files than in its C++ ones).
BASE_MARKERS: dict[str, tuple[re.Pattern[str], ...]] = {
    "c": _markers(
        [r"#[ \t]*(?:ifn?def[ \t]+__cplusplus|if[ \t]+defined[ \t]*\(?[ \t]*__cplusplus)"],
        [
            r"\*[ \t]*restrict\b",
            r"\b_(?:Bool|Static_assert|Generic|Noreturn|Thread_local)\b",
            r"(?:\w[ \t]*=|return)[ \t]*malloc[ \t]*\(",
        ],
    ),
}

_FILLED_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)


def weigh_dialects(log_probs: torch.Tensor, labels: Sequence[str], text: str) -> torch.Tensor:
    """`log_probs` (n_labels,) with the answer's family reweighed by `text`'s dialect markers."""
    labels = list(labels)
    answer = labels[int(log_probs.argmax())]
    known = [dialect for dialect in DIALECTS if dialect.label in labels and dialect.extends in labels]
    base = next((dialect.extends for dialect in known if answer in (dialect.label, dialect.extends)), None)
    if base is None:
        return log_probs
    family = [dialect for dialect in known if dialect.extends == base]
    filled = sum(1 for _ in islice(_FILLED_LINE.finditer(text), ABSENCE_LINES))
    absence = ABSENCE_LOG_ODDS * filled / ABSENCE_LINES
    rows = [labels.index(base)] + [labels.index(dialect.label) for dialect in family]
    shift = torch.tensor(
        [MARKER_LOG_ODDS if _shows(BASE_MARKERS.get(base, ()), text) else 0.0]
        + [MARKER_LOG_ODDS if d.marks(text) else -(d.unmarked_log_odds + absence) for d in family]
    )
    weighed = log_probs.clone()
    members = log_probs[rows]
    moved = members + shift
    weighed[rows] = moved - torch.logsumexp(moved, 0) + torch.logsumexp(members, 0)
    return weighed
