"""`langsniff-server`: start the language server over stdio (or TCP for debugging).

stdout carries JSON-RPC, so logs go to stderr or a file, and anything else printing to
stdout is sent to stderr. The model is loaded once, before serving; a missing or broken
artifact is a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from langsniff.model.prediction import ArtifactError
from langsniff.model.shipped import MODEL_HELP, artifact_path

if TYPE_CHECKING:
    from langsniff.model.classifier import Classifier

log = logging.getLogger("langsniff.server")


def package_version() -> str:
    try:
        return version("langsniff")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="langsniff-server",
        description="Language server that detects the programming language of untitled and plain-text documents.",
    )
    parser.add_argument(
        "--stdio", action="store_true", help="serve over stdio (the default; accepted because some clients pass it)"
    )
    parser.add_argument("--tcp", action="store_true", help="serve over TCP instead of stdio (for debugging)")
    parser.add_argument("--host", default="127.0.0.1", help="TCP host (default: %(default)s)")
    parser.add_argument("--port", type=int, default=2087, help="TCP port (default: %(default)s)")
    parser.add_argument("--model", type=artifact_path, metavar="MODEL", help=f"{MODEL_HELP} (default: default)")
    parser.add_argument(
        "--threads", type=int, default=1, metavar="N",
        help="torch threads for inference (default: %(default)s; more is slower on a busy machine)",
    )
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="log to this file instead of stderr")
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="(default: %(default)s)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    return parser


def configure_logging(log_file: Path | None, level: str) -> None:
    handler: logging.Handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # pygls logs every message body at INFO: a 20 MB buffer would flood the log.
    logging.getLogger("pygls").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_not_a_client_error)


def _not_a_client_error(record: logging.LogRecord) -> bool:
    """Drop pygls' tracebacks for requests we refused on purpose (the client got the reason)."""
    from pygls.exceptions import JsonRpcInvalidParams

    return not (record.exc_info and isinstance(record.exc_info[1], JsonRpcInvalidParams))


def load_classifier(folder: Path | None, threads: int) -> Classifier:
    """The artifact in `folder`, or the shipped one."""
    from langsniff.model.classifier import Classifier

    return Classifier.load(folder, threads) if folder else Classifier.default(threads)


def fail(message: str) -> int:
    print(f"langsniff-server: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        configure_logging(args.log_file, args.log_level)
    except OSError as error:
        return fail(f"cannot open the log file: {error}")
    with ThreadPoolExecutor(max_workers=1) as pool:
        # torch's import and the model load overlap with pygls' import.
        loading = pool.submit(load_classifier, args.model, max(1, args.threads))
        from langsniff.server.app import create_server
        from langsniff.server.detector import Detector
        from langsniff.server.stdio import RepairingReader

        try:
            classifier = loading.result()
        except ArtifactError as error:
            return fail(str(error))
        except OSError as error:
            return fail(f"cannot read the model: {error}")
    from langsniff.model.artifact import describe_thresholds

    log.info(
        "model loaded: %d labels, thresholds by lines %s",
        len(classifier.labels),
        describe_thresholds(classifier.config.thresholds, classifier.threshold),
    )
    server = create_server(Detector(classifier), package_version())
    if args.tcp:
        server.start_tcp(args.host, args.port)
        return 0
    rpc_in, rpc_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(RepairingReader(rpc_in), rpc_out)
    return 0
