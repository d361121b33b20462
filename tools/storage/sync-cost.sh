#!/usr/bin/env bash
# Compiles and runs sync-cost.c in a temporary directory on the disk that holds DIR (default: the system's temp dir).
# Needs gcc (apt-get install gcc).
#   tools/storage/sync-cost.sh [DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${1:-${TMPDIR:-/tmp}}/kpops-sync-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/sync-cost" "$here/sync-cost.c" -lpthread
"$work/sync-cost" "$work"
