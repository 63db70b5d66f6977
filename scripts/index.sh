#!/usr/bin/env bash
# Builds the gazetteer if needed, then indexes the bundled guide into var/index.
# The gazetteer (var/gazetteer.gpkg, tens of MB, not committed) is rebuilt when it is
# missing or older than package-lock.json (new geographic data) or the reviewed
# data/places-override.tsv and data/aliases.tsv, or than the coopatlas-gazetteer that builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
gazetteer=var/gazetteer.gpkg
if [ ! -f "$gazetteer" ] || [ package-lock.json -nt "$gazetteer" ] \
   || [ data/places-override.tsv -nt "$gazetteer" ] || [ data/aliases.tsv -nt "$gazetteer" ] \
   || [ build/indexer/coopatlas-gazetteer -nt "$gazetteer" ]; then
  echo "index: building the gazetteer $gazetteer" >&2
  build/indexer/coopatlas-gazetteer --out "$gazetteer"
fi
build/indexer/coopatlas-index --guide data/guide/guide.txt --out var/index --gazetteer "$gazetteer"
