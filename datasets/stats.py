"""Corpus statistics per label and split: files, evaluation snippets, size, packages and
the share of the largest package, as a table for people and JSON for the README and CI."""

from __future__ import annotations

from collections import Counter, defaultdict

from langsniff.datasets.records import Record
from langsniff.datasets.splits import SPLITS, group_key

TOTAL = "(all)"


def corpus_stats(splits: dict[str, list[Record]], snippets: dict[str, Counter[str]]) -> dict:
    """`{"labels": {label: {split: row}}, "totals": {split: row}}` with a row per split
    and one for all splits (`(all)`); `snippets[split][label]` counts evaluation windows."""
    table: dict[str, dict[str, dict]] = defaultdict(dict)
    everything: dict[str, list[Record]] = defaultdict(list)
    for split in SPLITS:
        by_label: dict[str, list[Record]] = defaultdict(list)
        for record in splits.get(split, []):
            by_label[record.label].append(record)
            everything[record.label].append(record)
        for label, records in by_label.items():
            table[label][split] = _row(records, snippets.get(split, Counter())[label])
    for label, records in everything.items():
        table[label][TOTAL] = _row(records, sum(counts[label] for counts in snippets.values()))
    totals = {
        split: _row(splits[split], sum(snippets.get(split, Counter()).values()))
        for split in SPLITS
        if splits.get(split)
    }
    totals[TOTAL] = _row(
        [record for records in everything.values() for record in records],
        sum(sum(counts.values()) for counts in snippets.values()),
    )
    return {"labels": {label: table[label] for label in sorted(table)}, "totals": totals}


def format_table(stats: dict) -> str:
    """The statistics as an aligned text table, one line per label and split."""
    header = f"{'label':<11} {'split':<10} {'files':>7} {'snippets':>8} {'MB':>8} {'packages':>8}  largest package"
    lines = [header, "-" * len(header)]
    for label, rows in [*stats["labels"].items(), ("(all)", stats["totals"])]:
        for split in (*SPLITS, TOTAL):
            if split not in rows:
                continue
            row = rows[split]
            lines.append(
                f"{label:<11} {split:<10} {row['files']:>7} {row['snippets']:>8} {row['mb']:>8.2f} {row['packages']:>8}"
                f"  {row['largest_share']:>5.1%} {row['largest_package']}"
            )
    return "\n".join(lines)


def _row(records: list[Record], snippets: int) -> dict:
    per_group = Counter(group_key(record) for record in records)
    largest, largest_count = per_group.most_common(1)[0]
    return {
        "files": len(records),
        "snippets": snippets,
        "mb": round(sum(len(record.code.encode("utf-8", "surrogatepass")) for record in records) / 1e6, 3),
        "packages": len(per_group),
        "largest_package": largest,
        "largest_share": round(largest_count / len(records), 4),
    }
