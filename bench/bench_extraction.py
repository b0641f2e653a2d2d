"""Extraction speed: prints milliseconds per article for `extract` on cleaned text, in one process.

Two inputs, each measured as the median of several runs after a warm-up (gazetteer, regexes, jieba):
  1. a 10 KB article made of the seeds' cleaned bodies (long documents are where per-sentence work
     that scans the whole document shows up);
  2. each of the 110 annotated development pages, as ms per page and ms per 1,000 characters.

Usage: .venv/bin/python bench/bench_extraction.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.extraction import extract

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    seeds = [clean_document(decode_bytes(p.read_bytes()).text) for p in sorted((ROOT / "data" / "seeds").glob("*.txt"))]
    long_text = ("\n".join(d.text for d in seeds) * 3)[:10_000]
    extract(long_text)  # warm-up
    print(f"10 KB article (seeds):      {median_ms(lambda: extract(long_text), args.runs):7.1f} ms  "
          f"(median of {args.runs})")

    pages = [clean_document(decode_bytes(p.read_bytes()).text)
             for p in sorted((ROOT / "cooperation_pipeline_tests" / "articles").glob("*.txt"))]
    chars = sum(len(d.text) for d in pages)

    def all_pages() -> None:
        for d in pages:
            extract(d.text, title=d.title, publish_date=d.publish_date, source_name=d.source_name)

    total = median_ms(all_pages, args.runs)
    print(f"{len(pages)} development pages:     {total / len(pages):7.1f} ms per page, "
          f"{total / chars * 1000:5.1f} ms per 1,000 characters (median of {args.runs} passes)")


if __name__ == "__main__":
    main()
