"""Gazetteer of regions and region mentions resolved in document context.

The gazetteer is built from package data files:

* ``data/divisions.csv``: Chinese divisions (province, prefecture, county) (see ``scripts/build_gazetteer.py``),
* ``data/foreign_regions.csv``: hand-curated foreign countries, provinces/states and cities
  that appear in friendship-city news,
* ``data/former_names.csv``: divisions merged or renamed since (闸北区 -> 上海市静安区), each read as
  the region that holds its territory now, by its short name too where that is no common word (襄樊),
* ``data/province_abbreviations.csv``: one-character province abbreviations (粤, 川),
* ``data/towns.csv``: the 镇, 乡 and 街道 of each county (see ``scripts/build_towns.py``), read only in a
  page that names their county,
* ``data/new_areas.csv``: the national new areas written with their province (四川天府新区), as zones of
  their city.

A page also makes zones of its own: development zones written after their city (嘉兴经济技术开发区)
and free-trade-zone areas named after a city of the zone's province (中国(黑龙江)自由贸易试验区哈尔滨片区),
each a region under that city.

Mentions are found by greedy longest match over every surface form (canonical full name,
official name, short name).  Adjacent mentions where the second is a child of the first are
merged (湖北武汉, 北京朝阳, 韩国庆州), then every mention is resolved against the whole
document: names that other mentions anchor win (朝阳 -> 北京市朝阳区 when 北京朝阳 or
北京市朝阳区 occurs anywhere), short county names need such an anchor, names that are also
common words (城区, 合作, 中山) need their parent right before them, and only when nothing
else decides the higher-level / better-known reading is taken.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Iterable, Sequence

CHINA = "中国"
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_BEFORE_COUNTRY = set("与和同及了的在赴到访自从为是对向及暨见问往达请待迎")  # (会见塞尔维亚查耶蒂纳市市长)
# [province or region unit] + place: 纽夫莱大区奇廉市, 永珍省万荣县, 奇廉市
# (圣若泽多斯坎波斯市: transliterations run to eight characters; 萨塔昆塔地区: a Finnish region)
# (巴奇—基什孔州, 塞纳-圣但尼省勒布朗-梅尼勒市: a dash or a dot may join the parts of a transliterated name)
_FOREIGN_NAME = r"[\u4e00-\u9fff](?:[\u4e00-\u9fff]|[—–\-－·](?=[\u4e00-\u9fff])){1,9}?"
_FOREIGN_PATH_RE = re.compile(r"((?:[\u4e00-\u9fff]|[—–\-－·](?=[\u4e00-\u9fff])){2,6}?(?:大区|省|州|道|府|邦))?((" + _FOREIGN_NAME
                              + r")(市|州|省|郡|县|道|府|町|村|地区|区))")
_FOREIGN_PLACE_RE = re.compile(r"()((" + _FOREIGN_NAME + r")(市|州|省|郡|县|道|府|町|村|地区))")  # groups as above
_FOREIGN_STOP_RE = re.compile(
    r"[的和与等各及在是了将对向为全每该我其这那个位名家人国驻总统首相政府议会代表团友好中委书兼局签订署协]|大使|使馆"
    r"|有关|相关|部分|其他|其它|周边|邻近|毗邻|沿海|沿边|边境|所有|许多|若干|主要|重点"  # (俄罗斯有关地区)
    r"|城$")  # (…城 + 市 is 城市, a word; 洪城 + 郡 is a county: see _no_foreign_name)


_COUNT_CHARACTERS = set("一二三四五六七八九十两几多")


def _no_foreign_name(dm: re.Match) -> bool:
    """The name a foreign path match reads holds a word that no place name holds (韩国各城市,
    日本主要城市), where 韩国洪城郡 is a county, or ends in a count."""
    name, suffix = dm.group(3), dm.group(4)
    if name[-1] in _COUNT_CHARACTERS:
        return True  # 越南边境四省: a count of provinces (三重县 and 八户市 do not end in one)
    found = _FOREIGN_STOP_RE.search(name)
    return found is not None and (found.group(0) != "城" or suffix == "市")


LEVEL_RANK = {"country": 4, "province": 3, "prefecture": 2, "county": 1, "zone": 0, "town": 0, "village": 0}
# Development zones and new areas run by a 管委会: not administrative divisions, but they sign
# as parties (嘉兴经济技术开发区, 郑州市郑东新区).  Named after the region written before them.
_ZONE_RE = re.compile(
    r"([\u4e00-\u9fff]{0,6}?)(经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区"
    r"|新区|示范区|生态城|综合保税区|保税区|(?<!经济)特区)"  # (十堰市武当山特区; 深圳经济特区 is the city)
)
_ZONE_STOP_RE = re.compile(r"[的和与等各及在是了将对向为全每多该本我其这那个位名家人省市县区州]")
# a district written right after a foreign city (明斯克市苏维埃区, 釜山西区)
_FOREIGN_DISTRICT_RE = re.compile(r"([\u4e00-\u9fff]{1,4}?)区(?!域|长|委|政府)")
_NOT_DISTRICTS = {"地", "城", "郊", "市", "园", "社", "景", "片", "新", "开发", "港"}
_OLD_SUFFIXES = set("县市区旗")
# a town (镇, 乡, 街道) written right after its county: 叙永县分水镇, 威信县双河苗族彝族乡
_TOWN_RE = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:镇|乡|街道)(?!村|镇|长|办|干部|企业|振兴|村振兴|风貌)")
# 廊下、吕巷、张堰三镇: a count of towns after their bare names, each a name of two or three characters
_TOWN_COUNT_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:等)?[两二三四五六七八九十]个?(?:乡镇|镇|乡|街道)(?![长村])")
_BARE_LISTED_AFTER = r"(?=[、和与及]|(?:等)?[两二三四五六七八九十]个?(?:乡镇|镇|乡|街道))"
# 屏东县恒春镇长: a town and its head; 云林县斗六市长: a city under a 台湾 county (县辖市)
_TOWN_HEAD_RE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:镇|乡)(?=长)")
_TAIWAN_CITY_RE = re.compile(r"([\u4e00-\u9fff]{2})市")
_NOT_TOWNS = {"城镇", "城乡", "乡镇", "村镇", "集镇", "小城镇", "新乡", "老乡", "家乡", "故乡", "下乡", "返乡", "城关镇"}
_WORDS_LIKE_TOWNS = ("城乡", "乡镇", "村镇", "老乡", "家乡", "故乡", "下乡", "返乡")  # (港城镇 is a town)
_PROVINCE_LIST_END = re.compile(r"(?:等)?[两二三四五六七八九十]个?省(?!会)")
_COUNTY_LIST_END = re.compile(r"(?:等|等?[0-9一二三四五六七八九十两]{1,2}个?)(?:县[(（]市[)）]|县[(（]区[)）]|县市|市县|县区|区县|县)")
_ZONE_FAMILY = {"经济技术开发区": "edz", "经开区": "edz", "经济开发区": "edz", "开发区": "edz",
                "高新技术产业开发区": "hitech", "高新技术开发区": "hitech", "高新区": "hitech"}
_CONJUNCTIONS = set("和与同及")
# 中国(黑龙江)自由贸易试验区哈尔滨片区, 湖北自贸试验区襄阳片区: a free-trade-zone area named after a
# city or county of the zone's province; the page may go on with the bare area (绥芬河片区)
_FTZ_RE = re.compile(r"(?:中国[(（]([\u4e00-\u9fff]{2,3})[)）]自由贸易试验区|([\u4e00-\u9fff]{2,3}?)(?:自贸试验区|自贸区))"
                     r"([\u4e00-\u9fff]{2,4}?)片区")
_TOWNSHIP_AFTER = re.compile(r"[乡镇](?![镇村亲贤土情愁音民里党政企干])|村(?![民级委务镇庄落集干两])")
# 梅江镇民族村: a village written right after its town (村村结对)
_VILLAGE_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?村(?![民级委务镇庄落集干两])")
_LEVEL_CHARACTERS = set("省市县区州旗盟町郡道")
_FOREIGN_LEVELS = set("市州省郡县道町")
_WORD_GOES_ON = set("长委份区级场民内域属际界面容市县州省镇乡村")  # (市长, 省份, 市场: no place ends there)
# idioms that start with a city's name: 长治久安 (lasting order) names no 长治, 世界大同 no 大同
_IDIOM_RE = re.compile(r"长治久安|大同小异|世界大同|天下大同|(?:幸福|福寿|健康|吉祥)安康|千山万水|万水千山"
                       r"|山南海北|天南海北|海北天南")
_LIST_JOIN = re.compile(r"\s*[、和与及]\s*")
_WORD_END = set("与和同及、，,。；;：:的友政人代议委在等") | {""}
# a name with its level written before its own organ is the division (赤壁市人民政府), even when
# its stem is a common word (赤壁)
_ORGAN_AFTER = re.compile(r"人民政府|政府|委员会|[市区县州旗]?委(?:书记|副书记|常委)|[市区县州旗]长")
_DELEGATION_AFTER = re.compile(r"(?:党政|政府|经贸)?(?:代表团|考察团)")
_NOT_ABBREVIATIONS = {"苏宁"}  # a company
# two to four abbreviations before a word of cooperation between them
_ABBREVIATION_RUN_RE = re.compile(
    r"([京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇青宁新港澳台]{2,4})"
    r"(?=两地|两省|两省区|两省市|两个?特别行政区|双方|合作|联席|融合|协同(?!发展)|协作|峰会|高层|经贸|签署|签订|共建|对口)"
)
# 在渝举办: the abbreviations that name one province-level place as the venue (not 宁, 青, 苏, 桂, 吉:
# 在宁 is Nanjing, 在青 Qingdao; not 港, 台; and not after 赴, whose partner is often a city of it)
_PLACE_ABBREVIATIONS = "京津冀晋辽沪浙皖闽赣鲁豫鄂湘粤琼渝川黔滇藏陕"
_ABBREVIATION_VENUE_RE = re.compile(
    rf"(?<=在)([{_PLACE_ABBREVIATIONS}])"
    r"(?=举办|举行|召开|签署|签订|考察|访问|调研|出席|参加|开展|交流)")
# 渝、桂、黔、陇四省(市、区)签署: abbreviations listed one by one before the count of provinces
_ABBREVIATION_LIST_RE = re.compile(
    r"(?<![\u4e00-\u9fff])((?:[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇青宁新港澳台]、){1,6}"
    r"[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇青宁新港澳台])"
    r"(?=等?(?:[两三四五六七八九十]|\d{1,2})个?省)"
)
_ZONE_BEFORE = set("与和同及了的在赴到访自从为是对向暨、")


@dataclass(frozen=True)
class Region:
    """A resolved region, identified by its canonical full name."""

    name: str
    level: str
    country: str
    province: str | None
    adcode: str | None
    longitude: float | None
    latitude: float | None


@dataclass(frozen=True, eq=False)
class _Entry:
    region: Region
    base: str  # the official name without parents: 朝阳区, 武汉市, 庆州市
    parent: str | None  # canonical name of the direct parent (prefecture, province, country)
    ancestors: frozenset[str]
    foreign: bool
    municipal: bool  # a district of 北京/上海/天津/重庆: the better-known reading of 朝阳区


@dataclass(frozen=True)
class _Form:
    entry: _Entry
    kind: str  # "full" | "name" | "short"
    weak: bool  # also a common word: needs a parent right before it or an anchor


@dataclass
class RegionMention:
    """A region named in a document.  ``region`` is None when it stays ambiguous."""

    start: int
    end: int
    surface: str
    forms: tuple[_Form, ...] = field(repr=False)
    chained: bool = False  # parent written right before it (湖北武汉)
    region: Region | None = None
    run_end: int | None = None  # a one-character abbreviation (粤港): where its run ends
    organ: bool = False  # followed by its government or party organ (赤壁市人民政府, 赤壁市委)
    delegation: bool = False  # followed by its delegation (苍南党政代表团)
    listed: bool = False  # joined to the mention before it by 、和与及 (珠海、中山、江门)
    closes_county_list: bool = False  # followed by 等县(市): the list before it names counties
    closes_province_list: bool = False  # followed by 两省市: the list before it names provinces
    standalone: bool = False  # a foreign place read without its country (悉尼市签署)

    @property
    def kind(self) -> str:
        kinds = {f.kind for f in self.forms}
        for k in ("full", "name", "short"):
            if k in kinds:
                return k
        return "short"


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _read_data(name: str) -> str:
    return resources.files("cooperation_pipeline.core").joinpath("data", name).read_text("utf-8")


class Gazetteer:
    """Canonical regions plus a surface-form index for fast mention finding."""

    def __init__(self, entries: Iterable[_Entry], forms: dict[str, list[_Form]],
                 abbreviations: dict[str, str] | None = None,
                 towns: dict[str, tuple[str, ...]] | None = None) -> None:
        self._entries: dict[str, _Entry] = {e.region.name: e for e in entries}
        self.abbreviations = abbreviations or {}  # 粤 -> 广东省: province-level 简称
        self._towns = towns or {}  # county full name -> its 镇, 乡 and 街道
        # 东莞, 中山, 儋州, 嘉峪关: cities with no counties, whose towns stand right under them
        parents = {e.parent for e in self._entries.values()}
        self._without_counties = {n for n, e in self._entries.items()
                                  if e.region.level == "prefecture" and not e.foreign and n not in parents}
        self._forms: dict[str, tuple[_Form, ...]] = {k: tuple(v) for k, v in forms.items()}
        lengths: dict[str, set[int]] = {}
        for surface in self._forms:
            lengths.setdefault(surface[0], set()).add(len(surface))
        self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}
        self._heads = frozenset(surface[:2] for surface in self._forms)  # every surface has 2+ characters
        self.countries = {e.region.name for e in self._entries.values() if e.region.level == "country"}

    # -- construction -----------------------------------------------------------------
    @classmethod
    def load(cls) -> "Gazetteer":
        """The package gazetteer, built once per process."""
        return _load_cached()

    @classmethod
    def from_csv(cls, divisions_csv: str, foreign_csv: str = "", abbreviations_csv: str = "",
                 former_csv: str = "", towns_csv: str = "", new_areas_csv: str = "") -> "Gazetteer":
        entries: list[_Entry] = []
        forms: dict[str, list[_Form]] = {}

        def add(surface: str, entry: _Entry, kind: str, weak: bool) -> None:
            if len(surface) < 2:
                return
            bucket = forms.setdefault(surface, [])
            if any(f.entry is entry for f in bucket):
                return
            bucket.append(_Form(entry, kind, weak))

        rows = list(csv.DictReader(io.StringIO(divisions_csv)))
        for row in rows:
            level = row["level"]
            full = row["full_name"]
            prov_name = row["province"] or None
            pref_full = ""
            if level == "county" and row["prefecture"]:
                pref_full = (prov_name or "") + row["prefecture"]
            if level == "province":
                parent = None
                ancestors: frozenset[str] = frozenset()
            elif level == "prefecture":
                parent = prov_name
                ancestors = frozenset({prov_name}) if prov_name else frozenset()
            else:
                parent = pref_full or prov_name
                ancestors = frozenset(a for a in (prov_name, pref_full) if a)
            region = Region(
                name=full,
                level=level,
                country=CHINA,
                province=prov_name if level != "province" else full,
                adcode=row["adcode"],
                longitude=_float(row["longitude"]),
                latitude=_float(row["latitude"]),
            )
            municipal = level == "county" and row["adcode"][:2] in {"11", "12", "31", "50"}
            entry = _Entry(region, row["name"], parent, ancestors, False, municipal)
            entries.append(entry)
            weak = set(filter(None, row.get("weak_forms", "").split("|")))
            add(full, entry, "full", False)
            add(row["name"], entry, "name", row["name"] in weak)
            for short in filter(None, row["short_names"].split("|")):
                add(short, entry, "short", short in weak)
        by_name = {e.region.name: e for e in entries}
        # 闸北区 (merged into 静安区 in 2015), 襄樊市 (襄阳市 since 2010): a former name is read as the
        # region that holds its territory now. Level changes (萧山市 -> 萧山区) need no row: the stem matches.
        # A former name that another division still bears (双桥区: 重庆's until 2011, 承德's now) is
        # weak: read only with its parent written before it (重庆市双桥区) or its region anchored.
        # 四川天府新区, 贵州贵安新区: the national new areas written with their province, zones of a city
        # (read whole: 贵安新区 holds no 安新县)
        for row in csv.DictReader(io.StringIO(new_areas_csv)):
            city = by_name[row["city"]]
            region = Region(city.region.name + row["name"], "zone", CHINA, city.region.province, None,
                            city.region.longitude, city.region.latitude)
            entry = _Entry(region, row["name"], city.region.name, city.ancestors | {city.region.name}, False, False)
            entries.append(entry)
            by_name[region.name] = entry
            add(row["name"], entry, "full", False)
            for short in filter(None, row["short_names"].split("|")):
                add(short, entry, "name", False)
        current = set(forms)
        for row in csv.DictReader(io.StringIO(former_csv)):
            add(row["former"], by_name[row["current"]], "name", row["former"] in current)
            for short in filter(None, row.get("short_names", "").split("|")):
                add(short, by_name[row["current"]], "short", short in current)
        chinese_surfaces = set(forms)

        if foreign_csv:
            for row in csv.DictReader(io.StringIO(foreign_csv)):
                country, level, full = row["country"], row["level"], row["full_name"]
                parent = None if level == "country" else country
                region = Region(full, level, country, None, None, None, None)
                entry = _Entry(
                    region, row["name"], parent,
                    frozenset() if level == "country" else frozenset({country}), True, False,
                )
                entries.append(entry)
                add(full, entry, "full", False)
                if level == "country" and not full.endswith("国"):
                    for formal in ("共和国", "联邦"):  # 匈牙利共和国, 俄罗斯联邦
                        add(full + formal, entry, "full", False)
                # A foreign name that is also a Chinese surface (丽水市, 江陵) is only read
                # as foreign with its country right before it.
                add(row["name"], entry, "name" if level != "country" else "full",
                    row["name"] in chinese_surfaces and level != "country")
                for short in filter(None, row["short_names"].split("|")):
                    add(short, entry, "short", short in chinese_surfaces)
        abbreviations = {row["abbreviation"]: row["province"]
                         for row in csv.DictReader(io.StringIO(abbreviations_csv))}
        by_code = {row["adcode"]: row["full_name"] for row in rows}
        towns: dict[str, list[str]] = {}
        for row in csv.DictReader(io.StringIO(towns_csv)):
            county = by_code.get(row["county_adcode"])
            if county is not None and row["name"] not in _NOT_TOWNS:
                towns.setdefault(county, []).append(row["name"])
        return cls(entries, forms, abbreviations, {k: tuple(v) for k, v in towns.items()})

    # -- lookup -------------------------------------------------------------------------
    def get(self, name: str) -> Region | None:
        """Region by canonical full name (湖北省武汉市, 北京市朝阳区, 韩国庆州市)."""
        entry = self._entries.get(name)
        return entry.region if entry else None

    def region_for(self, name: str) -> Region | None:
        """``get``, or the region behind a name one document made: a foreign place the list
        lacks (韩国义王市: its country and level follow from the name), a development zone
        (浙江省嘉兴市嘉兴经济技术开发区: level ``zone``, the province and coordinates of its city) or a
        town (四川省泸州市叙永县分水镇: level ``town``, those of its county)."""
        found = self.get(name)
        if found is not None:
            return found
        for length in range(min(len(name) - 1, 16), 1, -1):
            parent = self._entries.get(name[:length])
            if parent is None:
                continue
            if parent.region.level == "country":
                level = "province" if name.endswith(("省", "州", "道", "府", "邦", "大区")) else "prefecture"
                return Region(name, level, parent.region.name, None, None, None, None)
            if parent.region.country == CHINA and _ZONE_RE.search(name, length) and \
                    _ZONE_RE.search(name, length).end() == len(name):
                return Region(name, "zone", CHINA, parent.region.province, None,
                              parent.region.longitude, parent.region.latitude)
            if (parent.region.level == "county" or parent.region.name in self._without_counties) and (
                    _TOWN_RE.fullmatch(name, length) or (
                    parent.region.province == "台湾省" and _TAIWAN_CITY_RE.fullmatch(name, length))):
                return Region(name, "town", parent.region.country, parent.region.province, None,
                              parent.region.longitude, parent.region.latitude)
            town = _TOWN_RE.match(name, length) if parent.region.level == "county" else None
            if town and _VILLAGE_RE.fullmatch(name, town.end()):
                return Region(name, "village", parent.region.country, parent.region.province, None,
                              parent.region.longitude, parent.region.latitude)
            if parent.foreign and parent.region.level == "prefecture" and name.endswith("区"):
                return Region(name, "county", parent.region.country, None, None, None, None)  # 明斯克市苏维埃区
            return None
        return None

    def entry(self, name: str) -> _Entry | None:
        return self._entries.get(name)

    def parent(self, name: str) -> str | None:
        entry = self._entries.get(name)
        return entry.parent if entry else None

    def is_ancestor(self, ancestor: str, name: str) -> bool:
        entry = self._entries.get(name)
        if entry is None:
            # a place one document named (a zone, a foreign city): its name starts with its parents'
            return name != ancestor and name.startswith(ancestor) and ancestor in self._entries
        return ancestor in entry.ancestors

    def is_surface(self, text: str) -> bool:
        """``text`` is a form some place is written in (武夷山, 武夷山市, 广东省), word or not."""
        return text in self._forms

    def surfaces(self) -> list[str]:
        """Every surface form the gazetteer knows (for tokenizer user dictionaries)."""
        return list(self._forms)

    def lookup(self, surface: str) -> list[Region]:
        """Every region a surface form may denote (no context)."""
        return [f.entry.region for f in self._forms.get(surface, ())]

    # -- mention finding -----------------------------------------------------------------
    def scan(self, text: str) -> list[RegionMention]:
        """Greedy longest-match scan, then merge parent+child written together.

        A foreign place the curated list lacks but the text writes after its country
        (坦桑尼亚阿鲁沙市) becomes a region of that country for this document, so that
        its later bare mentions (阿鲁沙市) are found too.
        """
        out = self._scan(text, {})
        overlay = self._foreign_overlay(text, out)
        for extra in (self._zone_overlay(text, out), self._ftz_overlay(text), self._province_list_overlay(text, out)):
            for surface, forms in extra.items():
                overlay[surface] = overlay.get(surface, ()) + forms
        if overlay:
            out = self._scan(text, overlay)
        out = self._with_abbreviations(text, self._chain(out))
        starts = {m.start for m in out}
        # 吉安乡长游淑贞: a township named after a city (吉安乡), not the city
        out = [m for m in out if not (m.kind == "short" and _TOWNSHIP_AFTER.match(text, m.end)
                                      and m.end not in starts)]
        named = {m.forms[0].entry.region.name for m in out if len(m.forms) == 1 and m.forms[0].kind != "short"}
        for prev, m in zip([None] + out[:-1], out):
            suffix = text[m.end:m.end + 1]
            if suffix in _OLD_SUFFIXES and len({f.entry.region.level for f in m.forms}) == 1 and all(
                    f.kind == "short" and (not f.weak or (suffix == "县" and f.entry.ancestors & named))
                    for f in m.forms):
                # 监利县 (监利市 since 2020): the stem with a level suffix of its own is the name; a stem
                # that is also a word needs 县 and its province or city named (友好县区 is no division)
                m.forms = tuple(replace(f, kind="name", weak=False) for f in m.forms)
            m.organ = _ORGAN_AFTER.match(text, m.end) is not None
            m.delegation = _DELEGATION_AFTER.match(text, m.end) is not None
            m.listed = prev is not None and _LIST_JOIN.fullmatch(text, prev.end, m.start) is not None
            m.closes_county_list = _COUNTY_LIST_END.match(text, m.end) is not None
            m.closes_province_list = _PROVINCE_LIST_END.match(text, m.end) is not None
            # 与悉尼市签署: a foreign place's own name with its level, which no Chinese place bears,
            # needs no country unless a word goes on (中部省份, 吴市长 are no places)
            after = text[m.end:m.end + 1]
            m.standalone = len(m.forms) == 1 and m.forms[0].entry.foreign and m.forms[0].kind in ("name", "short") \
                and not m.forms[0].weak and m.surface[-1] in _FOREIGN_LEVELS \
                and after not in _WORD_GOES_ON
        return out

    def _with_abbreviations(self, text: str, mentions: list[RegionMention]) -> list[RegionMention]:
        """Province-level one-character abbreviations written together before a word of
        cooperation (粤港合作联席会议, 川渝两地, 甘青两省): one mention each.  京津冀协同发展 is the
        national strategy a city joins (融入京津冀协同发展), not three parties."""
        if not self.abbreviations:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        added: list[RegionMention] = []
        matches = list(_ABBREVIATION_RUN_RE.finditer(text)) + list(_ABBREVIATION_LIST_RE.finditer(text))
        for vm in _ABBREVIATION_VENUE_RE.finditer(text):
            # 吉林省在渝举办推介会: one abbreviation after 在 is the venue, not a party of a run
            entry = self._entries.get(self.abbreviations.get(vm.group(1), ""))
            if entry is not None and vm.start(1) not in taken:
                added.append(RegionMention(vm.start(1), vm.end(1), vm.group(1), (_Form(entry, "full", False),)))
        for cm in matches:
            run = cm.group(1).replace("、", "")
            entries = [self._entries.get(self.abbreviations.get(ch, "")) for ch in run]
            start = cm.start(1)
            if any(e is None for e in entries) or len({e.region.name for e in entries}) != len(run) \
                    or any(i in taken for i in range(start, cm.end(1))):
                continue
            if run in _NOT_ABBREVIATIONS:
                continue
            positions = [start + i for i, ch in enumerate(cm.group(1)) if ch != "、"]
            for offset, entry in enumerate(entries):
                at = positions[offset]
                added.append(RegionMention(at, at + 1, run[offset], (_Form(entry, "full", False),), run_end=cm.end(1)))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _province_list_overlay(self, text: str, mentions: list[RegionMention]) -> dict[str, tuple[_Form, ...]]:
        """越南河江、老街、莱州、奠边省 and 越南奠边、莱州、老街、河江: a list right after its country
        whose every name is a province of that country (with 省 or without) names provinces,
        though 河江 alone is the city and 莱州 a Chinese one."""
        overlay: dict[str, list[_Form]] = {}
        for m in mentions:
            countries = {f.entry.region.name for f in m.forms if f.entry.foreign and f.entry.region.level == "country"}
            if len(countries) != 1:
                continue
            country = next(iter(countries))
            items: list[tuple[str, _Entry]] = []
            pos = m.end
            while True:
                found = None
                for n in (4, 3, 2):
                    stem = text[pos:pos + n]
                    province = next((f.entry for f in self._forms.get(country + stem + "省", ())
                                     if f.entry.region.level == "province"), None)
                    if province is not None and len(stem) == n and all(_CJK_RE.match(c) for c in stem):
                        found = (stem + "省" if text.startswith("省", pos + n) else stem, province)
                        break
                if found is None:
                    break
                items.append(found)
                pos += len(found[0])
                if pos >= len(text) or text[pos] not in "、和及与":
                    break
                pos += 1
            if len(items) >= 2:
                for surface, province in items:
                    overlay.setdefault(surface, []).append(_Form(province, "full", False))
        return {surface: tuple(forms) for surface, forms in overlay.items()}

    def _ftz_overlay(self, text: str) -> dict[str, tuple[_Form, ...]]:
        """Free-trade-zone areas (片区) named after a city or county of the zone's province, named
        that region + 中国(省)自由贸易试验区 + the area: 哈尔滨片区 of 中国(黑龙江)自由贸易试验区 is
        黑龙江省哈尔滨市中国(黑龙江)自由贸易试验区哈尔滨片区, and so is a later bare 哈尔滨片区."""
        if "片区" not in text:
            return {}
        overlay: dict[str, list[_Form]] = {}
        zones: dict[str, str] = {}  # province -> the zone's short name (黑龙江)
        named = list(_FTZ_RE.finditer(text))
        for m in named:
            short = m.group(1) or m.group(2)
            province = next((e for f in self._forms.get(short, ()) for e in [f.entry]
                             if e.region.level == "province" and not e.foreign), None)
            if province is not None:
                zones[province.region.name] = short
        if not zones:
            return {}

        def area_of(stem: str) -> tuple[_Entry, str] | None:
            entries = {f.entry for f in self._forms.get(stem, ()) if not f.entry.foreign
                       and f.entry.region.level in ("prefecture", "county") and f.entry.region.province in zones}
            if len(entries) != 1:
                return None
            entry = next(iter(entries))
            return entry, f"中国({zones[entry.region.province]})自由贸易试验区{stem}片区"

        for m in named:
            if (found := area_of(m.group(3))) is not None:
                _add_child(overlay, self._forms, m.group(0), found[0], found[1], "zone", m.group(0), min_name=4)
        at = text.find("片区")
        while at >= 0:  # (…管委会和黑河片区: the stem is the longest region name before 片区)
            for stem in (text[max(0, at - n):at] for n in (4, 3, 2)):
                if (found := area_of(stem)) is not None:
                    _add_child(overlay, self._forms, stem + "片区", found[0], found[1], "zone", stem + "片区",
                               min_name=4)
                    break
            at = text.find("片区", at + 2)
        return {surface: tuple(forms) for surface, forms in overlay.items()}

    def _zone_overlay(self, text: str, mentions: list[RegionMention]) -> dict[str, tuple[_Form, ...]]:
        """Zones written right after a known Chinese city, county or municipality, named
        prefecture (or municipality) + the zone as written: 嘉兴经济技术开发区 -> 浙江省嘉兴市嘉兴经济技术开发区,
        郑州市郑东新区 -> 河南省郑州市郑东新区, 莒县经济开发区 -> 山东省日照市莒县经济开发区.  A later bare
        mention of a distinctive zone name (郑东新区) is found too."""
        overlay: dict[str, list[_Form]] = {}
        found: list[tuple[str, str, str, _Entry, str]] = []
        foreign_districts: list[tuple[str, str, _Entry]] = []
        towns: list[tuple[str, str, _Entry]] = []
        prev_end = -1
        prev: RegionMention | None = None
        for m in mentions:
            chained, prev_end = prev_end == m.start, m.end
            after_county = chained and prev is not None and any(f.entry.region.level == "county" for f in prev.forms)
            prev = m
            entries = {f.entry for f in m.forms}
            cities = [e for e in entries if e.region.level == "prefecture"]
            if len(entries) > 1 and len(cities) == 1 and all(
                    e is cities[0] or cities[0].region.name in e.ancestors for e in entries):
                entries = set(cities)  # 乌鲁木齐经济技术开发区: the city's zone, not its county's
            if len(entries) != 1:
                continue
            entry = next(iter(entries))
            region = entry.region
            if entry.foreign and region.level == "prefecture":
                dm = _FOREIGN_DISTRICT_RE.match(text, m.end)
                if dm and not _ZONE_STOP_RE.search(dm.group(1)) and dm.group(1) not in _NOT_DISTRICTS:
                    foreign_districts.append((text[m.start:dm.end()], dm.group(0), entry))
                continue
            if entry.foreign or (region.level == "province" and not region.name.endswith("市")):
                continue
            if region.province == "台湾省" and region.level == "county" and m.kind == "short" \
                    and text.startswith("市", m.end) and not after_county:
                # 宜兰市与洛克维尔市缔姊妹市: the city inside 宜兰县 that bears its name, not the county
                towns.append((m.surface + "市", m.surface + "市", entry))
                continue
            # a town of a county written with its level (威信县双河苗族彝族乡), not after another
            # county (威信县双河… is 威信's town, not 双河市's)
            holds_towns = region.level == "county" or region.name in self._without_counties
            # (苗栗县的三湾乡、南庄乡: the county's towns, listed after 的)
            at = m.end + 1 if text.startswith("的", m.end) else m.end
            tm = (_TOWN_RE.match(text, at) or _TOWN_HEAD_RE.match(text, at)
                  or (region.province == "台湾省" and _TAIWAN_CITY_RE.match(text, at))) \
                if holds_towns and not after_county and m.surface[-1] in "县区市旗" else None
            # (资中县考察城乡: a word that ends like a town, 城乡, is none unless the county has that town,
            # 港北区港城镇)
            if tm and not _ZONE_STOP_RE.search(tm.group(1)) and tm.group(0) not in _NOT_TOWNS and (
                    not tm.group(0).endswith(_WORDS_LIKE_TOWNS) or tm.group(0) in self._towns.get(region.name, ())):
                towns.append((text[m.start:tm.end()], tm.group(0), entry))
                while text.startswith("、", tm.end()) and (nt := _TOWN_RE.match(text, tm.end() + 1)) \
                        and not _ZONE_STOP_RE.search(nt.group(1)) and nt.group(0) not in _NOT_TOWNS \
                        and nt.group(0) not in self._forms:
                    tm = nt
                    towns.append((tm.group(0), tm.group(0), entry))
                continue
            if m.start > 0 and not chained and _CJK_RE.match(text[m.start - 1]) and text[m.start - 1] not in _ZONE_BEFORE:
                continue  # 中新天津生态城: the zone's name does not start with the region
            if not chained and all(f.weak for f in m.forms):
                continue  # 共同富裕示范区: a word (富裕), not the county of that name
            zm = _ZONE_RE.match(text, m.end)
            if not zm or _ZONE_STOP_RE.search(zm.group(1)) or text[m.end:zm.end()] in self._forms:
                continue  # (上海浦东新区: 浦东新区 is a district of its own, no zone of 上海)
            if region.level == "county":
                parent = entry.parent or region.name
                written = text[m.start:zm.end()]
            else:
                parent = region.name
                # written with its level (郑州市郑东新区): the zone's own name follows
                written = text[m.end:zm.end()] if m.surface in (entry.base, region.name) else text[m.start:zm.end()]
            parent_entry = self._entries.get(parent)
            if parent_entry is None:
                continue
            found.append((text[m.start:zm.end()], written, parent, parent_entry, zm.group(2)))
        # one zone per city and kind: 嘉兴经开区 is the 嘉兴经济技术开发区 the same page names in full
        longest: dict[tuple[str, str], str] = {}
        for _, written, parent, _, kind in found:
            key = (parent, _ZONE_FAMILY.get(kind, kind))
            if len(written) > len(longest.get(key, "")):
                longest[key] = written
        for surface, written, parent, parent_entry, kind in found:
            name = longest[(parent, _ZONE_FAMILY.get(kind, kind))]
            if name.endswith("经开区"):  # the one abbreviation that always means the same name
                name = name[:-3] + "经济技术开发区"
            _add_child(overlay, self._forms, surface, parent_entry, name, "zone", written, min_name=4)
        # 叙永县分水镇, 武进区南夏墅街道: a town of a county written right after it, named county + town
        # 石碶街道与屏都街道 in a page that names 海曙区 and 庆元县: a town the division table lists under
        # a county the document names, written alone
        counties = {e for m in mentions for e in [m.forms[0].entry] if len({f.entry for f in m.forms}) == 1
                    and e.region.level == "county" and not e.foreign}
        for county in counties:
            towns += [(town, town, county) for town in self._towns.get(county.region.name, ()) if town in text]
        # 金山区廊下、吕巷、张堰与…广陈、新仓五镇: towns of those counties listed by their bare names before
        # the count of towns
        for cm in _TOWN_COUNT_RE.finditer(text):
            start = max(text.rfind(c, 0, cm.start()) for c in "，,。；;：:\n") + 1
            span = text[start:cm.end()]
            for county in counties:
                for town in self._towns.get(county.region.name, ()):
                    stem = town[:-2] if town.endswith("街道") else town[:-1]
                    if len(stem) >= 2 and stem in span and stem not in self._forms and re.search(
                            "(?<=[、和与及区县市])" + stem + _BARE_LISTED_AFTER, span):
                        towns.append((stem, town, county))
        for surface, written, county in towns:
            town = _add_child(overlay, self._forms, surface, county, written, "town", written, min_name=3)
            # 梅江镇民族村与太和镇结对: a village written after its town
            for base in {surface, written}:
                at = text.find(base)
                while at >= 0:
                    vm = _VILLAGE_RE.match(text, at + len(base))
                    if vm:
                        _add_child(overlay, self._forms, base + vm.group(0), town, vm.group(0), "village",
                                   written + vm.group(0), min_name=3)
                    at = text.find(base, at + len(base))
        # 明斯克市苏维埃区, 釜山西区: a district of a foreign city, named city + district; 列宁区 later alone
        for surface, written, city in foreign_districts:
            _add_child(overlay, self._forms, surface, city, written, "county", written, min_name=3)
        return {k: tuple(v) for k, v in overlay.items()}

    def _scan(self, text: str, overlay: dict[str, tuple[_Form, ...]]) -> list[RegionMention]:
        out: list[RegionMention] = []
        forms_index, lengths = self._forms, self._lengths
        extra_lengths: dict[str, tuple[int, ...]] = {}
        for surface in overlay:
            extra_lengths[surface[0]] = tuple(sorted(
                set(extra_lengths.get(surface[0], ())) | {len(surface)}, reverse=True))
        heads = self._heads
        if extra_lengths:  # merged once per scan, not at every position
            lengths = {**lengths, **{ch: tuple(sorted(set(lengths.get(ch, ())) | set(extra), reverse=True))
                                     for ch, extra in extra_lengths.items()}}
            heads = heads | {surface[:2] for surface in overlay}
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            # most positions start no name: one set lookup of the first two characters rules them out
            lens = lengths.get(ch, ()) if text[i:i + 2] in heads else ()
            if lens:
                for length in lens:
                    if i + length <= n:
                        surface = text[i : i + length]
                        forms = overlay.get(surface) or forms_index.get(surface)
                        if forms and ch in _CONJUNCTIONS and all(f.kind == "short" for f in forms) \
                                and self._match_end(text, i + 1, overlay, extra_lengths) > i + length:
                            i += 1  # 和龙岩: the conjunction 和 before 龙岩, not 和龙 (和龙市)
                            break
                        if forms:
                            end = i + length
                            # 元江县 for 元江哈尼族彝族傣族自治县, 黔东南州 for 黔东南苗族侗族自治州:
                            # the short name plus its level
                            if end < n and text[end] in "县旗州" and surface[-1] not in "县旗州":
                                level = "prefecture" if text[end] == "州" else "county"
                                kept = tuple(f for f in forms if f.entry.region.level == level
                                             and f.entry.region.name.endswith(text[end]))
                                if kept:
                                    # (a stem that is no word, written with its level, is the name)
                                    kept = tuple(f if f.weak else replace(f, kind="name") for f in kept)
                                    forms, end, surface = kept, end + 1, surface + text[end]
                            out.append(RegionMention(i, end, surface, forms))
                            i = end
                            break
                else:
                    i += 1
                continue
            i += 1
        idioms = [(m.start(), m.end()) for m in _IDIOM_RE.finditer(text)]
        if idioms:
            out = [m for m in out if not any(a <= m.start and m.end <= b for a, b in idioms)]
        return out

    def _match_end(self, text: str, i: int, overlay: dict[str, tuple[_Form, ...]],
                   extra_lengths: dict[str, tuple[int, ...]]) -> int:
        """End of the longest surface form starting at ``i`` (``i`` when none does)."""
        lens = set(self._lengths.get(text[i], ())) | set(extra_lengths.get(text[i], ())) if i < len(text) else ()
        for length in sorted(lens, reverse=True):
            surface = text[i:i + length]
            if len(surface) == length and (surface in overlay or surface in self._forms):
                return i + length
        return i

    def _foreign_overlay(self, text: str, mentions: list[RegionMention]) -> dict[str, tuple[_Form, ...]]:
        """Foreign places the curated list lacks, written after their country or after a
        known province of that country: 智利纽夫莱大区奇廉市, 南韩京畿道义王市, 寮国永珍省万荣县,
        尼泊尔蓝毗尼文化市.  The place is named country + city (the gold convention), the
        province in between only locates it."""
        overlay: dict[str, list[_Form]] = {}
        by_start = {m.start: m for m in mentions}

        def add(country: str, surface: str, base: str, suffix: str) -> None:
            level = "province" if suffix in ("省", "州", "道", "府", "地区") else "prefecture"
            region = Region(country + base, level, country, None, None, None, None)
            entry = _Entry(region, base, country, frozenset({country}), True, False)
            overlay.setdefault(surface, []).append(_Form(entry, "full", False))
            if base not in self._forms and base != surface:
                overlay.setdefault(base, []).append(_Form(entry, "name", False))

        # (哈萨克斯坦东哈萨克斯坦州, a full name, names its country too)
        countries = {f.entry.region.name if f.entry.region.level == "country" else f.entry.region.country
                     for m in mentions for f in m.forms
                     if f.entry.region.level == "country" or (f.entry.foreign and f.kind == "full")}
        for m in mentions:
            # 山梨市 where the list has 山梨县: the known short name with another level is that unit
            # (of a country the text names, or by a name no Chinese place bears: 安塔利亚省; and a
            # word must end there: not 加州市场)
            entries = {f.entry for f in m.forms}
            only = next(iter(entries)) if len(entries) == 1 else None
            suffix = text[m.end:m.end + 1]
            if only is not None and only.foreign and only.region.level != "country" and m.kind == "short" \
                    and suffix and suffix in "市郡县町村州道省" and not only.region.name.endswith(suffix) \
                    and (only.region.country in countries or not m.forms[0].weak) \
                    and text[m.end + 1:m.end + 2] in _WORD_END:
                add(only.region.country, m.surface + suffix, m.surface + suffix, suffix)

        prev_end = -1
        prev_country: str | None = None
        for m in mentions:
            entries = {f.entry for f in m.forms}
            single = next(iter(entries)) if len(entries) == 1 else next(
                (f.entry for f in m.forms if f.kind == "full" and f.entry.region.level == "country"), None)
            # (墨西哥 is also short for 墨西哥州: before a place it is the country)
            after_country = prev_country if prev_end == m.start else None
            prev_end, prev_country = m.end, None
            if single is None or not single.foreign:
                continue
            level = single.region.level
            if level == "country":
                if m.start > 0 and _CJK_RE.match(text[m.start - 1]) and text[m.start - 1] not in _BEFORE_COUNTRY:
                    continue
                country = single.region.name
                prev_country = country
            elif level == "province" and single.region.country and (
                    after_country == single.region.country or m.surface.startswith(single.region.country)
                    or (len(m.forms) == 1 and m.forms[0].kind == "name" and not m.forms[0].weak)):
                country = single.region.country  # 南韩京畿道 + 义王市; 加拿大魁北克省 + 沙威尼根市
            else:
                continue
            if text.startswith("长兼", m.end):
                continue  # 鄂尔浑省长兼额尔登特市长: the governor, who is also a mayor
            nxt = by_start.get(m.end)
            dm = _FOREIGN_PATH_RE.match(text, m.end)
            if dm and dm.group(1) and _no_foreign_name(dm):
                # 伊梅列季州签署建立友好省…: the place alone, not a province before a "place"
                dm = _FOREIGN_PLACE_RE.match(text, m.end)
            if dm and dm.group(4) == "区" and not (dm.group(1) or level == "province"):
                continue  # a district only under its province (撒马尔罕州努拉巴德区)
            if dm and country != after_country and not m.surface.startswith(country) and any(
                    dm.start() < at < dm.end() and not by_start[at].forms[0].entry.foreign for at in by_start):
                continue  # (北海道美呗市, where 艾奥瓦州出席河北省 holds a Chinese place: no foreign name)
            if not dm or _no_foreign_name(dm) or \
                    _FOREIGN_STOP_RE.search(re.sub(r"(?:大区|省|州|道|府|邦)$", "", dm.group(1) or "")):
                continue
            if nxt is not None:
                nxt_foreign = [f for f in nxt.forms if f.entry.foreign and f.entry.region.country == country
                               and f.entry.region.level != "country"]  # (吉布提吉布提市: the city of the name)
                if nxt_foreign:
                    # 美国加州: a known place follows; only a longer name written with a short
                    # form inside (蓝毗尼 + 文化市) is a different place (肯尼亚蒙巴萨郡, a level the
                    # known name lacks, is the rule above)
                    if level != "country" or dm.group(1) or nxt.kind != "short" or dm.end() <= nxt.end + 1:
                        continue
            add(country, dm.group(0), dm.group(2), dm.group(4))
        # 蒙古国巴彦洪格尔市、阿尔拜赫雷市: a place the list lacks, listed right after a foreign place
        # the text names, is of that country too (and of the same level)
        known = [(m.end, f.entry) for m in mentions for f in m.forms if len(m.forms) == 1 and f.entry.foreign]
        for surface, forms in list(overlay.items()):
            at = text.find(surface)
            while at >= 0:
                known.append((at + len(surface), forms[0].entry))
                at = text.find(surface, at + len(surface))
        for end, entry in known:
            if entry.region.level not in ("province", "prefecture") or entry.region.country not in countries \
                    or text[end:end + 1] not in ("、", "和"):
                continue
            dm = _FOREIGN_PLACE_RE.match(text, end + 1)
            if dm and dm.group(4) == entry.region.name[-1] and not _no_foreign_name(dm) \
                    and dm.group(0) not in self._forms and end + 1 not in by_start:  # (not 、塞尔维亚苏博蒂察市)
                add(entry.region.country, dm.group(0), dm.group(2), dm.group(4))
        return {k: tuple(v) for k, v in overlay.items()}

    def _chain(self, mentions: list[RegionMention]) -> list[RegionMention]:
        out: list[RegionMention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if prev is not None and prev.end == m.start:
                parents = {f.entry.region.name for f in prev.forms}
                children = tuple(f for f in m.forms if f.entry.ancestors & parents)
                if not children:
                    # 忠清北道忠州市: a foreign city after its province is named country + city
                    provinces = {f.entry.region.country for f in prev.forms
                                 if f.entry.foreign and f.entry.region.level == "province"}
                    children = tuple(f for f in m.forms if f.entry.foreign and f.entry.region.level == "prefecture"
                                     and f.entry.region.country in provinces)
                if children:
                    out[-1] = RegionMention(prev.start, m.end, prev.surface + m.surface,
                                            children, chained=True)
                    continue
                if m.surface[0] == "长" and prev.surface[-1] in _LEVEL_CHARACTERS:
                    continue  # 松山市长野志克仁: the mayor (市长) 野志克仁, not 长野
            out.append(m)
        return out

    def resolve(self, mentions: Sequence[RegionMention]) -> list[RegionMention]:
        """Resolve every mention in the context of the whole document (in place)."""
        countries_in_doc = {
            f.entry.region.name for m in mentions for f in m.forms
            if f.entry.region.level == "country" and len(m.forms) == 1
        }
        anchors: set[str] = set()
        for m in mentions:
            entries = {f.entry for f in m.forms}
            if len(entries) != 1:
                continue
            form = m.forms[0]
            if m.chained or form.kind == "full" or (form.kind == "name" and m.organ) or (
                not form.weak and (form.kind == "name" or form.entry.region.level != "county")
                and (not form.entry.foreign or form.entry.parent in countries_in_doc
                     or form.entry.region.level == "country")
            ):
                anchors.add(form.entry.region.name)
        local = {f.entry.region.name: f.entry for m in mentions for f in m.forms}
        for _ in range(2):
            context = set(anchors)
            for name in anchors:
                entry = local.get(name) or self._entries.get(name)
                if entry:
                    context |= entry.ancestors
                    if entry.foreign:
                        context.add(entry.region.country)
            for m in mentions:
                m.region = self._pick(m, anchors, context)
            anchors |= {m.region.name for m in mentions if m.region is not None}
        self._resolve_by_siblings(mentions)
        self._resolve_county_lists(mentions)
        self._resolve_province_lists(mentions)
        return list(mentions)

    @staticmethod
    def _resolve_county_lists(mentions: Sequence[RegionMention]) -> None:
        """井冈山、莲花、醴陵、平江…等县(市): names listed before 等县 are counties even when they are
        also words (莲花, 铜鼓); each takes its one county reading."""
        for i, m in enumerate(mentions):
            if not m.closes_county_list:
                continue
            items = [m]
            while items[0].listed and mentions.index(items[0]) > 0:
                items.insert(0, mentions[mentions.index(items[0]) - 1])
            provinces = {x.region.province for x in items if x.region is not None}
            for item in items:
                if item.region is not None:
                    continue
                counties = {f.entry.region.name: f.entry.region for f in item.forms
                            if f.entry.region.level == "county" and not f.entry.foreign}
                if len(counties) > 1:  # 龙山: the reading in a province of the other items
                    counties = {n: r for n, r in counties.items() if r.province in provinces}
                if len(counties) == 1:
                    item.region = next(iter(counties.values()))

    @staticmethod
    def _resolve_province_lists(mentions: Sequence[RegionMention]) -> None:
        """天津与河北两省市: names listed before a count of provinces are provinces (河北, not 天津's
        河北区)."""
        for i, m in enumerate(mentions):
            if not m.closes_province_list:
                continue
            j = i
            while True:
                item = mentions[j]
                province = next((f.entry.region for f in item.forms
                                 if f.entry.region.level == "province" and not f.entry.foreign), None)
                if province is not None:
                    item.region = province
                if not item.listed or j == 0:
                    break
                j -= 1

    def initials(self, text: str, mentions: Sequence[RegionMention]) -> list[RegionMention]:
        """Mentions for runs of initials (深中两地 after 深圳 and 中山 are named; 珠中江三市): each
        character the first of exactly one city or county named earlier (柳州市鱼峰区 names 柳州 too),
        as many as the count says. Returned as one-character mentions of a run, like province
        abbreviations (粤港)."""
        added: list[RegionMention] = []
        taken = {i for m in mentions for i in range(m.start, m.end)}
        runs = [(cm.group(1)[-_COUNTS[cm.group(2)]:], cm.end(1), True) for cm in _INITIALS_RE.finditer(text)
                if len(cm.group(1)) >= _COUNTS[cm.group(2)]]
        # “当枝松宜”主要负责人: a quoted run of initials, as many places as characters; they name the
        # places themselves, wherever they stand (not only as the subject of a verb, like 粤港)
        runs += [(cm.group(1), cm.end(1), False) for cm in _QUOTED_INITIALS_RE.finditer(text)]
        if not runs:
            return list(mentions)
        keyed = []  # (start, first character of the city or county named, that region)
        for m in mentions:
            if m.region is not None and m.region.level not in ("province", "country", "zone"):
                named = self.named_first(m.region, m.surface)
                if named is not None and named.level not in ("province", "country", "zone"):
                    keyed.append((m.start, self._entries[named.name].base[0], named))
        keys = {k for _, k, _ in keyed}
        for run, run_end, counted in runs:
            start = run_end - len(run)
            if not set(run) <= keys or any(i in taken for i in range(start, run_end)) \
                    or text.rfind("《", 0, start) > text.rfind("》", 0, start):
                continue  # (《绵渝两地…协议》: initials inside a title name its subject)
            earlier: dict[str, set[Region]] = {}
            for at, key, named in keyed:
                if at < start:
                    earlier.setdefault(key, set()).add(named)
            regions = [_widest(earlier.get(ch, set())) for ch in run]
            if any(r is None for r in regions) or len(set(regions)) != len(run):
                continue
            for offset, region in enumerate(regions):
                form = _Form(self._entries[region.name], "full", False)
                added.append(RegionMention(start + offset, start + offset + 1, run[offset], (form,),
                                           region=region, run_end=run_end if counted else None))
        return sorted(list(mentions) + added, key=lambda m: m.start) if added else list(mentions)

    def base_name(self, name: str) -> str:
        """The official name without its parents (湖北省荆州市监利市 -> 监利市); the name itself if unknown."""
        entry = self._entries.get(name)
        return entry.base if entry else name

    def holding(self, character: str, regions: Iterable[Region]) -> Region | None:
        """The one city or county among ``regions`` whose own name (without its level) holds the
        character a text abbreviates it to (来足 -> 大足区, 来泸 -> 泸州市), else None."""
        found = {r.name: r for r in regions
                 if r.level in ("prefecture", "county") and character in self.base_name(r.name)[:-1]}
        return next(iter(found.values())) if len(found) == 1 else None

    def abbreviated(self, character: str) -> Region | None:
        """The province-level place a one-character abbreviation names on its own (来湘 -> 湖南省);
        None for those that also abbreviate a city (宁, 青, 苏, 桂, 吉) or are no place."""
        if character not in _PLACE_ABBREVIATIONS:
            return None
        entry = self._entries.get(self.abbreviations.get(character, ""))
        return entry.region if entry is not None else None

    def named_first(self, region: Region, surface: str) -> Region | None:
        """The city or county whose name a mention's surface starts with: the region itself, or the
        parent written before it (柳州市鱼峰区 -> 柳州市); a province before it is passed over
        (湖北当阳 -> 当阳市)."""
        entry = self._entries.get(region.name)
        found = None
        while entry is not None:
            if entry.region.level != "province" and entry.base[:1] in surface:
                found = entry.region
                if entry.base[:1] == surface[:1]:
                    return found
            entry = self._entries.get(entry.parent) if entry.parent else None
        return found

    def _resolve_by_siblings(self, mentions: Sequence[RegionMention]) -> None:
        """珠海、中山、江门: a name left open (中山 is also a common word and a district of 大连)
        that is listed between regions takes the reading that shares their parent."""
        for i, m in enumerate(mentions):
            if m.region is not None:
                continue
            near = [n for n, joined in ((mentions[i - 1] if i else None, m.listed),
                                        (mentions[i + 1] if i + 1 < len(mentions) else None,
                                         i + 1 < len(mentions) and mentions[i + 1].listed))
                    if joined and n is not None and n.region is not None]
            parents = {(n.region.name if n.region.level == "province" else n.region.province) for n in near}
            levels = {_sibling_level(self._entries[n.region.name]) if n.region.name in self._entries
                      else n.region.level for n in near}
            if len(levels) != 1:
                continue
            fits: dict[str, Region] = {}
            if len(parents) == 1:
                # 荆州、恩施和神农架: a county-level unit under the province itself (神农架林区, 济源市)
                # stands among its cities
                fits = {f.entry.region.name: f.entry.region for f in m.forms
                        if _sibling_level(f.entry) in levels and f.entry.region.province in parents}
            if not fits and len(near) == 2 and levels in ({"prefecture"}, {"county"}):
                # 衢州、黄山、南平、上饶: between two cities of other provinces, the city reading
                # (通道侗族自治县、资源县和城步苗族自治县: between two counties, the county reading)
                fits = {f.entry.region.name: f.entry.region for f in m.forms
                        if f.entry.region.level in levels and not f.entry.foreign}
            if len(fits) == 1:
                m.region = next(iter(fits.values()))

    def _pick(self, m: RegionMention, anchors: set[str], context: set[str]) -> Region | None:
        best: list[tuple[tuple, _Entry]] = []
        for form in m.forms:
            entry = form.entry
            name = entry.region.name
            level = entry.region.level
            if not m.chained and form.kind != "full":
                if entry.foreign and level != "country" and entry.parent not in context and not m.standalone:
                    continue
                if form.weak and name not in anchors and not (
                        # 泰安市…泰山区 (also a district of 新北市): its city named, a full name is that city's
                        form.kind == "name" and len(form.entry.base) >= 3 and entry.parent in anchors):
                    continue
                if form.kind == "short" and level == "county" and not (
                    name in anchors or (entry.parent in context)
                    # 苍南党政代表团: a county's short name before its own delegation, when it is no word
                    or (m.delegation and not form.weak and len(m.forms) == 1)
                ):
                    continue
            score = (
                (4 if name in anchors else 0)
                + (2 if entry.parent and entry.parent in context else 0)
                + (1 if entry.ancestors & context else 0)
            )
            best.append(((score, LEVEL_RANK[level], entry.municipal), entry))
        if not best:
            return None
        best.sort(key=lambda t: t[0], reverse=True)
        top_key = best[0][0]
        tied = {e.region.name for k, e in best if k == top_key}
        if len(tied) > 1:
            return None
        return best[0][1].region


@functools.lru_cache(maxsize=1)
def _load_cached() -> Gazetteer:
    return Gazetteer.from_csv(_read_data("divisions.csv"), _read_data("foreign_regions.csv"),
                              _read_data("province_abbreviations.csv"), _read_data("former_names.csv"),
                              _read_data("towns.csv"), _read_data("new_areas.csv"))


# --------------------------------------------------------------------------------------
# Context helpers shared by officials and events
# --------------------------------------------------------------------------------------

# Government departments, organs and institutions: "湖南省教育厅" names a department,
# not the province, so it cannot be a party to an inter-regional agreement.
_DEPT_STEMS = (
    "教育|卫健|卫生健康|卫生|卫计|发改|发展和改革|发展改革|公安|商务|文旅|文化和旅游|文化旅游|文化|旅游|"
    "科技|科学技术|工信|工业和信息化|经信|经济和信息化|财政|人社|人力资源和社会保障|人力资源社会保障|民政|"
    "住建|住房和城乡建设|住房城乡建设|交通运输|交通|生态环境|环保|自然资源|规划和自然资源|农业农村|农业|水利|"
    "水务|市场监管|市场监督管理|统计|审计|国资|外事|外办|侨务|侨办|台办|台湾事务|司法|应急管理|应急|体育|医保|"
    "医疗保障|税务|金融|地方金融|投资促进|投促|招商|合作交流|对口支援|扶贫|乡村振兴|政务服务|政务|大数据|数据|城管|"
    "城市管理|规划|林业|园林|粮食|国土|民委|民族宗教|宣传|组织|统战|政法|纪委|监委|编办|档案|气象|海洋|口岸|"
    "物流|机关事务|信访|退役军人事务|残联|妇联|共青团|团|工商联|科协|社科联|文联|红十字|经济|网信|保密|研究|"
    "党史|老干部|融媒体|广电|新闻出版|版权|知识产权|药监|烟草|邮政|电力|消防|边检|海事|铁路"
)
# a department of a government or party committee, up to its kind (…旅游局, …外事办)
_DEPT_HEAD = r"(?:省|市|区|县|州|盟|旗)?(?:委|政府|人民政府)?(?:" + _DEPT_STEMS + r")"
_DEPT_RE = re.compile(
    _DEPT_HEAD + r"(?:厅|局|委员会|委|办公室|办|部|署|中心|处|研究院|研究室)"
    r"|(?:省|市|区|县|州)?(?:人大|政协|中级人民法院|人民法院|法院|人民检察院|检察院|海关|军分区|总工会"
    r"|工商联|妇联|残联|科协|文联|社科联|红十字会)"  # (四川省工商联与北海市人民政府签署: a federation)
    r"|(?:省|市|区|县)?[^\s，,。；;、：:与和同及并将在的对向为是了由—–-]{0,10}?"
    r"(?:有限公司|股份公司|集团|公司|银行|大学|学院|医院|日报|晚报|报社|电视台|新闻网|研究院|研究所|商会|协会|"
    r"科技园|产业园|工业园|园区|开发区|高新区|经开区|自贸区|试验区|示范区|测试区|实验室|博物馆|美术馆|农场|林场|牧场|"
    r"纪念馆|学校|中学|小学|机场|火车站|高铁站|码头|分处|办事处|代表处|总领事馆|领事馆|使馆)"
)


# (a people's congress or its standing committee acts for its region too: 巴南区人大常委会与资中县人大常委会签订)
# (长阳县政协与郧西县政协签订友好协议书: a county's congress or consultative conference acts for it)
_GOV_DEPT_RE = re.compile(_DEPT_HEAD + r"(?:厅|局|委员会|委|办公室|办|部门)(?![长主])"
                          r"|(?:省|市|区|县|州)?(?:人大常委会|政协)(?![副主党委秘])")


def is_department(text: str, mention: RegionMention, *, government: bool = True) -> bool:
    """The mention names a department, company or institution of the region, not the region.
    With ``government=False`` a government department (旅游局, 外办) is not counted: it acts for
    its region (two regions' departments signing are the regions signing)."""
    end = mention.end
    if text[end:end + 1] in ("(", "（"):
        # 龙岩高新区(经开区)对口合作…: judge what follows the bracketed alias
        close = re.compile(r"[)）]").search(text, end, end + 16)
        if close:
            end = close.end()
    if not government and _GOV_DEPT_RE.match(text, end):
        return False
    return _DEPT_RE.match(text, end) is not None


_PUBLISHER_RE = re.compile(
    r"(?:来源|来自|稿源)\s*[:：]\s*([^\s，,。|]{2,20})"
    r"|[（(]\s*([^\s（()）]{2,12}?(?:日报|晚报|报社|报|电视台|融媒体中心|新闻网|发布))[\s)）]"
    # 本报济宁9月28日讯: the paper's own dateline names its city; 竹溪新闻网讯: a local outlet's
    r"|本报([^\s\d，,。讯电]{2,8}?)\s*(?:\d{1,2}月)?\d{1,2}日(?:讯|电)"
    r"|(?:^|\n)\s*([^\s\d，,。(（]{2,6}?(?:新闻网|网|日报|融媒体中心|融媒|电视台|发布))讯"
    # 浙江在线6月7日宁波讯: the outlet, its dateline and the place it filed from
    r"|(?:^|\n)\s*([^\s\d，,。(（]{2,6}?(?:在线|新闻网|日报|晚报))\s*\d{1,2}月\d{1,2}日[^\s\d，,。]{0,6}?(?:讯|电)"
)


_LOCAL_OUTLET_RE = re.compile(r"(?:[县市区])?(?:新闻网|日报|晚报|融媒体中心|融媒|广播电视台|电视台)")
_OUTLET_RE = re.compile(r"(?:[省市区县州旗])?(?:新闻网|新闻|日报|晚报|报|电视台|广播电视台|融媒体中心|融媒|发布|在线|网)")


# 深中两地, 珠中江三市: a run of initials before the count of the places it names
_INITIALS_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4})(?=(两|三|四)[地市县区])")
_COUNTS = {"两": 2, "三": 3, "四": 4}
_QUOTED_INITIALS_RE = re.compile(r"[“\"]([\u4e00-\u9fff]{3,4})[”\"]")


def _add_child(overlay: dict[str, list[_Form]], known: dict[str, tuple[_Form, ...]], surface: str, parent: _Entry,
               name: str, level: str, written: str, *, min_name: int) -> _Entry:
    """A region one document makes under a known one (a zone, a town, a foreign district): read
    where the text wrote it with its parent (``surface``), and where it writes the child's own
    name alone (``written``, when that is distinctive: long enough and no known name)."""
    child = Region(parent.region.name + name, level, parent.region.country, parent.region.province, None,
                   parent.region.longitude, parent.region.latitude)
    entry = _Entry(child, name, parent.region.name, parent.ancestors | {parent.region.name}, parent.foreign, False)
    if not any(f.entry.region == child for f in overlay.get(surface, ())):
        overlay.setdefault(surface, []).append(_Form(entry, "full", False))
    if written != surface and len(written) >= min_name and written not in known \
            and not any(f.entry.region == child for f in overlay.get(written, ())):
        overlay.setdefault(written, []).append(_Form(entry, "name", False))
    return entry


def _sibling_level(entry: _Entry) -> str:
    """The level an entry ranks with among listed siblings: a county directly under its province
    ranks with the province's cities."""
    level = entry.region.level
    if level == "county" and not entry.foreign and entry.parent == entry.region.province:
        return "prefecture"
    return level


def _widest(regions: set[Region]) -> Region | None:
    """The one region that contains all the others (深圳市 of 深圳市 and 深圳市宝安区), if any."""
    for region in regions:
        if all(other.name.startswith(region.name) for other in regions):
            return region
    return None


def level_suffix(region: Region) -> str:
    """The suffix a bare 市/区/县/省 refers to (北京市朝阳区 -> 区)."""
    if region.level == "province":
        return "市" if region.name.endswith("市") else "省"
    tail = region.name[-1]
    if region.name.endswith(("自治州",)):
        return "州"
    return tail


def publisher_region(gaz: Gazetteer, source_name: str | None, text: str) -> Region | None:
    """Region of the publishing outlet: XX日报 / XX报纸 -> the region XX.

    Tried in order: the given source name, a ``来源:`` line, a credit like
    ``(XX日报 首席记者…)``.  The most specific region named there wins.
    """
    candidates: list[str] = []
    if source_name:
        # 中安在线-安徽日报: a portal and the paper it re-hosts, each an outlet of its own
        candidates.extend([source_name] + [part for part in re.split(r"\s*[-—_|｜]\s*", source_name)[1:] if part])
    for m in _PUBLISHER_RE.finditer(text):
        candidates.append(next(g for g in m.groups() if g))
    for cand in candidates:
        cand = cand.strip().strip("《》〈〉<>“”\"'")  # 《长春日报》
        mentions = gaz.resolve(gaz.scan(cand))
        regions = [m.region for m in mentions if m.region is not None and m.start == 0
                   and m.region.country == CHINA]
        if not regions:
            # 苍南新闻网: an outlet named after a county by its short name, when that name
            # denotes exactly one Chinese region and is not a common word
            first = next((m for m in mentions if m.start == 0), None)
            # a weak name (竹溪 is also "bamboo stream") only before an unmistakable outlet (竹溪新闻网)
            if first is not None and first.end < len(cand) and (
                    not any(f.weak for f in first.forms) or _LOCAL_OUTLET_RE.match(cand, first.end)):
                entries = {f.entry.region.name: f.entry.region for f in first.forms}
                cities = {n: r for n, r in entries.items() if r.level == "prefecture" and r.country == CHINA}
                if len(entries) > 1 and len(cities) == 1 and re.match(r"日报|晚报", cand[first.end:]):
                    entries = cities  # 中山日报: a daily of the city 中山, not of 大连's 中山区
                if len(entries) == 1:
                    only = next(iter(entries.values()))
                    if only.country == CHINA and _OUTLET_RE.match(cand, first.end):
                        regions = [only]
        if regions:
            return max(regions, key=lambda r: -LEVEL_RANK[r.level])
    return None


def collapse(names: Iterable[str], gaz: Gazetteer) -> list[str]:
    """Drop regions whose descendant is also present (北京市 + 北京市朝阳区 -> 北京市朝阳区)."""
    uniq = list(dict.fromkeys(names))
    return [n for n in uniq if not any(o != n and gaz.is_ancestor(n, o) for o in uniq)]
