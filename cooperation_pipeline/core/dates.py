"""Date expressions in Chinese news text, as precise as the text supports.

Output forms follow the gold: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` (month and
day, no safe year) or None.  A year is never invented: it comes from the text
(2013年11月23日, 今年, 去年), from the publish date when the event month is not after the
publish month, or from conservative body evidence (the only year the document names for a
current activity, e.g. ``2019中国国际服务贸易交易会``).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "两": 2}
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(frozen=True)
class DateValue:
    """A possibly partial date.  ``rank`` says how trustworthy it is for an event:
    3 explicit (5月10日), 2 relative to the publish date (昨日), 1 inherited from context."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    rank: int = 3

    def iso(self) -> str | None:
        return _iso(self.year, self.month, self.day)

    def end_iso(self) -> str | None:
        if self.end_day is None and self.end_month is None:
            return None
        return _iso(self.end_year, self.end_month, self.end_day)

    def as_date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None

    def covers(self, other: "DateValue") -> bool:
        """``other`` is a day inside this range (5月10日至11日 covers 11日)."""
        if not self.is_range or other.month is None or other.day is None or self.month is None:
            return False
        if self.year and other.year and self.year != other.year:
            return False
        start = (self.month, self.day or 1)
        end = (self.end_month or self.month, self.end_day or 31)
        return start <= (other.month, other.day) <= end

    def compatible(self, other: "DateValue") -> bool:
        """Could both denote the same event day (one refining the other)?"""
        for a, b in ((self.year, other.year), (self.month, other.month)):
            if a is not None and b is not None and a != b:
                return self.covers(other) or other.covers(self)
        if self.day is not None and other.day is not None and self.day != other.day:
            return self.covers(other) or other.covers(self)
        return True


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year and month:
        return f"{year:04d}-{month:02d}"
    if month and day:
        return f"--{month:02d}-{day:02d}"
    if year:
        return f"{year:04d}"
    return None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue
    kind: str  # "absolute" | "relative" | "day_only" | "year" | "dateline"


_ROC_START = 1911  # year N of the Republic of China (民国, Taiwan's calendar) is 1911 + N
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_PART = r"(?:上午|下午|晚上|晚间|晚|早上|早晨|中午|凌晨|清晨|傍晚|夜间|夜)?"
_DATE_RE = re.compile(
    r"(?P<full>(?:(?:(?P<y>(?:19|20)\d{2})|民国(?P<roc>\d{2,3})|(?<!\d)(?P<roc3>1[0-2]\d)(?=\s*年\s*\d{1,2}\s*月))\s*年\s*)?(?:(?P<rel_y>今年|去年|前年|明年)\s*)?"
    r"(?P<m>" + _NUM + r")\s*月\s*(?:(?P<d>" + _NUM + r")\s*(?:[日号]|(?=\s*(?:至|到|-|—|–|~|～)\s*" + _NUM + r"\s*[日号])))?"
    r"(?:\s*(?:至|到|-|—|–|~|～)\s*(?:(?P<m2>" + _NUM + r")\s*月\s*)?(?P<d2>" + _NUM + r")\s*[日号])?)"
    r"(?P<dl>(?:电|讯|消息|报导|报道))?"
    r"|(?P<rel>昨日|昨天|昨(?=[率在与赴到抵访出召举签会参宣接于起])|今日|今天|前天|前日|日前|近日|当天|当日|同日|次日|翌日|上周(?P<lw>[一二三四五六日天])"
    r"|本周(?P<tw>[一二三四五六日天])|上月|上个月|本月)"
    r"|(?<![\d年月])(?P<dd>3[01]|[12]\d|0?[1-9])\s*[日号](?P<dd2>\s*(?:至|到|-|—|~)\s*\d{1,2}\s*[日号])?" + _PART +
    r"(?![讯电游报])"
    r"|(?<=[于在])(?P<ddc>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日(?![讯电游报])"  # 于十日在哈尔滨举行
    r"|(?:(?:(?<=^)|(?<=[\s，,。；;：:、)）]))(?P<lm>\d{3,4}|3[2-9]|[4-9]\d)日(?=[\s，,]|上午|下午|晚上|在)"
    r"|(?<![\d年月])(?P<lm2>\d{3,4})日至\d{1,2}日)"  # 121日至2日: a range names a date even after a name
    r"|民国(?P<royo>\d{2,3})\s*年(?!\s*(?:度|代))"  # Taiwan's years: 民国98年 (2009); (年度: a plan's year, as below)
    r"|(?<![\d\-—~至到])(?P<yo>(?:19|20)\d{2})\s*年(?!\s*[\d一二三四五六七八九十]+\s*月)(?!\s*(?:前|以前|之前|底前|度|代|底|初|末|计划|规划))"
)


_DATE_CHARACTER = re.compile(r"[月日号年昨今前近当同次翌上本]")


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = s.translate(_FULLWIDTH)
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1], 0)
    if s.endswith("十"):
        return _CN_NUM.get(s[0], 0) * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_NUM.get(a, 0) * 10 + _CN_NUM.get(b, 0)
    return _CN_NUM.get(s)


def count_value(s: str) -> int | None:
    """A count written in digits or Chinese numerals (20, 二十, 十五)."""
    return _num(s)


def _valid(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text`` with the parts the text itself gives."""
    return list(_find_dates(text))


@functools.lru_cache(maxsize=4096)
def _find_dates(text: str) -> tuple[DateMention, ...]:
    """``find_dates``, remembered: extraction asks about the same sentence several times."""
    if not _DATE_CHARACTER.search(text):
        return ()  # (every date expression holds one of these; half of all sentences hold none)
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        if g["m"] is not None:
            month, day = _num(g["m"]), _num(g["d"])
            month2 = _num(g["m2"]) or (month if g["d2"] else None)
            day2 = _num(g["d2"])
            if not _valid(month, day) or not _valid(month2, day2):
                continue
            roc = g["roc"] or g["roc3"]
            year = int(g["y"]) if g["y"] else _ROC_START + int(roc) if roc else None
            kind = "dateline" if g["dl"] else "absolute"
            value = DateValue(year, month, day, None, month2 if day2 else None, day2)
            if g["rel_y"]:
                value = replace(value, year=None)
                kind = "rel_year:" + g["rel_y"]
            out.append(DateMention(m.start(), m.end(), m.group(0), value, kind))
        elif g["rel"] is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), DateValue(rank=2), "relative"))
        elif g["dd"] is not None:
            day = int(g["dd"])
            day2 = None
            if g["dd2"]:
                day2 = int(re.findall(r"\d+", g["dd2"])[0])
            if _valid(None, day):
                out.append(DateMention(m.start(), m.end(), m.group(0),
                                       DateValue(None, None, day, None, None, day2), "day_only"))
        elif g["ddc"] is not None:
            day = _num(g["ddc"])
            if _valid(None, day):
                out.append(DateMention(m.start(), m.end(), m.group(0), DateValue(None, None, day), "day_only"))
        elif g["lm"] is not None or g["lm2"] is not None:
            # 124日: 月 lost in conversion (12月4日 or 1月24日); only the publish date decides
            out.append(DateMention(m.start(), m.end(), m.group(0), DateValue(), "lost_month"))
        elif g["royo"] is not None:
            year = _ROC_START + int(g["royo"])
            out.append(DateMention(m.start(), m.end(), m.group(0), DateValue(year), "year"))
        elif g["yo"] is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), DateValue(int(g["yo"])), "year"))
    return tuple(_join_listed_days(text, out))


def _join_listed_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """``6月16日、6月17日`` or ``8月25日、26日`` (consecutive days listed) is one span, like 6月16日至17日."""
    out: list[DateMention] = []
    for dm in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "absolute" and dm.kind in ("absolute", "day_only") \
                and text[prev.end:dm.start] == "、" and not prev.value.is_range and not dm.value.is_range \
                and prev.value.day and dm.value.day and (dm.value.month or prev.value.month) == prev.value.month \
                and (dm.value.year is None or dm.value.year == prev.value.year) \
                and dm.value.day == prev.value.day + 1:
            value = replace(prev.value, end_month=prev.value.month, end_day=dm.value.day)
            out[-1] = DateMention(prev.start, dm.end, text[prev.start:dm.end], value, "absolute")
            continue
        out.append(dm)
    return out


def resolve(
    mention: DateMention,
    *,
    publish_date: dt.date | None,
    context: DateValue | None = None,
    doc_year: int | None = None,
) -> DateValue | None:
    """Fill what the expression leaves open from the publish date, context and body year."""
    return _possible(_resolve(mention, publish_date, context, doc_year))


def _resolve(mention: DateMention, publish_date: dt.date | None, context: DateValue | None,
             doc_year: int | None) -> DateValue | None:
    v = mention.value
    kind = mention.kind
    if kind == "relative":
        return _relative(mention.text, publish_date, context, doc_year)
    if kind == "day_only":
        if context is None or context.month is None:
            return recent_day(v, publish_date)
        return replace(v, year=context.year, month=context.month,
                       end_month=context.month if v.end_day else None,
                       end_year=context.year if v.end_day else None)
    if kind == "year":
        return v
    if kind == "lost_month":
        return lost_month(mention.text, publish_date)
    if kind.startswith("rel_year:"):
        if publish_date is None:
            return v  # 今年10月 without a publish date: month only is unsafe -> --MM-DD? keep month
        offset = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[kind.split(":", 1)[1]]
        year = publish_date.year + offset
        return replace(v, year=year, end_year=year if v.end_month else None)
    # absolute month(/day) expressions
    if v.year is not None:
        return replace(v, end_year=v.year if v.end_month else None)
    year = infer_year(v.month, publish_date, doc_year, v.day)
    return replace(v, year=year, end_year=year if (year and v.end_month) else None)


def _possible(value: DateValue | None) -> DateValue | None:
    """No impossible day leaves here: 2023 with 2月29日 keeps --02-29 (the year was inferred or
    copied wrongly), 6月31日 keeps the month only."""
    if value is None or not (value.month and value.day):
        return value
    try:
        dt.date(2000, value.month, value.day)  # possible in some year (2000 was a leap year)
    except ValueError:
        return replace(value, day=None, end_day=None, end_month=None, end_year=None)
    if value.year and value.as_date() is None:
        return replace(value, year=None, end_year=None)
    return value


def lost_month(text: str, publish_date: dt.date | None, window: int = 7) -> DateValue | None:
    """``124日`` where the 月 was lost: the one split into month + day that falls within
    ``window`` days before the publish date, else nothing."""
    digits = re.match(r"\d+", text).group(0)
    if publish_date is None:
        return None
    found = set()
    for cut in range(1, len(digits)):
        month, day = int(digits[:cut]), int(digits[cut:])
        if len(digits) - cut > 2 or not _valid(month, day) or month == 0 or day == 0:
            continue
        for year in (publish_date.year, publish_date.year - 1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (publish_date - d).days <= window:
                found.add(d)
    if len(found) != 1:
        return None
    d = found.pop()
    return DateValue(d.year, d.month, d.day)


def recent_day(value: DateValue, publish_date: dt.date | None, window: int = 2) -> DateValue | None:
    """``13日签订`` with no month anywhere before it: news writes the bare day for the day of the
    report or the days just before (记者13日获悉), so it is that day when it is the publish day or at most
    ``window`` days earlier; else nothing (18日-19日 in a page of the 23rd could be last month's)."""
    if publish_date is None or value.day is None:
        return None
    for back in range(window + 1):
        d = publish_date - dt.timedelta(days=back)
        if d.day == value.day:
            if value.end_day is None:
                return DateValue(d.year, d.month, d.day)
            if value.end_day < value.day:
                return None
            return DateValue(d.year, d.month, d.day, d.year, d.month, value.end_day)
    return None


def infer_year(month: int | None, publish_date: dt.date | None, doc_year: int | None,
               day: int | None = None) -> int | None:
    """Year of a month-day that the text leaves open; None rather than a guess. A day after the
    publish date (11月22日 on a page stamped 11月5日) is not of the publish year: a repost's stamp
    or an earlier year, which the text does not say."""
    if month is None:
        return None
    if publish_date is not None:
        if (month, day or 0) <= (publish_date.month, publish_date.day):
            return publish_date.year
        if doc_year is not None and doc_year == publish_date.year - 1:
            return doc_year
        return None
    return doc_year


_DAYS_BEFORE = {"今日": 0, "今天": 0, "昨日": 1, "昨天": 1, "昨": 1, "前天": 2, "前日": 2}


def relative_to_report_day(word: str, report_day: DateValue) -> DateValue | None:
    """``昨日`` in a report whose dateline gives only month and day (中评社北京11月3日电): that day
    less one, still without a year; None when it would cross the start of a month (how long the
    month before was depends on the year) or for words that do not count days."""
    back = _DAYS_BEFORE.get(word)
    if back is None or report_day.month is None or report_day.day is None or report_day.day - back < 1:
        return None
    return DateValue(None, report_day.month, report_day.day - back, rank=2)


def _relative(word: str, pub: dt.date | None, context: DateValue | None,
              doc_year: int | None) -> DateValue | None:
    if word in ("当天", "当日", "同日"):
        return replace(context, rank=1) if context else None
    if word in ("次日", "翌日"):
        if context and context.as_date():
            d = context.as_date() + dt.timedelta(days=1)
            return DateValue(d.year, d.month, d.day, rank=2)
        if context and context.month and context.day:
            return None
        return None
    if pub is None:
        # Nothing to count from: keep only a conservative body year (日前 and 近日 date nothing,
        # with a publish date or without)
        return DateValue(doc_year, rank=2) if doc_year and word not in ("日前", "近日") else None
    if word in ("昨日", "昨天", "昨"):  # 昨率团 (newspaper style: 昨 before the verb)
        d = pub - dt.timedelta(days=1)
    elif word in ("今日", "今天"):
        d = pub
    elif word in ("前天", "前日"):
        d = pub - dt.timedelta(days=2)
    elif word in ("日前", "近日"):
        # "a few days ago" / "recently": no date (the gold convention); even the month is a guess
        return None
    elif word.startswith("上周"):
        wd = _WEEKDAY[word[-1]]
        d = pub - dt.timedelta(days=pub.weekday() + 7) + dt.timedelta(days=wd)
    elif word.startswith("本周"):
        wd = _WEEKDAY[word[-1]]
        d = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=wd)
        if d > pub:
            return None
    elif word in ("上月", "上个月"):
        y, mth = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return DateValue(y, mth, rank=2)
    elif word == "本月":
        return DateValue(pub.year, pub.month, rank=2)
    else:
        return None
    return DateValue(d.year, d.month, d.day, rank=2)


_YEAR_EVIDENCE = re.compile(
    r"(?<![\d\-—~至到])((?:19|20)\d{2})(?:\s*年\s*\d{1,2}\s*月|(?=[A-Za-z\u4e00-\u9fff]{2,12}?"
    r"(?:节|博览会|交易会|洽谈会|座谈会|联席会|交流会|推介会|对接会|论坛|峰会|年会|大会|运动会|赛|展|周)))"
)
_TITLE_SPAN = re.compile(r"《[^》]{0,80}》")
_YEARS_SINCE = re.compile(r"[^。；;]{0,40}?(?:\d{1,2}|[一二三四五六七八九十几多]{1,2})年(?:来|以来|间)")
# 2022年,四市经济总量已达…: a year the text reports on in the past (not a target: 到2025年, 2025年前)
_REPORTED_YEAR = re.compile(r"(?<![\d\-—~至到])((?:19|20)\d{2})\s*年(?![\d\s]*月)(?!\s*(?:前|以前|之前|底前|计划|规划|目标))"
                            r"(?=[，,]?\s*[\u4e00-\u9fff]{0,12}(?:已|达|实现|完成|增长|为|超|突破|共))")


def doc_year(text: str) -> int | None:
    """The only year the body gives for a dated activity (2024年3月, 2019中国国际服务贸易交易会).

    Years inside 《》 titles, ranges (2023-2025年), targets (到2025年), sittings to come (将于2011年9月)
    and the start of a period in the past (自2023年6月…以来, 早在2019年) do not count; two different years mean
    no evidence. Nor does a year before a later one the text reports on (2013年2月…拉开序幕 in a
    text that gives 2022年 figures): the article is written after the latest year it reports.
    """
    stripped = _TITLE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    years = {int(m.group(1)) for m in _YEAR_EVIDENCE.finditer(stripped)
             # (…第四次会议将于2011年9月举行: the year of a sitting to come)
             if not re.search(r"(?:到|至|截至|截止|\-|—|自|早在|曾于|曾在|将于|将在|拟于|定于)\s*$",
                              stripped[max(0, m.start() - 3):m.start()])
             # 2011年7月…签署了合作备忘录,4年来: a year the text looks back on from later ones
             and not _YEARS_SINCE.match(stripped, m.end())}
    if len(years) != 1:
        return None
    year = years.pop()
    reported = [int(m.group(1)) for m in _REPORTED_YEAR.finditer(stripped)]
    return None if any(y > year for y in reported) else year


_PATH_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})(?:[-/_]?)(\d{1,2})[-/_](\d{1,2})/"
    r"|/((?:19|20)\d{2})(\d{2})(\d{2})/"
)
_LINK_RE = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=[\"']([^\"']+)")


def path_year(text: str, window: int = 7) -> int | None:
    """Year from the upload folders of the page's own images (``![](/Pic/2012-9/10/x.jpg)``),
    for a page without a publish date.  Every such folder must name the same day, and the
    text must give a month-day (without year) at most ``window`` days before it: the upload
    day then corroborates the report's day and lends it its year."""
    found = set()
    for lm in _LINK_RE.finditer(text):
        link = lm.group(1) or lm.group(2)
        for m in _PATH_DATE_RE.finditer(link):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            try:
                found.add(dt.date(int(y), int(mo), int(d)))
            except ValueError:
                return None
    if len(found) != 1:
        return None
    upload = found.pop()
    for dm in find_dates(_LINK_RE.sub(" ", text)):
        v = dm.value
        if dm.kind in ("absolute", "dateline") and v.year is None and v.month and v.day:
            try:
                day = dt.date(upload.year, v.month, v.day)
            except ValueError:
                continue
            if 0 <= (upload - day).days <= window:
                return upload.year
    return None
