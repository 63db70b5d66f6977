#!/usr/bin/env bash
# Builds the gazetteer if needed, then indexes the bundled guide into var/index.
set -euo pipefail
cd "$(dirname "$0")/.."
build/indexer/coopatlas-index --guide data/guide/guide.txt --out var/index
