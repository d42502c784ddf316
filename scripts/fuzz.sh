#!/usr/bin/env bash
# Runs every fuzz target with cargo-fuzz on the stable toolchain
# (`--sanitizer none`: libFuzzer's coverage guidance without the
# nightly-only sanitizers; Rust's own checks catch panics and overflows).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 300 s, all targets)
# Crashes land in fuzz/artifacts/<target>/; copy each into
# tests/fuzz-regressions/<target>/ so tests/fuzz_regressions.rs replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-300}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(segment numbers html pipeline)
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  # Seed the corpus with the samples and fixtures the first time.
  if [ -z "$(ls -A "fuzz/corpus/$target")" ]; then
    cp assets/samples/*/*.txt assets/samples/*/*.md "fuzz/corpus/$target/" 2>/dev/null || true
    find tests/fixtures -name '*.html' -exec cp {} "fuzz/corpus/$target/" \; 2>/dev/null || true
  fi
  echo "== fuzzing $target for ${SECONDS_PER_TARGET}s"
  if ! cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1; then
    echo "!! $target found a crash: see fuzz/artifacts/$target/"
    status=1
  fi
done
exit $status
