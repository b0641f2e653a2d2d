"""A synthetic corpus for benchmarks: articles mixed from the sentences of the real ones.

Reproducible by seed: the same seed and count give byte-identical files. Each article takes a
real article's opening (headline, byline) and body sentences drawn from all real articles, so
the text has the real mess (chrome, credits, traditional script, pinyin debris) in realistic
proportions, and every file has its own bytes.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "data" / "seeds", REPO / "cooperation_pipeline_tests" / "articles"]
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def load_sources() -> tuple[list[list[str]], list[str]]:
    """(each real article as lines, every body sentence of every article)."""
    articles, sentences = [], []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").splitlines()
            articles.append(lines)
            for line in lines:
                if len(line) > 40:
                    sentences.extend(s for s in _SENTENCE_END.split(line) if len(s) > 10)
    return articles, sentences


def make_article(rng: random.Random, number: int, articles: list[list[str]], sentences: list[str]) -> str:
    template = rng.choice(articles)
    head = template[: rng.randint(1, 4)]
    body_lines = []
    for _ in range(rng.randint(4, 12)):
        body_lines.append("".join(rng.choice(sentences) for _ in range(rng.randint(2, 6))))
    tail = template[-rng.randint(0, 3):] if rng.random() < 0.7 else []
    return "\n".join(head + body_lines + tail + [f"（稿件编号 {number}）"]) + "\n"


def write_corpus(target: Path, count: int, seed: int = 42, start: int = 0) -> list[Path]:
    articles, sentences = load_sources()
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        folder = target / f"{number // 1000:03d}"  # subfolders, as real inboxes grow
        folder.mkdir(exist_ok=True)
        path = folder / f"article_{number:06d}.txt"
        path.write_text(make_article(random.Random(rng.random() + number), number, articles, sentences),
                        encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    write_corpus(args.target, args.count, args.seed)
    print(f"wrote {args.count} articles to {args.target}")
