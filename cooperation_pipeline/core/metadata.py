"""Read an article's title, publish date, source name and author from its page text.

Expects text that has been normalised, stripped of markup and converted to
simplified script, but *not yet* stripped of chrome: bylines and credit lines
are where this information lives.

Publish date, in order of trust:

1. a byline near the top (or bottom) of the page: a full date next to a time
   or a byline label (``2013-11-29 11:25:27 作者:admin 来源:...``,
   ``发布时间:2024年7月29日``) or a date alone on its line;
2. a dateline with a full date (``新华社北京2024年7月29日电``);
3. a dateline with month and day only (``红网时刻新闻7月29日讯``) plus a year
   inferred from the body by ``infer_year`` - a deliberately conservative rule
   that gives up rather than guess.

Event dates inside the body (``5月10日至11日``) are never used as the
publish date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = [
    "ArticleMetadata",
    "extract_metadata",
    "extract_title",
    "extract_publish_date",
    "extract_publish_date_info",
    "extract_source_name",
    "extract_author",
    "infer_year",
    "parse_date",
]

_CJK = r"\u4e00-\u9fff"
_HEAD_LINES = 12
_TAIL_LINES = 15
_POST_BODY = 200  # characters: a line this long is a post's body, not a thread's furniture
_MIN_YEAR = 1990
_MAX_YEAR = datetime.date.today().year + 1  # no article is dated beyond next year


class ArticleMetadata(NamedTuple):
    """What the page says about the article itself (immutable; a named tuple is
    several times cheaper to build than a frozen dataclass)."""

    title: str | None
    publish_date: datetime.date | None
    source_name: str | None
    author: str | None
    year_inferred: bool = False


# --------------------------------------------------------------------------- dates

_FULL_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]\s*(?P<m1>\d{1,2})\s*[-/.]\s*(?P<d1>\d{1,2})(?!\d)"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?)"
)
_TIME_RE = re.compile(r"\d\d?:\d{2}")  # not \d{1,2}: led by a class, the regex engine scans for it fast
_BYLINE_LABEL_RE = re.compile(r"来源|作者|发布|时间|日期|浏览|点击|阅读|编辑|字号|评论|录入|访问|更新")
# a date alone on its line, or with a time or the site's name after it (2024-12-04 | 匯流新聞網)
_DATE_ALONE_RE = re.compile(
    r"^[\s\[【(>|]*(?:(?:发布|更新)?(?:时间|日期)\s*[::]\s*)?(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    rf"(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[\s\]】)|丨]*[{_CJK}]{{0,6}}$"
)
# a page stamp fused with the first paragraph: 2011-11-23 13:35 来源:…11月13日,…
_STAMP_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}([-/])\d{1,2}\1\d{1,2}\s+\d{1,2}:\d{2}")
# a labelled date run into a head line: …战略合作框架协议时间:2023-06-09 6月8日下午,…
_LABELLED_DATE_RE = re.compile(r"(?:发布时间|发布日期|时间|日期)\s*[:：]\s*(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}(?!\d)")
_RELATED_ITEM_RE = re.compile(r"\s*(?:[-·•*]|\d{1,2}[.、])\s*\S.{0,80}?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_SERVED_AT_RE = re.compile(r"GMT\s*[+-]\s*\d{1,2}\s*[,，]\s*(?:19|20)\d{2}")
# a tag page's item: its head line, the date between spaces, then the text (…座谈交流 2023-04-12 上海 …)
_HEADLINE_DATE_RE = re.compile(r"[^。！？!?\n\d]{6,100}?\s(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?=\s)")
# an aggregator's short head line ending in its date: 城市镜像.新闻汇总 2022-01-27
_TRAILING_DATE_RE = re.compile(r"\s(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}$")
# day-first: 23.11.2019 21:12 (only unambiguous when the day is above 12)
_DMY_RE = re.compile(r"^\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATELINE_RE = re.compile(
    rf"^[^,,。;;]{{0,40}}?(?:(?P<y>(?:19|20)\d{{2}})年)?(?P<m>{_NUM})月(?P<d>{_NUM})日\s*(?:电|讯|消息|报道)"
)
# Year mentions for infer_year ("2024年", "2024年3月"); found by their 年 (a fast
# literal scan), the four digits checked by the lookbehind.
_YEAR_MENTION_RE = re.compile(r"年(?<=(?:19|20)\d\d年)(?:(?P<m>\d{1,2})月)?")
_RANGE_BEFORE = set("0123456789-—–~至到")  # a year after these ends a range (2023-2025年)
_FORWARD_RE = re.compile(r"(?:将于|将在|计划|预计|力争|争取|目标|到|至|截至|截止|拟于|拟在|预期)\s*$")


def _cn_to_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_NUM.get(s[0], 0) * 10
    if "十" in s:
        a, b = s.split("十", 1)
        return _CN_NUM.get(a, 0) * 10 + _CN_NUM.get(b, 0)
    return _CN_NUM.get(s, 0)


def _valid_date(y: int, m: int, d: int) -> datetime.date | None:
    if not (_MIN_YEAR <= y <= _MAX_YEAR):
        return None
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def parse_date(s: str) -> datetime.date | None:
    """First plausible full date in ``s``: 2013-11-29, 2017/8/27, 2013.11.29, 2024年7月29日."""
    for m in _FULL_DATE_RE.finditer(s):
        if m.start() and s[m.start() - 1].isdigit():
            continue
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        found = _valid_date(int(m.group("y")), int(month), int(day))
        if found:
            return found
    return None


def _lines_with(text: str, needle: str, max_len: int = 150) -> list[str]:
    """Lines (top to bottom, each once) that contain ``needle`` and are at most ``max_len`` long."""
    out: list[str] = []
    pos = text.find(needle)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = end if end >= 0 else len(text)
        if end - start <= max_len:
            out.append(text[start:end])
        pos = text.find(needle, end)
    return out


def _before_replies(lines: list[str]) -> list[str]:
    """The lines without the 发表于 stamps below the opening post's body (力争上游 发表于 2021-10-17
    18:23): a forum reply's stamp, not the post's."""
    body = next((i for i, line in enumerate(lines) if len(line) >= _POST_BODY), len(lines))
    return lines[:body] + [line for line in lines[body:] if "发表于" not in line]


def _byline_date(lines: list[str]) -> datetime.date | None:
    """A full date on a byline: a line near the top or bottom, not a sentence,
    with a time, a byline label, or nothing else around the date (day-first
    23.11.2019 only when the day cannot be a month); else a date-and-time stamp
    opening a head line that runs on into the text."""
    # GMT+8, 2025-5-15 01:51: a forum's footer gives the time the page was served, not a date of it
    lines = [line for line in lines if "GMT" not in line or not _SERVED_AT_RE.search(line)]
    # - 都昌一农民…(图)2017-03-05 04:03:46 / - 险!…2017-02-20 10:02:14: related items, each with a
    # stamp of its own, are no byline of this page
    items = [line for line in lines if _RELATED_ITEM_RE.match(line)]
    if len({parse_date(line) for line in items} - {None}) > 1:
        lines = [line for line in lines if line not in items]
    # 2025年05月10日 / 来源: 发布日期:2019-08-09: a labelled date near the top beats a portal's date of the day
    for line in lines[:_HEAD_LINES]:
        m = _LABELLED_DATE_RE.search(line, 0, 150) if "发布" in line else None  # (cheap test first)
        if m and "发布" in m.group(0):
            found = parse_date(m.group(0))
            if found:
                return found
    # the short lines among the first _HEAD_LINES and the last _TAIL_LINES (no overlap)
    blocks = (lines[:_HEAD_LINES], lines[max(_HEAD_LINES, len(lines) - _TAIL_LINES):])
    alone = {parse_date(line) for block in blocks for line in block if len(line) <= 40 and _DATE_ALONE_RE.match(line)}
    if len(alone - {None}) > 1:
        return None  # 2023/02/01, 2023/01/10, …: a list of dated entries, not this page's byline
    for block in blocks:
        for line in block:
            # a full date's year (19xx, 20xx) has a 9 or a 0: single-character scans are fast
            if len(line) > 150 or "。" in line or ("0" not in line and "9" not in line):
                continue
            if not _FULL_DATE_RE.search(line):
                m = _DMY_RE.match(line)
                if m and int(m.group("d")) > 12:
                    found = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                    if found:
                        return found
                continue
            if _TIME_RE.search(line) or _BYLINE_LABEL_RE.search(line) or _DATE_ALONE_RE.match(line) \
                    or (len(line) <= 40 and _TRAILING_DATE_RE.search(line)):
                found = parse_date(line)
                if found:
                    return found
    for line in lines[:_HEAD_LINES]:
        m = _STAMP_RE.search(line, 0, 120) or _LABELLED_DATE_RE.search(line, 0, 150) \
            or (line.find("-", 0, 115) >= 0 and _HEADLINE_DATE_RE.match(line))  # (its date's - lies within 115)
        if m:
            found = parse_date(m.group(0))
            if found:
                return found
    return None


def infer_year(text: str, month: int, day: int) -> int | None:
    """Year for a month/day dateline, or None when it cannot be inferred safely.

    Rule (conservative on purpose):

    * collect the years the body mentions as ``YYYY年`` - ignoring the end of a
      range (``2023-2025年``) and forward-looking mentions (``将于/计划/预计/
      力争/到/至/截至 2025年``);
    * take the latest such year Y;
    * accept Y only if (a) the body dates something to ``Y年M月`` with M not
      after the dateline month - so the article is written in Y or later - and
      (b) Y is mentioned at least twice - so it is the article's "current"
      year, not a passing reference.

    ``红网...7月29日讯`` with ``2024年重点合作事项`` and ``2024年3月`` gives 2024;
    a body that only says ``2015北京CBD商务节`` or ``自2013年以来`` gives None.
    """
    years: list[int] = []
    months_by_year: dict[int, list[int]] = {}
    for m in _YEAR_MENTION_RE.finditer(text):
        start = m.start() - 4  # the year's first digit
        if start and text[start - 1] in _RANGE_BEFORE:
            continue  # end of a range (2023-2025年) or part of a longer number
        if _FORWARD_RE.search(text[max(0, start - 4): start]):
            continue
        y = int(text[start: start + 4])
        if not (_MIN_YEAR <= y <= _MAX_YEAR):
            continue
        years.append(y)
        if m.group("m"):
            months_by_year.setdefault(y, []).append(int(m.group("m")))
    if not years:
        return None
    latest = max(years)
    if years.count(latest) < 2:
        return None
    if not any(1 <= mm <= month for mm in months_by_year.get(latest, [])):
        return None
    if _valid_date(latest, month, day) is None:
        return None
    return latest


def extract_publish_date_info(text: str) -> tuple[datetime.date | None, bool]:
    """(publish date, year_was_inferred) from byline, full dateline, or month/day dateline."""
    return _publish_date_info(text, text.split("\n"))


def _publish_date_info(text: str, lines: list[str]) -> tuple[datetime.date | None, bool]:
    """``extract_publish_date_info`` with the text's lines already split."""
    found = _byline_date(_before_replies(lines) if "发表于" in text else lines)
    if found:
        return found, False
    for line in lines[:_HEAD_LINES]:
        head = line[:60]
        if "月" not in head or not ("讯" in head or "电" in head or "消息" in head or "报道" in head):
            continue
        m = _DATELINE_RE.match(line)
        if not m:
            continue
        month, day = _cn_to_int(m.group("m")), _cn_to_int(m.group("d"))
        if m.group("y"):
            return _valid_date(int(m.group("y")), month, day), False
        year = infer_year(text, month, day)
        if year is None:
            return None, False
        return _valid_date(year, month, day), True
    return None, False


def extract_publish_date(text: str) -> datetime.date | None:
    """Publish date of the article, or None (see ``extract_publish_date_info``)."""
    return extract_publish_date_info(text)[0]


# --------------------------------------------------------------------------- source, author

_SOURCE_RE = re.compile(r"来源\s*(?:为)?\s*[::]\s*(?P<v>[^\s|丨,,;;::()()【】\[\]。!?!?、]{2,30})")
_SOURCE_PREFIXES = ("稿件", "文章", "信息", "新闻", "内容")
_LABEL_BOUNDARY = set(" |丨(（【[,,。;;")
_SOURCE_REJECT_RE = re.compile(r"^(?:本站|本网|本网站|网络|互联网|网友|未知|佚名|原创|转载|admin|不详)$|https?:|www\.|^[\x00-\x7f]+$", re.I)
_OUTLET_RE = re.compile(
    rf"[((](?P<v>[{_CJK}·]{{2,14}}(?:日报|晚报|晨报|时报|商报|都市报|报|新闻网|网|电视台|广播电视台|融媒体中心|通讯社|新闻社|社))[\s))]"
)
_NAMES = rf"[{_CJK}·]{{2,5}}(?:[ 、,,]+(?!来源|编辑|责任|文章|浏览|发布|时间|摄影|审核|通讯员|实习生)[{_CJK}·]{{2,5}}){{0,5}}"
_AUTHOR_RE = re.compile(rf"作者\s*[::]\s*(?P<v>{_NAMES}|[A-Za-z][\w.-]{{1,30}})")
_WRITER_RE = re.compile(rf"(?:文字|撰文|撰稿|执笔|文)\s*[::/]\s*(?P<v>{_NAMES})")
# The same matches in a text without 撰 or 执; led by a literal, so the regex
# engine scans for it quickly.
_WRITER_WEN_RE = re.compile(rf"文字?\s*[::/]\s*(?P<v>{_NAMES})")
# A reporter's name after 记者, in a credit bracket (see _reporter_credit).
_REPORTER_NAME_RE = re.compile(rf"记者\s*(?P<v>[{_CJK}·]{{2,4}})(?=[\s、,,))]|通讯员)")
_REPORTER_TITLES = ("首席", "特约", "本报", "本网")
_AUTHOR_REJECT_RE = re.compile(r"^(?:管理员|佚名|未知|本站|本网|编辑部|小编|网络|网友|匿名|不详|原创)$")
_NAME_SEP_RE = re.compile(r"[ 、,,]+")
_TRAILING_JUNK_RE = re.compile(r"[\s,,、…]+$")


def _label_at_boundary(line: str, start: int, prefixes: tuple[str, ...] = ()) -> bool:
    """A label counts at the line start, after a separator, or after one of ``prefixes``."""
    for prefix in prefixes:
        if line.startswith(prefix, max(0, start - len(prefix))) and start >= len(prefix):
            start -= len(prefix)
            break
    return start == 0 or line[start - 1] in _LABEL_BOUNDARY


def extract_source_name(text: str) -> str | None:
    """Publishing outlet from ``来源:``/``文章来源:`` in byline or credit lines, else
    from an outlet named in a credit bracket (``(昆明日报 首席记者...)``)."""
    for line in _lines_with(text, "来源") if "源" in text else ():
        for m in _SOURCE_RE.finditer(line):
            if not _label_at_boundary(line, m.start(), _SOURCE_PREFIXES):
                continue  # 资金来源:..., a word inside a sentence
            value = m.group("v")
            if not _SOURCE_REJECT_RE.search(value):
                return value
    m = _OUTLET_RE.search(text)
    return m.group("v") if m else None


def _clean_names(value: str) -> str:
    value = _TRAILING_JUNK_RE.sub("", value)
    return " ".join(t for t in _NAME_SEP_RE.split(value) if t)


def extract_author(text: str) -> str | None:
    """Author from ``作者:`` when it is a person (not ``admin``/``佚名``), else from
    ``文字:``/``撰文:`` credits, else the first ``记者`` in a credit bracket."""
    author = _labelled_name(text, _AUTHOR_RE)
    if author is None:
        author = _labelled_name(text, _WRITER_RE if "撰" in text or "执" in text else _WRITER_WEN_RE)
    return author if author is not None else _reporter_credit(text)


def _labelled_name(text: str, regex: re.Pattern[str]) -> str | None:
    """The first person named after a label (``regex``'s group ``v``) on a credit line."""
    for m in regex.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() != line_start and text[m.start() - 1] not in _LABEL_BOUNDARY:
            continue  # 作者 inside a sentence
        line_end = text.find("\n", m.start())
        if (line_end if line_end >= 0 else len(text)) - line_start > 150:
            continue  # a paragraph, not a credit line
        value = _clean_names(m.group("v"))
        if value.isascii() or _AUTHOR_REJECT_RE.match(value):
            continue  # admin, webmaster ids, placeholders: not a person
        return value
    return None


def _reporter_credit(text: str) -> str | None:
    """The name after the first 记者 in a credit bracket: ``(记者 张三)``,
    ``(本报首席记者 李四 通讯员...)``.

    The bracket is the nearest one before 记者, opening, and at most 20
    characters before it (22 with a title such as 首席 just before 记者); the
    first such 记者 is also the one in the leftmost such bracket. Searched from
    each 记者 (a fast literal scan) rather than from each ``(``.
    """
    pos = text.find("记者")
    while pos >= 0:
        start = max(0, pos - 23)
        opening = text.rfind("(", start, pos)
        if opening >= 0 and text.rfind(")", opening, pos) < 0:
            gap = pos - opening - 1
            if gap <= 20 or (gap <= 22 and text.startswith(_REPORTER_TITLES, pos - 2)):
                m = _REPORTER_NAME_RE.match(text, pos)
                if m:
                    return m.group("v")
        pos = text.find("记者", pos + 1)
    return None


# --------------------------------------------------------------------------- title

_TITLE_SUFFIX_RE = re.compile(r"\s*[_|\-—–]+\s*[^_|\-—–]{2,16}(?:网|频道|报|站|新闻)$")
_TITLE_SEPARATOR_RE = re.compile(r"[_|\-—–]")  # _TITLE_SUFFIX_RE needs one: a cheap test first
_NOT_HEADLINE_END = tuple("。,,;;:、")
# At least four CJK characters (a search, not a count: no list of characters is built).
_FOUR_CJK_RE = re.compile(f"[{_CJK}](?:[^{_CJK}]*[{_CJK}]){{3}}")


def _is_headline(line: str) -> bool:
    n = len(line)
    if n < 4 or n > 64 or "。" in line or line.endswith(_NOT_HEADLINE_END):
        return False
    if line.count(",") + line.count(",") > 2:
        return False
    if ("讯" in line or "电" in line or "消息" in line) and _DATELINE_RE.match(line):
        return False
    return _FOUR_CJK_RE.search(line) is not None


def extract_title(text: str, skip_head_line: Callable[[int, str], bool] | None = None) -> str | None:
    """Headline: the first non-chrome, non-spam line of the page, if it is headline-shaped.

    When the page starts directly with a paragraph (no headline), returns None
    rather than promoting a later section heading. When a later header line is a
    strict prefix of the candidate (a page ``<title>`` line followed by the bare
    headline: ``标题 要闻-吉林站 李明伟 2502649`` then ``标题``), the shorter wins.

    ``skip_head_line(i, line)`` says whether the i-th non-empty line is page
    furniture (chrome, menu, spam); cleaning passes one that reads its own line
    classification, so no line is classified twice.
    """
    return _title(text.split("\n", 3 * _HEAD_LINES)[: 3 * _HEAD_LINES], skip_head_line)


def _is_furniture(i: int, line: str) -> bool:
    """Default ``skip_head_line``: the cleaning rules for chrome, menus and spam."""
    from cooperation_pipeline.core.cleaning import is_chrome_line, is_menu_line, is_spam_text

    return is_chrome_line(line) or is_menu_line(line) or is_spam_text(line)


def _title(lines: list[str], skip_head_line: Callable[[int, str], bool] | None) -> str | None:
    """``extract_title`` on the page's lines (only the first ``3 * _HEAD_LINES`` are read)."""
    skip = skip_head_line or _is_furniture
    head = [line for line in lines[: 3 * _HEAD_LINES] if line][:_HEAD_LINES]
    for i, line in enumerate(head):
        if skip(i, line):
            continue
        if line[0] in "【[" and line[-1] in "】]":
            continue  # a column label such as 【时政专稿】
        if not _is_headline(line):
            if len(line) <= 12 and "。" not in line:
                continue  # a channel label (绍兴, 要闻) above the headline
            return None
        title = line
        for later in head[i + 1:]:
            if "。" in later:
                break
            if len(later) >= 6 and later != title and title.startswith(later) and _is_headline(later):
                title = later
                break
        if _TITLE_SEPARATOR_RE.search(title) is None:
            return title
        return _TITLE_SUFFIX_RE.sub("", title) or title
    return None


def extract_metadata(text: str, skip_head_line: Callable[[int, str], bool] | None = None) -> ArticleMetadata:
    """All metadata at once (see the individual extractors; ``skip_head_line``
    as in ``extract_title``)."""
    lines = text.split("\n")
    date, inferred = _publish_date_info(text, lines)
    return ArticleMetadata(
        title=_title(lines, skip_head_line),
        publish_date=date,
        source_name=extract_source_name(text),
        author=extract_author(text),
        year_inferred=inferred,
    )
