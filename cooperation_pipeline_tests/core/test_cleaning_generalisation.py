"""How well the cleaning rules generalise to real pages they were not written for.

gold/articles.json annotates each page's publish date and its quality notes (150 pages: 30 first,
20 from the first held-out set, 20 added later, 20 from the second held-out set, 20 for dates,
40 ordinary reports); fixtures/article_note_checks.json covers the
first 30 and turns every note that cleaning can act on
into a check (flag set, text removed, ...), and marks the others (extraction
or content notes) null. The figures are printed (``pytest -s``) and the floors
reached are asserted, so a rule change that loses ground fails here.

No rule may special-case one of these files or its strings: the floors are
meant to hold by general rules (a held-out set checks that).
"""

from __future__ import annotations

import datetime
import json
from functools import lru_cache
from pathlib import Path

import pytest

from cooperation_pipeline.core.cleaning import CleanedDocument, clean_document
from cooperation_pipeline.core.decoding import decode_bytes

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "cooperation_pipeline_tests" / "articles"
GOLD = json.loads((ROOT / "cooperation_pipeline_tests" / "gold" / "articles.json").read_text("utf-8"))["documents"]
CHECKS = json.loads((Path(__file__).parent / "fixtures" / "article_note_checks.json").read_text("utf-8"))["notes"]

# reached: 848 of 950, none wrong (376 of the first 410; 261 of the 300 pages 1080-1259 and 1320-1439
# added in session 5; 49 of the 60 pages 1440-1499 of session 6, scored as they came, and 1499 since;
# 52 of the 60 pages 1500-1559 of session 7, with a forum reply's stamp below the post no longer read
# as the post's; 52 of the 60 pages 1620-1679 of session 8, as they came; 57 of the 60 pages 1680-1739
# of session 9, as they came, two of their gold dates corrected to the page stamp on merge, as 963 and
# 1041 take it); of the 102 misses most give
# no full date (yearless datelines such as 人民网首尔6月15日电, whose gold is --06-15, and two ambiguous
# 02.03.2016 bylines)
DATE_ACCURACY_FLOOR = 848 / 950
NOTE_COVERAGE_FLOOR = 67 / 73  # reached: 67 of the 73 actionable notes


@lru_cache(maxsize=None)
def cleaned(name: str) -> CleanedDocument:
    return clean_document(decode_bytes((ARTICLES / name).read_bytes()).text)


def check_holds(doc: CleanedDocument, check: dict) -> bool:
    if any(flag not in doc.quality_flags for flag in check.get("flags", [])):
        return False
    if any(s in doc.text for s in check.get("absent", [])):
        return False
    if any(s not in doc.text for s in check.get("present", [])):
        return False
    if check.get("title_none") and doc.title is not None:
        return False
    if "title_not" in check and doc.title is not None and doc.title.startswith(check["title_not"]):
        return False
    if check.get("no_indent") and any(not line or line[0] == " " for line in doc.text.split("\n")):
        return False
    if check.get("no_question_marks") and ("?" in doc.text or "?" in doc.text):
        return False
    return True


def date_results() -> list[tuple[str, str | None, str | None]]:
    out = []
    for gold in GOLD:
        got = cleaned(gold["file"]).publish_date
        out.append((gold["file"], got.isoformat() if got else None, gold["publish_date"]))
    return out


def note_results() -> list[tuple[str, int, str, bool]]:
    out = []
    for gold in (g for g in GOLD if g["file"] in CHECKS):
        doc = cleaned(gold["file"])
        for i, (note, check) in enumerate(zip(gold["quality_notes"], CHECKS[gold["file"]])):
            if check is not None:
                out.append((gold["file"], i, note, check_holds(doc, check)))
    return out


def test_every_note_has_an_entry() -> None:
    assert len(CHECKS) == 30 and set(CHECKS) <= {g["file"] for g in GOLD}
    for gold in (g for g in GOLD if g["file"] in CHECKS):
        assert len(CHECKS[gold["file"]]) == len(gold["quality_notes"]), gold["file"]


def test_no_publish_date_is_wrong() -> None:
    """A wrong date is worse than none: every date given must be the gold date."""
    wrong = [(f, got, want) for f, got, want in date_results() if got is not None and got != want]
    assert wrong == []


def test_publish_date_accuracy() -> None:
    results = date_results()
    right = sum(got == want for _, got, want in results)
    print(f"\npublish_date accuracy on articles: {right}/{len(results)} = {right / len(results):.1%}")
    for f, got, want in results:
        if got != want:
            print(f"  miss {f}: got {got}, gold {want}")
    assert right / len(results) >= DATE_ACCURACY_FLOOR


def test_quality_note_coverage() -> None:
    results = note_results()
    ok = sum(r[3] for r in results)
    total_notes = sum(len(g["quality_notes"]) for g in GOLD if g["file"] in CHECKS)
    print(f"\nquality notes reflected: {ok}/{len(results)} actionable = {ok / len(results):.1%} ({total_notes} notes in all)")
    for f, i, note, good in results:
        if not good:
            print(f"  missed {f} #{i}: {note[:80]}")
    assert ok / len(results) >= NOTE_COVERAGE_FLOOR


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_flags_are_consistent(gold: dict) -> None:
    doc = cleaned(gold["file"])
    assert ("no_date" in doc.quality_flags) == (doc.publish_date is None)
    assert doc.original_script == gold["script"]
    if doc.publish_date is not None:
        assert isinstance(doc.publish_date, datetime.date)
