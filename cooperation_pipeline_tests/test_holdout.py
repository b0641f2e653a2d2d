"""The held-out set: 20 real articles annotated blind to the extraction code (gold/holdout.json).

Measure only: do not tune rules on these files or read their failures while writing rules, or
the figure stops meaning "articles nobody has seen". Collect a new held-out set instead when this
one has been looked at. The floor guards against regressions; the figure is printed.

This is the third held-out set (files 500-519, collected blind 2026-11-22, session 3). The first
(200-219, F1 0.46) and the second (300-319, F1 0.57) were each measured once and then joined the
development set.
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
    # Measured 2026-11-22 (session 3), aggregates only: P 0.55 R 0.28 F1 0.37 on signing pairs,
    # dates 15/21, officials 12/17; measured again at the end of the session, after the rules for
    # dev pages 700-739: unchanged. The code of session 2 (a29f9f2) on the same set: P 0.50 R 0.26
    # F1 0.34, dates 13/20, officials 9/17.
    assert figures["f1"] >= 0.35 and figures["date_accuracy"] >= 0.70 and figures["official_recall"] >= 0.70
    assert figures["reporters_as_officials"] == 0
