"""The event types and the records events are built in and reported as."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import DateValue
from .regions import Region
from .sentences import Sentence

SIGNING = "agreement_signing"
FRIENDSHIP = "friendship_established"
MEETING = "joint_meeting"
VISIT = "delegation_visit"


@dataclass
class EventMention:
    """One cooperation event (see extraction for the field contract)."""

    event_type: str
    parties: list[str]
    date: str | None
    event_date: dt.date | None
    agreements: list[str]
    domains: list[str]
    evidence: str
    background: bool
    date_end: str | None = None


@dataclass
class Party:
    region: Region
    start: int
    end: int
    location: bool  # 在呼和浩特市举行: the place, maybe not a party
    short: bool = False  # a county by its bare short name (巢湖之滨): weaker than its named city
    run_end: int | None = None  # one of a run of abbreviations (粤港): where the run ends


@dataclass
class Event:
    type: str
    parties: list[str]
    date: DateValue | None
    agreements: list[str]
    evidence: Sentence
    background: bool
    domain_text: list[str] = field(default_factory=list)
    order: int = 0
    titled: set[str] = field(default_factory=set)  # agreement names written in 《》
