#!/usr/bin/env bash
# Fuzzes KPops's parsers with AFL++ and SharpFuzz, one bounded afl-fuzz run per target.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 180 s, every target (kpops-fuzz --list)
#
# Needs afl++ (Debian: apt-get install -y afl++) and the SharpFuzz instrumentation tool, which this script installs
# into fuzz/.tools (dotnet tool install SharpFuzz.CommandLine). Findings go to fuzz/findings/<target>/ (not
# committed); a summary line per target (executions, crashes, hangs) goes to fuzz/findings/summary.tsv. Copy each
# crash into fuzz/corpus/<target>/ once it is fixed: the test suite's bounded fuzz run replays the whole corpus.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-180}"
shift || true
out="$here/findings"
bin="$out/bin"
tools="$here/.tools"

command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz not found (apt-get install -y afl++)" >&2; exit 1; }
if [[ ! -x "$tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

rm -rf "$bin"
dotnet publish "$here/KPops.Fuzz/KPops.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(dotnet "$bin/kpops-fuzz.dll" --list | awk '{print $1}')
fi

# The seeds must pass outside AFL first (a target failing on its own corpus shows up in AFL only as a failed dry run).
# Before instrumenting: instrumented code run without AFL's shared memory writes to a null map and crashes.
mkdir -p "$out"
for target in "${targets[@]}"; do
  dotnet "$bin/kpops-fuzz.dll" "$target" "$here/corpus/$target"/* > "$out/$target.replay.log" 2>&1 \
    || { echo "run.sh: $target fails on its own seed corpus; see $out/$target.replay.log" >&2; exit 1; }
done

# Instrument only KPops's own assemblies: coverage feedback for the code under test, not the framework. Every assembly
# holding code a target exercises must be here — KPops.Server.dll too, for ballot-json and receipt (BallotForm, the
# request/receipt contracts) — or AFL sees no coverage from it. An instrumented assembly references SharpFuzz.Common:
# check, because afl-fuzz's only symptom of a missed one is "No instrumentation detected" (or a flat corpus).
for dll in KPops.Format.dll KPops.Log.dll KPops.Voting.dll KPops.Server.dll; do
  "$tools/sharpfuzz" "$bin/$dll" >/dev/null
  grep -q SharpFuzz.Common "$bin/$dll" || { echo "run.sh: $dll was not instrumented" >&2; exit 1; }
done

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 DOTNET_TieredPGO=0
[[ -f "$out/summary.tsv" ]] || printf 'target\tseconds\texecutions\texecs_per_sec\tcorpus\tcrashes\thangs\n' > "$out/summary.tsv"
for target in "${targets[@]}"; do
  echo "== $target: afl-fuzz for $seconds s"
  # -t: .NET's first executions JIT; 10 s keeps slow seeds from counting as hangs. -V bounds the run.
  afl-fuzz -i "$here/corpus/$target" -o "$out/$target" -t 10000 -m none -V "$seconds" \
    -- dotnet "$bin/kpops-fuzz.dll" "$target" > "$out/$target.log" 2>&1 || true
  stats="$out/$target/default/fuzzer_stats"
  if [[ -f "$stats" ]]; then
    value() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "$(value execs_done)" "$(value execs_per_sec)" \
      "$(value corpus_count)" "$(value saved_crashes)" "$(value saved_hangs)" | tee -a "$out/summary.tsv"
  else
    echo "$target: afl-fuzz did not start; see $out/$target.log" >&2
    grep -q "No instrumentation detected" "$out/$target.log" 2>/dev/null \
      && echo "$target: no coverage from its first seed: is every assembly it runs instrumented (list above)?" >&2
  fi
done
