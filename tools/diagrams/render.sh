#!/usr/bin/env bash
# Renders bpmn/*.bpmn and bpmn/*.dmn to docs/diagrams/ (SVG, PNG, HTML and a
# README.md that lists them). See tools/diagrams/README.md.
#
#   tools/diagrams/render.sh [--write-di] [--strict] [--scale N]
#
# Needs Node.js 20+ with npm, Debian's Chromium (/usr/bin/chromium, package
# `chromium`; another path with CHROMIUM_PATH) and, for the same text layout
# on every machine, the Arial-compatible Liberation fonts with Vietnamese
# letters (package `fonts-liberation2`). Run as root where they are missing,
# this script installs the two Debian packages with apt-get; otherwise it says
# what to install. npm packages come from tools/diagrams/package-lock.json
# (`npm ci`), installed on the first run and again whenever the lock changes.
#
# Exit status: 0 all rendered, 1 a model failed to import or render,
# 2 setup problem.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

say() { printf 'render.sh: %s\n' "$*" >&2; }

apt_install() {
  # apt_install PACKAGE...: install Debian packages when we are allowed to
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
      apt-get update >/dev/null 2>&1 || true
      apt-get install -y --no-install-recommends "$@" >/dev/null
    fi
    return 0
  fi
  return 1
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "Node.js 20 or later with npm is needed"
  exit 2
fi

if [ ! -x "$chromium" ]; then
  if [ -z "${CHROMIUM_PATH:-}" ] && apt_install chromium; then
    :
  else
    say "Chromium not found at $chromium: apt-get install chromium (or set CHROMIUM_PATH)"
    exit 2
  fi
fi

# Vietnamese letters (ế ộ ạ) in an Arial-compatible font. Without it Chromium
# falls back to another font (the letters still come out right, but labels
# wrap differently and the images change from machine to machine).
if command -v fc-list >/dev/null 2>&1 \
  && [ -z "$(fc-list ':family=Liberation Sans:charset=1ebf 1ed9 1ea1' file 2>/dev/null)" ]; then
  if apt_install fonts-liberation2; then
    command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
  else
    say "warning: no Arial-compatible font with Vietnamese letters; install fonts-liberation2 for the reference rendering"
  fi
fi

# npm ci when node_modules is missing or older than the lock file
installed_lock="$here/node_modules/.package-lock.json"
if [ ! -d "$here/node_modules" ] || [ ! -f "$installed_lock" ] || [ "$here/package-lock.json" -nt "$installed_lock" ]; then
  say "installing npm packages (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

exec node "$here/render.mjs" "$@"
