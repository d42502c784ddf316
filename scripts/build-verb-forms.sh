#!/bin/bash
# Builds assets/lexicon/verb-forms.txt: irregular past forms of English verbs
# ("struck", "shook", "began") that are no noun, from WordNet
# 3.0's verb exception list as Debian's `wordnet-base` ships it (WordNet
# license: assets/semantic/LICENSE-wordnet.txt). The figure reader ends a
# counted noun phrase at a verb ("the 6.1-magnitude quake struck Qeshm");
# regular "-ed" forms are told by their ending, these by this list.
#
# usage: scripts/build-verb-forms.sh   (from the repository root)
set -euo pipefail
wordnet=/usr/share/wordnet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -f "$wordnet/verb.exc" ]; then
  (cd "$work" && apt-get download wordnet-base >/dev/null && dpkg-deb -x wordnet-base_*.deb root)
  wordnet="$work/root/usr/share/wordnet"
fi
python3 - "$wordnet" > assets/lexicon/verb-forms.txt <<'PY'
import sys
wordnet = sys.argv[1]
def lemmas(pos):
    out = set()
    for line in open(f'{wordnet}/index.{pos}', encoding='latin-1'):
        if not line.startswith('  '):
            out.add(line.split()[0])
    return out
others = lemmas('noun')
forms = set()
for line in open(f'{wordnet}/verb.exc', encoding='latin-1'):
    form, base = line.split()[:2]
    if form != base and form.isalpha() and not form.endswith(('ing', 'ed')) and form not in others:
        forms.add(form)
print('# Irregular past forms of English verbs that are no noun or adjective,')
print('# from WordNet 3.0 (verb.exc); built by scripts/build-verb-forms.sh.')
for form in sorted(forms):
    print(form)
PY
