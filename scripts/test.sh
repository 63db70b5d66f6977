#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, integration, CLI and page tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
bash scripts/index.sh
cd build
ctest --output-on-failure -j "$(nproc)"
