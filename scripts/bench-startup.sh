#!/usr/bin/env bash
# Start-up budget (issue 11): whole-process wall time of the release binary
# on small inputs, next to `wc -w` on the same files in the same run, so a
# loaded machine shows up in both columns.
#
#   samples    assets/samples/dravik-dam (5 articles)   budget < 15 ms
#   one-liners two articles of one sentence each         budget <  5 ms
#
# Usage: scripts/bench-startup.sh [RUNS]   (default 60 runs per command)
#   BIN=path/to/parallax scripts/bench-startup.sh   (default target/release/parallax)
# Prints a Markdown table of medians (hyperfine) and exits 1 when a median
# is over its budget. Installs hyperfine with apt when it is missing. The
# numbers are for reading and for this script's verdict, never asserted by
# a unit test. On a shared machine run it with `nice -n 19`; the medians are
# stable enough, the means are not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-60}
BUILD=${BIN:+no}
BIN=${BIN:-$ROOT/target/release/parallax}
OUT=$ROOT/target/bench-results
mkdir -p "$OUT"
log() { printf '%s\n' "$*" >&2; }

command -v hyperfine >/dev/null || { log "installing hyperfine"; apt-get install -y hyperfine >&2; }
if [ -z "$BUILD" ]; then
  log "building parallax (release)"
  cargo build --release --quiet --bin parallax
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'The Dravik dam burst on Tuesday and 300 people left their homes.\n' > "$WORK/a.txt"
printf 'The Dravik dam broke on Tuesday and 350 people fled their homes.\n' > "$WORK/b.txt"
SAMPLES=$ROOT/assets/samples/dravik-dam
mapfile -t SAMPLE_FILES < <(find "$SAMPLES" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) | sort)

median() { # json → "parallax_median wc_median parallax_cpu" in seconds (cpu: mean user + system)
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f\"{x['median']:.6f}\" for x in r), f\"{r[0]['user'] + r[0]['system']:.6f}\")" "$1"
}

printf '# parallax start-up (%s, %s, %s cores, %s runs, medians)\n\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$("$BIN" --version)" "$(nproc)" "$RUNS"
printf '| Set | parallax (ms) | wc -w (ms) | parallax / wc | parallax CPU (ms) | budget (ms) | verdict |\n'
printf '|---|---:|---:|---:|---:|---:|---|\n'
status=0
run_set() { # name budget_ms parallax_inputs wc_inputs
  local name=$1 budget=$2 inputs=$3 files=$4
  hyperfine -N --style none --warmup 5 --runs "$RUNS" --export-json "$OUT/startup-$name.json" \
    --command-name parallax "$BIN --export - --format json $inputs" \
    --command-name wc "wc -w $files" >&2
  local p w cpu
  read -r p w cpu <<< "$(median "$OUT/startup-$name.json")"
  local verdict
  verdict=$(python3 -c "print('ok' if $p * 1000 < $budget else 'OVER')")
  [ "$verdict" = ok ] || status=1
  python3 -c "p, w, c = $p * 1000, $w * 1000, $cpu * 1000; print(f'| $name | {p:.1f} | {w:.1f} | {p / w:.0f}x | {c:.1f} | $budget | $verdict |')"
}
run_set samples 15 "$SAMPLES" "${SAMPLE_FILES[*]}"
run_set one-liners 5 "$WORK/a.txt $WORK/b.txt" "$WORK/a.txt $WORK/b.txt"
printf '\n(parallax reads the sample folder; wc -w reads the same %d files. CPU is the mean\n' "${#SAMPLE_FILES[@]}"
printf 'user + system time: on a loaded machine the wall medians grow with the load, CPU much less;\n'
printf 'compare the wc -w column with its unloaded ~1 ms before trusting a verdict.)\n'
exit $status
