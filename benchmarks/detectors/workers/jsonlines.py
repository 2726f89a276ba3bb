"""The worker side of the JSON-lines protocol, for Python workers in any environment (stdlib only)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

WARMUP = "def main():\n    print('warm up')\n\nmain()\n"


def serve(detect: Callable[[str], dict], version: str, extra: dict | None = None) -> None:
    """Warm up once, say ready, then answer each {"code"} line with detect's dict plus its time in ms.

    A detect that also computes extras for the report (scores of every candidate) times its
    own answer and returns it as "ms"; otherwise the whole call is timed.
    """
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing a library prints may corrupt the protocol
    detect(WARMUP)
    out.write(json.dumps({"ready": True, "version": version, **(extra or {})}) + "\n")
    out.flush()
    for line in sys.stdin:
        code = json.loads(line)["code"]
        started = time.perf_counter()
        try:
            row = detect(code)
        except Exception as error:  # noqa: BLE001 - a detector failing on one snippet is an answer, not a crash
            row = {"answer": None, "confidence": None, "ranked": [], "failed": repr(error)[:200]}
        row.setdefault("ms", (time.perf_counter() - started) * 1000)
        out.write(json.dumps(row) + "\n")
        out.flush()
