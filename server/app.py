"""Assembles the language server: the server object with every feature registered."""

from __future__ import annotations

from langsniff.server import handlers, requests
from langsniff.server.detector import Detector
from langsniff.server.server import LangsniffServer


def create_server(detector: Detector, version: str) -> LangsniffServer:
    """A server with the standard-method handlers and the custom requests registered."""
    server = LangsniffServer(detector, version)
    handlers.register(server)
    requests.register(server)
    return server
