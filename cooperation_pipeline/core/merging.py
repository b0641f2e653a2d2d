"""Merging event mentions from several documents into real-world events.

Two mentions are one event when they have the same type and the same parties and their
dates do not contradict each other (a date known to the year agrees with one known to the
day in that year; "--05-11" agrees with "2015-05-11"). An undated mention joins a dated
event only when there is exactly one such event to join: guessing wrong would merge two
different signings. Two mentions from the same document are never merged: the extractor
already judged them distinct (two agreements signed at one ceremony, say).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Iterable, Mapping

DateParts = tuple[int | None, int | None, int | None]

# Part of every group's fingerprint in the warehouse: raise it when the merge rules change, so that
# the next update re-merges every group instead of keeping events merged by the old rules.
MERGE_RULES_VERSION = 1


def parse_partial_date(value: str | None) -> DateParts | None:
    """'2015' -> (2015, None, None); '--05-11' -> (None, 5, 11); None -> None."""
    if not value:
        return None
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return None, int(month), int(day)
    parts = [int(p) for p in value.split("-")]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def format_partial_date(parts: DateParts | None) -> str | None:
    if parts is None:
        return None
    year, month, day = parts
    if year is None:
        return f"--{month:02d}-{day:02d}" if month and day else None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def dates_agree(a: DateParts, b: DateParts) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def combine_dates(a: DateParts, b: DateParts) -> DateParts:
    """The most precise date both mentions support."""
    combined = tuple(x if x is not None else y for x, y in zip(a, b))
    year, month, day = combined
    if month is None and day is not None:  # a day without a month says nothing
        combined = (year, None, None)
    elif year and month and day and _real_date(year, month, day) is None:
        combined = (year, month, None)  # 2023 and --02-29: that year has no such day, so the day is unknown
    return combined  # type: ignore[return-value]


@dataclass
class _Cluster:
    date: DateParts | None
    mentions: list[Mapping] = field(default_factory=list)


def merge_mentions(mentions: Iterable[Mapping]) -> list[dict]:
    """Mentions (dicts with the event_mentions columns, in document order) -> event dicts."""
    groups: dict[tuple[str, tuple[str, ...]], list[Mapping]] = {}
    for mention in mentions:
        key = (mention["event_type"], tuple(sorted(mention["parties"])))
        groups.setdefault(key, []).append(mention)

    events: list[dict] = []
    for (event_type, parties), group in groups.items():
        clusters: list[_Cluster] = []
        undated: list[Mapping] = []
        for mention in group:
            parts = parse_partial_date(mention.get("date"))
            if parts is None:
                undated.append(mention)
                continue
            for cluster in clusters:
                if dates_agree(cluster.date, parts) and not _has_doc(cluster, mention["doc_id"]):
                    cluster.date = combine_dates(cluster.date, parts)
                    cluster.mentions.append(mention)
                    break
            else:
                clusters.append(_Cluster(parts, [mention]))
        dated = [c for c in clusters if c.date is not None]
        for mention in undated:
            if len(dated) == 1 and not _has_doc(dated[0], mention["doc_id"]):
                dated[0].mentions.append(mention)
                continue
            target = next((c for c in clusters if c.date is None and not _has_doc(c, mention["doc_id"])), None)
            if target is None:
                clusters.append(_Cluster(None, [mention]))
            else:
                target.mentions.append(mention)
        for cluster in clusters:
            events.append(_event(event_type, list(parties), cluster))

    seen: dict[str, int] = {}
    for event in events:  # ids stay unique even if two clusters format to the same date
        base = event["event_id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            event["event_id"] = hashlib.sha1(f"{base}|{seen[base]}".encode()).hexdigest()[:16]
    return events


def _has_doc(cluster: _Cluster, doc_id: str) -> bool:
    return any(m["doc_id"] == doc_id for m in cluster.mentions)


def _real_date(year: int | None, month: int | None, day: int | None) -> Date | None:
    try:
        return Date(year, month, day) if year and month and day else None
    except ValueError:  # a mention's own impossible date (2023-02-29) dates nothing
        return None


def _event(event_type: str, parties: list[str], cluster: _Cluster) -> dict:
    date = format_partial_date(cluster.date)
    year, month, day = cluster.date or (None, None, None)
    first = cluster.mentions[0]
    key = f"{event_type}|{'|'.join(parties)}|{date or ''}"
    return {
        "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
        "event_type": event_type,
        "parties": parties,
        "date": date,
        "event_date": _real_date(year, month, day),
        "agreements": sorted({a for m in cluster.mentions for a in (m.get("agreements") or [])}),
        "domains": sorted({d for m in cluster.mentions for d in (m.get("domains") or [])}),
        "evidence": first.get("evidence"),
        "background": all(bool(m.get("background")) for m in cluster.mentions),
        "mention_count": len(cluster.mentions),
        "doc_ids": sorted({m["doc_id"] for m in cluster.mentions}),
    }
