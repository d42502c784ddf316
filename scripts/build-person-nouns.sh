#!/bin/bash
# Builds assets/semantic/person-nouns-en.tsv: English nouns whose first
# WordNet sense is a kind of person (a hyponym of person.n.01: "rookie",
# "veteran", "suspect", "senator"), one per line (a table of keys alone,
# indexed by build.rs as the other semantic tables), sorted. The number
# finder reads a sentence opening with "The undrafted rookie …" as being
# about the person named before it, as it reads one opening with "He".
# From WordNet 3.0 as Debian's `wordnet-base` package ships it (WordNet
# license, see assets/semantic/LICENSE-wordnet.txt).
#
# usage: scripts/build-person-nouns.sh   (from the repository root)
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wordnet-base >/dev/null && dpkg-deb -x wordnet-base_*.deb root)
python3 - "$work/root/usr/share/wordnet" > assets/semantic/person-nouns-en.tsv <<'PY'
import sys
wordnet = sys.argv[1]
hypernyms = {}
for line in open(f'{wordnet}/data.noun', encoding='latin-1'):
    if line.startswith('  '):
        continue  # the license header
    parts = line.split(' | ')[0].split()
    offset, words = parts[0], int(parts[3], 16)
    at = 4 + 2 * words
    pointers = int(parts[at])
    at += 1
    ups = []
    for _ in range(pointers):
        if parts[at] in ('@', '@i'):  # hypernym, instance hypernym
            ups.append(parts[at + 1])
        at += 4
    hypernyms[offset] = ups
PERSON = '00007846'  # person.n.01
known = {PERSON: True}
def is_person(offset):
    stack, seen = [offset], set()
    while stack:
        o = stack.pop()
        if known.get(o):
            return True
        if o not in seen:
            seen.add(o)
            stack.extend(hypernyms.get(o, []))
    return False
nouns = []
for line in open(f'{wordnet}/index.noun', encoding='latin-1'):
    if line.startswith('  '):
        continue
    parts = line.split()
    lemma, synsets, pointers = parts[0], int(parts[2]), int(parts[3])
    if not lemma.isalpha() or not lemma.isascii():
        continue  # collocations ("police_officer") and odd forms
    first_sense = parts[4 + pointers + 2]
    if is_person(first_sense):
        nouns.append(lemma)
print('\n'.join(sorted(set(nouns))))
PY
