#!/usr/bin/env bash
# Installs what coopatlas needs and is missing (Debian 12 packages, the npm
# packages of package-lock.json), then configures and builds. Idempotent: a
# second run installs nothing and rebuilds only what changed.
#   scripts/setup.sh [--with-browser]   (--with-browser: Chromium for the page tests)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }

packages=(build-essential cmake ninja-build pkg-config git
          libxapian-dev xapian-tools libgdal-dev gdal-bin nlohmann-json3-dev libcpp-httplib-dev
          libssl-dev zlib1g-dev libbrotli-dev libgtest-dev libicu-dev libmimalloc-dev libsqlite3-dev
          iso-codes
          dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-eng-deu dict-freedict-fra-deu
          dict-freedict-deu-fra mythes-fr  # English queries and French synonyms (docs/dictionaries.md)
          clang libclang-rt-14-dev  # the sanitizer build and the fuzzers (scripts/test-sanitize.sh)
          clang-format-14)          # scripts/check-format.sh
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
[[ " $* " == *" --with-browser "* ]] && packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  [ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
    die "missing Debian packages (${missing[*]}) and not root: install them as root with apt-get install"
  fi
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq || die "apt-get update failed: check the machine's access to the Debian mirror"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
else
  say "Debian packages already installed"
fi

# npm packages: the page's libraries and the offline geographic data, pinned by package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s <(node -e 'process.stdout.write(JSON.stringify(require("./package-lock.json").packages))') \
     <(node -e 'process.stdout.write(JSON.stringify(require("./node_modules/.package-lock.json").packages))' 2>/dev/null); then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed: check access to the npm registry"
else
  say "npm packages already installed"
fi

build_type=${COOPATLAS_BUILD_TYPE:-RelWithDebInfo}
say "configuring and building (build/, $build_type)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${COOPATLAS_CMAKE_ARGS:-} >/dev/null
cmake --build build -j "$(nproc)"
