"""End to end on the five seed articles: decode -> clean -> extract -> score against the gold.

The seeds are a development set: the thresholds below are the acceptance bar, not a target
to overfit (the package code holds no seed-specific strings).
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from pathlib import Path

import pytest

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.evaluation import score
from cooperation_pipeline.core.extraction import EventMention, Extraction, OfficialMention, extract
from cooperation_pipeline_tests.annotated import load_gold, predict, summary

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold("seeds.json")


@pytest.fixture(scope="module")
def predictions(gold) -> dict:
    return predict(SEEDS, gold)


def test_seed_scores(gold, predictions):
    r = score(gold, predictions)
    print("\n" + summary("seeds", r))
    assert r["f1"] >= 0.95
    assert r["date_accuracy"] >= 0.9
    assert r["date_matched"] >= 11  # most gold events are found with the right type and parties
    assert r["official_recall"] >= 0.9
    assert r["reporters_as_officials"] == 0


def test_output_types(predictions):
    ex = extract("8月26日,北京市西城区与秦皇岛市签署战略合作协议。", publish_date=dt.date(2017, 8, 28))
    assert isinstance(ex, Extraction)
    ev = ex.events[0]
    assert isinstance(ev, EventMention)
    assert ev.parties == sorted(ev.parties)
    assert ev.event_date == dt.date(2017, 8, 26) and ev.date == "2017-08-26"
    assert all(isinstance(o, OfficialMention) for o in ex.officials)
    for doc in predictions.values():
        for e in doc["events"]:
            assert e["event_type"] in ("agreement_signing", "friendship_established", "joint_meeting",
                                       "delegation_visit")
            assert e["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}", e["date"])
            assert e["event_date"] is None or e["date"] == e["event_date"].isoformat()
            assert "《" not in "".join(e["agreements"])


def test_empty_and_irrelevant_text():
    assert extract("") == Extraction(events=[], officials=[])
    ex = extract("今天天气晴朗,市民纷纷走出家门。", title="天气", publish_date=dt.date(2024, 1, 1))
    assert ex.events == []


def test_speed_on_a_10kb_article():
    text = "\n".join(clean_document(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt")))
    text = (text * 3)[:10_000]
    extract(text)  # warm-up: gazetteer and regexes
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        extract(text)
        runs.append(time.perf_counter() - t0)
    median_ms = statistics.median(runs) * 1000
    print(f"\nextract on a 10 KB article: {median_ms:.1f} ms (median of 5)")
    assert median_ms < 50
