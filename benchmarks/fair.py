"""Like-for-like views of a run: each rival on the rows whose label it can name, langsniff on the same rows.

A detector that cannot name a label is not scored on that label's snippets, and neither is
langsniff beside it (issue 8: "the union of labels each detector knows"). The rows of the
ten original labels give a table comparable with the ten-label comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

from .detectors.names import known_scope
from .evalsets import EvalSet
from .runner import DetectorRun
from .scoring import Score

OURS = "langsniff"


def scores_on(run: DetectorRun, variant: str, scope: str | None) -> dict[str, Score]:
    """A variant's scores by set on the rows of `scope` (None: whole sets; whole too when not computed)."""
    if scope is None or scope not in run.subsets:
        return run.scores[variant]
    return run.subsets[scope][variant]


def like_for_like(ours: DetectorRun, rival: DetectorRun, set_name: str, variant: str = "as answers") -> tuple:
    """(langsniff's score, the rival variant's score) on the rows of one set whose label the rival can name."""
    scope = known_scope(rival.name)
    return scores_on(ours, "as answers", scope)[set_name], scores_on(rival, variant, scope)[set_name]


def known_line(rival: DetectorRun, labels: Sequence[str], sets: Sequence[EvalSet]) -> str:
    """Which of our labels a rival can name, which not, and how many snippets that leaves per set."""
    missing = [label for label in labels if label not in rival.known]
    if not missing:
        return f"{rival.name} can name all of our {len(labels)} labels: it is scored on every snippet."
    scope = known_scope(rival.name)
    sizes = ", ".join(
        f"{s.name} {scores_on(rival, rival.variants[0], scope)[s.name].n} of {len(s.records)}" for s in sets
    )
    return (
        f"{rival.name} names {len(labels) - len(missing)} of our {len(labels)} labels; it cannot name "
        f"{', '.join(missing)}. Snippets scored: {sizes}."
    )


def like_for_like_sections(
    runs: Sequence[DetectorRun], sets: Sequence[EvalSet], table, labels: Sequence[str] = ()
) -> list[str]:
    """Per rival: its variants and langsniff's, accuracy and coverage, on the rows it can name.

    `table(runs, sets, metric, scope)` draws one metric table (report.metric_table); `labels`
    are ours (default: those langsniff names).
    """
    by_name = {run.name: run for run in runs}
    ours = by_name.get(OURS)
    labels = labels or (ours.known if ours else sorted({label for run in runs for label in run.known}))
    parts = []
    for rival in (run for run in runs if run.name != OURS):
        pair = [rival, ours] if ours else [rival]
        scope = known_scope(rival.name)
        parts += [
            f"### {rival.name}",
            known_line(rival, labels, sets),
            "Accuracy (%):\n\n" + table(pair, sets, lambda s: s.accuracy, scope),
            "Coverage at 97% precision (%):\n\n" + table(pair, sets, lambda s: s.coverage, scope),
        ]
    return parts
