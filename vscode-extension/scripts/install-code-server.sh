#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100) into vscode-extension/.tools/ for the
# end-to-end tests, with the four workarounds this offline machine needs
# (see shared/design/editor-testing.md). Idempotent: does nothing when already installed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools"
version="4.100.3"
bin="$tools/code-server/node_modules/.bin/code-server"

if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "^$version"; then
  echo "code-server $version already in $tools/code-server"
  exit 0
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }

# @vscode/ripgrep's postinstall downloads rg from a host we cannot reach: seed its cache.
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$archive" ]]; then
  mkdir -p "$cache"
  stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar -czf "$archive" -C "$stage" rg
  rm -rf "$stage"
fi

mkdir -p "$tools/code-server"
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error --prefix "$tools/code-server" "code-server@$version"
"$bin" --version
