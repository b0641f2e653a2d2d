"""End to end on the five seed articles: decode -> clean -> extract -> score against the gold.

The seeds are a development set: the thresholds below are the acceptance bar, not a target
to overfit (the package code holds no seed-specific strings).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

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
