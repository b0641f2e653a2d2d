"""The held-out sets: real articles annotated blind to the extraction code (gold/holdout*.json).

Measure only: do not tune rules on these files or read their failures while writing rules, or
the figures stop meaning "articles nobody has seen". Collect a new held-out set instead when one
has been looked at. The floors guard against regressions; the figures are printed.

- holdout.json, the fourth held-out set (files 900-919, collected blind 2026-11-22, session 4). The
  first (200-219, F1 0.46), the second (300-319, F1 0.57) and the third (500-519, F1 0.37, measured
  five times) each joined the development set once they had been looked at.
- holdout5.json, the fifth (files 1260-1319, 60 pages collected blind in session 5 by three helpers
  with the instructions of the development batches, set aside before any per-document look).
- holdout6.json, the sixth (files 1560-1619, 60 pages collected the same way in session 8, after the
  earlier two had worn: both had been measured many times, and once their predictions were printed).
- holdout7.json, the seventh (files 1740-1799, 60 pages collected the same way in session 9, scored
  once, aggregates only, after the session's rule work).
"""

from pathlib import Path

import pytest

from cooperation_pipeline.core.evaluation import score
from cooperation_pipeline_tests.annotated import load_gold, predict, summary

HOLDOUT = Path(__file__).resolve().parent / "holdout"

# Floors below the figures measured (aggregates only):
# - holdout.json, session 4: P 0.77 R 0.63 F1 0.69, dates 11/13, officials 21/25; session 5 (seventh
#   measurement, 2dac908): P 0.72 R 0.66 F1 0.69, dates 13/15, officials 22/25.
# - holdout5.json, session 5, with the code that collected it (2dac908): P 0.90 R 0.77 F1 0.83,
#   dates 27/33, officials 40/68; with the session's last code the same pairs, dates 28/35, officials 42/68.
# - holdout6.json, session 8, scored once on arrival (64bee08): P 0.67 R 0.56 F1 0.61, dates 33/42,
#   officials 55/73.
# - holdout7.json, session 9, scored once on arrival (03f85c6): P 0.86 R 0.34 F1 0.49, dates 26/31,
#   officials 37/59; three pages of 13 or more parties hold most of the 218 gold pairs (on the other 57
#   pages: P 0.68 R 0.61 F1 0.64).
FLOORS = {
    "holdout.json": {"f1": 0.65, "date_accuracy": 0.80, "official_recall": 0.80},
    "holdout5.json": {"f1": 0.78, "date_accuracy": 0.75, "official_recall": 0.55},
    "holdout6.json": {"f1": 0.57, "date_accuracy": 0.74, "official_recall": 0.70},
    "holdout7.json": {"f1": 0.45, "date_accuracy": 0.80, "official_recall": 0.60},
}


@pytest.mark.parametrize("gold_name", sorted(FLOORS))
def test_extraction_on_the_held_out_articles(gold_name, capsys):
    gold = load_gold(gold_name)
    figures = score(gold, predict(HOLDOUT, gold))
    figures.pop("documents")  # aggregate figures only: per-document errors would invite tuning
    with capsys.disabled():
        print("\n" + summary(gold_name, figures))
    for measure, floor in FLOORS[gold_name].items():
        assert figures[measure] >= floor, (measure, figures[measure])
    assert figures["reporters_as_officials"] == 0
