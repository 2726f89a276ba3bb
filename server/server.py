"""The language server object: its state, the protocol hardening and detection scheduling.

Handlers (in `handlers.py` and `requests.py`) stay thin: they fetch a document and call one
method here or in the Detector. Inference runs on one worker thread, never on the event
loop, and work for a document version that is no longer the latest is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import cattrs
from lsprotocol import types
from pygls.exceptions import FeatureRequestError, JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.workspace import TextDocument

from langsniff.model.prediction import Prediction
from langsniff.server import constants
from langsniff.server.debounce import Debouncer
from langsniff.server.detector import Detector, is_detection
from langsniff.server.settings import Settings, update_settings

log = logging.getLogger(__name__)
T = TypeVar("T")

# Commands the server answers without advertising them: the client implements them, and a
# VS Code client would otherwise try to register the same command a second time.
CLIENT_COMMANDS = frozenset({constants.SET_DOCUMENT_LANGUAGE})


class LangsniffProtocol(LanguageServerProtocol):
    """pygls' protocol, answering requests whose params do not parse (pygls drops them
    silently) and keeping the client-implemented commands out of the capabilities."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                reason = _validation_reason(error.__cause__)
                message = f"invalid params for {data['method']}: {reason}"
                self._send_response(data["id"], None, JsonRpcInvalidParams(message).to_response_error())
            raise

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams):
        result = yield from super().lsp_initialize(params)
        provider = result.capabilities.execute_command_provider
        if provider is not None:
            provider.commands = [name for name in provider.commands if name not in CLIENT_COMMANDS]
        return result


def _validation_reason(error: BaseException | None) -> str:
    if isinstance(error, cattrs.ClassValidationError):
        return "; ".join(cattrs.transform_error(error))
    return str(error) if error is not None else "could not be read"


class LangsniffServer(LanguageServer):
    """Holds the detector, the settings and what was already announced per document."""

    def __init__(self, detector: Detector, version: str) -> None:
        super().__init__(
            name=constants.SERVER_NAME,
            version=version,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=LangsniffProtocol,
        )
        self.detector = detector
        self.settings = Settings()
        self.debouncer = Debouncer()
        # URIs whose language was announced (or chosen through the command): never again.
        self.announced: set[str] = set()
        self._inference = ThreadPoolExecutor(max_workers=1, thread_name_prefix="langsniff-inference")
        self._tasks: set[asyncio.Task[None]] = set()

    def threshold(self, prediction: Prediction) -> float:
        """The user's threshold when set, else the artifact's for a text of this length."""
        return self.settings.threshold_or(prediction.threshold)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log errors outside requests; never pop a message (or a traceback) at the user."""
        if source is FeatureRequestError:
            return  # the client got it as the request's error answer
        log.error("%s: %s", type(error).__name__, error)

    def shutdown(self) -> None:
        self._inference.shutdown(wait=False, cancel_futures=True)
        super().shutdown()

    def apply_settings(self, payload: Any) -> None:
        """Take the settings a client sent; log what was ignored and why."""
        self.settings, problems = update_settings(self.settings, payload)
        for problem in problems:
            log.warning(problem)
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=problem))
        log.info("settings: %s", self.settings)

    def open_document(self, uri: str) -> TextDocument | None:
        """An open document by URI, or None (pygls would invent one for unknown URIs)."""
        return self.workspace.text_documents.get(uri)

    def watched_document(self, uri: str) -> TextDocument | None:
        """An open document the server looks at, or None."""
        document = self.open_document(uri)
        if document is None or not self.detector.watches(uri, document.language_id, self.settings):
            return None
        return document

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """Run blocking work (inference) on the worker thread and await it."""
        return await asyncio.get_running_loop().run_in_executor(self._inference, function, *args)

    async def classify(self, document: TextDocument) -> Prediction:
        """The prediction for a document's current version (from the cache when it is there)."""
        max_characters = self.settings.max_characters
        cached = self.detector.cached(document.uri, document.version, max_characters)
        if cached is not None:
            return cached
        return await self.run(
            self.detector.classify_document, document.uri, document.version, document.source, max_characters
        )

    def schedule_detection(self, uri: str) -> None:
        """After an open or a change: classify once the document has been quiet for debounceMs.

        The result warms the cache that hover and code actions read, and drives the
        detection notice (sent once per document, when autoDetect is on).
        """
        document = self.watched_document(uri)
        if document is None:
            self.debouncer.cancel(uri)
            return
        version = document.version
        self.debouncer.schedule(uri, self.settings.debounce_ms / 1000, lambda: self._start_detection(uri, version))

    def _start_detection(self, uri: str, version: int | None) -> None:
        task = asyncio.ensure_future(self._detect(uri, version))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _current(self, uri: str, version: int | None) -> TextDocument | None:
        document = self.watched_document(uri)
        return document if document is not None and document.version == version else None

    def _classify_if_current(self, uri: str, version: int | None) -> Prediction | None:
        # Runs on the worker: a version that was replaced while queued is not worth a model run.
        document = self._current(uri, version)
        if document is None:
            return None
        return self.detector.classify_document(uri, version, document.source, self.settings.max_characters)

    async def _detect(self, uri: str, version: int | None) -> None:
        if self._current(uri, version) is None:
            return
        try:
            prediction = await self.run(self._classify_if_current, uri, version)
        except Exception:
            log.exception("detection failed for %s", uri)
            return
        if prediction is None or self._current(uri, version) is None:
            return
        if self.settings.auto_detect and uri not in self.announced and is_detection(prediction, self.threshold(prediction)):
            self.announced.add(uri)
            self.protocol.notify(
                constants.LANGUAGE_DETECTED,
                {
                    "uri": uri,
                    "version": version,
                    "languageId": prediction.label,
                    "confidence": prediction.confidence,
                    "probabilities": prediction.probabilities,
                },
            )
