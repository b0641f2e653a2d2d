"""The held-out set: 20 real articles annotated blind to the extraction code (gold/holdout.json).

Measure only: do not tune rules on these files or read their failures while writing rules, or
the figure stops meaning "articles nobody has seen". Collect a new held-out set instead when this
one has been looked at. The floor guards against regressions; the figure is printed.

This is the fourth held-out set (files 900-919, collected blind 2026-11-22, session 4). The first
(200-219, F1 0.46), the second (300-319, F1 0.57) and the third (500-519, F1 0.37, measured five
times) each joined the development set once they had been looked at.
"""

from pathlib import Path

from cooperation_pipeline.core.evaluation import score
from cooperation_pipeline_tests.annotated import load_gold, predict, summary

HOLDOUT = Path(__file__).resolve().parent / "holdout"


def test_extraction_on_the_held_out_articles(capsys):
    figures = score(load_gold("holdout.json"), predict(HOLDOUT, load_gold("holdout.json")))
    figures.pop("documents")  # aggregate figures only: per-document errors would invite tuning
    with capsys.disabled():
        print("\n" + summary("held-out set", figures))
    # Measured 2026-11-22 (session 4), aggregates only: P 0.77 R 0.63 F1 0.69 on signing pairs,
    # dates 11/13, officials 21/25. The code at the start of session 4 (885b65f), before the rules
    # written for dev pages 500-519 and 800-839, gives the same figures on this set.
    assert figures["f1"] >= 0.65 and figures["date_accuracy"] >= 0.80 and figures["official_recall"] >= 0.80
    assert figures["reporters_as_officials"] == 0
