"""Extraction facade: cleaned article text -> cooperation events and officials.

The shell calls :func:`extract` once per cleaned article.  Everything document-level
(which 朝阳 is meant, who 我市 is, which pair 双方 refers to, the date of the scene) is
resolved here from the title, the body and the source name together.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import officials as officials_mod
from .events import EventMention, extract_events
from .officials import OfficialMention
from .regions import Gazetteer, Region, RegionMention, publisher_region
from .sentences import split_sentences

__all__ = ["EventMention", "OfficialMention", "Extraction", "extract"]


@dataclass
class Extraction:
    events: list[EventMention]
    officials: list[OfficialMention]


def _masked_positions(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _overlaps(m: RegionMention, masked: set[int]) -> bool:
    return any(i in masked for i in range(m.start, m.end))


def extract(
    text: str,
    *,
    title: str | None = None,
    publish_date: dt.date | None = None,
    source_name: str | None = None,
) -> Extraction:
    """Events and officials of one article.

    ``text`` is the cleaned simplified body (paragraphs separated by newlines); ``title``,
    ``publish_date`` and ``source_name`` sharpen region and date resolution when known.
    """
    gaz = Gazetteer.load()
    title = (title or "").strip()
    doc = f"{title}\n{text}" if title else text
    title_len = len(title) + 1 if title else 0

    raw_officials = officials_mod.scan(doc)
    masked = _masked_positions(officials_mod.name_spans(raw_officials, doc) + officials_mod.listed_name_spans(doc))
    mentions = [m for m in gaz.scan(doc) if not _overlaps(m, masked)]
    gaz.resolve(mentions)
    mentions = gaz.initials(doc, mentions)

    publisher = publisher_region(gaz, source_name, text)
    sentences = split_sentences(doc, title_len)
    # Officials whose region the text itself gives (長沙市委书记, or a bare title next to one)
    # let a signing that names only its signers find its parties.
    doc_regions = officials_mod.candidate_regions(mentions, gaz, doc)
    first_pass = officials_mod.extract_officials(doc, raw_officials, mentions, publisher=publisher,
                                                 fallback=[], doc_regions=doc_regions)
    people: dict[str, Region] = {}
    for o in first_pass:
        region = gaz.get(o.region) if o.region else None
        if region is not None and sum(p.name == o.name for p in first_pass) == 1:
            people[o.name] = region
    events = extract_events(gaz, doc, sentences, mentions, publish_date=publish_date,
                            publisher=publisher, people=people)

    fallback = []
    seen: set[str] = set()
    for ev in events:
        if ev.background:
            continue
        for p in ev.parties:
            region = gaz.get(p)
            if region is not None and p not in seen:
                seen.add(p)
                fallback.append(region)
    people = officials_mod.extract_officials(doc, raw_officials, mentions, publisher=publisher,
                                             fallback=fallback,
                                             doc_regions=doc_regions)
    return Extraction(events=events, officials=people)
