#!/usr/bin/env bash
# CI for the VS Code extension on a fresh Debian machine (root; apt and npm reachable):
# installs what the tests need, builds and packages the extension, then runs the unit tests
# and the end-to-end tests in a real VS Code (code-server + headless Chromium).
# Expects the Python package installed (`pip install -e .`), so `python -m langsniff.server` runs;
# LANGSNIFF_PYTHON picks the interpreter (default: python3, else python, on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium ripgrep libkrb5-dev pkg-config build-essential libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "== apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${LANGSNIFF_PYTHON:-$(command -v python3 || command -v python)}"
if ! "$python" -c "import langsniff.server" 2>/dev/null; then
  echo "ci.sh: $python cannot import langsniff.server: run pip install -e . first (or set LANGSNIFF_PYTHON)" >&2
  exit 1
fi
export LANGSNIFF_PYTHON="$python"

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "== code-server"
scripts/install-code-server.sh
echo "== build and package"
npm run --silent package
npm run --silent compile-tests
echo "== unit and end-to-end tests"
node --test --test-concurrency=1 out/test/unit/ out/test/e2e/
