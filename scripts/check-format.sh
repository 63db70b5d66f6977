#!/usr/bin/env bash
# Fails when a C++ file of the repository differs from what clang-format makes of it
# (.clang-format at the root), listing the files and the command that formats them.
#   scripts/check-format.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# clang-format 14 is Debian 12's; another version may format differently.
format=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$format" ] || { echo "check-format: error: clang-format-14 is missing: run scripts/setup.sh" >&2; exit 1; }

# Only the files under version control (the .cpp.in templates are not C++ until configured).
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc')
unformatted=()
for f in "${files[@]}"; do
  "$format" --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if ((${#unformatted[@]})); then
  echo "check-format: ${#unformatted[@]} C++ file(s) not formatted with $format:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "format them with: $(basename "$format") -i ${unformatted[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} C++ files formatted" >&2
