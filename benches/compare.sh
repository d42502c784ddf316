#!/usr/bin/env bash
# Whole-process timings of parallax next to the tools people use today,
# on the same inputs, in the same run (hyperfine medians and ratios):
#
#   sets: the samples; generated 10, 100 and 400 articles x 1,000 words;
#         10 articles x 50,000 words (benches/support/corpus.rs)
#   peers: `wc -w` (a floor: reading the words), `git diff --no-index
#          --word-diff` and difftastic on one pair, Python CollateX for the
#          N-way alignment (sets of at most 10 articles; it grows faster
#          than linearly).
#
# Usage: benches/compare.sh [--quick]   (--quick: fewer runs, no 400 set)
# CX_LIMIT=SECONDS caps the single CollateX run on sets over 5,000 words (default 600).
# Installs hyperfine (apt), difftastic (cargo) and CollateX (pip, in a venv
# under target/) only when missing. Prints a Markdown report on stdout;
# raw hyperfine JSON goes to target/bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/bench-results
SETS=$ROOT/target/bench-sets
mkdir -p "$OUT" "$SETS"
QUICK=${1:-}
CX_LIMIT=${CX_LIMIT:-600}
RUNS=10
[ "$QUICK" = "--quick" ] && RUNS=3

log() { printf '%s\n' "$*" >&2; }

command -v hyperfine >/dev/null || { log "installing hyperfine"; apt-get install -y hyperfine >&2; }
command -v difft >/dev/null || { log "installing difftastic (cargo install, a few minutes)"; cargo install --locked difftastic >&2; }
VENV=$ROOT/target/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import collatex' 2>/dev/null; then
  log "installing CollateX in $VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q collatex python-Levenshtein >&2
fi

log "building parallax (release)"
cargo build --release --quiet --bin parallax --example generate
PARALLAX=$ROOT/target/release/parallax
GENERATE=$ROOT/target/release/examples/generate

declare -A SET_DIRS=()
declare -A PARALLAX_MEDIAN=()
SET_ORDER=(samples gen-10x1000 gen-100x1000)
SET_DIRS[samples]=$ROOT/assets/samples/dravik-dam
[ "$QUICK" = "--quick" ] || SET_ORDER+=(gen-400x1000)
SET_ORDER+=(gen-10x50000)
for name in "${SET_ORDER[@]}"; do
  [ "$name" = samples ] && continue
  dims=${name#gen-}; articles=${dims%x*}; words=${dims#*x}
  dir=$SETS/$name
  if [ ! -d "$dir" ]; then
    log "generating $name"
    "$GENERATE" "$dir" "$articles" "$words" 1
  fi
  SET_DIRS[$name]=$dir
done

cat > "$OUT/collate.py" <<'PY'
import sys
from collatex import Collation, collate
collation = Collation()
for index, path in enumerate(sys.argv[1:]):
    collation.add_plain_witness(f"w{index}", open(path, encoding="utf-8").read())
collate(collation, output="json", segmentation=True)
PY

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f\"{x['median']:.6f}\" for x in r))" "$1"; }

printf '# parallax benchmark run\n\n'
printf -- '- Date: %s\n- Machine: %s, %s cores, %s\n- parallax %s (release build)\n- hyperfine %s, %s runs per command (medians)\n\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(uname -srm)" "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" \
  "$("$PARALLAX" --version | cut -d' ' -f2)" "$(hyperfine --version | cut -d' ' -f2)" "$RUNS"
printf '| Set | Articles | Words | parallax (s) | peak RSS | wc -w (s) | git word-diff, 1 pair (s) | difftastic, 1 pair (s) | CollateX (s) | parallax / wc | parallax / CollateX |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for name in "${SET_ORDER[@]}"; do
  dir=${SET_DIRS[$name]}
  mapfile -t files < <(find "$dir" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) | sort -V)
  count=${#files[@]}
  words=$(cat "${files[@]}" | wc -w)
  first=${files[0]}; second=${files[1]}
  commands=(
    "$PARALLAX --export - --format json $dir"
    "wc -w ${files[*]}"
    "git diff --no-index --word-diff $first $second"
    "difft --color never $first $second"
  )
  names=(parallax wc git-word-diff difftastic)
  args=()
  for i in "${!commands[@]}"; do args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
  runs=$RUNS
  [ "$count" -gt 100 ] && runs=$(( RUNS < 5 ? RUNS : 5 ))
  log "timing $name ($count articles, $words words)"
  hyperfine -N --style none --warmup 1 --runs "$runs" -i --export-json "$OUT/$name.json" "${args[@]}" >&2
  read -r -a medians <<< "$(median "$OUT/$name.json")"
  PARALLAX_MEDIAN[$name]=${medians[0]}
  collatex="—"
  ratio_cx="—"
  # CollateX takes seconds to minutes and grows faster than linearly: a
  # few runs, and only on the sets it can finish (at most 10 articles).
  if [ "$count" -le 10 ] && [ "$words" -le 5000 ]; then
    log "timing CollateX on $name"
    hyperfine --style none --runs 3 -i --export-json "$OUT/$name-collatex.json" \
      --command-name collatex "$VENV/bin/python $OUT/collate.py ${files[*]}" >&2
    cx=$(median "$OUT/$name-collatex.json")
    collatex=$(printf '%.3f' "$cx")
    ratio_cx=$(python3 -c "print(f'{${medians[0]}/$cx:.4f}')")
  elif [ "$count" -le 10 ] && [ "$words" -le 20000 ]; then
    # Larger sets: one attempt, stopped after CX_LIMIT seconds.
    log "one CollateX run on $name (stopped after ${CX_LIMIT}s)"
    start=$(date +%s.%N)
    if timeout "$CX_LIMIT" "$VENV/bin/python" "$OUT/collate.py" "${files[@]}" >/dev/null 2>&1; then
      cx=$(python3 -c "print($(date +%s.%N) - $start)")
      collatex=$(printf '%.1f (1 run)' "$cx")
      ratio_cx=$(python3 -c "print(f'{${medians[0]}/$cx:.4f}')")
    else
      collatex="> $CX_LIMIT (stopped)"
      ratio_cx=$(python3 -c "print(f'< {${medians[0]}/$CX_LIMIT:.4f}')")
    fi
  fi
  rss=$(/usr/bin/time -f '%M' "$PARALLAX" --export - --format json "$dir" 2>&1 >/dev/null | tail -1)
  ratio_wc=$(python3 -c "a, b = ${medians[0]}, ${medians[1]}; print(f'{a / b:.0f}x' if b > 0 else '—')")
  printf '| %s | %s | %s | %.3f | %s MB | %.4f | %.4f | %.4f | %s | %s | %s |\n' \
    "$name" "$count" "$words" "${medians[0]}" "$((rss / 1024))" "${medians[1]}" "${medians[2]}" "${medians[3]}" \
    "$collatex" "$ratio_wc" "$ratio_cx"
done
if [ -n "${PARALLAX_MEDIAN[gen-400x1000]:-}" ]; then
  printf '\nScaling: 400 articles take %s times as long as 100 (target at most 4.6; 4.0 is linear).\n' \
    "$(python3 -c "print(f'{${PARALLAX_MEDIAN[gen-400x1000]}/${PARALLAX_MEDIAN[gen-100x1000]}:.2f}')")"
fi
