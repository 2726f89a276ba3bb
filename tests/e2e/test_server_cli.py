"""`langsniff-server` as a command: help, version, clear errors for a bad model, TCP mode."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from server_support import SERVER_COMMAND

SERVER = [sys.executable, "-m", "langsniff.server"]


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SERVER, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def test_help_and_version_are_quick_and_on_stdout():
    completed = run("--help", timeout=10)
    assert completed.returncode == 0
    for option in ("--tcp", "--host", "--port", "--model", "--log-file", "--version"):
        assert option in completed.stdout
    version = run("--version", timeout=10)
    assert version.returncode == 0 and version.stdout.startswith("langsniff-server ")


@pytest.mark.parametrize("broken", ["missing", "empty", "corrupt"])
def test_a_bad_model_is_one_clear_line_and_exit_2(tmp_path: Path, broken: str):
    folder = tmp_path / "model"
    if broken != "missing":
        folder.mkdir()
    if broken == "corrupt":
        (folder / "config.json").write_text("{not json", encoding="utf-8")
    completed = run("--model", str(folder))
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.startswith("langsniff-server: error: ")
    assert "Traceback" not in completed.stderr
    assert str(folder) in completed.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
async def test_tcp_mode_and_log_file(tmp_path: Path):
    port, log_file = free_port(), tmp_path / "server.log"
    command = [*SERVER_COMMAND, "--tcp", "--port", str(port), "--log-file", str(log_file), "--log-level", "INFO"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    client = LanguageClient("tcp-test", "1")
    try:
        for _ in range(300):
            try:
                await client.start_tcp("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)
        result = await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        assert result.server_info.name == "langsniff"
        assert result.capabilities.hover_provider
        assert "langsniff.setDocumentLanguage" not in (result.capabilities.execute_command_provider.commands or [])
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
        server.terminate()
        server.wait(timeout=10)
    assert "model loaded" in log_file.read_text(encoding="utf-8")
    assert server.stdout.read() == b""
