"""Scoring against gold documents (pure functions over plain dicts)."""
from __future__ import annotations

import pytest

from cooperation_pipeline.core.evaluation import score, signing_pairs


def test_signing_pairs_from_signing_and_friendship_events_only():
    events = [
        {"type": "agreement_signing", "parties": ["A", "B", "C"]},
        {"event_type": "friendship_established", "parties": ["A", "D"]},
        {"event_type": "joint_meeting", "parties": ["E", "F"]},
        {"event_type": "delegation_visit", "parties": ["E", "G"]},
        {"event_type": "agreement_signing", "parties": ["A"]},
    ]
    assert signing_pairs(events) == {frozenset(p) for p in [("A", "B"), ("A", "C"), ("B", "C"), ("A", "D")]}


GOLD = {"documents": [
    {"file": "x.txt",
     "events": [
         {"type": "agreement_signing", "parties": ["A", "B"], "date": "2020-01-02"},
         {"type": "delegation_visit", "parties": ["A", "B"], "date": "--01-01"},
         {"type": "friendship_established", "parties": ["A", "C"], "date": None, "background": True},
     ],
     "officials": [
         {"name": "甲", "region": "A", "role": "lead"},
         {"name": "乙", "region": "B", "role": "sign"},
         {"name": "丙", "region": "B", "role": "attend"},
     ],
     "not_officials": ["丁"]},
    {"file": "y.txt", "events": [], "officials": [], "not_officials": []},
]}


def test_score_micro_pairs_dates_officials_reporters():
    pred = {
        "x.txt": {
            "events": [
                {"event_type": "agreement_signing", "parties": ["B", "A"], "date": "2020-01-02"},
                {"event_type": "delegation_visit", "parties": ["A", "B"], "date": "--01-02"},
            ],
            "officials": [{"name": "甲", "region": "A"}, {"name": "乙", "region": "X"},
                          {"name": "丁", "region": "A"}],
        },
        "y.txt": {"events": [{"event_type": "agreement_signing", "parties": ["E", "F"]}], "officials": []},
    }
    r = score(GOLD, pred)
    assert (r["pairs_tp"], r["pairs_fp"], r["pairs_fn"]) == (1, 1, 1)
    assert r["precision"] == pytest.approx(0.5) and r["recall"] == pytest.approx(0.5)
    assert r["f1"] == pytest.approx(0.5)
    assert (r["date_matched"], r["date_correct"]) == (2, 1)
    assert r["date_accuracy"] == pytest.approx(0.5)
    assert (r["official_gold"], r["official_found"]) == (2, 1)
    assert r["reporters_as_officials"] == 1
    doc = r["documents"][0]
    assert doc["missed_pairs"] == [["A", "C"]] and doc["reporters_as_officials"] == ["丁"]


def test_perfect_and_empty_predictions():
    perfect = {"x.txt": {
        "events": [{"event_type": e["type"], "parties": e["parties"], "date": e["date"]} for e in GOLD["documents"][0]["events"]],
        "officials": [{"name": o["name"], "region": o["region"]} for o in GOLD["documents"][0]["officials"]],
    }}
    r = score(GOLD, perfect)
    assert r["f1"] == 1.0 and r["date_accuracy"] == 1.0 and r["official_recall"] == 1.0
    assert r["reporters_as_officials"] == 0
    empty = score(GOLD, {})
    assert empty["recall"] == 0.0 and empty["official_recall"] == 0.0
