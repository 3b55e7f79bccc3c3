#!/usr/bin/env bash
# Regenerates tutor/requirements.lock (every transitive dependency pinned with its hashes) from
# tutor/requirements.in, in a scratch virtualenv of pyenv's Python 3.11 (the one edxstack runs Tutor with).
set -euo pipefail
cd "$(dirname "$0")"
python="${EDXSTACK_PYTHON:-$(pyenv root)/versions/$(pyenv versions --bare | grep -E '^3\.11\.[0-9]+$' | tail -1)/bin/python3.11}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q pip-tools==7.7.0
"$scratch/venv/bin/pip-compile" -q --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links \
    --no-emit-index-url --output-file requirements.lock requirements.in
