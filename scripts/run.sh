#!/usr/bin/env bash
# The main job: set up, build, index the bundled guide and serve the page on
# http://127.0.0.1:8080 (HOST and PORT override).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/index.sh
echo "run: open http://${HOST:-127.0.0.1}:${PORT:-8080}/ (Ctrl-C stops the server)" >&2
exec build/web/coopatlas-serve --index var/index --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}"
