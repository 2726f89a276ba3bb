"""VS Code's own detector: @vscode/vscode-languagedetection (guesslang's model in TensorFlow.js) under Node.

VS Code does not take the model's top answer as it is. Its language detection worker
(src/vs/workbench/services/languageDetection/browser/languageDetectionSimpleWorker.ts, later
languageDetectionWebWorker.ts) applies an acceptance rule, reproduced in `vscode_rule`:
- the model's top confidence must reach 0.2 (`expectedRelativeConfidence`);
- confidences are corrected: +0.05 for js, html, json, ts, css, py, xml, php; +0.025 for cpp,
  sh, java, cs, c; -0.5 for bat, ini, makefile, sql, csv, toml (issue #131912);
- the corrected top must still reach 0.2, and a candidate is only reported once a later one
  falls at least 0.2 below it; if the run of candidates ends (next one at or under 0.2)
  before such a drop, nothing is reported and the document stays plain text.
The package itself answers nothing for content under 20 characters.

Its vocabulary is the model's 54 language ids, read from the installed model (every id is
ranked on every snippet); most are file extensions that labels.py's ALIASES know.
"""

from __future__ import annotations

from collections.abc import Sequence

from .base import TOOLS, WORKERS, Answer, Verdict, WorkerDetector, as_answered, best_of_ours, named, require

EXPECTED_RELATIVE_CONFIDENCE = 0.2
CORRECTIONS: dict[str, float] = {
    **dict.fromkeys(("js", "html", "json", "ts", "css", "py", "xml", "php"), 0.05),
    **dict.fromkeys(("cpp", "sh", "java", "cs", "c"), 0.025),
    **dict.fromkeys(("bat", "ini", "makefile", "sql", "csv", "toml"), -0.5),
}


def vscode_rule(ranked: Sequence[tuple[str, float]]) -> tuple[str, float] | None:
    """The language VS Code would switch to, with its corrected confidence, or None (it keeps plain text)."""
    if not ranked or ranked[0][1] < EXPECTED_RELATIVE_CONFIDENCE:
        return None
    corrected = [(name, score + CORRECTIONS.get(name, 0.0)) for name, score in ranked]
    if corrected[0][1] < EXPECTED_RELATIVE_CONFIDENCE:
        return None
    pending = [corrected[0]]
    for candidate in corrected[1:]:
        if pending[-1][1] - candidate[1] >= EXPECTED_RELATIVE_CONFIDENCE:
            return pending[0]
        if candidate[1] <= EXPECTED_RELATIVE_CONFIDENCE:
            return None
        pending.append(candidate)
    return None


# Its ids that labels.py's ALIASES do not know (`pm` is its Perl, `mm` its Objective-C).
VSCODE_NAMES = {"pm": ("perl",), "mm": ("objective-c",)}


class VSCode(WorkerDetector):
    name = "vscode"
    variants = ("as answers", "VS Code rule", "ours only")
    note = "'as answers' is the model's top guess; 'VS Code rule' is what VS Code switches to (see vscode.py)"
    overrides = VSCODE_NAMES
    abstains = True  # nothing under 20 characters; the VS Code rule keeps plain text when unsure

    def __init__(self) -> None:
        node_modules = require(
            TOOLS / "node" / "node_modules" / "@vscode" / "vscode-languagedetection", "VS Code's detector"
        ).parent.parent
        super().__init__(["node", str(WORKERS / "vscode_worker.js")], env={"NODE_PATH": str(node_modules)})

    def verdicts(self, answer: Answer) -> dict[str, Verdict]:
        accepted = vscode_rule([(names[0], score) for names, score in answer.ranked])
        rule = named(self.names.labels([accepted[0]]), accepted[1]) if accepted else Verdict(None, None, False)
        return {
            "as answers": as_answered(answer, self.names),
            "VS Code rule": rule,
            "ours only": best_of_ours(answer, self.names),
        }


DETECTOR = VSCode
