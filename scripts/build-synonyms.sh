#!/bin/bash
# Builds assets/semantic/synonyms-en.tsv, the synonym table the matcher uses
# for paraphrase ("temblor" ~ "quake", "wounded" ~ "hurt"), from WordNet 3.0
# as Debian's `wordnet-base` package ships it (WordNet license, see
# assets/semantic/LICENSE-wordnet.txt).
#
# Two words are synonyms when they share a synset that is among the first
# two senses of each (a word's rare senses do not make synonyms). Words are
# folded into the matcher's own stems (`cargo run --example synonym_table`),
# keeping stems the frequency table knows, so the table is keyed by terms.
#
# usage: scripts/build-synonyms.sh   (from the repository root; needs
# assets/semantic/frequency-en.tsv, see scripts/build-frequency.sh)
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wordnet-base >/dev/null && dpkg-deb -x wordnet-base_*.deb root)
wordnet="$work/root/usr/share/wordnet"
python3 - "$wordnet" > "$work/pairs.tsv" <<'PY'
import collections, sys
wordnet, senses_kept = sys.argv[1], 2
by_synset = collections.defaultdict(set)
for pos in ('noun', 'verb', 'adj', 'adv'):
    for line in open(f'{wordnet}/index.{pos}', encoding='latin-1'):
        if line.startswith('  '):
            continue  # the license header
        parts = line.split()
        lemma, synsets, pointers = parts[0], int(parts[2]), int(parts[3])
        if not lemma.isalpha():
            continue  # collocations ("give_way") and odd forms
        offsets = parts[4 + pointers + 2:][:synsets]
        for offset in offsets[:senses_kept]:
            by_synset[(pos, offset)].add(lemma)
for lemmas in by_synset.values():
    for a in lemmas:
        for b in lemmas:
            if a != b:
                print(f'{a}\t{b}')
PY
cargo run --quiet --release --example synonym_table < "$work/pairs.tsv" > assets/semantic/synonyms-en.tsv
wc -l assets/semantic/synonyms-en.tsv
