"""Handlers for the standard LSP methods: document sync, settings, hover, code actions and
the `langsniff.setDocumentLanguage` command sent back by clients that do not implement it."""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.workspace import TextDocument

from langsniff.server import constants
from langsniff.server.errors import answers_cleanly, invalid_params
from langsniff.server.server import LangsniffServer


ACTION_KIND = types.CodeActionKind.QuickFix


def _has_text(document: TextDocument) -> bool:
    return not document.source.isspace() and document.source != ""


def _inside(document: TextDocument, position: types.Position) -> bool:
    """Whether a position is on one of the document's lines."""
    return position.line <= document.source.count("\n")


def initialize(ls: LangsniffServer, params: types.InitializeParams) -> None:
    ls.apply_settings(params.initialization_options)


def did_open(ls: LangsniffServer, params: types.DidOpenTextDocumentParams) -> None:
    if params.text_document.text == "":
        # A fresh document (editors reuse names like Untitled-1): it may be announced again.
        ls.announced.discard(params.text_document.uri)
    ls.schedule_detection(params.text_document.uri)


def did_change(ls: LangsniffServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule_detection(params.text_document.uri)


def did_close(ls: LangsniffServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.debouncer.cancel(params.text_document.uri)
    ls.detector.forget(params.text_document.uri)


def did_change_configuration(ls: LangsniffServer, params: types.DidChangeConfigurationParams) -> None:
    ls.apply_settings(params.settings)
    for uri in list(ls.workspace.text_documents):
        ls.schedule_detection(uri)


@answers_cleanly(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: LangsniffServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.watched_document(params.text_document.uri)
    if document is None or not _has_text(document) or not _inside(document, params.position):
        return None
    prediction = await ls.classify(document)
    markdown = ls.detector.hover_markdown(prediction, ls.threshold(prediction))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown))


def _kind_wanted(context: types.CodeActionContext) -> bool:
    only = context.only
    return not only or any(ACTION_KIND == kind or ACTION_KIND.value.startswith(f"{kind}.") for kind in only)


@answers_cleanly(types.TEXT_DOCUMENT_CODE_ACTION)
async def code_action(ls: LangsniffServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.watched_document(uri)
    if document is None or not _has_text(document) or not _kind_wanted(params.context):
        return []
    if not _inside(document, params.range.start):
        return []
    prediction = await ls.classify(document)
    return [
        types.CodeAction(
            title=candidate.title,
            kind=ACTION_KIND,
            is_preferred=candidate.preferred,
            command=types.Command(
                title=candidate.title, command=constants.SET_DOCUMENT_LANGUAGE, arguments=[uri, candidate.label]
            ),
        )
        for candidate in ls.detector.candidates(prediction, ls.threshold(prediction))
    ]


def set_document_language(ls: LangsniffServer, *arguments: Any) -> dict[str, Any]:
    """The client should run this command itself; answer clearly when it sends it here."""
    if len(arguments) != 2 or not all(isinstance(argument, str) for argument in arguments):
        raise invalid_params(f"{constants.SET_DOCUMENT_LANGUAGE} takes two arguments: [uri, languageId]")
    uri, language_id = arguments
    labels = ls.detector.classifier.labels
    if language_id not in labels:
        raise invalid_params(f"unknown languageId {language_id!r}; this model knows {', '.join(labels)}")
    ls.announced.add(uri)
    message = (
        f"langsniff cannot change a document's language from the server: the editor implements "
        f"{constants.SET_DOCUMENT_LANGUAGE}. Set the language of {uri} to {ls.detector.name(language_id)} "
        f"({language_id}) in the editor; langsniff will not suggest another one for it."
    )
    ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=message))
    return {"applied": False, "uri": uri, "languageId": language_id, "message": message}


def register(server: LangsniffServer) -> None:
    """Register the standard-method handlers on a server."""
    server.feature(types.INITIALIZE)(initialize)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[ACTION_KIND]))(
        code_action
    )
    server.command(constants.SET_DOCUMENT_LANGUAGE)(set_document_language)
