"""End to end on the 30 annotated articles (decode -> clean -> extract -> score).

These pages were annotated blind, but the extraction rules were then developed against them:
they are a development set now, like the seeds, and their figures flatter the product. The
measure on unseen articles is test_holdout.py. The floors are the figures reached, rounded down
to 0.05, so that a regression fails; the five negatives must yield no event.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cooperation_pipeline.core.evaluation import score
from cooperation_pipeline_tests.annotated import load_gold, predict, summary

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "cooperation_pipeline_tests" / "articles"


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold("articles.json")


@pytest.fixture(scope="module")
def predictions(gold) -> dict:
    return predict(ARTICLES, gold)


def test_article_scores(gold, predictions):
    r = score(gold, predictions)
    print("\n" + summary("articles", r))
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
