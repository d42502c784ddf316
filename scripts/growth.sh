#!/usr/bin/env bash
# How the work grows with crafted input (issue 18): each case doubles its
# input and prints the wall time and peak memory of one run, so the growth
# (×2 per step: linear; ×4: quadratic) reads straight off the table. A run
# is stopped after LIMIT seconds (default 60) and the case moves on.
#
# Cases:
#   html-depth   a page of N nested <div>s around one paragraph
#   html-attrs   one element with N attributes
#   figures      one sentence of N figures, beside two articles (item 1)
#   names        N distinct capitalised names in each of two articles (item 2)
#
# Usage: scripts/growth.sh [CASE...]   (default: all; needs a release build)
#   LIMIT=120 STEPS=6 scripts/growth.sh html-depth
# Run it with `nice -n 19` on a shared machine; the numbers are for reading,
# never asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/parallax}
LIMIT=${LIMIT:-60}
STEPS=${STEPS:-5}
[ -x "$BIN" ] || cargo build --release
CASES=("$@")
[ ${#CASES[@]} -eq 0 ] && CASES=(html-depth html-attrs figures names)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SAMPLE_A=assets/samples/dravik-dam/01-cpa-wire.txt
SAMPLE_B=assets/samples/dravik-dam/05-kanal-nord.txt
PROSE="The Dravik dam burst late on Tuesday after three days of heavy rain, sending a wall of water through the lower town. About 4,500 residents were evacuated overnight, the regional governor said, and three people were confirmed dead by Wednesday morning."

make_input() { # case n → path of the crafted input(s)
  local case=$1 n=$2
  case $case in
    html-depth)
      python3 -c "import sys; n=int(sys.argv[1]); print('<html><body>' + '<div>'*n + '<p>' + sys.argv[2] + '</p>' + '</div>'*n + '</body></html>')" "$n" "$PROSE" > "$WORK/in.html"
      echo "$WORK/in.html" ;;
    html-attrs)
      python3 -c "import sys; n=int(sys.argv[1]); print('<html><body><article' + ''.join(' a%d=x' % i for i in range(n)) + '><p>' + sys.argv[2] + '</p></article></body></html>')" "$n" "$PROSE" > "$WORK/in.html"
      echo "$WORK/in.html" ;;
    figures)
      python3 -c "import sys; print(' '.join(map(str, range(1, int(sys.argv[1]) + 1))) + '.')" "$n" > "$WORK/n.txt"
      echo "$WORK/n.txt" ;;
    names)
      # Distinct made-up surnames: letters from the number, capitalised.
      python3 - "$n" "$WORK" <<'EOF'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
def name(i, salt):
    letters = "bcdfghklmnprstvz"; vowels = "aeiou"; out = ""
    i = i * 7919 + salt
    for _ in range(4):
        out += letters[i % 16] + vowels[(i // 16) % 5]; i //= 80
    return out.capitalize()
for side, salt in (("a", 0), ("b", 1)):
    with open(f"{work}/{side}.txt", "w") as f:
        f.write(" ".join(f"{name(i, 0)} met {name(i, salt)}." for i in range(n)))
EOF
      echo "$WORK/a.txt $WORK/b.txt" ;;
  esac
}

start_size() {
  case $1 in
    html-depth) echo 12500 ;;
    html-attrs) echo 125000 ;;
    figures) echo 12500 ;;
    names) echo 750 ;;
  esac
}

for case in "${CASES[@]}"; do
  echo "== $case (stopped after ${LIMIT}s)"
  printf '%10s %10s %10s %10s %s\n' N bytes seconds peak_MB exit
  n=$(start_size "$case")
  for _ in $(seq "$STEPS"); do
    inputs=$(make_input "$case" "$n")
    bytes=$(cat $inputs | wc -c)
    case $case in
      figures) extra=("$SAMPLE_A" "$SAMPLE_B") ;;
      html-*) extra=("$SAMPLE_A") ;;
      *) extra=() ;;
    esac
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M' -o "$WORK/time" timeout "$LIMIT" "$BIN" --no-config --quiet --export - --format json \
      $inputs "${extra[@]}" > /dev/null 2> "$WORK/stderr"
    code=$?
    set -e
    read -r seconds kb < <(tail -1 "$WORK/time" | grep -E '^[0-9.]+ [0-9]+$' || echo "? 0")
    printf '%10s %10s %10s %10s %s\n' "$n" "$bytes" "$seconds" "$((kb / 1024))" "$code$([ $code = 124 ] && echo ' (timed out)')"
    [ $code = 124 ] && break
    n=$((n * 2))
  done
done
