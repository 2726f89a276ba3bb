"""The server in a real editor: headless Neovim's built-in LSP client on a scratch buffer.

Skipped only where `nvim` is missing (Debian package `neovim`); with
LANGSNIFF_REQUIRE_EDITORS=1 (as in CI) a missing editor is a failure instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from server_support import PYTHON_SNIPPET, SERVER_COMMAND

from langsniff.server import constants

pytestmark = pytest.mark.slow

SCRIPT = r"""
local result = {}
local function finish()
  local file = io.open(OUTPUT, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local ok, problem = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = 'nofile'
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, LINES)

  -- The client side of the code action's command: set the buffer's filetype.
  vim.lsp.commands[COMMAND] = function(command, ctx)
    vim.api.nvim_buf_set_option(ctx.bufnr, 'filetype', command.arguments[2])
    result.command = command.arguments
  end
  -- Pick the first code action instead of asking.
  vim.ui.select = function(items, opts, on_choice)
    result.actions = vim.tbl_map(opts.format_item, items)
    on_choice(items[1], 1)
  end

  local client_id = vim.lsp.start_client({
    name = 'langsniff',
    cmd = SERVER,
    root_dir = vim.fn.getcwd(),
    init_options = { debounceMs = 50 },
    handlers = {
      [DETECTED] = function(_, params) result.detected = params end,
    },
  })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(30000, function() return client.initialized end, 20) then
    error('the server did not initialize')
  end

  local uri = vim.uri_from_bufnr(buf)
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = 3, character = 4 } }, 20000)
  result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL

  vim.wait(10000, function() return result.detected ~= nil end, 20)

  vim.api.nvim_win_set_cursor(0, { 4, 0 })
  vim.lsp.buf.code_action()
  vim.wait(20000, function() return result.command ~= nil end, 20)
  result.filetype = vim.bo[buf].filetype
end)
if not ok then result.error = tostring(problem) end
finish()
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def lua_list(values: list[str]) -> str:
    return "{" + ", ".join(lua_string(value) for value in values) + "}"


@pytest.fixture
def nvim() -> str:
    path = shutil.which("nvim")
    if path is None:
        if os.environ.get("LANGSNIFF_REQUIRE_EDITORS") == "1":
            pytest.fail("nvim is not installed (Debian package neovim) and LANGSNIFF_REQUIRE_EDITORS=1")
        pytest.skip("nvim is not installed (Debian package neovim): this test needs a real editor")
    return path


def test_neovim_gets_hover_notice_and_a_code_action_that_sets_the_filetype(nvim: str, tmp_path: Path):
    output = tmp_path / "result.json"
    header = "\n".join(
        [
            f"local OUTPUT = {lua_string(str(output))}",
            f"local LINES = {lua_list(PYTHON_SNIPPET.splitlines())}",
            f"local SERVER = {lua_list(SERVER_COMMAND)}",
            f"local COMMAND = {lua_string(constants.SET_DOCUMENT_LANGUAGE)}",
            f"local DETECTED = {lua_string(constants.LANGUAGE_DETECTED)}",
        ]
    )
    script = tmp_path / "langsniff_test.lua"
    script.write_text(header + SCRIPT, encoding="utf-8")
    completed = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert output.exists(), f"Neovim wrote no result (exit {completed.returncode}): {completed.stderr[-2000:]}"
    result = json.loads(output.read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    hover = result["hover"]
    assert hover and hover["contents"]["kind"] == "markdown"
    assert "| Python | `python` |" in hover["contents"]["value"]
    assert result["detected"]["languageId"] == "python"
    assert result["actions"][0].startswith("Set language to Python (")
    assert result["command"][1] == "python"
    assert result["filetype"] == "python"
