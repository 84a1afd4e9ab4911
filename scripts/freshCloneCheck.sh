#!/usr/bin/env bash
# The fresh-clone check: clones the committed state of this repository into an empty temporary folder (nothing
# beside it, no built files, no node_modules) and runs the README's test command there, as a new user would.
# Usage: bash scripts/freshCloneCheck.sh [REF]   (default HEAD; uncommitted changes are not part of the check)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:-HEAD}"
dir="$(mktemp -d -t embedding-lab-fresh-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
git clone -q --no-local "$repo" "$dir/embedding-lab"
cd "$dir/embedding-lab"
git checkout -q "$ref"
echo "fresh clone of $(git rev-parse --short HEAD) in $dir/embedding-lab (nothing beside it: $(ls "$dir"))"
bash scripts/test.sh
