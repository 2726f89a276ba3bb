"""The record every loader yields and every later stage consumes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """One labelled piece of text.

    `source` says where it came from (`pypi:Django@5.0.6/django/db/models.py`,
    `linguist:C/2D.C#L130-132`, `data.csv:17`); `group` is what splits keep together
    (the source package), empty when the source has no notion of package.
    """

    code: str
    label: str
    source: str = ""
    group: str = ""
    license: str = ""
