#!/bin/bash
# Builds assets/semantic/frequency-en.tsv, the background word-frequency table the
# matcher weighs terms with, from the `wordfreq` package on PyPI (code
# Apache-2.0, data CC BY-SA 4.0: see assets/semantic/LICENSE-wordfreq.txt).
#
# Steps: download the wheel with pip, read its English word list (the
# "large" list: words down to Zipf 2.0), then let parallax's own stemmer
# fold the words into stems (`cargo run --example frequency_table`), so the
# table's keys are exactly the matcher's terms.
#
# usage: scripts/build-frequency.sh   (from the repository root)
set -euo pipefail
WORDFREQ_VERSION=3.1.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "wordfreq==$WORDFREQ_VERSION"
python3 -m pip install --quiet msgpack
python3 - "$work"/wordfreq-*.whl > "$work/words.tsv" <<'PY'
import gzip, io, sys, zipfile
import msgpack
with zipfile.ZipFile(sys.argv[1]) as wheel:
    packed = gzip.decompress(wheel.read('wordfreq/data/large_en.msgpack.gz'))
header, *buckets = msgpack.unpackb(packed, raw=False)
assert header == {'format': 'cB', 'version': 1}, header
for centibels, words in enumerate(buckets):
    zipf = 9.0 - centibels / 100.0   # bucket i holds words of frequency 10^(-i/100)
    if zipf < 2.0:
        break
    for word in words:
        if word.isalpha():
            print(f"{word}\t{zipf:.2f}")
PY
cargo run --quiet --release --example frequency_table < "$work/words.tsv" > assets/semantic/frequency-en.tsv
wc -l assets/semantic/frequency-en.tsv
