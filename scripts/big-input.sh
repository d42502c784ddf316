#!/usr/bin/env bash
# A very large input, outside `cargo test` (it takes minutes and gigabytes):
#
#   scripts/big-input.sh [MEGABYTES]        # default 200
#
# 1. Above the default --max-input-size (64 MiB) the file is refused before
#    it is read: exit 3, one line naming the file and the flag to raise.
# 2. With the limit raised the comparison runs to the end; the script prints
#    the wall time and the peak memory (RSS, from /usr/bin/time -v) and fails
#    if the peak exceeds MAX_RSS_PER_INPUT_BYTE (default 60) times the input.
#
# The file is plain text made of the samples' paragraphs with varied
# figures, in paragraphs as a real article has them.
set -euo pipefail

megabytes="${1:-200}"
ratio="${MAX_RSS_PER_INPUT_BYTE:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin parallax
parallax="$root/target/release/parallax"
big="$work/big.txt"
other="$root/assets/samples/dravik-dam/01-cpa-wire.txt"

python3 - "$big" "$megabytes" "$root/assets/samples/dravik-dam/04-sunday-ledger-feature.txt" <<'EOF'
import random, sys
path, megabytes, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(7)
paragraphs = open(sample, encoding="utf-8").read().split("\n\n")
size = megabytes * 1_000_000
with open(path, "w", encoding="utf-8") as out:
    written = 0
    while written < size:
        text = random.choice(paragraphs).replace("4,500", f"{random.randint(100, 9999):,}") + "\n\n"
        out.write(text)
        written += len(text.encode("utf-8"))
EOF
bytes=$(stat -c %s "$big")
echo "input: $bytes bytes"

set +e
message=$("$parallax" --no-config --export - "$big" "$other" 2>&1 >/dev/null)
code=$?
set -e
echo "default limit: exit $code: $message"
[[ $code -eq 3 ]] || { echo "FAIL: expected exit 3 above the default limit"; exit 1; }
grep -q -- "--max-input-size" <<<"$message" || { echo "FAIL: the message does not name --max-input-size"; exit 1; }
grep -q "big.txt" <<<"$message" || { echo "FAIL: the message does not name the file"; exit 1; }

if [[ ! -x /usr/bin/time ]]; then
    echo "skipped the memory measurement: /usr/bin/time is not installed"
    exit 0
fi
/usr/bin/time -v "$parallax" --no-config --max-input-size $((bytes + 1)) --export - --format json "$big" "$other" \
    >"$work/report.json" 2>"$work/time.txt" || { cat "$work/time.txt"; echo "FAIL: the run failed"; exit 1; }
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
echo "raised limit: wall $wall, peak RSS $((peak_kb / 1024)) MiB ($((peak_kb * 1024 / bytes)) x the input)"
if (( peak_kb * 1024 > bytes * ratio )); then
    echo "FAIL: peak memory over $ratio x the input"
    exit 1
fi
echo "ok"
