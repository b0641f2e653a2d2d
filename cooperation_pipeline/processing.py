"""Per-document work, as plain functions a worker process can run: no Dagster import here,
so workers start fast and the same code serves `coop run`, the UI and the benchmarks."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date

from cooperation_pipeline.core.cleaning import CleanedDocument, clean_document
from cooperation_pipeline.core.dedupe import minhash_signature
from cooperation_pipeline.core.extraction import Extraction, extract


@dataclass
class Cleaned:
    document: CleanedDocument | None
    signature: list[int] | None
    error: str | None = None


@dataclass
class Extracted:
    extraction: Extraction | None
    error: str | None = None


def clean_one(raw_text: str) -> Cleaned:
    """Clean one document and sign it for near-duplicate search; an error is returned, not raised,
    so one bad document never fails its batch."""
    try:
        document = clean_document(raw_text)
        return Cleaned(document, minhash_signature(document.text))
    except Exception:
        return Cleaned(None, None, traceback.format_exc(limit=5))


def extract_one(item: tuple[str, str | None, date | None, str | None]) -> Extracted:
    text, title, publish_date, source_name = item
    try:
        return Extracted(extract(text, title=title, publish_date=publish_date, source_name=source_name))
    except Exception:
        return Extracted(None, traceback.format_exc(limit=5))


def warm_up() -> None:
    """Load the gazetteer, jieba with its user dictionary, and OpenCC once (the first document that
    needs each would otherwise pay up to two seconds)."""
    from cooperation_pipeline.core.officials import jieba_name

    extract_one((clean_one("北京市與上海市簽署戰略合作協議。").document.text, None, None, None))
    jieba_name("市长张三出席。", 2)
