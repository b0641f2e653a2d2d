"""Mentions of one event merged, what a title sums up dropped, and the output records."""
from __future__ import annotations

from typing import Sequence

from . import event_cues as cue
from .dates import DateValue
from .domains import classify
from .event_records import FRIENDSHIP, SIGNING, Event, EventMention
from .regions import Gazetteer
from .sentences import Sentence


def _better(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more trustworthy / precise of two compatible dates."""
    if a is None:
        return b
    if b is None:
        return a
    if a.rank != b.rank:
        return a if a.rank > b.rank else b
    if a.rank <= 1:
        return a  # both inherited from the scene: the event's own (first) sentence decides
    if a.is_range and not b.is_range and a.covers(b):
        return b
    if b.is_range and not a.is_range and b.covers(a):
        return a
    score_a = sum(x is not None for x in (a.year, a.month, a.day))
    score_b = sum(x is not None for x in (b.year, b.month, b.day))
    return b if score_b > score_a else a


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    if a.rank < 3 or b.rank < 3:
        return True
    return a.compatible(b)


def merge(events: list[Event]) -> list[Event]:
    """One event per (type, parties, background) with compatible dates."""
    out: list[Event] = []
    for ev in events:
        key = (ev.type, frozenset(ev.parties), ev.background)
        target = None
        for cur in out:
            if (cur.type, frozenset(cur.parties), cur.background) == key and \
                    _compatible(cur.date, ev.date) and \
                    not (cur.titled and ev.titled and not cur.titled & ev.titled):
                target = cur
                break
        if target is None:
            out.append(ev)
            continue
        target.date = _better(target.date, ev.date)
        for a in ev.agreements:
            if a not in target.agreements:
                target.agreements.append(a)
        target.titled |= ev.titled
        target.domain_text.extend(ev.domain_text)
        if target.evidence.is_title and not ev.evidence.is_title:
            target.evidence = ev.evidence
    # "此次协议的签署" next to a friendship established by agreement is that friendship.
    friendships = [e for e in out if e.type == FRIENDSHIP]
    kept = []
    for ev in out:
        if ev.type == SIGNING and all(a in cue.GENERIC_AGR for a in ev.agreements) and any(
            set(f.parties) == set(ev.parties) and f.background == ev.background
            and _compatible(f.date, ev.date) for f in friendships
        ):
            friend = next(f for f in friendships if set(f.parties) == set(ev.parties))
            friend.domain_text.extend(ev.domain_text)
            continue
        kept.append(ev)
    return kept


def drop_title_summaries(events: list[Event]) -> list[Event]:
    """七省(市)签订…协议 over a text where 鄂湘, 云贵川 and 冀津 each signed one: the title's event of
    all of them sums up the body's events and is none of its own."""
    out = []
    for ev in events:
        if ev.evidence.is_title and ev.type in (SIGNING, FRIENDSHIP) and len(ev.parties) > 2:
            body = [b for b in events if not b.evidence.is_title and b.type == ev.type and not b.background
                    and set(b.parties) < set(ev.parties)]
            if len(body) >= 2 and set().union(*(set(b.parties) for b in body)) == set(ev.parties):
                continue
        out.append(ev)
    return out


def fold_coarser(events: list[Event], gaz: Gazetteer) -> list[Event]:
    """白沙镇与朱沱镇签订合作备忘录 …此次签约合作备忘录 (永川与合江): a signing of the same agreement on
    the same day whose parties hold the parties of another is that signing, told at a coarser level.
    A friendship with one party in common needs no agreement in common: 宜兰市与台东市 established one,
    and 缔盟仪式中…台东名产 (台东县) is that friendship again (where 上海市与明斯克市 and, the same day,
    嘉定区与莫斯科区 are two)."""
    out = []
    for ev in events:
        finer = [f for f in events if f is not ev and f.type == ev.type and f.background == ev.background
                 and len(f.parties) == len(ev.parties) and set(f.parties) != set(ev.parties)
                 and _same_day(f.date, ev.date, allow_none=ev.type == FRIENDSHIP)
                 and (set(ev.agreements) & set(f.agreements)
                      or (ev.type == FRIENDSHIP and set(ev.parties) & set(f.parties)))
                 and all(c in f.parties or any(gaz.is_ancestor(c, p) for p in f.parties) for c in ev.parties)]
        if len(finer) != 1:
            out.append(ev)  # (two county pairs under the two cities: the cities signed one of their own)
        else:
            finer[0].domain_text.extend(ev.domain_text)
    return out


def _same_day(a: DateValue | None, b: DateValue | None, *, allow_none: bool) -> bool:
    if a is None or b is None:
        return allow_none and a is None and b is None
    return (a.year, a.month, a.day) == (b.year, b.month, b.day)


def attach_followers(events: list[Event], sentences: Sequence[Sentence]) -> None:
    """The rest of a trigger sentence's paragraph describes that agreement's content."""
    triggers = {id(e.evidence) for e in events}
    paras: dict[int, list[Sentence]] = {}
    for s in sentences:
        paras.setdefault(s.para, []).append(s)
    for ev in events:
        if ev.type not in (SIGNING, FRIENDSHIP) or ev.evidence.is_title:
            continue
        ps = paras.get(ev.evidence.para, [])
        idx = next((i for i, s in enumerate(ps) if s is ev.evidence), None)
        if idx is None:
            continue
        for follower in ps[idx + 1:]:
            if id(follower) in triggers:
                break
            ev.domain_text.append(follower.text)


def attach_content(events: list[Event], sentences: Sequence[Sentence]) -> None:
    """Paragraphs that describe an agreement (根据协议内容, 协议约定) feed its domains."""
    main = next((e for e in events if e.type in (SIGNING, FRIENDSHIP) and not e.background), None)
    if main is None:
        return
    paras: dict[int, list[Sentence]] = {}
    for s in sentences:
        paras.setdefault(s.para, []).append(s)
    for ps in paras.values():
        text = "".join(s.text for s in ps)
        if not cue.CONTENT_CUE.search(text):
            continue
        target = main
        for e in events:
            if e.type in (SIGNING, FRIENDSHIP) and any(a and a in text for a in e.agreements):
                target = e
                break
        target.domain_text.append(text)


def to_mentions(events: list[Event]) -> list[EventMention]:
    """The merged events as output records, in the order the text tells them."""
    out = []
    for ev in sorted(events, key=lambda e: e.order):
        date = ev.date
        iso = date.iso() if date else None
        out.append(EventMention(
            event_type=ev.type,
            parties=sorted(ev.parties),
            date=iso,
            event_date=date.as_date() if date else None,
            agreements=list(dict.fromkeys(ev.agreements)),
            domains=classify("".join(ev.domain_text)) if ev.type in (SIGNING, FRIENDSHIP) else [],
            evidence=ev.evidence.text.strip(),
            background=ev.background,
            date_end=date.end_iso() if date else None,
        ))
    return out
