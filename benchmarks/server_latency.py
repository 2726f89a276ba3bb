"""Latency and memory of the language server, measured through a real LSP client over stdio.

    python -m benchmarks.server_latency [--model MODEL] [--threads 1] [--requests 200] [--documents 1000]

Prints: start to first hover answered (process spawn, `import torch`, model load, initialize,
didOpen, hover); hover and code-action latency on a 100-line document, both for a version
already classified (what an editor sees once typing has paused for debounceMs: the server
classifies each quiet version in the background) and right after an edit, before that
(a fresh model run on the request's path); the server's resident memory while 1,000 documents are opened,
hovered and closed. Targets from issue 5 are checked and printed beside each figure.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from langsniff.model.shipped import MODEL_HELP, artifact_path
from langsniff.server import constants

TARGETS = {"first_hover_s": 2.0, "median_ms": 20.0, "p95_ms": 50.0, "rss_mb": 400.0}
DOCUMENT_LINES = 100
# The server's default debounceMs (300) and a margin: by then it has classified the version.
TYPING_PAUSE_S = 0.45
STDLIB_MODULES = ("collections", "dataclasses", "email.message", "json.decoder", "logging", "argparse", "pathlib",
                  "asyncio.tasks", "http.client", "inspect", "typing", "unittest.case")


def stdlib_documents(count: int, lines: int = DOCUMENT_LINES) -> list[str]:
    """`count` different 100-line Python documents, windows of standard-library modules."""
    modules = [importlib.import_module(name) for name in STDLIB_MODULES]
    sources = [inspect.getsource(module).splitlines(keepends=True) for module in modules]
    documents = []
    while len(documents) < count:
        for source in sources:
            start = (len(documents) * 37) % max(1, len(source) - lines)
            documents.append("".join(source[start : start + lines]))
    return documents[:count]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Session:
    """A pygls client driving one server process."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}

    def open(self, uri: str, text: str) -> None:
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    def edit(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def close(self, uri: str) -> None:
        identifier = types.TextDocumentIdentifier(uri=uri)
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=identifier))

    async def hover(self, uri: str) -> float:
        started = time.perf_counter()
        answer = await self.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(10, 0))
        )
        assert answer is not None, "no hover"
        return (time.perf_counter() - started) * 1000

    async def code_action(self, uri: str) -> float:
        position = types.Position(10, 0)
        started = time.perf_counter()
        answer = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(position, position),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        assert answer, "no code actions"
        return (time.perf_counter() - started) * 1000


async def start(command: list[str]) -> tuple[Session, float]:
    """Spawn the server, initialize, open a document and hover: seconds from spawn to answer."""
    client = LanguageClient("langsniff-benchmark", "1")
    client.feature(constants.LANGUAGE_DETECTED)(lambda params: None)
    started = time.perf_counter()
    await client.start_io(*command)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    session = Session(client)
    session.open("untitled:first", stdlib_documents(1)[0])
    await session.hover("untitled:first")
    return session, time.perf_counter() - started


def report_latency(name: str, values: list[float]) -> bool:
    median, p95 = statistics.median(values), percentile(values, 0.95)
    print(
        f"{name:<36} median {median:6.1f} ms ({verdict(median, TARGETS['median_ms'])} <= {TARGETS['median_ms']:.0f}), "
        f"p95 {p95:6.1f} ms ({verdict(p95, TARGETS['p95_ms'])} <= {TARGETS['p95_ms']:.0f}), n={len(values)}"
    )
    return median <= TARGETS["median_ms"] and p95 <= TARGETS["p95_ms"]


async def timed_requests(session: Session, uri: str, document: str, requests: int, pause: float) -> dict:
    """Edit, wait `pause` seconds, then hover or ask for code actions (alternating); ms each."""
    times: dict[str, list[float]] = {"hover": [], "code action": []}
    for index in range(requests):
        session.edit(uri, document + f"\n# edit {index} after a {pause}s pause\n")
        await asyncio.sleep(pause)
        if index % 2 == 0:
            times["hover"].append(await session.hover(uri))
        else:
            times["code action"].append(await session.code_action(uri))
    return times


async def measure_latency(session: Session, requests: int) -> bool:
    document = stdlib_documents(2)[1]
    uri = "untitled:latency"
    session.open(uri, document)
    await session.hover(uri)
    results = []
    for scenario, pause in (("after the typing pause", TYPING_PAUSE_S), ("right after an edit", 0.0)):
        for request, values in (await timed_requests(session, uri, document, requests, pause)).items():
            results.append(report_latency(f"{request}, {scenario}", values))
    return all(results)


async def measure_memory(session: Session, count: int) -> bool:
    pid = session.client._server.pid
    documents = stdlib_documents(count)
    readings = {0: rss_mb(pid)}
    for index, text in enumerate(documents, start=1):
        uri = f"untitled:memory-{index}"
        session.open(uri, text)
        await session.hover(uri)
        session.close(uri)
        if index % (count // 4 or 1) == 0:
            readings[index] = rss_mb(pid)
    print("resident memory (MB) after N documents: " + ", ".join(f"{n}: {mb:.0f}" for n, mb in readings.items()))
    half, final = readings[min(readings, key=lambda n: abs(n - count // 2))], readings[max(readings)]
    growth = (final - half) / half * 100
    print(
        f"resident memory after {count} documents: {final:.0f} MB ({verdict(final, TARGETS['rss_mb'])} <= "
        f"{TARGETS['rss_mb']:.0f}); growth over the second half {growth:+.1f}%"
    )
    return final <= TARGETS["rss_mb"] and growth < 5.0


async def run(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "langsniff.server", "--log-level", "WARNING", "--threads", str(args.threads)]
    if args.model:
        command += ["--model", str(args.model)]
    print(f"load average before start: {' '.join(f'{load:.1f}' for load in os.getloadavg())} ({os.cpu_count()} cores)")
    session, first = await start(command)
    print(f"start to first hover answered: {first:.2f} s ({verdict(first, TARGETS['first_hover_s'])} <= 2 s)")
    try:
        latency_ok = await measure_latency(session, args.requests)
        memory_ok = await measure_memory(session, args.documents)
    finally:
        await session.client.shutdown_async(None)
        session.client.exit(None)
        await session.client.stop()
    return 0 if first <= TARGETS["first_hover_s"] and latency_ok and memory_ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=artifact_path, help=f"{MODEL_HELP} (default: default)")
    parser.add_argument("--threads", type=int, default=1, help="the server's torch threads")
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario (half hovers)")
    parser.add_argument("--documents", type=int, default=1000, help="documents for the memory figure")
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
