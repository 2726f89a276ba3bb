#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine and runs the whole suite:
# the Python tests (pytest: units, a real tiny training run, the server through a real
# LSP client and through Neovim) and the VS Code extension's tests (unit, and end to end
# in a real VS Code: code-server driven by Playwright in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== Debian packages (Neovim for the editor test, groff for the man-page prose test)"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq neovim groff >/dev/null

echo "== Python package with its test extra (torch pinned to the CPU wheel by constraints.txt)"
python3 -m pip install -q -c constraints.txt -e ".[test]"

echo "== Python tests"
python3 -m pytest

echo "== VS Code extension tests"
bash vscode-extension/scripts/ci.sh
