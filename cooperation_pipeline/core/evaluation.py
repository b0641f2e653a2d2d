"""Scoring extraction output against hand annotations (the seeds.json document format).

Pure functions over plain mappings so that the CLI can feed warehouse rows as well as
``dataclasses.asdict`` of :class:`~cooperation_pipeline.core.extraction.Extraction` parts.
Events may carry their type as ``event_type`` (extraction output) or ``type`` (gold).

Figures, chosen for what researchers publish (networks and timelines):

* signing pairs: unordered region pairs from ``agreement_signing`` and
  ``friendship_established`` events, every 2-combination of a multi-party event, compared
  per document and summed over documents (micro precision / recall / F1);
* date accuracy: over gold events that have a predicted event of the same type and party
  set, the share whose date matches exactly (None == None counts as a match);
* official recall: gold officials with role ``lead`` or ``sign`` found among the predicted
  officials with the same name and region;
* reporters as officials: gold ``not_officials`` names that appear as predicted officials
  (must be 0).
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterable, Mapping

SIGNING_TYPES = ("agreement_signing", "friendship_established")


def _type(event: Mapping) -> str | None:
    return event.get("event_type") or event.get("type")


def signing_pairs(events: Iterable[Mapping]) -> set[frozenset[str]]:
    """Unordered party pairs of signing and friendship events."""
    pairs: set[frozenset[str]] = set()
    for ev in events:
        if _type(ev) not in SIGNING_TYPES:
            continue
        parties = sorted(set(ev.get("parties") or ()))
        for a, b in combinations(parties, 2):
            pairs.add(frozenset((a, b)))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold: Mapping, predicted: Mapping[str, Mapping]) -> dict:
    """Evaluation figures of ``predicted`` (file name -> {"events", "officials"}) against ``gold``."""
    tp = fp = fn = 0
    date_matched = date_correct = 0
    off_gold = off_found = 0
    reporters = 0
    per_doc = []
    for doc in gold.get("documents", ()):
        name = doc["file"]
        pred = predicted.get(name) or {}
        p_events = list(pred.get("events") or ())
        p_officials = list(pred.get("officials") or ())
        g_pairs = signing_pairs(doc.get("events") or ())
        p_pairs = signing_pairs(p_events)
        d_tp = len(g_pairs & p_pairs)
        d_fp = len(p_pairs - g_pairs)
        d_fn = len(g_pairs - p_pairs)
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn

        wrong_dates = []
        unmatched = []
        for g in doc.get("events") or ():
            key = (_type(g), frozenset(g.get("parties") or ()))
            same = [p for p in p_events if (_type(p), frozenset(p.get("parties") or ())) == key]
            if not same:
                unmatched.append(key[0])
                continue
            date_matched += 1
            if any(p.get("date") == g.get("date") for p in same):
                date_correct += 1
            else:
                wrong_dates.append((key[0], g.get("date"), [p.get("date") for p in same]))

        found_names = {(o.get("name"), o.get("region")) for o in p_officials}
        missed = []
        for o in doc.get("officials") or ():
            if o.get("role") not in ("lead", "sign"):
                continue
            off_gold += 1
            if (o.get("name"), o.get("region")) in found_names:
                off_found += 1
            else:
                missed.append(o.get("name"))
        predicted_names = {o.get("name") for o in p_officials}
        bad = sorted(set(doc.get("not_officials") or ()) & predicted_names)
        reporters += len(bad)
        per_doc.append({
            "file": name, "tp": d_tp, "fp": d_fp, "fn": d_fn,
            "false_pairs": sorted(sorted(p) for p in p_pairs - g_pairs),
            "missed_pairs": sorted(sorted(p) for p in g_pairs - p_pairs),
            "wrong_dates": wrong_dates, "unmatched_events": unmatched,
            "missed_officials": missed, "reporters_as_officials": bad,
        })
    precision, recall, f1 = _prf(tp, fp, fn)
    return {
        "pairs_tp": tp, "pairs_fp": fp, "pairs_fn": fn,
        "precision": precision, "recall": recall, "f1": f1,
        "date_matched": date_matched, "date_correct": date_correct,
        "date_accuracy": date_correct / date_matched if date_matched else 1.0,
        "official_gold": off_gold, "official_found": off_found,
        "official_recall": off_found / off_gold if off_gold else 1.0,
        "reporters_as_officials": reporters,
        "documents": per_doc,
    }
