"""Measures clean_document throughput against a bare OpenCC t2s conversion of the same documents (single process, MB/s of UTF-8 input, ratio clean/OpenCC; budget 5x, target <= 3x).

Usage: .venv/bin/python bench/bench_cleaning.py [--mb 3] [--runs 5] [--per-file]

Corpora: the five seed articles (data/seeds), the 30 real pages of the
generalisation set (cooperation_pipeline_tests/articles), and both together;
each is repeated until it reaches ``--mb`` MB. Every document is decoded once
up front; then, one document at a time, it is converted with OpenCC t2s (the
baseline) and cleaned with ``clean_document``. The best of ``--runs`` runs is
kept for each. One run prints every corpus's throughputs and ratio; with
``--per-file`` it also prints each file's ratio.
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

CORPORA = {
    "seeds": ROOT / "data" / "seeds",
    "articles": ROOT / "cooperation_pipeline_tests" / "articles",
}


def best_time(fn, docs: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        best = min(best, time.perf_counter() - start)
    return best


def load(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, decode_bytes(p.read_bytes()).text) for p in sorted(folder.glob("*.txt"))]


def measure(name: str, files: list[tuple[str, str]], mb: float, runs: int, t2s: opencc.OpenCC) -> float:
    texts = [text for _, text in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    copies = max(1, round(mb * 1e6 / size))
    docs = texts * copies
    size_mb = size * copies / 1e6
    t_opencc = best_time(t2s.convert, docs, runs)
    t_clean = best_time(clean_document, docs, runs)
    ratio = t_clean / t_opencc
    print(
        f"{name:<9} {len(texts):>2} files x {copies:<5} {size_mb:5.2f} MB | "
        f"opencc t2s {size_mb / t_opencc:7.1f} MB/s {t_opencc / len(docs) * 1e6:7.1f} us/doc | "
        f"clean_document {size_mb / t_clean:6.1f} MB/s {t_clean / len(docs) * 1e6:7.1f} us/doc | "
        f"ratio {ratio:4.2f}x"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of each corpus in MB (default 3)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement, best kept (default 5)")
    parser.add_argument("--per-file", action="store_true", help="also print the ratio of every file")
    args = parser.parse_args()

    corpora = {name: load(folder) for name, folder in CORPORA.items()}
    corpora["combined"] = corpora["seeds"] + corpora["articles"]

    t2s = opencc.OpenCC("t2s")
    for _, text in corpora["combined"]:  # warm up regex caches and OpenCC
        clean_document(text)
        t2s.convert(text)

    ratios = {name: measure(name, files, args.mb, args.runs, t2s) for name, files in corpora.items()}
    print("ratio clean/opencc: " + ", ".join(f"{name} {r:.2f}x" for name, r in ratios.items()) + " (budget 5x)")

    if args.per_file:
        print("per file (us/doc: opencc, clean, ratio):")
        for name, text in corpora["combined"]:
            one = [text] * 200
            a, b = best_time(t2s.convert, one, args.runs), best_time(clean_document, one, args.runs)
            print(f"  {name[:44]:<44} {a / 200 * 1e6:7.1f} {b / 200 * 1e6:7.1f}  {b / a:5.2f}x")


if __name__ == "__main__":
    main()
