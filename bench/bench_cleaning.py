"""Cleaning throughput vs a bare OpenCC t2s conversion of the same text.

Usage: .venv/bin/python bench/bench_cleaning.py [--mb 4] [--runs 3]

The five seed articles (data/seeds) are repeated until the corpus reaches the
requested size; every document is cleaned with ``clean_document`` and, for the
baseline, converted with OpenCC t2s, one document at a time. The best of
``--runs`` runs is reported, in MB/s of UTF-8 input, with the ratio
clean/OpenCC (the budget is ~5x).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from cooperation_pipeline.core.cleaning import clean_document  # noqa: E402
from cooperation_pipeline.core.decoding import decode_bytes  # noqa: E402


def best_time(fn, docs: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement, best kept (default 3)")
    args = parser.parse_args()

    seeds = [decode_bytes(p.read_bytes()).text for p in sorted((ROOT / "data" / "seeds").glob("*.txt"))]
    seed_bytes = sum(len(s.encode("utf-8")) for s in seeds)
    copies = max(1, int(args.mb * 1e6 / seed_bytes))
    docs = seeds * copies
    size_mb = seed_bytes * copies / 1e6

    t2s = opencc.OpenCC("t2s")
    for doc in seeds:  # warm up regex caches and OpenCC
        clean_document(doc)
        t2s.convert(doc)

    t_opencc = best_time(t2s.convert, docs, args.runs)
    t_clean = best_time(clean_document, docs, args.runs)
    print(f"corpus: {len(docs)} documents, {size_mb:.2f} MB (5 seeds x {copies})")
    print(f"opencc t2s     : {size_mb / t_opencc:8.1f} MB/s  ({t_opencc / len(docs) * 1e6:7.1f} us/doc)")
    print(f"clean_document : {size_mb / t_clean:8.1f} MB/s  ({t_clean / len(docs) * 1e6:7.1f} us/doc)")
    print(f"ratio clean/opencc: {t_clean / t_opencc:.2f}x")

    print("per seed (us/doc: opencc, clean, ratio):")
    for path, doc in zip(sorted((ROOT / "data" / "seeds").glob("*.txt")), seeds):
        one = [doc] * 200
        a, b = best_time(t2s.convert, one, args.runs), best_time(clean_document, one, args.runs)
        print(f"  {path.name}  {a / 200 * 1e6:7.1f}  {b / 200 * 1e6:7.1f}  {b / a:5.2f}x")


if __name__ == "__main__":
    main()
