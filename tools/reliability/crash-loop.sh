#!/usr/bin/env bash
# The full crash loop: N SIGKILLs of the real server under load (default 100), each followed by a restart and an audit of
# the served log against every receipt (docs/reliability.md). Prints per-kill lines and the summary; also writes the
# summary to crash-loop-report.txt.
#   tools/reliability/crash-loop.sh [KILLS] [SEED]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export KPOPS_CRASH_ROUNDS="${1:-100}"
export KPOPS_CRASH_SEED="${2:-$RANDOM}"
export KPOPS_CRASH_REPORT="$root/crash-loop-report.txt"
dotnet test "$root/tests/KPops.Reliability.Tests" --filter "FullyQualifiedName~CrashLoop" --logger "console;verbosity=detailed"
cat "$KPOPS_CRASH_REPORT"
