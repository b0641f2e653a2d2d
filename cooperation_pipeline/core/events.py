"""Cooperation events found sentence by sentence.

Four event types (see the gold's ``about``):

* ``agreement_signing``: 签署/签订/签约 + an agreement noun (协议, 备忘录, 合作事项, 意向书 …);
* ``friendship_established``: 建立/缔结/结为 友好城市(区市, 市区 …)关系, or a friendship
  agreement being signed (友好区市签约仪式, 签署友好市区合作协议);
* ``joint_meeting``: a 座谈会/会商会/联席会议/对接会 … held (召开/举行) by two or more regions;
* ``delegation_visit``: a (党政)代表团 going (赴/到/莅临/来) somewhere to 考察/调研/访问.

Parties are the regions resolved in the trigger sentence, minus departments (湖南省教育厅)
and companies; when fewer than two remain, an anaphor (双方, 两地, 四省会城市, 我市) fills them
from the previous event's parties or the article's main pair.  Without such an anaphor there
is no event: a company-only deal or a city's internal meeting names at most one region.

Dates come from the sentence (nearest before the trigger), else from the last dated event
(the "scene"); an earlier event mentioned in passing (…以来, 此前, 曾于, 去年) is marked
``background`` and gets only the date its own sentence states.  Mentions of the same event
(same type, parties and background flag, compatible dates) are merged.

The words the extractor looks for are in ``event_cues``; merging and the output records in
``event_merging`` and ``event_records``; sentences in ``sentences``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import Sequence

from . import dates as dates_mod
from . import event_cues as cue
from .dates import DateValue
from .event_merging import attach_content, attach_followers, drop_title_summaries, fold_coarser, merge, to_mentions
from .event_records import FRIENDSHIP, MEETING, SIGNING, VISIT, Event, EventMention, Party
from .regions import CHINA, Gazetteer, Region, RegionMention, collapse, is_department, level_suffix
from .sentences import Sentence


class EventExtractor:
    """Runs over one document; holds the document-level context (scene date, main pair)."""

    def __init__(
        self,
        gaz: Gazetteer,
        doc: str,
        sentences: Sequence[Sentence],
        mentions: Sequence[RegionMention],
        *,
        publish_date: dt.date | None,
        publisher: Region | None,
        people: dict[str, Region] | None = None,
    ) -> None:
        self.gaz = gaz
        self.people = people or {}
        self.doc = doc
        self.sentences = list(sentences)
        self.mentions = sorted((m for m in mentions if m.region is not None), key=lambda m: m.start)
        self._named_cache: dict[tuple[int, int], list[Party]] = {}
        self._starts = [m.start for m in self.mentions]
        self._all_mentions = sorted(mentions, key=lambda m: m.start)
        self._all_starts = [m.start for m in self._all_mentions]
        self.publish_date = publish_date
        self.publisher = publisher
        self.doc_year = dates_mod.doc_year(doc)
        if self.doc_year is None and publish_date is None:
            self.doc_year = dates_mod.path_year(doc)
        self.current_year = publish_date.year if publish_date else self.doc_year
        # the dateline's month and day when it gives no year (中评社北京11月3日电): what 昨日 counts from
        self.report_day = next((dm.value for dm in dates_mod.find_dates(doc[:300])
                                if dm.kind == "dateline" and dm.value.day and dm.value.year is None), None)
        self.main: list[str] | None = None
        self.title_regions: list[str] = []
        self.title_regions = self._title_regions()
        self.lead_pair = self._lead_pair()
        self.title_subject = self._title_subject()
        self.delegation_region = self._first_delegation()
        self.last_parties: list[str] | None = None
        self.last_meeting: list[str] | None = None  # the parties of the meeting the text is at
        self.business_meeting = False  # the text is at a meeting of chambers or associations
        self.last_meeting_sentence: Sentence | None = None
        self.last_sentence: Sentence | None = None
        self.scene: DateValue | None = None
        self.last_month: DateValue | None = None
        self.titled: set[str] = set()
        self.group_aliases = self._group_aliases()
        self.has_day_dates = any(
            dm.kind in ("absolute", "relative", "day_only", "dateline", "lost_month") and (dm.kind != "absolute" or dm.value.day)
            for dm in dates_mod.find_dates(doc))
        # 结好33年间, 缔结友好城市20周年: a page written years after the friendship it speaks of
        self.years_of_friendship = cue.YEARS_OF_FRIENDSHIP.search(doc) is not None

    # -- helpers ----------------------------------------------------------------------
    def _parties_in(self, s: Sentence) -> list[Party]:
        """The regions a sentence names as possible parties, then the 我市/本区 it refers to (those
        depend on what the text has established so far, so they are not remembered)."""
        key = (s.start, s.end)
        named = self._named_cache.get(key)
        if named is None:
            named = self._named_cache[key] = self._named_parties(s)
        out = list(named)
        for mm in cue.SELF_RE.finditer(s.text):
            region = self._self_region(next(filter(None, mm.groups())), s.text)
            if region is not None:
                out.append(Party(region, s.start + mm.start(), s.start + mm.end(), False))
        out.sort(key=lambda p: p.start)
        return out

    def _named_parties(self, s: Sentence) -> list[Party]:
        out: list[Party] = []
        prev_end = -2
        branch = False
        for m in self.mentions[bisect.bisect_left(self._starts, s.start):]:
            if m.start >= s.end:
                break
            if m.end > s.end:
                continue
            # 九三学社海南省委与江苏省委、重庆市委: an organisation's branches, not the regions
            branch = bool(cue.ORG_BEFORE.search(self.doc, max(s.start, m.start - 6), m.start)) or (
                branch and cue.BRANCH_JOIN.fullmatch(self.doc, prev_end, m.start) is not None)
            alias, prev_end = prev_end == m.start - 1 and self.doc[m.start - 1] in "(（", m.end
            if alias or branch or _inside_initials(self.doc, m):
                continue  # 黄埔区(广州开发区): the bracket names the same body again
            r = m.region
            if r is None or r.level == "country":
                continue
            if (r.level != "zone" and is_department(self.doc, m, government=False)) \
                    or cue.MEDIA_AFTER.match(self.doc, m.end) or cue.UNNAMED_MEMBERS_AFTER.match(self.doc, m.end) \
                    or cue.PEOPLE_AFTER.match(self.doc, m.end) or cue.NICKNAME_BEFORE.search(self.doc, max(0, m.start - 3), m.start) \
                    or self._title_topic(m) \
                    or cue.DATELINE_AFTER.match(self.doc, m.end):
                continue
            if out and out[-1].location and out[-1].end == m.start:
                continue  # 在越南奠边省奠边府市举行: the venue's city, written after the venue's province
            if self.doc[m.start - 1:m.start] == "驻":
                continue  # 中国驻克赖斯特彻奇总领事, 驻京办: where a post is, not a party
            loc = bool(cue.LOCATION_BEFORE.search(self.doc, max(s.start, m.start - 14), m.start))
            r = self._served_in_chain(m, r)
            out.append(Party(r, m.start, m.end, loc,
                             short=m.kind == "short" and not m.chained and r.level == "county"
                             and self.gaz.parent(r.name) != r.province,
                             run_end=m.run_end))
        return out

    def _served_in_chain(self, m: RegionMention, region: Region) -> Region:
        """河南省委常委、市委书记李亚: a region in the title chain of a known official stands for the
        region that official serves, when that lies inside it (洛阳市)."""
        chain = cue.TITLE_CHAIN_AFTER.match(self.doc, m.end)
        if chain is None:
            return region
        served = self.people.get(chain.group(1))
        if served is not None and served.name != region.name and self.gaz.is_ancestor(region.name, served.name):
            return served
        return region

    def _group_aliases(self) -> dict[str, list[str]]:
        """Named groups the text defines by listing them: “一地六县”即…溧阳市、宜兴市,…广德市和郎溪县, or
        包括福建、江西…在内的“泛珠三角”."""
        out: dict[str, list[str]] = {}
        spans = []
        for dm in cue.GROUP_DEFINITION.finditer(self.doc):
            end = self.doc.find("。", dm.end())
            spans.append((dm.group(1), dm.end(), len(self.doc) if end < 0 else end))
        spans += [(dm.group(2), dm.start(1), dm.end(1)) for dm in cue.GROUP_LISTED_BEFORE.finditer(self.doc)]
        for alias, start, end in spans:
            span = [m for m in self.mentions if start <= m.start and m.end <= end and m.region.level != "country"
                    and not is_department(self.doc, m)]
            names = collapse(list(dict.fromkeys(m.region.name for m in span)), self.gaz)
            if len(names) >= 2:
                out[alias] = names
        return out

    def _title_topic(self, m: RegionMention) -> bool:
        """A region inside a 《》 title after its signatories (《甘肃省人民政府 青海省人民政府深入推进
        兰州—西宁城市群建设专项协议》: 兰州, 西宁) is the agreement's subject, not a party."""
        if not _inside_title_quotes(self.doc, m.start):
            return False
        pos = self.doc.rfind("《", 0, m.start) + 1
        for other in self._all_mentions[bisect.bisect_left(self._all_starts, pos):]:
            if other.start >= m.start:
                break
            if not cue.TITLE_SIGNATORY_GAP.fullmatch(self.doc, pos, other.start):
                return True
            pos = other.end
        return not cue.TITLE_SIGNATORY_GAP.fullmatch(self.doc, pos, m.start)

    def _self_region(self, suffix: str, sentence: str = "") -> Region | None:
        """我省/本市: the publisher's region; else the one region of that level whose official
        the sentence names (省长吴晓军率我省…, where the text elsewhere has 青海省…省长吴晓军);
        else the one title or main region of that level."""
        if self.publisher is not None and level_suffix(self.publisher) == suffix:
            return self.publisher
        served = {r.name: r for n, r in self.people.items() if n in sentence and level_suffix(r) == suffix}
        if len(served) == 1:
            return next(iter(served.values()))
        cands = [self.gaz.get(n) for n in (self.main or self.title_regions)]
        cands = [c for c in cands if c is not None and level_suffix(c) == suffix]
        if len(cands) == 1:
            return cands[0]
        if suffix == "省":
            return self._holding_province(sentence)
        # 我市森林草原防灭火指挥部与…签订 on a page whose only city is 巴彦淖尔市: that city (not one the
        # sentence names beside it: 我县与彭泽县签订)
        named = {m.region.name: m.region for m in self.mentions if m.region is not None
                 and m.region.country == CHINA and m.region.level in ("prefecture", "county")
                 and level_suffix(m.region) == suffix and m.surface not in sentence}
        return next(iter(named.values())) if len(named) == 1 else None

    def _holding_province(self, sentence: str) -> Region | None:
        """本报讯 近日,我省与北京市签署…,给张家口、承德市…补偿: the one province that holds the cities
        and counties the text names, besides those the sentence names beside 我省."""
        named_here = {m.region.province for m in self.mentions if m.region is not None
                      and m.region.province and m.surface in sentence}
        holding = {m.region.province for m in self.mentions if m.region is not None
                   and m.region.level in ("prefecture", "county", "town", "village", "zone")
                   and m.region.country == CHINA and m.region.province not in named_here}
        return self.gaz.get(holding.pop()) if len(holding) == 1 else None

    def _title_regions(self) -> list[str]:
        names: list[str] = []
        for s in self.sentences:
            if s.is_title:
                names.extend(p.region.name for p in self._parties_in(s))
        return collapse(names, self.gaz)

    def _names(self, parties: list[Party], drop_locations: bool = True) -> list[str]:
        """Distinct parties; a place only named as the venue (在呼和浩特市举行) is dropped
        when two others remain, and a region is dropped when its subdivision is named."""
        names = list(dict.fromkeys(p.region.name for p in parties))
        # 到广州出席粤港合作联席会议: abbreviations name the level that cooperates (广东, not 广州)
        abbreviated = {p.region.name for p in parties if p.run_end is not None}
        names = [n for n in names if not any(self.gaz.is_ancestor(a, n) for a in abbreviated)]
        # 合肥…巢湖之滨: a county named only by its bare short name does not replace its city
        weak = {n for n in names if all(p.short for p in parties if p.region.name == n)
                and any(self.gaz.is_ancestor(o, n) for o in names)}
        names = [n for n in names if n not in weak]
        only_loc = {n for n in names if all(p.location for p in parties if p.region.name == n)}
        # 在长春举行,来自吉林省、日本鸟取县…: the venue inside a party listed as an item is that
        # party's place
        items = {p.region.name for p in parties if not p.location and self.doc[p.end:p.end + 1] in "、和及"}
        names = [n for n in names if not (n in only_loc and any(self.gaz.is_ancestor(o, n) for o in items))]
        if drop_locations:
            only_loc &= set(names)
            if len(names) - len(only_loc) <= 2:
                names = [n for n in names if n not in only_loc]
            elif only_loc and self._counted_without_venue(parties, len(names) - len(only_loc)):
                # (在新疆若羌县举办,来自…新疆自治区巴州: a venue inside a party stays with it)
                names = [n for n in names if n not in only_loc or any(
                    self.gaz.is_ancestor(o, n) for o in names if o not in only_loc)]
        # 盐城市、淮安市、涟水县: a city listed as an item of its own stays beside its county, when
        # both are items of the list
        listed = {p.region.name for p in parties if p.run_end is None and not p.location and "、" in (
            self.doc[p.start - 1:p.start], self.doc[p.end:p.end + 1])}
        kept = collapse(names, self.gaz)
        return [n for n in names if n in kept or (
            n in listed and self.gaz.get(n) is not None and self.gaz.get(n).level == "prefecture"
            and all(o in listed for o in names if o != n and self.gaz.is_ancestor(n, o)))]

    def _counted_without_venue(self, parties: list[Party], others: int) -> bool:
        """…市长在北京共同签署了《…》,旨在加强四市之间的合作: the sentence counts the parties
        without the venue (where 五城…在若羌县举办 counts it in)."""
        start = min(p.start for p in parties)
        end = self.doc.find("。", max(p.end for p in parties))
        text = self.doc[start:end if end >= 0 else len(self.doc)]
        counts = {_anaphor_count(m.group(0)) for m in cue.ANAPHOR_RE.finditer(text)} - {None}
        return counts == {others}

    def _context_pair(self) -> list[str] | None:
        if self.last_parties and len(self.last_parties) >= 2:
            return self.last_parties
        if self.main and len(self.main) >= 2:
            return self.main
        if len(self.title_regions) >= 2:
            return self.title_regions
        if self.lead_pair:
            return self.lead_pair
        # 李国英会见科布多省省长…两省签署 in 安徽日报: the one region the title names and the publisher's
        named = self.main or self.title_regions
        home = self.publisher.name if self.publisher is not None else None
        if home and len(named) == 1 and named[0] != home and not self.gaz.is_ancestor(named[0], home) \
                and not self.gaz.is_ancestor(home, named[0]):
            return [home, named[0]]
        return None

    def _first_delegation(self) -> str | None:
        """The region whose delegation the article follows (天桥区党政代表团赴…), so that a
        bare 代表团 (区委书记带领党政代表团赴…) can be attributed."""
        ordered = [s for s in self.sentences if s.is_title] + [s for s in self.sentences if not s.is_title]
        for s in ordered:
            parties = self._parties_in(s)
            for m in cue.DELEG_RE.finditer(s.text):
                abs_start = s.start + m.start()
                own = [p for p in parties if p.end == abs_start]
                if own:
                    return own[-1].region.name
        return None

    def _title_subject(self) -> str | None:
        """The region before 与 in the title (沧州市与阿鲁沙市…签订): the article's signer."""
        for s in self.sentences:
            if not s.is_title:
                continue
            for p in self._parties_in(s):
                if re.match(r"(?:人民政府|政府|党政代表团)?[与和同]", self.doc[p.end:p.end + 6]):
                    return p.region.name
        return None

    def _lead_pair(self) -> list[str] | None:
        """"A与B" in the first paragraphs names the article's pair when the title does not."""
        for s in self.sentences[:8]:
            parties = [p for p in self._parties_in(s) if not p.location]
            runs: list[list[str]] = [[]]
            for a, b in zip(parties, parties[1:]):
                gap = self.doc[a.end:b.start]
                if re.fullmatch(r"(?:人民政府|政府|议会|党政代表团)?[与和同、](?:[\u4e00-\u9fff]{1,2}[省市区县])?", gap) \
                        and a.region.name != b.region.name:
                    runs[-1] = runs[-1] or [a.region.name]
                    runs[-1].append(b.region.name)
                elif runs[-1]:
                    runs.append([])
            for run in runs:
                names = collapse(run, self.gaz)
                # 宁德、屏南、古田经贸考察之旅: a city and its counties are an itinerary, not a pair
                if len(names) >= 2 and len(names) == len(set(run)):
                    return names
        return None

    def _fill(self, names: list[str], text: str, s: Sentence | None = None) -> list[str]:
        """Complete the parties from an anaphor (双方, 两地, 四省会城市); a counted anaphor
        must match the size of the context (三地 does not refer to a pair), or, from three
        up, the regions listed by an earlier sentence (…等8个城市 … 8市 … 签订)."""
        for alias, members in self.group_aliases.items():
            if len(names) < 2 and alias in text and self._within(names, members):
                return list(members)  # 长三角“一地六县”共同签署: the group the text defined
        each = cue.EACH_OF_LEVEL.search(text)
        if each and len(names) < 2 and s is not None:
            # 参与座谈会的各乡镇分别签订: every town (county, city) the passage has named
            members = self._named_of_level(s, cue.EACH_LEVELS[each.group(1)])
            if len(members) >= 2 and self._within(names, members):
                return members
        # 发布了《…四省十市…倡议》,区域十市签署了: a count inside a title names nobody
        anaphor = next((a for a in cue.ANAPHOR_RE.finditer(text) if not _inside_title_quotes(text, a.start())), None)
        if anaphor is not None:
            # 四省十市: the finer count right after names the parties
            finer = cue.ANAPHOR_RE.match(text, anaphor.end())
            anaphor = finer or anaphor
        if not anaphor and not names and s is not None:
            # 8市5年来通力协作…。在…会议上,先后签订了…: the subject carries over
            prev = self._previous_in_paragraph(s)
            anaphor = cue.ANAPHOR_RE.match(prev.text.lstrip()) if prev is not None else None
            s = prev if anaphor else s
        if len(names) >= 2 or not anaphor:
            return names
        ctx = self._context_pair()
        count = _anaphor_count(anaphor.group(0))
        if count is not None and count >= 3 and s is not None and (
                not ctx or count != len(ctx) or not _unit_fits(anaphor.group(0), ctx, self.gaz)):
            # …十市代表出席 / 湘赣边10县市…签署 with the members listed before or right after
            for listed in (self._listed_before(s, count), self._listed_after(s, count)):
                if not listed or not _unit_fits(anaphor.group(0), listed, self.gaz):
                    continue
                if self._within(names, listed):
                    return listed
                if self._counterpart_group(names, text, anaphor, listed):
                    return collapse(names + listed, self.gaz)
            if names and cue.JOINED_AFTER.match(text, anaphor.end()):
                # 六省区和新疆生产建设兵团签署: the group counted and the regions joined to it
                total = count + len(names)
                for listed in (self._listed_before(s, total), self._listed_after(s, total)):
                    if listed and all(n in listed for n in names):
                        return listed
        if not ctx:
            return names
        if count is not None and count != len(ctx):
            return names
        if self._within(names, ctx):
            return list(ctx)
        if self._counterpart_group(names, text, anaphor, ctx):
            return collapse(names + list(ctx), self.gaz)
        return names

    @staticmethod
    def _counterpart_group(names: list[str], text: str, anaphor: re.Match, group: Sequence[str]) -> bool:
        """郧西县分别与毗邻5县签订: a counted group right after 与 is the other side of the regions
        named before it."""
        return bool(names) and anaphor.group(0)[0] not in "双各彼参与成" \
            and cue.COUNTERPART_BEFORE.search(text, 0, anaphor.start()) is not None \
            and not any(n in group for n in names)

    def _named_of_level(self, s: Sentence, level: str) -> list[str]:
        """The regions of one level that the sentence and the five before it name, in order."""
        passage = [p for p in self.sentences if p.end <= s.end and not p.is_title][-6:]
        names = [n for p in passage for n in self._names(self._parties_in(p), drop_locations=False)]
        return [n for n in dict.fromkeys(names)
                if (r := self.gaz.region_for(n)) is not None and r.level == level]

    def _within(self, names: list[str], group: Sequence[str]) -> bool:
        """Every name is a member of ``group`` or contains one (an anaphor may stand for them)."""
        return all(n in group or any(self.gaz.is_ancestor(n, c) for c in group) for n in names)

    def _previous_in_paragraph(self, s: Sentence) -> Sentence | None:
        before = [p for p in self.sentences if p.end <= s.start and p.para == s.para and not p.is_title]
        return before[-1] if before else None

    def _list_start(self, parties: list[Party], clause_start: int, floor: int) -> int:
        """浙江开化县、常山县,安徽休宁县,江西婺源县…签订: a list of regions grouped by province runs
        over commas; the clause starts where the list does."""
        while clause_start > floor and self.doc[clause_start - 1] in "，,":
            prev_start = max([self.doc.rfind(c, floor, clause_start - 1) for c in "，,；;"] + [floor - 1]) + 1
            rest = self.doc[prev_start:clause_start - 1]
            inside = [p for p in parties if prev_start <= p.start and p.end <= clause_start - 1]
            for p in sorted(inside, key=lambda p: -p.start):
                rest = rest[:p.start - prev_start] + rest[p.end - prev_start:]
            if not inside:
                break
            lead = inside[0].start - prev_start
            if rest[lead:].strip("、和与及 "):
                break
            if rest[:lead].strip():
                # 来自中部地区的山西太原、大同,安徽芜湖…: the list's first group follows its introduction
                return inside[0].start
            clause_start = prev_start
        return clause_start

    def _counted_members(self, s: Sentence, parties: list[Party], pos: int) -> list[str] | None:
        """云南、贵州两省的5个州市签订: the signers are the counted members, not their provinces;
        they are the regions of a nearby sentence that names exactly that many inside those
        provinces ([] when there is none). None when the sentence says no such thing."""
        wider = [p for p in parties if p.start < pos and p.region.level == "province"]
        if not wider:
            return None
        m = cue.COUNTED_MEMBERS.match(self.doc, wider[-1].end)
        if m is None or m.end() > pos:
            return None
        count = _anaphor_count(m.group(1))
        provinces = {p.region.name for p in wider}

        def inside(names: list[str]) -> list[str]:
            return [n for n in names if any(self.gaz.is_ancestor(p, n) for p in provinces)]

        for listed in (self._listed_before(s, count), self._listed_after(s, count)):
            if listed and len(inside(listed)) == len(listed):
                return listed
        # 广东广州、佛山…,广西南宁、柳州…等友好城市…。广西区内11市签署: the members of those provinces
        # among the regions named nearby, with the meeting's venue when it is one of them
        nearby = [p for p in self.sentences if not p.is_title and p.end <= s.start][-3:]
        found = inside(collapse([n for p in nearby for n in self._names(self._parties_in(p), drop_locations=False)],
                                self.gaz))
        if len(found) == count:
            return found
        return []

    def _listed_after(self, s: Sentence, count: int) -> list[str] | None:
        """The first of the next five sentences that names exactly ``count`` regions."""
        for nxt in [p for p in self.sentences if p.start >= s.end and not p.is_title][:5]:
            names = self._names(self._parties_in(nxt), drop_locations=False)
            if len(names) == count:
                return names
        return None

    def _listed_before(self, s: Sentence, count: int) -> list[str] | None:
        """The latest earlier sentence (up to ten back) that names exactly ``count`` regions; else
        the latest that names some of them before 等 and that count."""
        earlier = [p for p in self.sentences if p.end <= s.start and not p.is_title][-10:]
        some = None
        for prev in reversed(earlier):
            parties = self._parties_in(prev)
            names = self._names(parties, drop_locations=False)
            if len(names) == count:
                return names
            # 峰会成员昆明市、六盘水市…攀枝花市10个市州以及云南省曲靖市…: the run the count closes
            group = self._counted_group(parties, prev.end)
            if group and group[1] == count:
                if len(group[0]) == count:
                    return group[0]
                some = some or group[0]
        return some

    def _date_for(self, s: Sentence, trigger_pos: int, background: bool) -> DateValue | None:
        cands = []
        for dm in dates_mod.find_dates(s.text):
            abs_start = s.start + dm.start
            if dm.kind == "dateline" or _inside_title_quotes(self.doc, abs_start):
                continue
            cands.append((abs_start, dm))
        if not cands:
            if background:
                return None
            return self._inherited(s)
        # 自2013年首届会商会以来,…先后签署: the date opens a period, it does not date the signing
        # (nor does 从1月1日起, the day terms take effect)
        cands = [c for c in cands if not re.search(r"以来[，,]", self.doc[c[0]:trigger_pos])
                 and not self.doc.startswith("以来", c[0] + len(c[1].text))  # 通报了2024年以来…工作
                 and not (c[1].value.day and self.doc[c[0] - 1:c[0]] in ("从", "自")
                          and self.doc.startswith("起", c[0] + len(c[1].text)))
                 # (商定了2018年具体帮扶计划: the year a plan is for)
                 and not (c[1].kind == "year" and cue.PLAN_YEAR_AFTER.match(self.doc, c[0] + len(c[1].text)))
                 and not cue.FOUNDED_AFTER.match(self.doc, c[0] + len(c[1].text))]
        if not cands:
            return None if background else self._inherited(s)
        before = [c for c in cands if c[0] <= trigger_pos]
        while len(before) > 1 and before[-1][1].text in ("当天", "当日", "同日"):
            before.pop()  # 昨日在武汉闭幕,在当日举行的签约仪式上: the day the sentence already gave
        def gives_day(c) -> bool:
            return bool(c[1].value.day) or c[1].kind in ("lost_month", "relative")

        if len(before) > 1 and before[-1][1].kind == "year" and any(gives_day(c) for c in before[:-1]):
            # 74日,…举行…2022年第一次联席会议 (昨日下午,2025年…联席会议举行): the year in the meeting's
            # name does not replace the day
            before = [c for c in before[:-1] if gives_day(c)]
        _, dm = before[-1] if before else cands[0]
        ctx = self.last_month if dm.kind == "day_only" else self.scene
        if dm.kind == "day_only" and ctx is None:
            # 中新社哈尔滨八月十日电 …于十日在哈尔滨举行: the sentence's own dateline gives the month
            line = next((d for d in dates_mod.find_dates(s.text) if d.kind == "dateline" and d.end <= dm.start), None)
            if line is not None:
                ctx = self._dateline_day(line)
        value = dates_mod.resolve(dm, publish_date=self.publish_date, context=ctx, doc_year=self.doc_year)
        if value is None and dm.kind == "relative" and self.publish_date is None and self.report_day:
            value = dates_mod.relative_to_report_day(dm.text, self.report_day)
        if value is None:
            return None
        if background and dm.kind != "absolute" and dm.kind != "year":
            return None
        if background and value.year is None:
            return None
        return value

    def _dateline_day(self, line: dates_mod.DateMention) -> DateValue | None:
        """The day a dateline gives (中新网合肥11月15日电), resolved like a date in the text."""
        return dates_mod.resolve(dates_mod.DateMention(line.start, line.end, line.text, line.value, "absolute"),
                                 publish_date=self.publish_date, doc_year=self.doc_year)

    def _clause_start(self, s: Sentence, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last comma or semicolon of the sentence
        before it."""
        return max([self.doc.rfind(c, s.start, pos) for c in "，,；;"] + [s.start - 1]) + 1

    def _respective_dates(self, s: Sentence, pos: int, background: bool) -> list[DateValue]:
        """``分别于2007年11月28日和2012年11月28日签订``: one signing per listed date."""
        clause_start = self._clause_start(s, pos)
        head = self.doc[clause_start:pos]
        m = re.search(r"分别(?:于|在)", head)
        if not m:
            return []
        found = [dm for dm in dates_mod.find_dates(head[m.end():]) if dm.kind == "absolute" and dm.value.day]
        if len(found) < 2:
            return []
        rest = head[m.end():]
        joins = [rest[a.end:b.start] for a, b in zip(found, found[1:])]
        if not all(re.fullmatch(r"[和、及与]|以及", j) for j in joins) or rest[found[-1].end:].strip("，, "):
            return []
        out = []
        for dm in found:
            v = dates_mod.resolve(dm, publish_date=self.publish_date, context=self.scene, doc_year=self.doc_year)
            if v is None or (background and v.year is None):
                return []
            out.append(v)
        return out

    def _inherited(self, s: Sentence) -> DateValue | None:
        """The scene's date for an event that states none: the day the span started.  An
        event placed later in a span of days (6月16日、6月17日 … 随后签署) has no known day:
        the month only when the year is known."""
        sc = self.scene
        if sc is None:
            return None
        later = re.match(r"\s*(?:随后|之后|其后|此后|然后|接着|紧接着|最后)", s.text)
        if later and sc.is_range and sc.end_day is not None and sc.end_day != sc.day:
            if sc.end_month not in (None, sc.month) or sc.year is None:
                return None
            return DateValue(sc.year, sc.month, None, rank=1)
        return DateValue(sc.year, sc.month, sc.day, rank=1)

    def _is_background(self, s: Sentence, pos: int, end: int) -> bool:
        if s.opening is not None:
            a, b = s.opening
            if self._is_background(Sentence(a, b, self.doc[a:b], s.para), b, b):
                return True  # 去年,我市还与A签署…,与B签署…: the opening the clauses share
        before = self.doc[s.start:pos]
        after = self.doc[end:s.end]
        if cue.BACKGROUND_BEFORE.search(before) or cue.BACKGROUND_AFTER.search(after):
            return True
        # (宜兰市民国30年建市: the year a place was founded dates nothing of the event)
        dates = [dm for dm in dates_mod.find_dates(s.text) if not cue.FOUNDED_AFTER.match(s.text, dm.end)]
        if self.years_of_friendship and cue.FRIEND_RE.search(self.doc, s.start, end) and \
                any(dm.value.year for dm in dates):
            return True  # 于1991年12月10日缔结为国际友好城市 on a page about 结好33年
        own = [dm for dm in dates
               if not _inside_title_quotes(self.doc, s.start + dm.start)
               and not (dm.kind == "year" and cue.PLAN_YEAR_AFTER.match(s.text, dm.end))]
        if own and all(dm.kind == "year" for dm in own) and self.has_day_dates:
            # a bare year (1979年两市缔结…) next to day-precise news is history
            return True
        if self.current_year:
            for dm in dates:
                if dm.value.year and dm.value.year < self.current_year and \
                        not _inside_title_quotes(self.doc, s.start + dm.start):
                    return True
        return False

    # -- triggers ---------------------------------------------------------------------
    def _agreements(self, s: Sentence) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        signed_titles = set()
        for v in cue.SIGN_VERB_RE.finditer(s.text):
            pos = v.end()
            while True:
                tm = cue.SIGNED_TITLE_RE.match(s.text[pos:]) if pos == v.end() else \
                    re.match(r"^[、和及与]?《([^《》]{2,80})》", s.text[pos:])
                if not tm:
                    break
                signed_titles.add(pos + tm.start(1) - 1)
                pos += tm.end()
        for m in cue.QUOTED_RE.finditer(s.text):
            if cue.AGR_NOUN_RE.search(m.group(1)) or m.start() in signed_titles:
                found.append((m.group(1).strip(), s.start + m.start()))
                self.titled.add(m.group(1).strip())
        for m in cue.UNQUOTED_AGR_RE.finditer(s.text):
            name = re.sub(r"[“”\"「」]", "", m.group(1))
            if "《" in m.group(0) or cue.COUNT_PREFIX.match(name) or len(name) < 4 or \
                    re.search(r"的|等|了|和|与", name) or re.match(r"相关|有关|一系列|系列|多项|多个|各项|一批", name):
                continue
            if any(name in q or q in name for q, _ in found):
                continue
            found.append((name, s.start + m.start(1)))
        return found

    def _sign_hits(self, s: Sentence) -> tuple[list[int], list[int]]:
        """Positions of signing verbs that sign an agreement (not a future or negated one,
        not one whose clause has companies or institutions as its subject)."""
        hits = []
        verbs = []
        for m in cue.SIGN_VERB_RE.finditer(s.text):
            verbs.append(s.start + m.start())
            clause_start = max(s.text.rfind(c, 0, m.start()) for c in "，,：:") + 1
            if re.match(r"\s*(?:以及|及|和|与)", s.text[clause_start:]):
                # …宣城市人民政府,以及光明食品(集团)有限公司共同签约: the list began a clause earlier
                clause_start = max(s.text.rfind(c, 0, clause_start - 1) for c in "，,：:") + 1
            head = s.text[clause_start:m.start()]
            # the subject comes before the clause's event verb (…开发区举行园区发展战略合作协议签约仪式)
            subject = re.split(r"举行|召开|举办", head)[0]
            if cue.NON_GOV_SUBJECT.search(subject) and not _governments_in(head):
                continue
            after = s.text[m.end(): m.end() + 45]
            after = re.split(r"[。；;]", after)[0]
            # 签署了物流降本增效、社会信用体系建设、…等10份协同高质量发展协议: a long list of subjects
            listed = re.split(r"[。；;，,]", s.text[m.end(): m.end() + 160])[0]
            if not cue.AGR_NOUN_RE.search(after) and "、" in listed and cue.AGR_NOUN_RE.search(listed):
                after = listed
            before = s.text[max(0, m.start() - 14): m.start()]
            # 在战略合作备忘录上签署44个合作项目: projects signed on the governments' memorandum
            on_agreement = re.search(cue.AGR_NOUN + r"》?上$", before)
            if cue.COMMERCIAL_AGR.search(after) and not on_agreement \
                    and not re.match(r"《?[^》，,。；;]{0,30}?(?:框架协议|合作协议|备忘录|交流项目协议)", after):
                continue  # 项目投资协议书, 购销合同: business (…项目会谈备忘录, 《…项目…框架协议》 are not)
            # 结对签约: a pairing agreement signed, even when the agreement is not named
            paired = before.endswith("结对") and m.group(0) == "签约"
            # 双方召开联席会议,举行了签约及援赠仪式: a signing ceremony of the two governments
            # (or 福安市范坑乡、上白石镇、柘荣县英山乡…在泰顺举行签约仪式: the regions listed before it)
            ceremony = m.group(0) == "签约" and re.match(r"(?:及[\u4e00-\u9fff]{1,4})?仪式", after) is not None \
                and re.search(r"(?:举行|举办)了?(?:[^，,。；;]{0,8}项目)?$", before) is not None \
                and (re.search(r"双方|两地|两市|两区|两县", s.text[:m.start()]) is not None
                     or len({p.region.name for p in self._parties_in(s)
                             if p.start < s.start + m.start() and not p.location}) >= 2)
            paired = paired or ceremony
            # 共建…框架协议,由A、B…共同签约: the agreement named before the passive 由
            passive = re.search(cue.AGR_NOUN + r"》?[，,]\s*由[^。；;]*$", s.text[:m.start()])
            # A与B战略合作框架协议暨…项目签约仪式: one ceremony for the agreement and the projects
            joint = re.search(cue.AGR_NOUN + r"》?暨[^，,。；;]{0,30}$", s.text[:m.start()])
            if not (cue.AGR_NOUN_RE.search(after) or re.search(cue.AGR_NOUN + r"》?(?:的|云|线上|网上|视频|正式|已|已经|顺利)?$", before) or on_agreement
                    or passive or joint
                    or cue.SIGNED_TITLE_RE.match(s.text[m.end():]) or paired):
                continue
            if cue.FUTURE_RE.search(s.text[max(0, m.start() - 10): m.start()]) or _scheduled(s.text, m.start(), m.end()) \
                    or cue.PLANNED_BEFORE.search(s.text, 0, m.start()) or cue.WILL_CLAUSES.search(s.text, 0, m.start()):
                continue
            if cue.INTENT_AFTER.match(after):
                continue  # 就…开展交流合作并签订《…协议书》达成意向: an intention to sign
            if cue.THEN_AFTER.match(after):
                continue  # 补偿协议签订后,将…给张家口、承德: what follows a signing, not one
            if cue.STATUS_BEFORE.search(s.text, 0, m.start()):
                continue  # 至目前止,武平县共有9个乡镇分别与台湾的有关乡镇签订了…: a tally, no signing
            if before.endswith("的") and cue.JUDGED_AFTER.match(after):
                continue  # 此次战略合作框架协议的签署将进一步加快…: what a signing told before brings
            if cue.STATE_AGREEMENT_AFTER.match(after) or cue.STATE_SIGNERS_BEFORE.search(before):
                continue  # 访问期间签署的中蒙两国联合宣言: a treaty of two states, not of regions
            hits.append(s.start + m.start())
        return hits, verbs

    def run(self) -> list[Event]:
        events: list[Event] = []
        order = 0
        body = [s for s in self.sentences if not s.is_title]
        title = [s for s in self.sentences if s.is_title]
        for s in [c for sentence in body for c in self._signing_clauses(sentence)] + title:
            found = self._sentence_events(s)
            for ev in found:
                ev.order = order
                order += 1
                events.append(ev)
                if ev.type == MEETING and not ev.background and not s.is_title:
                    self.last_meeting = ev.parties
                if not ev.background and len(ev.parties) >= 2 and not s.is_title:
                    self.last_parties = ev.parties
                    self.last_sentence = s
                    if self.main is None:
                        self.main = ev.parties
                    if ev.date is not None and ev.date.rank >= 2:
                        self.scene = ev.date
            if not s.is_title:
                first_in_para = s.start == 0 or self.doc[s.start - 1] == "\n"
                # 荆楚网讯(记者 …)10月28日,…: the paragraph opens after its dateline and credit
                lead = cue.LEADING_CREDIT.match(s.text)
                opening = lead.end() if lead else 0
                for dm in dates_mod.find_dates(s.text):
                    # (为深入学习…,5月13日,…: a purpose clause may come before it)
                    opens = dm.start <= opening + 2 or cue.PURPOSE_LEAD.fullmatch(s.text, opening, dm.start)
                    if first_in_para and opens and dm.kind in ("absolute", "day_only", "lost_month") \
                            and not self._is_background(s, s.start + dm.end, s.start + dm.end):
                        # a paragraph opening with its date sets the scene (11月30日上午,…)
                        ctx = self.last_month if dm.kind == "day_only" else None
                        value = dates_mod.resolve(dm, publish_date=self.publish_date, context=ctx,
                                                  doc_year=self.doc_year)
                        if value is not None and value.month is not None:
                            self.scene = value
                    if dm.kind == "dateline" and self.scene is None and self.last_month is None:
                        # 中新网合肥11月15日电: the report's day is the scene until the text dates one
                        value = self._dateline_day(dm)
                        if value is not None and value.day is not None:
                            self.scene = replace(value, rank=2)
                            self.last_month = value
                    if dm.kind == "relative" and dm.text in ("日前", "近日"):
                        # 本报深圳7月4日电 …大会日前举行: "a few days ago", so not the dateline's day
                        self.scene = None
                    if dm.kind in ("absolute", "lost_month") and \
                            not _inside_title_quotes(self.doc, s.start + dm.start):
                        self.last_month = dates_mod.resolve(
                            dm, publish_date=self.publish_date, doc_year=self.doc_year)
                if not found:
                    self._ceremony_scene(s)
        return events

    def _signing_clauses(self, s: Sentence) -> list[Sentence]:
        """``A与B签署甲,与C签署乙,D与E签署丙``: clauses that each sign with their own
        counterpart are read one by one (an anaphor or a subject carries from the clause before);
        any other sentence stays whole."""
        bounds = [s.start] + [s.start + m.end() for m in re.finditer(r"[，,]", s.text)] + [s.end]
        clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
        signing = [(a, b) for a, b in clauses
                   if cue.SIGN_VERB_RE.search(self.doc, a, b) or cue.FRIEND_RE.search(self.doc, a, b)]
        if len(signing) < 2:
            return [s]
        for a, b in signing:
            own = [m for m in self.mentions if a <= m.start and m.end <= b and m.region is not None]
            verb = cue.SIGN_VERB_RE.search(self.doc, a, b) or cue.FRIEND_RE.search(self.doc, a, b)
            if cue.ANAPHOR_RE.search(self.doc, a, verb.start()) and not any(m.start < verb.start() for m in own):
                continue  # 两地政府签订…,甲镇与乙镇、丙镇与丁镇签订…: the pair named before signs
            if not own or own[0].start > verb.start():
                return [s]  # a clause that signs without naming its counterpart first
            if len(own) < 2 and not cue.COUNTERPART_CLAUSE.match(self.doc, a) \
                    and not cue.SELF_COUNTERPART_CLAUSE.match(self.doc, a):
                return [s]  # (去年,我市还与佛罗伦萨市签署…,与敖德萨市签署…: 我市 signs both)
        # each signing clause takes the clauses without a signing before it
        a, b = signing[0]
        first = next((m for m in self.mentions if a <= m.start and m.end <= b and m.region is not None), None)
        subject = first.region.name if first is not None and cue.PAIR_JOIN.match(self.doc, first.end) else None
        own_side = cue.SELF_COUNTERPART_CLAUSE.match(self.doc, a)
        if subject is None and own_side:
            home = self._self_region(own_side.group(1), s.text)
            subject = home.name if home is not None else None
        out: list[Sentence] = []
        start = s.start
        opening = (s.start, signing[0][0]) if signing[0][0] > s.start else None
        for a, b in signing:
            end = s.end if (a, b) == signing[-1] else b
            out.append(Sentence(start, end, self.doc[start:end], s.para, subject=subject,
                                opening=opening if start > s.start else None))
            start = end
        return out

    def _ceremony_scene(self, s: Sentence) -> None:
        """``…昨日在武汉闭幕,在当日举行的签约仪式上,新增5对友好城市``: a dated signing or meeting
        that names no parties (or one) dates the events that follow (会上, …)."""
        sign = cue.SIGN_VERB_RE.search(s.text)
        if sign is None and cue.MEETING_VERB_RE.search(s.text):
            sign = cue.MEETING_RE.search(s.text)
        if sign is None or self._is_background(s, s.start + sign.start(), s.start + sign.end()):
            return
        value = self._date_for(s, s.start + sign.start(), False)
        if value is not None and value.day is not None and value.rank >= 2:
            self.scene = value

    def _sentence_events(self, s: Sentence) -> list[Event]:
        text = s.text
        out: list[Event] = []
        parties = self._parties_in(s)
        agreements = self._agreements(s)
        friend = cue.FRIEND_RE.search(text)
        sign_hits, sign_verbs = self._sign_hits(s)

        if sign_verbs:
            # an agreement belongs to the nearest signing verb before it: drop those that
            # companies signed in another clause (相关企业…签署了合作框架协议)
            keep = []
            for a, p in agreements:
                before = [v for v in sign_verbs if v <= p]
                if (before and before[-1] in sign_hits) or (not before and sign_hits):
                    keep.append((a, p))
            agreements = keep
        friend_agr = [(a, p) for a, p in agreements if _is_friendship_agreement(a)]
        other_agr = [(a, p) for a, p in agreements if not _is_friendship_agreement(a)]
        if (friend or friend_agr) and cue.RENEWAL_RE.search(text):
            # 续签了两市友好城市关系协议书: the friendship stands; the renewal is a signing
            friend, other_agr, friend_agr = None, agreements, []
        if friend or friend_agr:
            if friend:
                pos, trig_end = s.start + friend.start(), s.start + friend.end()
            else:
                pos, trig_end = friend_agr[0][1], friend_agr[0][1] + len(friend_agr[0][0])
            if not cue.FUTURE_RE.search(self.doc[max(s.start, pos - 10):pos]) \
                    and not cue.PLANNED_BEFORE.search(self.doc, s.start, pos) \
                    and not cue.WILL_WITH.search(self.doc, s.start, pos) \
                    and not cue.STATUS_BEFORE.search(self.doc, s.start, pos) \
                    and not cue.PROPOSED_BEFORE.search(self.doc, s.start, pos) \
                    and not cue.PROPOSED_AFTER.match(self.doc[trig_end:s.end]) \
                    and not cue.THEN_AFTER.match(self.doc, trig_end):
                bg = self._is_background(s, pos, trig_end)
                groups = self._pairs_listed_after(s, parties, trig_end) or \
                    self._signing_parties(s, parties, pos, bilateral=True) or self._titled_pair(friend_agr)
                date = self._date_for(s, pos, bg) if groups else None
                if date is None and groups:
                    date = self._anniversary_year(s)
                for names in groups:
                    out.append(Event(FRIENDSHIP, names, date, [a for a, _ in friend_agr], s, bg))
            # a separately named agreement in the same sentence is its own signing
            other_agr = [(a, p) for a, p in other_agr if a not in cue.GENERIC_AGR]
            if not other_agr:
                sign_hits = []
        if sign_hits and (other_agr or not (friend or friend_agr)):
            pos = sign_hits[0]
            if other_agr:
                # 于…缔结友好城市关系以来,分别于…签订加强交流协议: the verb that signs the agreement
                first_agr = min(p for _, p in other_agr)
                before_agr = [h for h in sign_hits if h <= first_agr]
                if before_agr:
                    pos = before_agr[-1]
            trig_end = max([p + len(a) for a, p in other_agr] + [pos + 2])
            bg = self._is_background(s, pos, trig_end)
            groups = self._signing_parties(s, _outside_agreements(parties, other_agr, pos), pos, bilateral=False) \
                or self._titled_pair(other_agr)
            if groups:
                agr = [a for a, _ in other_agr]
                dates = self._respective_dates(s, pos, bg) or [self._date_for(s, pos, bg)]
                for date in dates:
                    for names in groups:
                        out.append(Event(SIGNING, names, date, agr, s, bg,
                                         titled={a for a in agr if a in self.titled}))
        out.extend(self._meeting(s, parties))
        out.extend(self._visit(s, parties))
        for ev in out:
            if ev.type in (SIGNING, FRIENDSHIP):
                ev.domain_text.append(text)
        return out

    def _signing_parties(self, s: Sentence, parties: list[Party], pos: int, *,
                         bilateral: bool) -> list[list[str]]:
        """Party groups of a signing at ``pos``.

        ``…,并与朝阳区签署`` names only the counterpart: the signer is the region named
        earlier in the sentence, else the publisher, the title's subject or the other side
        of the current pair; with none of them the event is dropped rather than guessed.
        ``A与B、C(分别)签订`` is A–B and A–C, not a three-party agreement (friendship
        relations are always bilateral).
        """
        # abbreviations sign only as the subject of the verb (川渝两地签署); elsewhere (落实青甘两省
        # 座谈会精神) they name a meeting or a policy, and 双方 refers to the sentence's context
        runs = [p for p in parties if p.run_end is not None]
        parties = [p for p in parties if p.run_end is None or cue.ABBREVIATION_SIGNS.match(self.doc, p.run_end)]
        both = re.search(r"双方|两地", self.doc[s.start:pos])
        abbreviated = collapse([p.region.name for p in runs], self.gaz)
        if len(abbreviated) == 2 and not parties and both and all(p.start < s.start + both.start() for p in runs):
            return [abbreviated]  # 最近结束的粤港合作联席会议,双方签署了8项合作协议
        # 由福建、浙江…四省旅游局主办的研讨会在福州举行,来自20个设区市的负责人签下协议: the hosts of the
        # occasion are not the signers named in another clause
        trigger_clause = self._clause_start(s, pos)
        hosts = [p for p in parties if p.start < trigger_clause and cue.HOSTS_AFTER.match(self.doc, p.end)]
        parties = [p for p in parties if p not in hosts]
        # (an anaphor of the hosts, 两省旅游局主办, counts no signers either)
        fill_text = self.doc[trigger_clause:s.end] if hosts else s.text
        members = self._counted_members(s, parties, pos)
        if members is not None:
            return [members] if members else []
        if cue.MEETING_SUBJECT.match(s.text) and self.last_meeting and len(self.last_meeting) >= 2 \
                and not any(p.start < pos for p in parties) and not self._commemorated(s, pos):
            # 此次座谈会…签署了…连云港片区合作框架等5个合作协议: the meeting's parties sign (the
            # regions after the verb are what the agreements are about)
            return [list(self.last_meeting)]
        pairs = self._pair_list(parties, s.start, pos)
        if pairs:
            return pairs
        topics = self._groups_by_topic(parties, s.start, pos)
        if topics:
            return topics
        clause_start = trigger_clause
        head = self.doc[clause_start:pos]
        clause_end_m = re.compile(r"[，,。；;]").search(self.doc, pos)
        clause_end = clause_end_m.start() if clause_end_m else s.end
        # (松江区与昭阳区、镇雄县、彝良县依次签订: one by one, as 分别)
        respectively = cue.ONE_BY_ONE.search(self.doc, s.start, clause_end) is not None
        group = cue.GROUP_SUBJECT.match(head)
        if group and self.last_parties and len(self.last_parties) >= 2 \
                and _anaphor_count(group.group(1)) in (None, len(self.last_parties)):
            # “四市”还与黄石、岳阳等十二个观察员城市共同签署: the group just named and the new ones
            counterparts = self._names([p for p in parties if clause_start <= p.start < clause_end])
            names = collapse(list(self.last_parties) + counterparts, self.gaz)
            return [names] if len(names) > len(self.last_parties) else []
        if re.match(r"\s*(?:并|并且|还|同时|随后|当天|会上|其间|期间)?(?:分别)?(?:与|同|跟)", head):
            counterparts = self._names([p for p in parties if clause_start <= p.start < clause_end])
            subject = self._person_subject(s, parties, clause_start)
            if subject in counterparts:
                subject = None
            subject = subject or next((p.region.name for p in parties if p.start < clause_start
                                       and p.region.name not in counterparts), None)
            for cand in (s.subject, self.publisher.name if self.publisher else None, self.title_subject):
                if subject is None and cand and cand not in counterparts:
                    subject = cand
            if subject is None:
                ctx = self._context_pair() or []
                rest = [c for c in ctx if c not in counterparts]
                if len(rest) == 1 and len(counterparts) <= 1:
                    subject = rest[0]
            if subject is None and self._continues_last(s, clause_start) and counterparts and \
                    "共同" in self.doc[clause_start:clause_end]:
                # …共同签署《甲》;并与黄石、岳阳等观察员城市共同签署《乙》: the signers of the
                # previous sentence joined by the new counterparts
                names = collapse(list(self.last_parties) + counterparts, self.gaz)
                return [names] if len(names) >= 2 else []
            if subject is None:
                if len(counterparts) >= 2:
                    return []
                names = self._fill(counterparts, s.text)
                return [names] if len(names) >= 2 else []
            names = collapse([subject] + counterparts, self.gaz)
            if len(names) < 2:
                names = self._fill(names, s.text)
            if len(names) > 2 and (bilateral or respectively or _several_countries(names[1:], parties)) \
                    and names[0] == subject:
                # (四川省…;与埃及卢克索省、马尔代夫阿杜市、老挝万象市签署…备忘录: one with each)
                return [[subject, c] for c in names[1:]]
            return [names] if len(names) >= 2 else []
        clause_start = self._list_start(parties, clause_start, s.start)
        # …签署了《粤滇…协议》,并与贵州省举行了高层会晤: a region met in a later clause, under a verb
        # of its own, took no part in this signing
        parties = [p for p in parties if p.start < clause_end or not self._met_after(p)]
        clause_parties = [p for p in parties if clause_start <= p.start < clause_end]
        if len(self._names(clause_parties)) >= 2:
            # the trigger's own clause names both sides: regions in other clauses of the
            # sentence (…,吉林省东丰药业分别与…签订) belong to other deals
            parties = clause_parties
        elif not clause_parties and cue.ANAPHOR_RE.search(self.doc, clause_start, pos) \
                and parties and all(p.start >= clause_end for p in parties) \
                and len(named := self._fill([], self.doc[clause_start:clause_end], s)) >= 2:
            # 王建国与杨德振代表两地签订了…协议,城厢镇与朱家场镇、…: 两地 signs; the towns named in the
            # clauses after it are the pairs of other agreements
            return [named]
        elif len(self._names(parties)) > 3:
            # 静海区与沧州市、廊坊市三地及…黄骅市、青县等市县负责人齐聚…,并签订: the counted
            # group signs; the other regions named in the sentence attend
            group = self._counted_group(parties, pos)
            if group and len(group[0]) == group[1]:  # (福建、河北…等12个省区签订: the 12 listed earlier)
                return [group[0]]
        names = self._fill(self._names(parties), fill_text, s)
        venues = {p.region.name for p in parties if p.location} - set(names)
        if len(names) == 1 and len(venues) == 1 and re.search(r"两地|双方", fill_text):
            # 吉林省在渝举办推介会,两地旅游部门签订: the host and the place it came to
            names = collapse(names + list(venues), self.gaz)
        subject = self._signer_before(head, clause_start, parties)
        if subject is not None and names and subject not in names:
            # 自治区党委书记鹿心社与越南谅山省委书记…、高平省委书记…共同签署: the region of the official
            # who opens the clause signs with the regions of those after 与
            names = collapse([subject] + names, self.gaz)
        if len(names) < 2:
            # 随后,张某与李某签署了《…》: the signers' regions stand for the parties
            signers = [r.name for n, r in self.people.items() if n in head]
            names = collapse(list(dict.fromkeys(names + signers)), self.gaz)
        if not names and self.last_meeting and len(self.last_meeting) >= 2 and not self._commemorated(s, pos) \
                and (cue.AT_THE_MEETING.search(self.doc, s.start, pos) or cue.MEETING_SUBJECT.match(s.text)):
            return [list(self.last_meeting)]  # 峰会上签署了《…》: the meeting's parties sign
        if len(names) < 2:
            return []
        if len(names) > 3 and (respectively or bilateral):
            # (中卫市、固原市同巴彦洪格尔市、阿尔拜赫雷市签署建立友好城市关系备忘录: friendships pair too)
            zipped = self._respective_pairs(parties, clause_start, pos, bilateral and not respectively)
            if zipped:
                return zipped
        if len(names) > 2 and (bilateral or respectively):
            # A分别与B、C签署: the party right before 与 signs with each of the others
            subject = next((p for p in reversed(parties) if
                            re.match(r"(?:市|人民政府|政府)?(?:在[^，,。；;与和同]{1,8}?)?(?:还|也|又|并|同时|已|已经|先后)?"
                                     r"(?:分别)?[与和同]", self.doc[p.end:p.end + 16])), None)
            if subject is None and bilateral:
                # 美国纽约市、法国巴黎大区、英国伦敦市等国际大都市与北京结为友城: the one after 与
                # befriends each of those listed before it
                subject = next((p for p in reversed(parties) if p.start < pos and re.search(
                    r"(?:等|等地|等城市|[\u4e00-\u9fff]{0,6}城市)?(?:先后|陆续|相继|分别)?[与同和]$",
                    self.doc[max(s.start, p.start - 12):p.start])), None)
            if subject is None and respectively:
                # 平舆、新蔡两县民政局局长分别和临泉县民政局局长签订: each of those before 分别和 with the
                # one after it
                join = cue.RESPECTIVELY_WITH.search(self.doc, s.start, pos)
                after = {p.region.name for p in parties if join and join.end() <= p.start < pos}
                if join and len(after) == 1:
                    subject = next(p for p in parties if p.region.name in after)
            if subject is not None and subject.region.name in names:
                return [[subject.region.name, n] for n in names if n != subject.region.name]
        return [names]

    def _signer_before(self, head: str, clause_start: int, parties: list[Party]) -> str | None:
        """The region of the official named first in the clause, before any region, and joined by
        与 to the others (张某与…签署); none when the clause has a witness (见证, 出席)."""
        if cue.WITNESS_RE.search(head):
            return None
        first_party = min((p.start for p in parties if p.start >= clause_start), default=None)
        for name, region in self.people.items():
            at = head.find(name)
            if at >= 0 and (first_party is None or clause_start + at < first_party) \
                    and head.startswith(("与", "和", "同"), at + len(name)):
                return region.name
        return None

    def _anniversary_year(self, s: Sentence) -> DateValue | None:
        """今年是双方建立友好省州关系20周年 on a page of 2007: the friendship of 1987."""
        m = cue.ANNIVERSARY_THIS_YEAR.search(s.text)
        if m is None or self.publish_date is None:
            return None
        years = dates_mod.count_value(m.group(2))
        if not years:
            return None
        return DateValue(self.publish_date.year + (m.group(1) == "明年") - years)

    def _commemorated(self, s: Sentence, pos: int) -> bool:
        """本次会议为了纪念…自由贸易协定签署10周年: the signing is the anniversary a meeting marks,
        not one of the meeting's."""
        return "纪念" in self.doc[s.start:pos] and re.match(r"[^，,。；;]{0,6}周年", self.doc[pos:]) is not None

    def _groups_by_topic(self, parties: list[Party], start: int, pos: int) -> list[list[str]]:
        """``湖北省、湖南省就长江干流…,云南省、贵州省、四川省就赤水河流域…分别签署``: each group of
        regions before its 就 signs its own agreement."""
        if "分别" not in self.doc[start:pos + 2] and "分别" not in self.doc[pos:pos + 4]:
            return []
        groups = []
        for seg in re.finditer(r"[^，,；;]+", self.doc[start:pos]):
            a, b = start + seg.start(), start + seg.end()
            inside = [p for p in parties if a <= p.start and p.end <= b and not p.location]
            topic = self.doc.find("就", inside[-1].end, b) if inside else -1
            if len(inside) >= 2 and topic >= 0 and all(
                    re.fullmatch(r"[、和与及]", self.doc[x.end:y.start]) for x, y in zip(inside, inside[1:])) \
                    and topic - inside[-1].end <= 2:
                groups.append(self._names(inside))
        return groups if len(groups) >= 2 else []

    def _met_after(self, p: Party) -> bool:
        """The region opens a clause of its own (并与贵州省举行了高层会晤) whose verb is no signing."""
        start = max(self.doc.rfind(c, 0, p.start) for c in "，,；;。") + 1
        end_m = re.compile(r"[，,；;。]").search(self.doc, p.end)
        clause = self.doc[start:end_m.start() if end_m else len(self.doc)]
        return re.match(r"\s*(?:并|还|随后|同时|又)?(?:与|同|和)", clause) is not None \
            and cue.SIGN_VERB_RE.search(clause) is None and cue.OTHER_ACT.search(clause) is not None

    def _titled_pair(self, agreements: list[tuple[str, int]]) -> list[list[str]]:
        """会见乌隆他尼市市长…,共同签署《…山西省朔州市与泰国乌隆他尼市建立友好交流关系备忘录》: when the
        text names no pair, the two regions the signed agreement's title joins by 与 sign it."""
        for name, at in agreements:
            within = [m for m in self.mentions if at <= m.start and m.end <= at + len(name) and m.region is not None]
            inside = [m for m in within if m.region.level != "country"]
            countries = [m for m in within if m.region.level == "country"]
            for a, b in zip(inside, inside[1:]):
                # (…成都市与法兰西共和国蒙彼利埃市…备忘录: the country before a party is part of its name)
                gap = "".join(self.doc[i] for i in range(a.end, b.start)
                              if not any(c.start <= i < c.end for c in countries))
                if re.fullmatch(r"(?:人民政府|政府)?[与和同]", gap) \
                        and a.region.name != b.region.name:
                    return [[a.region.name, b.region.name]]
        return []

    def _respective_pairs(self, parties: list[Party], start: int, pos: int,
                          unmarked: bool = False) -> list[list[str]]:
        """``A、B分别与C、D签订``: two lists of equal length joined by 分别与 (or, for friendships, by
        与 alone) pair item by item."""
        join = (cue.WITH if unmarked else cue.RESPECTIVELY_WITH).search(self.doc, start, pos)
        if join is None:
            return []
        left = [p for p in parties if start <= p.start and p.end <= join.start() and not p.location]
        right = [p for p in parties if join.end() <= p.start and p.end <= pos and not p.location]
        lists = [left, right]
        if len(left) < 2 or len(left) != len(right) or not all(
                re.fullmatch(r"[县市区旗]?\s*[、和及]\s*", self.doc[a.end:b.start])  # (平泉县: 平泉市 since 2017)
                for side in lists for a, b in zip(side, side[1:])):
            return []
        return [[a.region.name, b.region.name] for a, b in zip(left, right)]

    def _person_subject(self, s: Sentence, parties: list[Party], before: int) -> str | None:
        """冯市长会见了乌兰巴托市长,并与色楞格省签署: an official named before any region of the
        sentence is its subject, and the region that official serves signs (by full name, or
        by surname and title when one known official has that surname)."""
        end = min([p.start for p in parties if p.start < before] + [before])
        head = self.doc[s.start:end]
        found = [(head.find(n), r.name) for n, r in self.people.items() if n in head]
        # 鄂尔浑省长兼额尔登特市长德·巴特罗特率团…并与…签署: the regions before the official are
        # their title; the region the official serves signs
        for n, r in self.people.items():
            q = self.doc.find(n, end, before)
            titled = [p for p in parties if end <= p.start and p.end <= q]
            if q >= 0 and titled and r.name in {p.region.name for p in titled} \
                    and not cue.TITLE_BREAK.search(self.doc, titled[0].end, q):
                found.append((q - s.start, r.name))
        for m in cue.SURNAME_TITLE_RE.finditer(head):
            same = {r.name for n, r in self.people.items() if n[0] == m.group(1)}
            if len(same) == 1:
                found.append((m.start(), same.pop()))
        return min(found)[1] if found else None

    def _pair_list(self, parties: list[Party], start: int, pos: int) -> list[list[str]]:
        """``A与B、C与D、E与F分别签署``: two or more ``X与Y`` pairs listed before the trigger
        are that many bilateral events, never one event of all of them."""
        cands = [p for p in parties if start <= p.start and p.end <= pos and not p.location]
        pairs: list[list[str]] = []
        i = 0
        while i + 1 < len(cands):
            a, b = cands[i], cands[i + 1]
            before = self.doc[cands[i - 1].end:a.start] if i > 0 else ""
            after_end = cands[i + 2].start if i + 2 < len(cands) else pos
            after = self.doc[b.end:after_end]
            if cue.PAIR_JOIN.fullmatch(self.doc[a.end:b.start]) and (i == 0 or cue.PAIR_SEP.fullmatch(before)) \
                    and (i + 2 >= len(cands) or cue.PAIR_SEP.fullmatch(after)) \
                    and a.region.name != b.region.name and not self.gaz.is_ancestor(a.region.name, b.region.name) \
                    and not self.gaz.is_ancestor(b.region.name, a.region.name):
                pairs.append([a.region.name, b.region.name])
                i += 2
                continue
            i += 1
        if len(pairs) < 2:
            return []
        tail = self.doc[cands[-1].end:pos + 2] if cands else ""  # pos may be the verb itself
        if re.match(r"^[^，,。；;]{0,4}(?:分别|各自)?(?:共同)?(?:正式)?" + cue.PAIR_VERB, tail):
            return pairs
        # 还签署了滁州和金昌、宣城和张掖友好城市协议: the verb right before the list
        if re.search(cue.PAIR_VERB + "了?$", self.doc[start:cands[0].start]):
            return pairs
        return []

    def _counted_group(self, parties: list[Party], pos: int) -> tuple[list[str], int] | None:
        """The regions listed right before a count that matches them (A与B、C三地) before ``pos``,
        with the count; or the three or more named before 等 and a larger count (贵阳、毕节、宜宾、
        曲靖和泸州等16个市): only those named are known."""
        for anaphor in cue.ANAPHOR_RE.finditer(self.doc, max(0, pos - 200), pos):
            count = _anaphor_count(anaphor.group(0))
            if count is None or count < 2:
                continue
            run: list[Party] = []
            for p in reversed([p for p in parties if p.end <= anaphor.start()]):
                gap = self.doc[p.end:(run[0].start if run else anaphor.start())]
                if not re.fullmatch(r"(?:人民政府|政府)?[、，,与和及同]?" if run else r"(?:人民政府|政府)?[、，,与和及同等]?", gap):
                    break
                run.insert(0, p)
            names = self._names(run, drop_locations=False)
            some = bool(run) and self.doc[run[-1].end:anaphor.start()].endswith("等")
            if (3 <= len(names) < count) if some else len(names) == count:
                return names, count
        return None

    def _pairs_listed_after(self, s: Sentence, parties: list[Party], trig_end: int) -> list[list[str]]:
        """``新增5对友好城市(省州)分别为A与B、C与D``: the ``X与Y`` pairs a trigger introduces."""
        intro = cue.LIST_INTRO.match(self.doc, trig_end, s.end)
        if not intro:
            return []
        cands = [p for p in parties if p.start >= intro.end() and not p.location]
        pairs: list[list[str]] = []
        i = 0
        while i + 1 < len(cands):
            a, b = cands[i], cands[i + 1]
            join = self.doc[a.end:b.start]
            sep = self.doc[cands[i - 1].end:a.start] if pairs else ""
            if cue.PAIR_JOIN.fullmatch(join) and a.region.name != b.region.name \
                    and (not pairs or cue.PAIR_SEP.fullmatch(sep)):
                pairs.append([a.region.name, b.region.name])
                i += 2
                continue
            break
        return pairs

    def _continues_last(self, s: Sentence, clause_start: int) -> bool:
        """The clause opens ``s`` and ``s`` directly continues the sentence of the last event
        (split at ；)."""
        last = self.last_sentence
        if last is None or not self.last_parties or len(self.last_parties) < 2:
            return False
        if clause_start != s.start or last.para != s.para:
            return False
        return last.end == s.start and last.text.rstrip().endswith((";", "；"))

    def _meeting(self, s: Sentence, parties: list[Party]) -> list[Event]:
        text = s.text
        m = cue.MEETING_RE.search(text)
        if not m:
            return self._group_attends(s, parties)
        verb = cue.MEETING_VERB_RE.search(text)
        if not verb:
            return []
        if verb.group(0) in ("出席", "主持", "参加") and verb.start() < m.start() \
                and not cue.MEETING_VERB_RE.search(text, verb.end()) \
                and not re.search(r"[\u4e00-\u9fff]{2}$", text[verb.end():m.start()]):
            return []  # 出席座谈会并讲话: attending the visit's meeting, not a named one (出席粤港合作联席会议)
        name_start = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:、") + 1
        name = text[name_start:m.end()]
        if cue.BUSINESS_MEETING.search(name):
            self.business_meeting = True  # …出席峰会并讲话 afterwards means that meeting
            return []
        if self.business_meeting and re.search(r"(?:出席|参加|主持|召开)(?:了)?(?:本次|此次|这次)?$", text[:m.start()]):
            return []  # …王华蓉出席峰会并讲话: the chambers' meeting again
        if cue.INTERNAL_MEETING.search(name) or re.match(r"\s*(?:是|为|作为)", text[m.end():]):
            return []  # …市长联席会议是一个重要的区域合作平台,由…主办: what the meeting is, no sitting of it
        if cue.OWN_WORK_MEETING.search(text[:m.end()]):
            return []  # 我县召开2023年苏陕协作工作推进会: one side's own meeting about the cooperation
        if cue.RELAYED_BEFORE.search(text, 0, m.start()) and cue.SPIRIT_AFTER.match(text, m.end()):
            return []  # 传达学习…中央第七次西藏工作座谈会上的重要讲话精神: a meeting relayed, not held
        pos = s.start + m.start()
        if cue.FUTURE_RE.search(self.doc[max(s.start, pos - 10):pos]) or cue.PLAN_RE.search(name) \
                or _scheduled(text, verb.start(), verb.end()):
            return []
        bg = self._is_background(s, pos, s.start + m.end())
        if bg:
            return []
        self.last_meeting_sentence = s  # the meeting the text is at, even before its parties are known
        named = self._named_meetings(s, parties)
        if len(named) >= 2:
            return [Event(MEETING, names, self._date_for(s, pos, False), [], s, False) for names in named]
        names = self._fill(self._names(parties), name)
        if len(names) < 2:
            # 来自…四省十市代表出席座谈会: the counted group the sentence names, listed nearby
            names = self._fill(self._names(parties), text[:m.start()] + text[m.end():], s)
        if len(names) < 2:
            return []
        return [Event(MEETING, names, self._date_for(s, pos, False), [], s, False)]

    def _group_attends(self, s: Sentence, parties: list[Party]) -> list[Event]:
        """重庆、四川、云南、贵州四省市政府分管领导…参加了会议: a counted group of regions whose
        leaders attend the meeting the text is about is that meeting's parties."""
        attend = cue.ATTEND_MEETING.search(s.text)
        if attend is not None and self.scene is not None:
            counted = self._counted_group(parties, s.start + attend.start())
            group = counted[0] if counted else None
        else:
            # 长春、大连、哈尔滨、沈阳及鞍山、吉林、齐齐哈尔的市长再度聚首: right after the meeting
            attend = cue.LEADERS_GATHER.search(s.text)
            after_meeting = self.last_meeting_sentence is not None \
                and self._previous_in_paragraph(s) is self.last_meeting_sentence
            group = self._leaders_listed(s, parties, attend) if attend and after_meeting else None
        if not group or len(group) < 3:
            return []
        return [Event(MEETING, group, self._date_for(s, s.start + attend.start(), False), [], s, False)]

    def _leaders_listed(self, s: Sentence, parties: list[Party], gather: re.Match) -> list[str] | None:
        """The regions listed (、和及与) right before 的市长/的负责人 … that gather."""
        end = s.start + gather.start()
        run: list[Party] = []
        for p in reversed([p for p in parties if p.end <= end]):
            gap = self.doc[p.end:(run[0].start if run else end)]
            if not re.fullmatch(r"[、，,与和及]?" if run else r"(?:市|省|县|区)?", gap):
                break
            run.insert(0, p)
        names = self._names(run, drop_locations=False)
        return names if len(names) >= 3 else None

    def _named_meetings(self, s: Sentence, parties: list[Party]) -> list[list[str]]:
        """``A—B对口合作联席会议和C—D对口合作联席会议``: each meeting name that joins its own
        regions (A—B, A与B) is a meeting of those regions."""
        out: list[list[str]] = []
        start = s.start
        for m in cue.MEETING_RE.finditer(s.text):
            end = s.start + m.start()
            start = max([self.doc.rfind(c, start, end) + 1 for c in "，,。；;：:"] + [start])
            own = [p for p in parties if start <= p.start and p.end <= end]
            start = s.start + m.end()
            if len(own) != 2 or not cue.MEETING_PAIR_JOIN.fullmatch(self.doc, own[0].end, own[1].start):
                continue
            names = self._names(own, drop_locations=False)
            if len(names) == 2 and names not in out:
                out.append(names)
        return out

    def _named_by_character(self, character: str, other: str) -> str | None:
        """来足考察 (大足区), 来嵊 (嵊州市): the one city or county named in the text, other than the
        visitor, whose name (without its level) holds that character."""
        found = self.gaz.holding(character, [m.region for m in self.mentions if m.region.name != other])
        return found.name if found else None

    def _visit(self, s: Sentence, parties: list[Party]) -> list[Event]:
        text = s.text
        out: list[Event] = []
        if cue.NOT_A_VISIT.search(text):
            return out
        for m in cue.DELEG_RE.finditer(text):
            abs_start = s.start + m.start()
            # the delegation's region is written right before it (武汉市党政代表团)
            own = [p for p in parties if p.end == abs_start or (p.end == abs_start - 1 and
                                                                self.doc[p.end] in "区市县省")]
            if m.group(0) in ("带队", "率队"):
                # 区长刘德威带队来我市: the region of the official named right before visits
                leader = next((r.name for n, r in self.people.items() if text.endswith(n, 0, m.start())), None)
                if leader is None:
                    continue
                deleg = leader
            elif own:
                deleg = own[-1].region.name
                self.delegation_region = deleg
            elif self.delegation_region and (
                m.start() == 0 or not cue.CJK.match(text[m.start() - 1])
                or text[max(0, m.start() - 2):m.start()].endswith(("率", "率领", "带领", "的", "该", "此", "党政"))
                or m.group(0).startswith("党政")
            ):
                # a bare (党政)代表团 is the article's delegation; 体育代表团 is not
                deleg = self.delegation_region
            else:
                continue
            rest = text[m.end():]
            clause = re.split(r"[，,。；;]", rest)[0] if not re.match(r"^一行[，,]", rest) else rest
            clause = clause[:60]
            if not cue.VISIT_ACT_RE.search(clause):
                continue
            host = None
            mv = cue.VISIT_MOVE_RE.search(clause)
            if mv:
                after_abs = s.start + m.end() + mv.end()
                nxt = [p for p in parties if after_abs <= p.start <= after_abs + 2]
                if nxt:
                    host = nxt[0].region.name
            if host is None:
                one = cue.ONE_CHARACTER_HOST.match(clause)
                host = self._named_by_character(one.group(1), deleg) if one else None
            if host is None:
                others = [p.region.name for p in parties if p.start > abs_start
                          and p.region.name != deleg and not self.gaz.is_ancestor(p.region.name, deleg)
                          and not self.gaz.is_ancestor(deleg, p.region.name)]
                if others:
                    host = others[0]
            if host is None:
                ctx = self._context_pair()
                if ctx and deleg in ctx and len(ctx) == 2:
                    host = [c for c in ctx if c != deleg][0]
            ctx = self._context_pair() or []
            host_region = self.gaz.get(host) if host else None
            if host is not None and host not in ctx and host_region is not None and host_region.level == "county":
                # 先后到XX区、XX县…考察: a place inside the host city
                up = [c for c in ctx if c != deleg and self.gaz.is_ancestor(c, host)]
                if up:
                    host = up[0]
            if host is None or host == deleg or self.gaz.is_ancestor(host, deleg):
                continue
            pos = abs_start
            bg = self._is_background(s, pos, s.start + m.end())
            if cue.FUTURE_RE.search(self.doc[max(s.start, pos - 10):pos]) or \
                    re.search(r"将|拟|计划", clause[:8]) or _scheduled(text, m.start(), m.end()):
                continue  # (行政长官将率领澳门特别行政区政府代表团于5月11日至19日访问: a visit announced)
            names = sorted(collapse([deleg, host], self.gaz))
            if len(names) == 2:
                out.append(Event(VISIT, names, self._date_for(s, pos, bg), [], s, bg))
            break
        return out


def _several_countries(names: list[str], parties: list[Party]) -> bool:
    """Counterparts in two or more foreign countries: one region signs with each of them."""
    countries = {p.region.country for p in parties if p.region.name in names}
    return len(countries) >= 2 and CHINA not in countries


def _after_publication(date: DateValue | None, published: dt.date | None) -> bool:
    """In a report that announces a date, an event dated days to three months after the publish
    date (六月三日, reported on 5月17日) is planned, not reported. A month-day far after the publish
    month is last year's (12月28日 in a January report) and stays."""
    if date is None or published is None or date.month is None or date.year is not None:
        return False  # a dated year after the publish date says more about a wrong publish date
    ahead = date.month - published.month
    return 0 < ahead <= 3 or (ahead == 0 and date.day is not None and date.day > published.day + 1)


def _scheduled(text: str, start: int, end: int) -> bool:
    """六月三日下午将在广州举行闭幕式,…行政长官共同签署框架协议: a sentence that schedules (将在,
    将于) what it then lists is about the future, unless a past marker (了, 已) intervenes."""
    sched = cue.SCHEDULED.search(text, 0, start)
    return sched is not None and cue.PAST_MARK.search(text, sched.end(), min(len(text), end + 1)) is None


def _anaphor_count(anaphor: str) -> int | None:
    """双方/两地 -> 2, 8市 -> 8, 十市 -> 10, 十二个城市 -> 12, 二十地 -> 20; 各方, 彼此 -> None."""
    number = re.match(r"\d+|[两二三四五六七八九十]+", anaphor)
    if number is None:
        return cue.ANAPHOR_COUNT.get(anaphor[0])
    text = number.group(0)
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return cue.ANAPHOR_COUNT.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (cue.ANAPHOR_COUNT.get(tens, 0) if tens else 1) * 10 + (cue.ANAPHOR_COUNT.get(units, 0) if units else 0)


def _is_friendship_agreement(name: str) -> bool:
    """友好城市协议书 establishes a friendship; 关于加强友好城市间交流的协议书 is an agreement
    between existing friendship cities, and so is one for a span of years (…2025至2030年友城合作备忘录)."""
    if re.search(r"\d{4}\s*(?:至|到|-|—|~|～)\s*\d{4}\s*年|\d{4}\s*年度", name):
        return False
    for m in cue.FRIENDLY_AGR.finditer(name):
        if name[m.end():m.end() + 1] in ("间", "之") or re.search(r"(?:加强|深化|推进|拓展|促进)$", name[:m.start()]):
            continue
        return True
    return False


def _inside_initials(doc: str, m: RegionMention) -> bool:
    """浙皖闽赣(衢黄南饶): a short name read inside a bracketed run of initials (黄南) is none."""
    opening = max(doc.rfind("(", max(0, m.start - 5), m.start + 1), doc.rfind("（", max(0, m.start - 5), m.start + 1))
    if opening < 0 or m.start == opening + 1 and doc[m.end:m.end + 1] in ")）":
        return False
    close = re.compile(r"[)）]").search(doc, m.end, m.end + 5)
    return close is not None and close.start() - opening - 1 <= 6 and m.kind == "short" \
        and re.fullmatch(r"[\u4e00-\u9fff]+", doc[opening + 1:close.start()]) is not None


def _unit_fits(anaphor: str, names: Sequence[str], gaz: Gazetteer) -> bool:
    """四市 counts cities and 四省 provinces: a group of another level is not what it counts."""
    unit = {"省": "province", "市": "prefecture"}.get(anaphor[-1])
    if unit is None or anaphor.endswith(("县市", "城市")):
        return True
    regions = [gaz.get(n) for n in names]
    return all(r is None or r.level == unit or (unit == "prefecture" and r.level == "county" and r.name.endswith("市"))
               for r in regions)


def _governments_in(head: str) -> bool:
    """A government or its region signs in ``head`` (两地, 双方, 政府), not one of its schools or
    companies (两地高中结对签约, 两地企业)."""
    return any(not cue.NON_GOV_SUBJECT.match(head, m.end()) for m in cue.GOV_SUBJECT.finditer(head))


def _outside_agreements(parties: list[Party], agreements: list[tuple[str, int]], pos: int) -> list[Party]:
    """龙港、龙湾两地签署了温州高新区龙港分园合作共建协议: a region inside the name of the agreement
    signed is its subject, not a party, when two signatories are named before the verb."""
    inside = [p for p in parties if any(at > pos and at <= p.start and p.end <= at + len(name)
                                        for name, at in agreements)]
    if not inside or len({p.region.name for p in parties if p.start < pos}) < 2:
        return parties
    return [p for p in parties if p not in inside]


def _inside_title_quotes(doc: str, pos: int) -> bool:
    opening = doc.rfind("《", 0, pos)
    if opening < 0:
        return False
    closing = doc.rfind("》", 0, pos)
    return closing < opening and doc.find("》", pos) >= 0


def _chronicle_in_background(events: list[Event], publish_date: dt.date | None) -> None:
    """2010年,琼粤两省签署…;2015年9月,两省签署…: signings a page dates only to the year or month,
    in two or more different years, are a chronicle of earlier ties, not the news of the day (which
    may be of the publish month: 今年3月 on a page of 14 March)."""
    coarse = [ev for ev in events if ev.type in (SIGNING, FRIENDSHIP)
              and ev.date is not None and ev.date.year is not None and ev.date.day is None]
    if len({ev.date.year for ev in coarse}) >= 2:
        for ev in coarse:
            if publish_date is None or (ev.date.year, ev.date.month) != (publish_date.year, publish_date.month):
                ev.background = True


def extract_events(
    gaz: Gazetteer,
    doc: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[RegionMention],
    *,
    publish_date: dt.date | None,
    publisher: Region | None,
    people: dict[str, Region] | None = None,
) -> list[EventMention]:
    """All events of one document, merged.  ``people`` maps officials' names to the region
    they serve, for signings that name only the signers."""
    runner = EventExtractor(gaz, doc, sentences, mentions, publish_date=publish_date,
                            publisher=publisher, people=people)
    raw = runner.run()
    if cue.ANNOUNCES_A_DATE.search(doc):  # 论坛将于六月一日在香港开幕: what it dates later is planned
        raw = [ev for ev in raw if not _after_publication(ev.date, publish_date)]
    attach_followers(raw, sentences)
    _chronicle_in_background(raw, publish_date)
    merged = drop_title_summaries(fold_coarser(merge(raw), gaz))
    attach_content(merged, sentences)
    return to_mentions(merged)


__all__ = ["EventMention", "extract_events"]

