#!/usr/bin/env bash
# Installs the other language detectors the comparison runs against, into benchmarks/.tools/
# (git-ignored), so none of them enters the project's own environment. Each part is optional:
# `bash benchmarks/install_detectors.sh [node] [python] [linguist] [guesslang]` (default: all).
# The benchmark skips any detector that is not installed, with a message.
set -euo pipefail
cd "$(dirname "$0")"
TOOLS="$PWD/.tools"
PYTHON="${PYTHON:-python3}"
mkdir -p "$TOOLS"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(node python linguist guesslang)

install_node() {  # VS Code's detector (with its bundled model) and highlight.js
    mkdir -p "$TOOLS/node"
    npm install --no-audit --no-fund --prefix "$TOOLS/node" \
        @vscode/vscode-languagedetection@1.0.23 highlight.js@11.12.0
}

install_python() {  # Magika (onnxruntime, no torch) and Pygments, in their own venv
    "$PYTHON" -m venv "$TOOLS/py"
    "$TOOLS/py/bin/pip" install --quiet magika==1.0.3 pygments==2.21.0
    ! "$TOOLS/py/bin/pip" show torch >/dev/null 2>&1 || { echo "torch entered the detectors venv" >&2; exit 1; }
}

install_linguist() {  # GitHub Linguist's classifier, Debian's package (system Ruby)
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q ruby-github-linguist; else sudo apt-get install -y -q ruby-github-linguist; fi
}

install_guesslang() {  # guesslang pins a TensorFlow with no wheel for Python 3.11: --no-deps beside tensorflow-cpu 2.15
    "$PYTHON" -m venv "$TOOLS/guesslang"
    "$TOOLS/guesslang/bin/pip" install --quiet tensorflow-cpu==2.15.1
    "$TOOLS/guesslang/bin/pip" install --quiet --no-deps guesslang==2.2.1
    # The one-line import fix: TF 2.15 moved AutoTrackable.
    local site; site="$("$TOOLS/guesslang/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    sed -i 's/^from tensorflow.python.training.tracking.tracking import AutoTrackable$/from tensorflow.python.trackable.autotrackable import AutoTrackable/' \
        "$site/guesslang/model.py"
}

for part in "${parts[@]}"; do
    echo "== installing $part"
    "install_$part" || echo "!! $part failed to install; the benchmark will skip it" >&2
done
