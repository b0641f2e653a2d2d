"""Clean one scraped Chinese news article: markup, conversion debris, page chrome, spam.

``clean_document`` runs the steps below in this order; each is its own function
so it can be tested and reused:

1. ``normalize_whitespace``  CRLF, full-width/no-break spaces, zero-width chars.
2. ``strip_markup``          tags -> paragraph breaks, entities decoded.
3. ``remove_pinyin_annotations`` (script.py) ``區(qū)`` -> ``區``, *before* conversion.
4. ``remove_lost_indents``   ``????`` at a line start (lost full-width indent).
5. ``remove_lost_char_runs`` ``?`` standing for lost characters and the
   mis-decoding debris around them (``日?qǐng)?bào)``); a lost character whose
   pinyin annotation survived is restored from the document's own annotations.
6. ``convert_if_traditional`` (script.py) OpenCC t2s, once, for any text with
   characters t2s changes; ``original_script`` says whether it was traditional.
7. metadata (metadata.py)    title, publish date, source, author - read here,
   before the byline and credits are dropped.
8. ``remove_page_chrome``    navigation, share/app/related-list lines, bylines,
   credit lines, repost/copyright notices, image file names, marked photo
   captions, WeChat remnants, trailing link lists. Each line is classified
   once (``_classify_page``, before step 7), and the title step reads the same
   classification; the text then stays a list of lines until the end.
9. ``remove_inline_credits`` ``(记者 X)`` after a dateline, ``(路榕)`` after the
   last sentence, a photo credit glued to a paragraph.
10. ``remove_spam_lines``    injected gambling/adult/invoice advertising.
11. the headline (and repeats of it) is taken out of the body.

quality_flags vocabulary (sorted, unique in ``CleanedDocument.quality_flags``):

* ``traditional_converted``  the source was traditional script, converted with t2s.
* ``pinyin_artifacts``       pinyin annotations after characters were removed.
* ``lost_characters``        characters lost to ``?``/U+FFFD inside the text
  (debris removed; the text has holes). Lost indents alone do not set it.
* ``html_remnants``          tags or entities were found and stripped.
* ``numbers_stripped``       the source lost its digits (``自年``, ``突破家``,
  ``签署了个``, ``增长%``); the text is kept, the holes are not repaired.
* ``spam_removed``           injected advertising/gambling/adult lines dropped.
* ``chrome_removed``         page chrome, credits or captions dropped.
* ``related_article_appended`` a second article follows a ``相关新闻``-style heading;
  it is kept (same event, useful text) and only the heading is dropped.
* ``truncated``              the body ends mid-sentence.
* ``no_date``                no publish date could be read (or safely inferred).
* ``date_year_inferred``     the publish year came from the body (dateline had
  only month and day); see ``metadata.infer_year``.
* ``invalid_bytes_replaced`` set by decoding (decoding.py); the shell passes it on.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cooperation_pipeline.core import metadata as _metadata
from cooperation_pipeline.core.decoding import _COMMON_SIMPLIFIED
from cooperation_pipeline.core.script import (
    TRADITIONAL,
    build_pinyin_map,
    convert_if_traditional,
    fold_lookalikes,
    remove_pinyin_annotations,
)

__all__ = [
    "CleanedDocument",
    "clean_document",
    "normalize_whitespace",
    "strip_markup",
    "remove_lost_indents",
    "remove_lost_char_runs",
    "remove_page_chrome",
    "is_chrome_line",
    "is_menu_line",
    "has_related_article",
    "remove_inline_credits",
    "remove_spam_lines",
    "is_spam_text",
    "find_stripped_numbers",
    "is_truncated",
    "remove_title_lines",
    "FLAGS",
]

FLAGS = (
    "traditional_converted",
    "pinyin_artifacts",
    "lost_characters",
    "html_remnants",
    "numbers_stripped",
    "spam_removed",
    "chrome_removed",
    "related_article_appended",
    "truncated",
    "no_date",
    "date_year_inferred",
    "invalid_bytes_replaced",
)


@dataclass
class CleanedDocument:
    """A cleaned article: simplified body text, metadata, and what was wrong with it."""

    title: str | None
    publish_date: datetime.date | None
    source_name: str | None
    author: str | None
    original_script: str
    text: str
    quality_flags: list[str] = field(default_factory=list)


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _split_alternatives(pattern: str) -> list[str]:
    """Split a regex on its top-level ``|`` (not inside groups or classes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _group_by_first_char(alternatives: list[str]) -> str:
    """Regex alternatives that start with a plain character, grouped by it
    (``当前位置|当前栏目`` -> ``当(?:前位置|前栏目)``): fewer branches to try at each
    candidate position keeps the scan fast."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        first = alt[0]
        if first in "\\[(.^$*+?{|":
            raise ValueError(f"alternative must start with a literal: {alt!r}")
        groups.setdefault(first, []).append(alt[1:])
    return "|".join(
        re.escape(first) + ("(?:" + "|".join(rest) + ")" if any(rest) else "") for first, rest in groups.items()
    )


# Frequency rank of the most common characters (decoding.py's list, most
# frequent first): a character outside the list is rare in news text.
_CHAR_RANK = {ch: i for i, ch in enumerate(_COMMON_SIMPLIFIED)}


def _rarity(ch: str) -> int:
    if ch.isascii():
        # digits are as common as the commonest characters (dates, figures);
        # latin letters are rare in Chinese news text
        return 0 if ch.isdigit() else 900
    return _CHAR_RANK.get(ch, 1000)


def _keyed_alternative(alt: str) -> str:
    """The same alternative, led by the rarest character of its literal prefix:
    ``转载请`` -> ``载(?<=转载)请``. It matches wherever the original does (shifted
    by the prefix), so it answers "is there a match?" identically; the regex
    engine then only stops at rare characters, which makes the scan several
    times faster. Only for existence tests: the matched text differs."""
    prefix = ""
    for i, ch in enumerate(alt):
        if ch in "\\[(.^$*+?{|)":
            if ch in "?*+{" and prefix:
                prefix = prefix[:-1]  # the last literal is quantified: not required
            break
        prefix += ch
    if len(prefix) < 2:
        return alt
    k = max(range(len(prefix)), key=lambda j: _rarity(prefix[j]))
    if k == 0:
        return alt
    return prefix[k] + "(?<=" + prefix[: k + 1] + ")" + alt[k + 1:]


def _existence_regex(alternatives: list[str]) -> re.Pattern[str]:
    """A regex that finds a match exactly when ``"|".join(alternatives)`` does
    (see ``_keyed_alternative``); use ``.search(...) is not None`` only."""
    return re.compile(_group_by_first_char([_keyed_alternative(alt) for alt in alternatives]))



# --------------------------------------------------------------------------- whitespace

_SPACE_TRANS = {
    0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200A: " ",
    0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x0C: "\n", 0x0B: "\n",
}
_ODD_SPACE_RE = re.compile("[\u3000\u00a0\u2002\u2003\u2009\u200a\u200b\u200c\u200d\u2060\ufeff\x0b\x0c]")
_HSPACE_RUN_RE = re.compile(r"(?:  |\t)[ \t]*")


def normalize_whitespace(text: str) -> str:
    """CRLF -> LF, odd spaces -> ASCII space, zero-width chars dropped, lines stripped.

    Empty lines are dropped: paragraphs are separated by a single newline.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # every odd space is non-printable: printable lines (the usual case) need no search
    if not all(map(str.isprintable, lines)) and _ODD_SPACE_RE.search(text):
        lines = text.translate(_SPACE_TRANS).split("\n")
    text = "\n".join(filter(None, map(str.strip, lines)))
    if (" " in text and "  " in text) or "\t" in text:
        text = _HSPACE_RUN_RE.sub(" ", text)
    return text


# --------------------------------------------------------------------------- markup

_DROP_BLOCK_RE = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|blockquote|dd|dt|header|footer|hr)\b[^<>]{0,300}>",
    re.I,
)
_ANY_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,20}(?:\s[^<>]{0,300})?/?>")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_markup(text: str) -> str:
    """Strip HTML tags (block tags become line breaks) and decode entities.

    Scraped text often keeps stray ``</p>``, ``</font>``, ``</strong>`` or
    ``&nbsp;``; a ``<`` that does not open a tag (``PM2.5<35``) is kept.
    """
    if "<" in text:
        if "<!--" in text or "</s" in text.lower() or "<script" in text.lower():
            text = _DROP_BLOCK_RE.sub("", text)
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _ANY_TAG_RE.sub("", text)
    if "&" in text and _ENTITY_RE.search(text):
        text = html.unescape(text)
    return text


# --------------------------------------------------------------------------- lost characters

# Led by the newline (a fast literal scan) rather than ``^`` with re.M, which
# the regex engine tries at every position; the text gets a newline in front.
_LOST_INDENT_RE = re.compile(r"\n[ \t]*\?{2,}[ \t]*")
_QUESTION_WORD_RE = re.compile(
    "吗|嗎|呢|么|麼|吧|谁|誰|哪|几|幾|何|怎|什|多少|有多|多大|多久|多长|多長|多远|多遠|是否|难道|難道|可否|能否|"
    "不是|没有|沒有|对不对|對不對|好不好|行不行|啊|呀"
)
_CLAUSE_END_RE = re.compile(r"[。!?!?;;,,:\n]")
_PINYIN_CHARS = "a-zü" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" + "ê"
# A lost-character run: one or more '?' touching a CJK character or a pinyin
# debris bracket, optionally followed by mis-decoded garbage up to a closing
# '?', optionally followed by the pinyin annotation of the lost character.
_LOST_RUN_RE = re.compile(
    r"\?\?*"  # not ``\?+``: a pattern led by a plain character is scanned for fast
    r"(?:(?P<garbage>[^\s?,。,;;:\n]{1,24}?)\?+)?"
    rf"(?P<pinyin>[{_PINYIN_CHARS}]{{1,7}}\))?"
)
# Garbage between two '?' is only taken for debris when it shows the marks of
# mis-decoding: a stray ')' or latin pinyin, full-width '!', kana, box drawing
# or geometric symbols, private-use characters.
_GARBAGE_MARK_RE = re.compile(rf"[)!{_PINYIN_CHARS}\u3040-\u30ff\u2500-\u27bf\ue000-\uf8ff]")
# Pinyin debris without its opening bracket (``qiáng)化``); the character before
# it is checked in code (a leading lookbehind would slow the scan down).
_ORPHAN_PINYIN_RE = re.compile(rf"[{_PINYIN_CHARS}][{_PINYIN_CHARS}]{{0,6}}\)(?=[{_CJK}])")  # led by a class: fast scan
_LATIN_OR_BRACKET = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZü((āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜê")
_TONED_RE = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
# The pinyin left behind a lost character: 日?qǐng)?bào) -> "bào".
_PINYIN_TAIL_RE = re.compile(rf"\?([{_PINYIN_CHARS}]{{1,7}})\)")
_CJKISH_RE = re.compile(rf"[{_CJK})]")


def _drop_orphan_pinyin(m: re.Match[str]) -> str:
    start = m.start()
    if start and m.string[start - 1] in _LATIN_OR_BRACKET:
        return m.group(0)  # part of a longer latin word or a bracketed annotation
    return "" if _TONED_RE.search(m.group(0)) else m.group(0)


def remove_lost_indents(text: str) -> str:
    """Drop ``????`` at line starts: full-width indent spaces lost in a bad re-encoding."""
    if "??" not in text:
        return text
    return _LOST_INDENT_RE.sub("\n", "\n" + text)[1:]


def _is_real_question(text: str, pos: int) -> bool:
    """True when the '?' at ``pos`` ends a clause that contains a question word."""
    start = max(0, pos - 40)
    window = text[start:pos]
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(window)]
    clause = window[ends[-1]:] if ends else window
    return _QUESTION_WORD_RE.search(clause) is not None


# Corruption elsewhere in the document: ``??``, ``?qǐng)``, ``ng)?``, debris between
# two ``?``. Existence test only; every alternative starts with a plain ``?`` or
# ``)`` (``ng)?`` is found from its bracket) so the regex engine scans for those fast.
_EVIDENCE_RE = re.compile(
    rf"\?\?+|\?[{_PINYIN_CHARS}]{{1,7}}\)|\)(?<=[{_PINYIN_CHARS}]\))\?"
    rf"|\?[^\s?]{{0,24}}[)!\u3040-\u30ff\u2500-\u27bf\ue000-\uf8ff][^\s?]{{0,24}}\?"
)


def remove_lost_char_runs(text: str, pinyin_map: dict[str, str] | None = None) -> str:
    """Remove ``?`` that stand for lost characters, plus the debris around them.

    * ``日?qǐng)?bào)`` -> ``日報`` when the document annotates ``報(bào)`` elsewhere
      (``pinyin_map`` from ``script.build_pinyin_map``), else ``日``.
    * ``發展?jié)摿薮?。`` -> ``發展。`` (mis-decoded bytes between two ``?``).
    * ``????`` runs inside a line are removed; U+FFFD characters are removed.
    * A lone ``?`` between CJK characters (``北京?海淀``) is removed only when the
      document shows other corruption (debris, ``??`` runs, pinyin annotations,
      U+FFFD): in clean text a lone ``?`` is a question mark (``有多广?他们...``).
    * A real question keeps its mark anyway: ``你会来吗?`` (question word in the
      clause), and so do ``?`` in URLs or after latin/digits (``a.php?id=1``).
    """
    evidence = bool(pinyin_map) or "\ufffd" in text
    if "\ufffd" in text:
        text = text.replace("\ufffd", "")
    if "?" not in text:
        return text
    evidence = evidence or _EVIDENCE_RE.search(text) is not None
    pmap = pinyin_map or {}

    def repl(m: re.Match[str]) -> str:
        s = m.start()
        prev = m.string[s - 1] if s else "\n"
        garbage = m.group("garbage")
        syllable = m.group("pinyin")
        nxt_i = m.end() if garbage is None and syllable is None else s + 1
        nxt = m.string[nxt_i] if nxt_i < len(m.string) else "\n"
        run = m.end() - s >= 2 and garbage is None and syllable is None
        touches = _CJKISH_RE.match(prev) or syllable is not None or (
            prev in " \n" and _CJKISH_RE.match(nxt)
        ) or ((run or _CJKISH_RE.match(nxt)) and prev in "。,,;;:、”’》」) \n")
        if not touches or _is_real_question(m.string, s):
            return m.group(0)
        lone = garbage is None and syllable is None and m.end() - s == 1
        if lone and not evidence:
            return m.group(0)
        if garbage is not None and not _GARBAGE_MARK_RE.search(garbage):
            # two separate '?' with real text between them: lost characters only
            # in a corrupted document, and then the text between them is kept
            if not evidence:
                return m.group(0)
            return garbage + (pmap.get(syllable[:-1], "") if syllable else "")
        if syllable:
            return pmap.get(syllable[:-1], "")
        return ""

    text = _LOST_RUN_RE.sub(repl, text)
    if ")" in text and _TONED_RE.search(text):
        text = _ORPHAN_PINYIN_RE.sub(_drop_orphan_pinyin, text)
    return text


# --------------------------------------------------------------------------- chrome

# Tier 1: repost/copyright/disclaimer/WeChat statements, chrome at any length up to 200.
_CHROME_ANY_RE = re.compile(
    r"转载请|转载须|转载时|请勿转载|不得转载|禁止转载|谢绝转载|转载务必|如需转载|欢迎转载|"
    r"未经授权.{0,20}(?:转载|复制|摘编|使用|镜像)|未经许可.{0,20}(?:转载|复制|摘编|使用|镜像)|"
    r"版权所有(?![者人])|版权归|版权声明|免责声明|违者必究|复制必究|"
    r"Copyright|copyright|COPYRIGHT|©|All Rights Reserved|ICP备|ICP证|公网安备|网安备|"
    r"不代表本[网站台刊报]|本文为.{0,16}原创|原文出处|本文链接|原文链接|原文地址|文章链接|"
    r"如有侵权|侵权请|侵删|如发现政治性|纠错信息|稿件来源为|此稿件|本稿件为|本评论观点|"
    r"不代表.{0,16}(?:立场|观点)|"
    r"预览时标签不可点|收录于话题|收录于合集|违法和不良信息|喜欢此内容的人还喜欢|"
    r"轻触阅读原文|向上滑动看下一个|继续滑动看下一个|微信扫一扫关注|长按识别二维码|长按二维码|"
    r"图片来源[::]|图片由.{1,20}提供|email protected"
)
# Tier 2: site-function vocabulary on lines of at most 60 characters. These
# phrases are page furniture even inside a "sentence" (进入移动版,省流量,体验好).
_CHROME_SHORT_RE = re.compile(
    r"当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|位置\s*[::]|"
    r"进入移动版|分享到|一键分享|我要评论|发表评论|网友评论|查看评论|条评论|参与评论|请您评论|进入社区|"
    r"打印本页|打印本文|打印此页|关闭窗口|关闭本页|返回顶部|回到顶部|返回首页|网站首页|返回\S{0,10}首页|"
    r"收藏本页|加入收藏|设为首页|下载客户端|更多>>|阅读下一篇|上一篇|下一篇|点击蓝字|点击上方|"
    r"微信扫一扫|长按识别|浏览次数|浏览量|阅读量|阅读数|阅读次数|点击数|点击量|点击率|访问量|"
    r"视频加载中|放大图片|查看大图|错误报告|我要纠错|关注该公众号|信息来源[::]|扫描二维码|的相关文章|PDF版|"
    r"新闻热线|投稿邮箱|联系邮箱|QQ群|读完约|我来说两句|人参与|抢沙发|分享代码|智能问答|长者版"
)
# Tier 2b: words that are chrome as a label but ordinary in a sentence
# (技术支持, 老字号, 扫码预约): only on short lines without sentence punctuation.
_CHROME_LABEL_RE = re.compile(
    r"手机版|移动版|手机看|扫一扫|扫码|二维码|分享文章|分享至|评论\s*[((]?\d|字号|字体[::]|官方微信|官方微博|"
    r"关注我们|更多精彩|阅读全文|阅读原文|上一条|下一条|上一页|下一页|尾页|点击查看|点击进入|点击图片|"
    r"网站地图|联系我们|关于我们|广告服务|广告合作|举报电话|举报邮箱|技术支持|写留言|微信公众号|官方账号|"
    r"手机扫描|相关文章$|电子版|当前栏目|更新时间|发布时间|发布日期"
)
# Tier 3: weak words - only a whole short line (<= 16 chars, no sentence punctuation).
_CHROME_WORD_RE = re.compile(
    r"(?:相关链接|相关阅读|相关文章|相关报道|相关推荐|延伸阅读|推荐阅读|更多阅读|热点推荐|热门推荐|"
    r"热点新闻|热门新闻|热门文章|最新文章|最新新闻|最新资讯|新闻排行|排行榜|猜你喜欢|频道精选|精彩推荐|"
    r"精彩图片|图片新闻|图片报道|视频推荐|今日推荐|编辑推荐|往期回顾|往期推荐|每日关注|新闻结尾|"
    r"电子报|数字报|客户端|公众号|微信|微博|抖音|头条号|快手|登录|注册|点赞|在看|分享|收藏|打印|关闭|"
    r"评论|留言|投稿|纠错|返回|首页|更多|图集|视频|标签|关键词|关键字|logo|LOGO|"
    r"[((]?完[))]?|[((]?结束[))]?|END|End|end|"
    r"[\u4e00-\u9fff]{0,4}(?:新闻|要闻|资讯|快讯)(?:中心|热点|动态)?)"
    r"(?:[::>》»]|\s|\S{0,10}[::].{0,20})*"
)
_RELATED_HEADING_RE = re.compile(
    r"^[【\[]?(?:相关新闻|相关链接|相关阅读|相关文章|相关报道|相关稿件|延伸阅读|推荐阅读|更多阅读|"
    r"热点推荐|热门推荐|猜你喜欢|频道精选|精彩推荐|往期推荐|往期回顾|图片新闻|热点新闻|热门文章|最新文章)"
    r"[】\]]?\s*[::>》»]*$"
)
_BRACKET_LIST_RE = re.compile(r"^(?:\s*[\[【][^\]】\n]{1,10}[\]】]){2,}\s*$|^[\[【](?:打印|关闭|收藏|推荐|返回|字号|大|中|小|关闭窗口|打印本页|错误报告)[\]】]$")
_CREDIT_LABEL = (
    r"(?:责任编辑|责编|值班编辑|网络编辑|新媒体编辑|编辑|主编|总编|编审|审核|审校|审稿|审签|校对|校审|"
    r"一审|二审|三审|初审|复审|终审|编校|文字|图文|图片|摄影|摄像|视频|剪辑|后期|制图|设计|美编|排版|海报|"
    r"统筹|监制|出品人|出品|策划|撰文|撰稿|执笔|作者|记者|通讯员|实习生|实习记者|特约记者|首席记者|"
    r"来源|稿件来源|文章来源|信息来源|新闻来源|图片来源|视频来源|供稿|供图|发布人|录入|文章录入|"
    r"翻译|编译|整理|报道|主办|承办|协办)"
)
# ``{0,150}+``, ``*+``: possessive where giving characters back cannot help a
# match (the next token cannot match them), so a failing line fails fast.
_CREDIT_LINE_RE = re.compile(
    r"^[((【\[]?\s*(?:"
    + "(?:" + _group_by_first_char(_split_alternatives(_CREDIT_LABEL[3:-1])) + ")"
    + r"\s*(?:[::/|]|\s)|[文图摄]\s*[::/|])\s*[^。!?!?]{0,150}+$"
)
_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
# Written so that each alternative starts with a plain character or class
# (``\d\d?``, not ``\d{1,2}``; ``\||丨``, not ``[|丨]``): the regex engine then
# scans for the first character instead of trying every position.
_TIME_RE = re.compile(r"\d\d?:\d{2}")
_BYLINE_LABEL_RE = re.compile(r"来源|作者|发布|时间|日期|浏览|点击|阅读|编辑|字号|评论|分享|打印|录入|访问|\||丨")
_DATE_ONLY_RE = re.compile(
    r"^[\s\[【(]*+(?:19|20)\d{2}\s*+[-/.年]\s*+\d{1,2}+\s*+[-/.月]\s*+\d{1,2}\s*日?"
    rf"(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[\s\]】)]*+[{_CJK}]{{0,6}}+$"
)
_FILE_OR_URL_RE = re.compile(
    r"^\S{0,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg|mp4|mp3)$|"
    r"^(?:IMG|DSC|DSCN|DJI|PIC|VID|微信图片)[_-]?\d",
    re.I,
)
_FILE_FIRST = frozenset("IiDdPpVv微")  # first characters of _FILE_OR_URL_RE's camera prefixes
_PUNCT_ONLY_RE = re.compile(r"^[\W\d_]++$")
_CAPTION_MARKER_RE = re.compile(
    r"^[((【\[]?\s*(?:相关)?(?:资料图片?|资料照片|图片来源[^)）】\]]{0,30}|现场图|示意图|效果图|视频截图|网络图片|组图)\s*[))】\]]?$"
)
_POSITION_MARK_RE = re.compile(r"[((](?:左|右|中|前排|后排)[一二三四五六七八九十\d]*(?:[、,,][左右中]?[一二三四五六七八九十\d]*)*[))]")
_PHOTO_CREDIT_RE = re.compile(
    r"(?:^|(?<=[。.!!??\s/(（]))"
    r"(?:[\u4e00-\u9fff]{1,8}(?:社|网|报|台)发?\s*)?"
    r"(?:(?:(?:本报|本网|特约|首席|摄影|实习)?记者|通讯员)\s*)?"
    r"[\u4e00-\u9fff·]{2,4}"
    r"(?:\s*[、\s]\s*(?:(?:(?:本报|本网|特约|首席|摄影|实习)?记者|通讯员)\s*)?[\u4e00-\u9fff·]{2,4}){0,4}"
    r"(?:\s*/\s*|\s+|(?<=记者[\u4e00-\u9fff]{2})|(?<=记者[\u4e00-\u9fff]{3})|(?<=通讯员[\u4e00-\u9fff]{2})|(?<=通讯员[\u4e00-\u9fff]{3}))"
    r"摄(?:影)?\s*[))]?$"
)
_CAPTION_START_RE = re.compile(r"^(?:图为|上图|下图|左图|右图|图\s*\d+\s*[::]|图片[::]|配图[::])")
_SENTENCE_PUNCT_RE = re.compile(r"[。!?!?;;…]")
# Possessive quantifiers (``+``) where giving characters back cannot help (a
# token is followed by a space, or the end): failing lines fail fast. Not
# before a separator: 丨 is a CJK character too.
_MENU_RE = re.compile(
    rf"^(?:[{_CJK}A-Za-z0-9]{{1,6}}\s*+[|/·丨]\s*+){{2,}}[{_CJK}A-Za-z0-9]{{1,6}}+$"
    rf"|^(?:[{_CJK}A-Za-z0-9]{{1,6}}+\s++){{3,}}[{_CJK}A-Za-z0-9]{{1,6}}+$"
)
_NAMES_ONLY_RE = re.compile(r"^[\u4e00-\u9fff·]{2,12}(?:[\s、,,][\u4e00-\u9fff·]{2,4}){0,5}$")
_CREDIT_ROLE_RE = re.compile(
    r"记者|通讯员|实习生|摄影|摄|编辑|责编|报道|供稿|撰稿|综合|整理|编译|来源|据|日报|晚报|晨报|报社|新闻网|融媒体|完"
)
# A line that only credits reporters: 封面新闻记者 刘秋凤 实习生 倪慧, 本报记者 张三 李四
_REPORTER_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、,,]+(?:(?:实习生|通讯员|实习记者|记者|摄影)\s*)?[\u4e00-\u9fff·]{2,4})*$"
)
# A photo caption that only names the scene: 开幕式现场, 签约现场
_SCENE_CAPTION_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}现场$")
# A photo credit in brackets with the name glued to 摄: (集团总部 伍晖摄)
_PAREN_PHOTO_CREDIT_RE = re.compile(r"[((](?:[^()()]{0,20}\s)?[\u4e00-\u9fff·]{2,4}\s*摄(?:影)?\s*[))]$")
_PAREN_LINE_RE = re.compile(r"^[((【]([^()()【】]{1,60})[))】]$")

# Combined patterns: one search for vocabulary, one anchored match for line shapes.
_VOCAB_SHORT_RE = _existence_regex(
    _split_alternatives(_CHROME_ANY_RE.pattern) + _split_alternatives(_CHROME_SHORT_RE.pattern) + [">>", "»", "›"]
)
# ... and for a short line without sentence punctuation, the label words too.
_VOCAB_LABEL_RE = _existence_regex(
    _split_alternatives(_CHROME_ANY_RE.pattern)
    + _split_alternatives(_CHROME_SHORT_RE.pattern)
    + _split_alternatives(_CHROME_LABEL_RE.pattern)
    + [">>", "»", "›"]
)
_CHROME_ANY_RE = _existence_regex(_split_alternatives(_CHROME_ANY_RE.pattern))
_ANCHORED_CHROME_RE = re.compile(
    "|".join(
        [
            _CREDIT_LINE_RE.pattern,
            _PUNCT_ONLY_RE.pattern,
            _CAPTION_MARKER_RE.pattern,
            _DATE_ONLY_RE.pattern,
            _BRACKET_LIST_RE.pattern,
            _CAPTION_START_RE.pattern,
            r"^\s*(?:首页|主页|网站首页|logo|LOGO)\s*(?:[>/|-]|\s)",
        ]
    )
)
# Characters an anchored chrome shape can start with (besides punctuation and
# digits): credit labels, caption markers, 首页/logo. Other lines skip that regex.
_ANCHOR_FIRST = frozenset(
    "".join(alt[0] for alt in _split_alternatives(_CREDIT_LABEL[3:-1]))
    + "文图摄资相现示效视网组上下左右配首主lL0123456789"
)
_URL_LINE_RE = re.compile(r"^[^\s:：]{0,12}[::]?\s*(?:https?://|www\.)\S+$|^\S{0,80}(?:https?://|www\.)\S*$", re.I)

_CHROME, _BODY, _SHORT, _RELATED = 0, 1, 2, 3


def _is_credit_parenthetical(inner: str) -> bool:
    """``(记者 X 通讯员 Y)``, ``(昆明日报 首席记者X)``, ``(路榕)``, ``(完)``: credits, not body."""
    inner = inner.strip()
    if not inner or _SENTENCE_PUNCT_RE.search(inner) or any(ch.isdigit() for ch in inner):
        return False
    if _CREDIT_ROLE_RE.search(inner) and len(inner) <= 50:
        return True
    return _NAMES_ONLY_RE.match(inner) is not None and len(inner.replace(" ", "")) <= 12


def _may_end_in_photo_credit(line: str) -> bool:
    """Cheap necessary condition for ``_PHOTO_CREDIT_RE``: its 摄 follows a space
    or ``/``, or a name after 记者/通讯员. The regex backtracks a lot on the
    bracketed credits it cannot match (``(集团总部 伍晖摄)``)."""
    if "记者" in line or "通讯员" in line:
        return True
    pos = line.find("摄", 1)
    while pos > 0:
        before = line[pos - 1]
        if before == "/" or before.isspace():
            return True
        pos = line.find("摄", pos + 1)
    return False


def _photo_caption_split(line: str) -> tuple[str, bool] | None:
    """If ``line`` ends with a photo credit (``孙琳 摄``), return (rest, is_whole_caption)."""
    if not line or line[-1] not in "摄影))":
        return None
    if "摄" not in line[-4:]:
        return None
    m = _PHOTO_CREDIT_RE.search(line, max(0, len(line) - 80)) if _may_end_in_photo_credit(line) else None
    if not m and line[-1] in "))":
        m = _PAREN_PHOTO_CREDIT_RE.search(line, max(0, len(line) - 40))
    if not m:
        return None
    rest = line[: m.start()].rstrip()
    if rest.endswith(("(", "(")):
        rest = rest[:-1].rstrip()
    # a caption is one sentence; a paragraph with a credit glued on is longer
    whole = len(rest) <= 120 and len(_SENTENCE_PUNCT_RE.findall(rest.rstrip("。!?!?"))) == 0
    return rest, whole


def is_chrome_line(line: str) -> bool:
    """True when a (stripped, simplified) line is page chrome rather than article text.

    Covers navigation/breadcrumbs, share/app/comment/print vocabulary, bracketed
    action lists, bylines, credit lines (``责任编辑:``, ``文字:``, ``来源:``),
    repost/copyright notices, image file names, URL lines, caption markers and
    photo captions ending in a credit (``记者李历摄``).
    """
    n = len(line)
    if not n:
        return True
    if n > 200:
        return False  # a long paragraph; credits glued to it are handled by remove_inline_credits
    return _is_chrome(line, n, _SENTENCE_PUNCT_RE.search(line) is not None)


def _is_chrome(line: str, n: int, has_sentence: bool) -> bool:
    if n > 60:
        vocab = _CHROME_ANY_RE
    else:
        vocab = _VOCAB_SHORT_RE if has_sentence else _VOCAB_LABEL_RE
    if vocab.search(line):
        return True
    if not has_sentence and n <= 150 and _DATE_RE.search(line) and (_TIME_RE.search(line) or _BYLINE_LABEL_RE.search(line)):
        return True  # a byline (checked early: cheaper than the anchored shapes it also matches)
    first = line[0]
    if first in _ANCHOR_FIRST or not first.isalnum():
        if n <= 150:
            if _ANCHORED_CHROME_RE.match(line):
                return True
        elif _CAPTION_START_RE.match(line):
            return True
    # cheap guards first: a file name ends in an extension or starts with a
    # camera prefix; a URL line has an h or a w (single-character scans are fast)
    if ("." in line[-6:] or (first in _FILE_FIRST and ("IMG" in line or "DSC" in line or "图片" in line))) and (
        _FILE_OR_URL_RE.match(line)
    ):
        return True
    if ("h" in line or "w" in line) and ("http" in line or "www." in line) and _URL_LINE_RE.match(line):
        return True
    if n <= 100 and line.startswith(_HOME_WORDS) and ("→" in line or ">" in line or ">" in line or "»" in line):
        return True
    if n <= 40 and line[-1] == "图" and line[-2:-1] in (" ", "/", "供") and not has_sentence:
        return True  # 「XX」微信公号 图, 新华社发 图: an image credit
    if not has_sentence:
        if n <= 16 and _CHROME_WORD_RE.fullmatch(line):
            return True
        if n <= 40 and ("记者" in line or "通讯员" in line) and _REPORTER_LINE_RE.match(line):
            return True
        if n <= 10 and line[-1] == "场" and _SCENE_CAPTION_RE.match(line):
            return True
        if n <= 80 and (line.count(">") + line.count(">") >= 2 or "→" in line):
            return True
        if n <= 60 and (")" in line or ")" in line) and _POSITION_MARK_RE.search(line):
            return True
    if line[0] in "((【" and n <= 62:
        m = _PAREN_LINE_RE.match(line)
        if m and (_is_credit_parenthetical(m.group(1)) or "专稿" in m.group(1)):
            return True
    if line[-1] in "摄影))":
        split = _photo_caption_split(line)
        if split and split[1]:
            return True
    return False


def is_menu_line(line: str) -> bool:
    """A run of 4+ short tokens (``首页 新闻 体育 财经``): navigation menu, when outside the body."""
    return not _SENTENCE_PUNCT_RE.search(line) and _has_menu_shape(line)


def _has_menu_shape(line: str) -> bool:
    """``_MENU_RE`` matches: tokens separated by spaces or ``| / · 丨``. A line of
    letters and digits only has no separator (丨 aside), so the regex is skipped."""
    if line.isalnum() and "丨" not in line:
        return False
    return _MENU_RE.match(line) is not None


_HOME_WORDS = ("首页", "主页", "网站首页", "当前", "您当前", "logo", "LOGO")
_RELATED_FIRST = set("相延推更热猜频精往图最【[")


_SENTENCE_END = frozenset("。!?!?;;…")


def _classify(line: str) -> int:
    if line[0] in _RELATED_FIRST and _RELATED_HEADING_RE.match(line):
        return _RELATED
    n = len(line)
    if n > 200:
        return _BODY
    has_sentence = line[-1] in _SENTENCE_END or _SENTENCE_PUNCT_RE.search(line) is not None
    if _is_chrome(line, n, has_sentence):
        return _CHROME
    return _BODY if n >= 60 or has_sentence else _SHORT


def _related_plan(kinds: list[int]) -> tuple[set[int], bool]:
    """Indices of related-list items to drop, and whether an appended article follows.

    After a related heading, 3+ consecutive short lines are a link list (dropped);
    1-2 short lines followed by body paragraphs are the headline(s) of an
    appended article (kept).
    """
    drop: set[int] = set()
    appended = False
    n = len(kinds)
    for i, k in enumerate(kinds):
        if k != _RELATED:
            continue
        j = i + 1
        shorts: list[int] = []
        while j < n and kinds[j] in (_SHORT, _CHROME):
            if kinds[j] == _SHORT:
                shorts.append(j)
            j += 1
        followed_by_body = j < n and kinds[j] == _BODY
        if len(shorts) >= 3 or not followed_by_body:
            drop.update(shorts)
        if followed_by_body and len(shorts) < 3:
            appended = True
    return drop, appended


_CUT_PROSE_RE = re.compile("[,,、“《]")
_TERMINAL_END = frozenset("。!?!?…”’\"』」)）】》.~—:::")


def _is_cut_paragraph(line: str) -> bool:
    """The last line of a page that is the start of a paragraph cut off by the
    copy's length cap (``庄说,定海是东海前哨的明珠,是``): prose punctuation
    inside, no closing punctuation, mostly CJK. Chrome lines are excluded by the
    caller (``_classify``)."""
    n = len(line)
    if n < 10 or n >= 60 or line[-1] in _TERMINAL_END or not _CUT_PROSE_RE.search(line):
        return False
    return len(_CJK_CHARS_RE.findall(line)) >= 0.6 * n


_CJK_CHARS_RE = re.compile(f"[{_CJK}]")


def has_related_article(text: str) -> bool:
    """True when a related heading (``相关新闻``) is followed by a second article's body."""
    return _chrome_pass(text)[1]


def remove_page_chrome(text: str) -> str:
    """Drop chrome lines, keeping every body paragraph, subtitle and section heading.

    Line-level rules (``is_chrome_line``) plus position: short lines after the
    last body paragraph are trailing chrome (channel lists, site names, "客户端"),
    menu-like lines before the first paragraph are navigation, link lists after a
    related heading are dropped, an appended related article is kept.
    Expects simplified text, one paragraph per line.
    """
    return _chrome_pass(text)[0]


def _chrome_pass(text: str, spam_possible: bool = False) -> tuple[str, bool]:
    """(text without chrome, related article appended?): ``remove_page_chrome``
    and ``has_related_article`` on a whole text."""
    lines = [line for line in text.split("\n") if line]
    kinds, last_body = _classify_page(lines, spam_possible)
    body, appended = _body_lines(lines, kinds, last_body)
    return "\n".join(body), appended


_UNSEEN = -1  # a line below the last body paragraph that needed no classification


def _classify_page(lines: list[str], spam_possible: bool) -> tuple[list[int], int]:
    """(kind of each line, index of the last body paragraph or -1).

    Each line is classified once here, and the title and chrome steps both read
    the result. Lines below the last body paragraph are dropped whatever they
    are, so the walk up from the end leaves the short ones ``_UNSEEN``. With
    ``spam_possible``, a spam paragraph at the bottom does not count as the last
    body paragraph (so a link list above it is still recognised as trailing
    chrome). Without any body paragraph every line is classified.
    """
    n = len(lines)
    kinds: list[int] = [_UNSEEN] * n
    last_body = -1
    for i in range(n - 1, -1, -1):
        line = lines[i]
        if len(line) >= 60 or _SENTENCE_PUNCT_RE.search(line):
            kind = _classify(line)
            if kind == _BODY and spam_possible and is_spam_text(line):
                kind = _CHROME
            kinds[i] = kind
            if kind == _BODY:
                last_body = i
                break
    if 0 <= last_body == n - 2 and _is_cut_paragraph(lines[-1]) and _classify(lines[-1]) == _SHORT:
        if not (spam_possible and is_spam_text(lines[-1])):
            kinds[-1] = _BODY  # the page text stops inside a paragraph (a capped copy)
            last_body = n - 1
    if last_body < 0:
        return [_classify(line) for line in lines], -1
    for i in range(last_body):
        kinds[i] = _classify(lines[i])
    return kinds, last_body


def _body_lines(lines: list[str], kinds: list[int], last_body: int) -> tuple[list[str], bool]:
    """(the lines that are not chrome, related article appended?), from ``_classify_page``:
    chrome and related headings go, link lists after a related heading go,
    menu-like lines above the first paragraph go, everything below the last
    paragraph goes. Without a paragraph, whatever is not chrome is kept."""
    if last_body < 0:
        return [line for line, kind in zip(lines, kinds) if kind == _SHORT or kind == _BODY], False
    first_body = kinds.index(_BODY)
    related_drop, appended = _related_plan(kinds[: last_body + 1]) if _RELATED in kinds else (set(), False)
    out: list[str] = []
    for i in range(last_body + 1):
        kind = kinds[i]
        if kind == _CHROME or kind == _RELATED or i in related_drop:
            continue
        line = lines[i]
        if kind == _SHORT and i < first_body and _has_menu_shape(line):  # short: no sentence punctuation
            continue
        out.append(line)
    return out, appended


def _head_line_skipper(kinds: list[int], spam_possible: bool) -> Callable[[int, str], bool]:
    """The title step's "is this head line page furniture?" (chrome, menu or
    spam), answered from the page's line kinds so no line is classified twice."""

    def skip(i: int, line: str) -> bool:
        kind = kinds[i]
        if kind == _CHROME:
            return True  # chrome, or a spam paragraph at the bottom
        if (kind == _RELATED or kind == _UNSEEN) and is_chrome_line(line):
            return True
        # a short line has no sentence punctuation: is_menu_line needs only the shape;
        # no line is spam when the page has no spam term
        menu = _has_menu_shape(line) if kind == _SHORT else is_menu_line(line)
        return menu or (spam_possible and is_spam_text(line))

    return skip


# --------------------------------------------------------------------------- inline credits

_LEAD_CREDIT_RE = re.compile(
    r"^(?P<head>[^,,。()()]{0,40}?(?:讯|电|消息|报道))(?P<sp1>\s*)[((](?P<inner>[^()()]{1,60})[))](?P<sp2>\s*)"
)
_TRAIL_CREDIT_RE = re.compile(r"(?<=[。!?!?”」…\.])\s*[((](?P<inner>[^()()]{1,50})[))]\s*$")
_TRAIL_LINK_RE = re.compile(r"(?<=[。!?!?”」…])\s*(?:展开(?:详细|全文|更多)|查看全文|阅读全文|点击展开|全文阅读)\s*$")
_TRAIL_EDITOR_RE = re.compile(r"\s*[【\[((](?:责任编辑|编辑|责编|编审|审核)\s*[::][^】\]))]{1,20}[】\]))]\s*(?:新闻结尾)?\s*$")


_CREDIT_LAST = frozenset("))】])尾摄影细文多开读")


def remove_inline_credits(text: str) -> str:
    """Remove reporter/editor credits glued to body paragraphs.

    ``红网时刻新闻7月29日讯(记者 余雅琴 实习生 梁典逸)推进...`` keeps the dateline
    and drops the bracket; ``...签约仪式。(路榕)`` and ``...。(昆明日报 首席记者傅碧东
    通讯员付强)`` lose the trailing credit; ``...大型企业。 张金明 摄`` loses the
    photo credit; ``(完) 【编辑:胡寒笑】`` endings go too.
    """
    return "\n".join(_strip_inline_credits(text.split("\n")))


def _strip_inline_credits(lines: list[str]) -> list[str]:
    """``remove_inline_credits`` on a list of lines (empty lines are dropped)."""
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        head = line[:48]
        if "(" in line and ("讯" in head or "电" in head or "消息" in head or "报道" in head):
            m = _LEAD_CREDIT_RE.match(line)
            if m and _is_credit_parenthetical(m.group("inner")):
                joiner = " " if m.group("sp1") or m.group("sp2") else ""
                line = m.group("head") + joiner + line[m.end():]
        if line[-1] not in _CREDIT_LAST:
            out.append(line)  # no credit can end this line
            continue
        for _ in range(3):
            if not line:
                break
            last = line[-1]
            # the regexes only look at the end of the line (credits are short)
            offset = max(0, len(line) - 64)
            if last in "))":
                m = _TRAIL_CREDIT_RE.search(line, offset)
                if m and _is_credit_parenthetical(m.group("inner")):
                    line = line[: m.start()].rstrip()
                    continue
            if last in "】])尾":
                m2 = _TRAIL_EDITOR_RE.search(line, offset)
                if m2:
                    line = line[: m2.start()].rstrip()
                    continue
            if last in "细文多开读":
                m3 = _TRAIL_LINK_RE.search(line, offset)
                if m3:
                    line = line[: m3.start()].rstrip()
                    continue
            if last in "摄影":
                split = _photo_caption_split(line)
                if split and not split[1]:
                    line = split[0]
                    continue
            break
        if line:
            out.append(line)
    return out


# --------------------------------------------------------------------------- spam

# Strong terms are (nearly) never used in a normal cooperation news paragraph;
# weak terms are ordinary words that add weight next to strong ones. Every
# alternative starts with a literal so the regex engine can scan quickly.
_SPAM_STRONG = (
    r"博彩|菠菜|娱乐城|娱乐场官网|时时彩|六合彩|百家乐|代开发票|开发票|代开|真人视讯|真人娱乐|老虎机|电子游艺|"
    r"北京赛车|PK10|pk10|Pk10|幸运飞艇|快三|网投|彩金|体育投注|体育开户|皇冠体育|皇冠网址|开元棋牌|"
    r"bet365|365bet|BET365|亚博|博天堂|注册送|首存|返水|洗码|特马|三肖|平特|一肖|"
    r"资料大全|开奖结果|开奖直播|开奖记录|开奖号码|彩票平台|彩票网|赌场|赌球|足彩|"
    r"无码|熟女|强奸|约炮|裸聊|偷拍|黄页|色情|性爱|AV网|av网|AV在线|av在线|免费AV|免费av|"
    r"成人视频|成人网站|成人影院|成人电影|成人免费|成人AV|成人av|成人草|一区二区|中文字幕|"
    r"代孕|网赚|刷单|私服|伟哥|春药|迷药|欧美精品|亚洲精品|精品视频|另类|黄色网站|黄色视频|毛片|三级片|"
    r"福利视频|人妻|自拍偷拍|偷窥"
)
_SPAM_WEAK = (
    r"开户|投注|下注|彩票|赌博|娱乐|官网|平台|注册|澳门|威尼斯人|葡京|金沙|永利|太阳城|皇冠|贷款|兼职|发票|"
    r"赔率|信誉|提现|充值|优惠|在线|免费|视频|成人|激情|棋牌|捕鱼|办证|刻章|外挂|国产精品|网址"
)


_SPAM_STRONG_RE = re.compile(_group_by_first_char(_split_alternatives(_SPAM_STRONG)))
# "is there any strong term?" (same answer as _SPAM_STRONG_RE.search, faster scan)
_SPAM_STRONG_ANY_RE = _existence_regex(_split_alternatives(_SPAM_STRONG))
_SPAM_WEAK_RE = re.compile(_SPAM_WEAK)
_SPAM_CONTACT_RE = re.compile(
    r"[Qq]{2}\s*[::号群]?\s*\d{5,11}|(?:微信|微信号|薇信|威信|V信|加V|加微)\s*[::]?\s*[A-Za-z0-9_-]{5,20}|"
    r"加微信|加qq|加QQ|(?<!\d)1[3-9]\d{9}(?!\d)|https?://|www\.|\.(?:com|cc|net|vip|top|xyz|me|tv)\b",
)
_SENT_SPLIT_RE = re.compile(r"(?<=[。!?!?])")
_PROSE_PUNCT_RE = re.compile(r"[,,。;;!?!?:]")


def _spam_score(segment: str) -> bool:
    if _SPAM_STRONG_ANY_RE.search(segment) is None:
        return False
    strong = _SPAM_STRONG_RE.findall(segment)
    if not strong:
        return False
    weak = _SPAM_WEAK_RE.findall(segment)
    contact = _SPAM_CONTACT_RE.findall(segment)
    score = 3 * len(strong) + len(weak) + 2 * len(contact)
    if score < 4:
        return False
    if contact:
        return True  # advertising: keywords plus a QQ/WeChat/phone/URL to call
    covered = sum(map(len, strong)) + sum(map(len, weak))
    density = covered / max(1, len(segment))
    prose = _PROSE_PUNCT_RE.search(segment) is not None
    if not prose and (density >= 0.2 or segment.count("|") + segment.count("丨") >= 2):
        return True  # keyword list / anchor-text line
    # A news sentence that mentions gambling (a report on 澳门博彩, an
    # anti-gambling case) is prose: only a pile of distinct spam terms counts.
    return len(set(strong)) >= 3 and density >= 0.25


def is_spam_text(segment: str) -> bool:
    """True for an injected advertising/gambling/adult line or sentence."""
    return _spam_score(segment)


def remove_spam_lines(text: str) -> str:
    """Drop injected spam lines; in long paragraphs drop only the spam sentences.

    A line is spam when it is dense in gambling/adult/invoice keywords, or
    carries them together with contact details (QQ, WeChat, phone, URL), or is a
    ``|``-separated keyword list. A normal report that mentions 赌博 or 彩票 in
    prose is kept.
    """
    if not _SPAM_STRONG_ANY_RE.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _SPAM_STRONG_ANY_RE.search(line):
            out.append(line)
            continue
        if _spam_score(line):
            # keep the non-spam sentences of a long paragraph
            parts = _SENT_SPLIT_RE.split(line)
            if len(parts) > 1:
                kept = "".join(p for p in parts if p and not _spam_score(p))
                if kept.strip() and len(kept) * 2 >= len(line):
                    out.append(kept.strip())
            continue
        parts = _SENT_SPLIT_RE.split(line)
        if len(parts) > 1 and any(_spam_score(p) for p in parts if p):
            kept = "".join(p for p in parts if p and not _spam_score(p)).strip()
            if kept:
                out.append(kept)
            continue
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- numbers, truncation

# Shapes where the source clearly lost a number. Each pattern starts with a
# literal (or a small set) and looks *back* for its context, which keeps the
# regex engine on its fast path; they are run separately for the same reason.
# Each measure word carries the characters it must not be followed by
# (个人, 家庭, 项目, 条件...), which would make it an ordinary word.
_MEASURES = {
    "个": "人别体性案",
    "家": "庭长属乡园里中门",
    "项": "目",
    "位": "置于",
    "名": "称单字义额",
    "所": "有以在属谓",
    "座": "谈",
    "件": "事",
    "条": "件例款",
    "批": "准示复",
    "户": "籍口外",
    "台": "湾阶",
    "余": "额地",
    "辆": "",
    "吨": "",
    "场": "景所地馆合",
    "次": "要序",
    "份": "额",
}
_MEASURE_ALT = "(?:" + "|".join(k + (f"(?![{v}])" if v else "") for k, v in _MEASURES.items()) + ")"
_YEAR_WORDS = "初底末内中终度前后来代间轻龄纪级会报鉴货薪假夜关份头里轮限均画味糕俗三"
_COUNT_VERBS = "突破|超过|多达|高达|共计|累计|总计|合计|达到"
_LE_VERBS = "签署|签订|签约|达成|落地|引进|新增|实施|开展|建成|举办|组织|吸引|推出|培训|接待|走访|考察"
# (regex, characters of left context that belong to the shape, literal the
# text must contain for the regex to be worth running)
_STRIPPED_NUMBER_RES: tuple[tuple[re.Pattern[str], int, str], ...] = (
    # a year lost after a preposition: 自年分别签署 (but 自年初, 于年底 are words)
    (re.compile(f"年(?<=[自从于至到止]年)(?![{_YEAR_WORDS}])"), 1, "年"),
    # an ordinal without its number: 第届, 第次
    (re.compile("第(?:个|次|届|批|期|名|位|家|项|条|章|款|季度|轮|号|天|年)"), 0, "第"),
    # a count lost after a verb of quantity: 突破家, 超过个 (one literal-led regex per verb)
    *((re.compile(verb + _MEASURE_ALT), 0, verb) for verb in _COUNT_VERBS.split("|")),
    # a count lost after 了: 签署了个专项合作协议
    (re.compile(f"了(?<=(?:{_LE_VERBS})了)(?:个|项|家|份|批|场|次|位|名|所|座|件|条)(?![人别体性案目称单有以在])"), 2, "了"),
    # a date without its numbers: 将于月日举行, 年月日
    (re.compile("月日(?<=[年于在至自]月日)"), 1, "月日"),
)
_PERCENT_RE = re.compile("[%%]|个百分点")
# ``needle in text`` for a two-character needle scans as slowly as a regex; a
# single character is found with a fast memchr-like scan, so each shape is
# guarded by the rarest character of its literal.
_STRIPPED_NUMBER_GUARDS: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (regex, context, max(needle, key=_rarity)) for regex, context, needle in _STRIPPED_NUMBER_RES
)


def _has_percent(text: str) -> bool:
    return "%" in text or "%" in text or ("点" in text and "百分点" in text)
_NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几〇零.．")
_TERMINAL = set("。!?!?…”’\"』」)）】》.~—")


def find_stripped_numbers(text: str) -> list[str]:
    """Spots where the source lost a number (``自年``, ``突破家``, ``签署了个``, ``增长%``).

    Returns each hit as the shape that gave it away (``自年``, ``突破家``, ``增长%``).
    """
    found: list[str] = []
    for regex, context, guard in _STRIPPED_NUMBER_GUARDS:
        if guard not in text:
            continue
        for m in regex.finditer(text):
            found.append(text[max(0, m.start() - context): m.end()])
    if _has_percent(text):
        for m in _PERCENT_RE.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            # a percent sign right after a CJK character (增长%) or 个百分点 without a number
            if before and before not in _NUMERALS and ("\u4e00" <= before <= "\u9fff" or m.group(0) == "个百分点"):
                found.append(text[max(0, m.start() - 2): m.end()])
    return found


def _has_stripped_numbers(text: str) -> bool:
    """``bool(find_stripped_numbers(text))``, stopping at the first hit."""
    for regex, _, guard in _STRIPPED_NUMBER_GUARDS:
        if guard in text and regex.search(text) is not None:
            return True
    if _has_percent(text):
        for m in _PERCENT_RE.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before and before not in _NUMERALS and ("\u4e00" <= before <= "\u9fff" or m.group(0) == "个百分点"):
                return True
    return False


def is_truncated(text: str) -> bool:
    """True when the body's last paragraph stops mid-sentence (no closing punctuation)."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if len(stripped) - stripped.rfind("\n") - 1 < 10:  # the last line (no copy of the text)
        return False
    return stripped[-1] not in _TERMINAL


def remove_title_lines(text: str, title: str | None) -> str:
    """Remove the headline from the body: the line equal to it, repeats of it
    (pages often print it twice), header variants that only add site junk after
    it (``标题 要闻-吉林站 2502649``), and short label lines above it (a channel
    name such as ``绍兴``), which the page prints before its headline."""
    if not title or title not in text:
        return text
    return "\n".join(_drop_title_lines(text.split("\n"), title))


def _drop_title_lines(lines: list[str], title: str) -> list[str]:
    """``remove_title_lines`` on a list of lines."""
    limit = len(title) + 30

    def is_title(line: str) -> bool:
        return line.startswith(title) and (
            line == title or (len(line) <= limit and not _SENTENCE_PUNCT_RE.search(line))
        )

    first = next((i for i, line in enumerate(lines) if is_title(line)), None)
    if first and all(len(l) <= 12 and not _SENTENCE_PUNCT_RE.search(l) for l in lines[:first]):
        lines = lines[first:]
    return [line for line in lines if not is_title(line)]


# --------------------------------------------------------------------------- pipeline


def clean_document(raw_text: str) -> CleanedDocument:
    """Run every cleaning step on decoded page text; see the module docstring."""
    flags: set[str] = set()

    text = normalize_whitespace(raw_text)
    if "<" in text or "&" in text:
        stripped = strip_markup(text)
        if stripped != text:
            flags.add("html_remnants")
            text = normalize_whitespace(stripped)

    pinyin_map: dict[str, str] = {}
    if "(" in text:  # annotations need a bracket; the regex scans for it fast
        without = remove_pinyin_annotations(text)
        if without != text:
            flags.add("pinyin_artifacts")
            if "?" in without:
                needed = set(_PINYIN_TAIL_RE.findall(without))
                if needed:
                    pinyin_map = build_pinyin_map(text, needed)
            text = without

    if "?" in text or "\ufffd" in text:
        text = remove_lost_indents(text)
        repaired = remove_lost_char_runs(text, pinyin_map)
        if repaired != text:
            flags.add("lost_characters")
            text = repaired

    original_script, text = convert_if_traditional(text)
    if original_script == TRADITIONAL:
        flags.add("traditional_converted")
    text = fold_lookalikes(text)

    lines = list(filter(None, text.split("\n")))
    # Body lines are substrings of page lines: no spam term on the page, no spam pass.
    spam_possible = _SPAM_STRONG_ANY_RE.search(text) is not None
    kinds, last_body = _classify_page(lines, spam_possible)
    meta = _metadata.extract_metadata(text, _head_line_skipper(kinds, spam_possible))

    kept, appended = _body_lines(lines, kinds, last_body)
    if appended:
        flags.add("related_article_appended")
    kept = _strip_inline_credits(kept)
    body = "\n".join(kept)
    if body != text:
        flags.add("chrome_removed")
    if spam_possible:
        despammed = remove_spam_lines(body)
        if despammed != body:
            flags.add("spam_removed")
            body = despammed
            kept = body.split("\n")
        else:
            kept_set = set(kept)
            if any(is_spam_text(line) for line in lines if line not in kept_set):
                flags.add("spam_removed")  # spam that the chrome rules already dropped
    title = meta.title
    if title and title in body:
        body = "\n".join(_drop_title_lines(kept, title))

    if _has_stripped_numbers(body):
        flags.add("numbers_stripped")
    if is_truncated(body):
        flags.add("truncated")
    if meta.publish_date is None:
        flags.add("no_date")
    elif meta.year_inferred:
        flags.add("date_year_inferred")

    return CleanedDocument(
        title=meta.title,
        publish_date=meta.publish_date,
        source_name=meta.source_name,
        author=meta.author,
        original_script=original_script,
        text=body,
        quality_flags=sorted(flags),
    )
