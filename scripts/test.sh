#!/usr/bin/env bash
# Installs what the tests need and runs them all: Debian's chromium (when missing), the npm packages, then
# typecheck, lint, unit and browser tests. Used by the README's quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  else
    echo "The browser tests need Debian's chromium at $CHROMIUM. Run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
node scripts/checkNode.mjs
npm ci --no-audit --no-fund
npm test
