"""Annotated article sets (gold in the seeds.json format) run through decode -> clean -> extract."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.extraction import extract

GOLD = Path(__file__).resolve().parent / "gold"


def load_gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def predict(folder: Path, gold: dict) -> dict[str, dict]:
    """Predicted events and officials per gold file, keyed by file name (what `score` takes)."""
    out = {}
    for doc in gold["documents"]:
        cleaned = clean_document(decode_bytes((folder / doc["file"]).read_bytes()).text)
        found = extract(cleaned.text, title=cleaned.title, publish_date=cleaned.publish_date,
                        source_name=cleaned.source_name)
        out[doc["file"]] = {
            "events": [dataclasses.asdict(e) for e in found.events],
            "officials": [dataclasses.asdict(o) for o in found.officials],
        }
    return out


def summary(label: str, r: dict) -> str:
    """The figures on one line, then each document with an error."""
    lines = [
        f"{label}: signing pairs P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
        f"(tp={r['pairs_tp']} fp={r['pairs_fp']} fn={r['pairs_fn']}); "
        f"date accuracy={r['date_accuracy']:.3f} ({r['date_correct']}/{r['date_matched']}); "
        f"lead/sign official recall={r['official_recall']:.3f} ({r['official_found']}/{r['official_gold']}); "
        f"reporters as officials={r['reporters_as_officials']}"
    ]
    for d in r.get("documents", []):
        if d["false_pairs"] or d["missed_pairs"] or d["wrong_dates"] or d["missed_officials"]:
            lines.append(f"   {d['file']} {({k: v for k, v in d.items() if v and k not in ('file', 'tp')})}")
    return "\n".join(lines)
