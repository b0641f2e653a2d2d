"""End to end on the 30 held-apart articles (decode -> clean -> extract -> score).

Nobody tuned on these pages one by one: the rules they exercise are general (pair lists,
multi-party signings, foreign place paths, date spans).  The floors are the figures reached,
rounded down to 0.05, so that a regression fails; the five negatives must yield no event.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.evaluation import score
from cooperation_pipeline.core.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "cooperation_pipeline_tests" / "articles"
GOLD = ROOT / "cooperation_pipeline_tests" / "gold" / "articles.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text("utf-8"))


@pytest.fixture(scope="module")
def predictions(gold) -> dict:
    out = {}
    for doc in gold["documents"]:
        raw = decode_bytes((ARTICLES / doc["file"]).read_bytes()).text
        cleaned = clean_document(raw)
        ex = extract(cleaned.text, title=cleaned.title, publish_date=cleaned.publish_date,
                     source_name=cleaned.source_name)
        out[doc["file"]] = {
            "events": [dataclasses.asdict(e) for e in ex.events],
            "officials": [dataclasses.asdict(o) for o in ex.officials],
        }
    return out


def test_article_scores(gold, predictions):
    r = score(gold, predictions)
    print(
        f"\narticles: signing pairs P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
        f"(tp={r['pairs_tp']} fp={r['pairs_fp']} fn={r['pairs_fn']}); "
        f"date accuracy={r['date_accuracy']:.3f} ({r['date_correct']}/{r['date_matched']}); "
        f"lead/sign official recall={r['official_recall']:.3f} ({r['official_found']}/{r['official_gold']}); "
        f"reporters as officials={r['reporters_as_officials']}"
    )
    for d in r["documents"]:
        if d["false_pairs"] or d["missed_pairs"] or d["wrong_dates"] or d["missed_officials"]:
            print("  ", d["file"], {k: v for k, v in d.items() if v and k not in ("file", "tp")})
    assert r["f1"] >= 0.95
    assert r["precision"] >= 1.0
    assert r["recall"] >= 0.95
    assert r["date_accuracy"] >= 0.95
    assert r["official_recall"] >= 0.90
    assert r["reporters_as_officials"] == 0


def test_negatives_yield_no_event(gold, predictions):
    for doc in gold["documents"]:
        if doc.get("kind") == "negative":
            assert predictions[doc["file"]]["events"] == [], doc["file"]
