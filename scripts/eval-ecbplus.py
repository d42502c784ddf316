#!/usr/bin/env python3
"""Scores parallax against the real gold in ECB+ (../shared/corpus/ecbplus).

ECB+ clusters carry cross-document coreference chains. Their annotations
list (a) name spelling pairs of one entity across documents (Heidar
Alishvandi / Heydar Alishbandi) and (b) numeric chains: mentions of one
quantity, most of them one value written differently ("eight-year" /
"8-year" / "eight years"), some with really different values ("$180
million" / "$184 million"). This script runs parallax on every ECB+ cluster
and reports:

  * name-variant recall: spelling pairs reported inside one name
    discrepancy, over all pairs and over the pairs that are spelling
    variants proper (same words, spelled differently; the annotation's
    derived list also pairs forms that add or drop words, such as
    "Mark Heller" / "Mark Jay Heller", which are not spelling variants);
  * number false alarms: number discrepancies raised on chains whose forms
    are all one value;
  * number discrepancies found on chains whose values really differ.

Usage: scripts/eval-ecbplus.py [CORPUS_DIR] [PARALLAX_BINARY]
Exits 0 after printing the table; skips (exit 0) when the corpus is absent.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "ecbplus")
BINARY = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "release", "parallax")

WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9}


def values(form):
    """The numbers a surface form states (digits and English number words)."""
    text = form.lower().replace(",", "")
    found = []
    for match in re.finditer(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|m\b|bn\b)?", text):
        value = float(match.group(1)) * SCALES.get(match.group(2) or "", 1)
        found.append(value)
    if not found:
        total, current, seen = 0, 0, False
        for word in re.findall(r"[a-z]+", text):
            if word in WORDS:
                current += WORDS[word]; seen = True
            elif word in TENS:
                current += TENS[word]; seen = True
            elif word in SCALES and seen:
                current = max(current, 1) * SCALES[word]
                if SCALES[word] >= 1000:
                    total += current; current = 0
        if seen:
            found.append(total + current)
    return found


def norm(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def same_form(mention, form):
    """A reported mention stands for an annotated form: equal, one is the
    other's last words (a surname), or one is the other with words added
    after it ("Central Election Commission of Turkmenistan")."""
    m, f = norm(mention), norm(form)
    if not m or not f:
        return False
    return m == f or f.endswith(" " + m) or m.endswith(" " + f) or m.startswith(f + " ") or f.startswith(m + " ")


def is_spelling_pair(a, b):
    ta, tb = norm(a).split(), norm(b).split()
    if len(ta) != len(tb) or ta == tb:
        return False
    return all(x == y or difflib.SequenceMatcher(None, x, y).ratio() >= 0.75 for x, y in zip(ta, tb))


def char_to_byte(text):
    """Map from character offset to byte offset for one text."""
    offsets, position = [], 0
    for ch in text:
        offsets.append(position)
        position += len(ch.encode("utf-8"))
    offsets.append(position)
    return offsets


def main():
    if not os.path.isdir(CORPUS):
        print(f"skipped: no ECB+ corpus at {CORPUS}")
        return
    if not os.path.exists(BINARY):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    pairs_total = pairs_found = spelling_total = spelling_found = 0
    same_chains = same_alarms = diff_chains = diff_found = 0
    misses, alarms, found_or_missed = [], [], []
    for cluster in sorted(os.listdir(CORPUS)):
        folder = os.path.join(CORPUS, cluster)
        annotations_path = os.path.join(folder, "annotations.json")
        if not os.path.isfile(annotations_path):
            continue
        annotations = json.load(open(annotations_path, encoding="utf-8"))
        run = subprocess.run([BINARY, "--export", "-", "--format", "json", "--quiet", folder],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{cluster}: parallax failed: {run.stderr.strip()}")
            continue
        report = json.loads(run.stdout)
        doc_of = [os.path.splitext(os.path.basename(a["source"]))[0] for a in report["articles"]]
        names = [[m["text"] for m in d["mentions"]] for d in report["discrepancies"] if d["kind"] == "name"]
        numbers = [d for d in report["discrepancies"] if d["kind"] == "number"]

        for chain in annotations.get("name_variant_chains", []):
            for pair in chain["similar_spelling_pairs"]:
                if not pair.get("cross_document"):
                    continue
                a, b = pair["a"], pair["b"]
                found = any(
                    any(same_form(x, a) for x in texts) and any(same_form(y, b) for y in texts)
                    and {norm(x) for x in texts if same_form(x, a)} != {norm(y) for y in texts if same_form(y, b)}
                    for texts in names)
                pairs_total += 1
                pairs_found += found
                if is_spelling_pair(a, b):
                    spelling_total += 1
                    spelling_found += found
                    if not found:
                        misses.append(f"{cluster}: {a} / {b}")

        chains = {c["instance_id"]: c for c in annotations.get("cross_doc_chains", [])}
        texts = {doc_of[i]: report["articles"][i]["text"] for i in range(len(doc_of))}
        for numeric in annotations.get("numeric_chains", []):
            # Times and dates are compared by the date finder, not as figures.
            if numeric["distinct_numeric_forms"] < 2 or numeric.get("tag", "").startswith("TIME"):
                continue
            parsed = [values(f) for f in numeric["numeric_forms"]]
            if any(not p for p in parsed):
                continue
            firsts = {p[0] for p in parsed}
            same_value = len(firsts) == 1
            chain = chains.get(numeric["instance_id"])
            if not chain:
                continue
            spans = []
            for mention in chain["mentions"]:
                text = texts.get(mention["doc"])
                if text is None:
                    continue
                to_byte = char_to_byte(text)
                start = min(mention["start"], len(text))
                spans.append((mention["doc"], to_byte[start], mention["text"]))

            def hits(discrepancy):
                count = 0
                for m in discrepancy["mentions"]:
                    doc = doc_of[m["article"]]
                    if any(doc == d and abs(m["start"] - s) < 250 and (m["text"].lower() in t.lower() or t.lower() in m["text"].lower())
                           for d, s, t in spans):
                        count += 1
                return count

            raised = [d for d in numbers if hits(d) >= 2]
            if same_value:
                same_chains += 1
                if raised:
                    same_alarms += 1
                    alarms.append(f"{cluster}: {numeric['numeric_forms']} -> {raised[0]['summary']}")
            else:
                diff_chains += 1
                diff_found += bool(raised)
                found_or_missed.append(f"{'found ' if raised else 'missed'} {cluster}: {numeric['numeric_forms']}")

    def ratio(a, b):
        return f"{a}/{b} = {a / b:.2f}" if b else "0/0"

    print("ECB+ evaluation of parallax")
    print(f"  name pairs (cross-document, all derived pairs) recalled: {ratio(pairs_found, pairs_total)}")
    print(f"  name pairs that are spelling variants proper recalled:    {ratio(spelling_found, spelling_total)}")
    print(f"  same-value numeric chains with a false alarm:             {ratio(same_alarms, same_chains)}")
    print(f"  differing-value numeric chains with a discrepancy found:  {ratio(diff_found, diff_chains)}")
    if misses:
        print("  missed spelling pairs:")
        for miss in misses:
            print("    " + miss)
    if found_or_missed:
        print("  chains whose values differ:")
        for line in found_or_missed:
            print("    " + line)
    if alarms:
        print("  false alarms:")
        for alarm in alarms:
            print("    " + alarm)


if __name__ == "__main__":
    main()
