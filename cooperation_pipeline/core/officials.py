"""Officials: people named right after a government or party title.

A title chain is one or more units ``[organ prefix] + title word`` joined by 、
(``湖北省委常委、武汉市委书记``), immediately followed by a 2–4 character name
(``张某某``) that starts with a known surname, or an ethnic name with ``·``.  A name right
after the first one and separated by 、 shares its title (``副区长张某、李某、王某``).

The region an official serves comes from the most specific region named inside the chain
(武汉市委… -> 湖北省武汉市); a bare organ (市委书记, 副区长) takes the region of that level
named by the preceding official in the same sentence, else the publisher's region, else the
only region of that level among the article's main parties.

Reporters, editors and photographers are never officials: credit lines are collected and
their names are excluded, and chains containing such words are rejected.
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from .regions import LEVEL_RANK, Gazetteer, Region, RegionMention, level_suffix

# Longest first: the regex alternation must prefer 常务副市长 over 副市长 over 市长.
TITLE_WORDS: tuple[str, ...] = tuple(sorted({
    "党组书记", "党组副书记", "党组成员", "党工委书记", "党工委副书记", "党委书记", "党委副书记",
    "工委书记", "副书记", "书记", "常委", "常务委员",
    "常务副省长", "常务副市长", "常务副区长", "常务副县长", "常务副州长", "常务副主任",
    "副省长", "省长", "副市长", "市长", "副区长", "区长", "副县长", "县长", "副州长", "州长",
    "副旗长", "旗长", "副盟长", "盟长", "副镇长", "镇长", "副乡长", "乡长",
    "副主席", "主席", "副主任", "主任", "副秘书长", "秘书长", "副部长", "部长", "副厅长", "厅长",
    "副局长", "局长", "副处长", "处长", "副巡视员", "一级巡视员", "二级巡视员", "巡视员", "督查专员",
    "副院长", "院长", "副检察长", "检察长", "副署长", "署长", "市长助理", "区长助理", "县长助理",
    "主任委员", "副主任委员", "知事", "副知事", "议长", "副议长", "总领事", "副总领事", "大使",
    "行政长官", "司长", "副司长", "郡守", "副郡守", "郡长", "副郡长", "町长", "副町长",
}, key=len, reverse=True))
_TITLE_RE = re.compile("|".join(TITLE_WORDS))
_TITLE_END_RE = re.compile("(?:" + "|".join(TITLE_WORDS) + ")$")

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位"
    "厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏"
    "鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯"
    "元束檀衣信展阴昝智幸奉植衡富尧闭由布巴才旦扎次达格拉热买艾吐木玛央卓措洪"
    "赖阎傅萧丘钮郦郗逄贝操代过巢"
)
COMPOUND_SURNAMES = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯",
    "公孙", "轩辕", "端木", "澹台", "南宫", "西门", "万俟", "闻人", "呼延", "独孤", "钟离", "申屠",
}

_CJK = re.compile(r"[\u4e00-\u9fff]")
# 买买提·艾力, 伊赫提约尔•法尔莫诺夫, 舒滨·依格里·尼古拉耶维奇 (a Russian name with the patronymic)
_DOT_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,5}(?:[·•・][\u4e00-\u9fff]{1,8}){1,2}")
_PUNCT = set("，,。；;、：:！？!?（(）)“”\"'‘’《》〈〉【】[]·—…\n\r\t 　")
_MULTI_FOLLOW = (
    "表示", "指出", "强调", "主持", "出席", "参加", "陪同", "讲话", "致辞", "介绍", "代表", "分别", "一行",
    "同志", "等人", "带队", "率领", "带领", "会见", "会谈", "看望", "考察", "调研", "参观", "接受", "提出",
    "认为", "希望", "感谢", "欢迎", "宣布", "见证", "共同", "先后", "以及", "一同", "一起", "现场", "专程",
    "对此", "指示", "要求", "说道", "谈到", "透露", "发表", "作了", "做了", "作出", "听取", "前往", "深入",
    "走访", "莅临", "应邀", "亲切", "详细", "充分", "首先", "随后", "最后", "简要", "通报", "回顾", "来到",
    "致欢迎", "签署", "签订", "签约", "签字", "等领导", "等市领导", "等区领导", "等省领导", "等同志",
    "日前", "近日", "昨日", "今日", "上午", "下午", "晚上", "当天", "接待", "迎接", "带领",
    "举行", "正式", "为团长", "曾率", "亲自", "一起", "接见", "会晤", "会面", "座谈", "共商", "共谋", "共话",
    "共叙", "透过", "通过", "昨天", "今天", "进行", "手中", "签下", "先生", "女士", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
)
_CN_DAY = re.compile(r"[一二三四五六七八九十]{1,3}日")
_STRONG_SINGLE = set("率说等在对向就赴也还是与及并讲谈称")
_WEAK_SINGLE = set("和为来同分作以会则到")
_NOT_NAME_START = {
    "共同", "一行", "同志", "出席", "主持", "表示", "讲话", "会见", "会议", "代表", "分别", "带队", "率领",
    "参加", "陪同", "介绍", "致辞", "指出", "强调", "先后", "亲自", "专程", "一同", "同时", "认为", "希望",
    "等人", "以及", "助理", "办公", "委员", "成员", "兼任", "兼", "为", "在", "对", "向", "和", "与",
    "及", "等", "并", "的", "是", "了", "签署", "签订", "签约", "共同", "人选", "候选", "任期", "职务",
    "秘书", "办主", "领导", "一职", "班子", "集体", "们", "医师", "编辑", "记者", "工作", "信箱", "热线",
    "接待", "名单", "选举", "提名", "公开", "电话", "信件", "赴", "前往",
}
_NOT_GIVEN_NAME = {"一行", "等人", "同志", "一同", "一起"}
_NON_NAME_CHARS = set("的了是在和与等率说及并将对向为从把被也都又还就才、，。；：")
# common as the middle character of a three-character given name (邵为民, 张为国)
_MIDDLE_OK = set("为和")
_LAST_OK = set("和为")  # and as the last one (黄定和, 李有为)
_CUT_WORDS = re.compile(
    r"(?:由|率领|率|(?<![参给])与|(?<![大共协会一相不合如等陪])同|了|陪同|会见|看望|邀请|欢迎|在|对|向|是|带领|据|听取|会上|上午|下午|晚上|期间|"
    r"当天|日前|近日|其中|包括|以及|并|见证|出席|参加|主持|表示|指出|强调|介绍|受到|仪式上|的|日电以?|日讯)"
)
_NON_GOVERNMENT_POST = re.compile(r"学院|大学|研究院|研究所|学会|协会|商会|公司|集团|银行|医院|学校|基金会|我院|(?<!法院)院长|中心")
_GOVERNMENT_ORGAN = re.compile(r"统战部|政府|[省市区县州]委(?!员)")
_REPORTER_WORDS = re.compile(r"记者|通讯员|编辑|摄影|摄像|实习生|主持人|主播|编审|校对|撰稿|作者|通讯|特约")
_CREDIT_RE = re.compile(
    r"(?:记者|通讯员|实习生|见习记者|首席记者|特约记者|责任编辑|编辑|编审|校对|审核|审校|作者|文字|文|"
    r"摄影|摄像|图片|供图|图|撰稿|主编|美编|监制|策划|出品|制作|视频|海报|设计)\s*[:：|丨]?\s*"
    r"((?:[\u4e00-\u9fff·]{2,4}[\s、，,]*){1,4})"
)
_PHOTO_RE = re.compile(r"([\u4e00-\u9fff]{2,4})\s*(?:摄|摄影|/摄|供图)(?=[\s。）)]|$)")
_PAREN_CREDIT_RE = re.compile(r"[（(]([\u4e00-\u9fff\s·]{2,14})[)）]\s*$", re.M)
_ORGAN_LEVEL = re.compile(r"(省|市|区|县|州|旗|盟)(?:委|政府|人大|政协|长|纪委|监委|委员会)")
# A title unit without a place before its organ: 市委书记, 副市长, 市政府秘书长, 秘书长.
_BARE_UNIT = re.compile(r"^(?:常务|代理|代)?(?:副)?(?:[省市区县州旗盟](?:委|政府|人大|政协|纪委|监委|长|委员会|长助理)"
                        r"|党组|党委|党工委|秘书长|副秘书长|主任|副主任|常委|委员|巡视员|[^省市区县州]{0,8}(?:部|办|局|厅|委))")
_BARE_TITLE = re.compile(r"^(?:[省市区县州](?:委|政府|长)|自治区(?:党委|主席|政府)|副|常务|党组|秘书长)")
_LEADS_DELEGATION = re.compile(r"(?:等)?(?:曾|亲自|专程)?(?:率领|率|带领)([^，,。；;]{2,14}?)(?:党政|政府|经贸)?(?:代表团|考察团)")
_SAR_TITLE = re.compile(r"行政长官|政务司|财政司|律政司|特首")
# 甘孜州考察团由州委书记沈阳带队: the delegation named before the bare title it is led by
_DELEGATION_LED_BY = re.compile(r"([^，,。；;]{2,14}?)(?:党政|政府|经贸)?(?:代表团|考察团)(?:一行)?由$")
_LEVEL_DEPTH = {"省": 0, "市": 1, "州": 1, "盟": 1, "区": 2, "县": 2, "旗": 2}
_SIGN_CUE = re.compile(r"(?:分别|共同)?代表[^。；;，,]{0,12}?(?:签署|签订|签约|签字)")
_LEAD_AFTER = re.compile(r"^(?:[^，,。；;]{0,6}?)(?:率领|率|带领|带队|主持)")
_HOST_WELCOME = re.compile(r"^代表[^，,。；;]{0,16}?(?:四套班子|市委|区委|县委|省委|政府|全市|全区)[^。；;]{0,20}?(?:欢迎|致辞|致欢迎辞)")
_ATTEND_AFTER = re.compile(r"出席|参加|陪同|见证|会见|考察|参观|座谈|观摩|调研|一同|在座")
_TOP_SECRETARY = re.compile(r"(?:省委|市委|区委|县委|州委|旗委|盟委)书记")
_SENT_END = re.compile(r"[。！？!?；;\n]")


@dataclass
class OfficialMention:
    """A person named with a government or party title (see extraction)."""

    name: str
    title: str
    region: str | None
    role: str | None


@dataclass
class _Raw:
    name: str
    title: str
    chain_start: int
    name_start: int
    name_end: int
    group: int = 0  # officials listed together (same verb) share a group id
    region: Region | None = None
    roles: set[str] = field(default_factory=set)


def _after_score(text: str, pos: int) -> int:
    """How well ``pos`` works as the end of a name: 3 punctuation, 2 a verb, 1 a particle."""
    if pos >= len(text) or text[pos] in _PUNCT:
        return 3
    if text[pos].isdigit() or _CN_DAY.match(text, pos):
        return 2  # 市长韩正3月25日会见, 土浦市长安藤真理子七日…: a date right after the name
    if text.startswith(_MULTI_FOLLOW, pos):
        return 2
    ch = text[pos]
    if ch in "说称时" and (pos + 1 >= len(text) or text[pos + 1] in _PUNCT):
        return 2  # 市长大久保勉说,: a verb of speaking that ends its clause (会见…代理州长塔拉先科时,)
    if ch in _STRONG_SINGLE:
        return 1
    if ch in _WEAK_SINGLE:
        return 1
    return 0


def parse_name(text: str, i: int) -> tuple[str, int] | None:
    """A personal name starting at ``i`` (2–4 characters, or ``买买提·艾力``), with its end."""
    m = _DOT_NAME_RE.match(text, i)
    if m:
        if m.group(0)[:2] in _NOT_NAME_START or m.group(0)[:1] in _NOT_NAME_START:
            return None
        dot = i + re.search(r"[·•・]", m.group(0)).start()
        # 拉萨罗·布凯尔一行: stop before a following verb or particle word
        for end in range(dot + 2, m.end() + 1):
            if text.startswith(_MULTI_FOLLOW, end) or (
                    end >= dot + 3 and text[end:end + 1] in _STRONG_SINGLE | _WEAK_SINGLE):
                return text[i:end], end  # …·希利曼在线下签署, …·贝因德以视频方式: 在, 以 end the name
        if _after_score(text, m.end()) >= 1:
            return m.group(0), m.end()
    head2 = text[i : i + 2]
    if head2 in COMPOUND_SURNAMES:
        lengths = (3, 4)
    elif i < len(text) and text[i] in SURNAMES:
        lengths = (2, 3)
    else:
        return None
    if head2 in _NOT_NAME_START or text[i : i + 1] in _NOT_NAME_START:
        return None
    scored: dict[int, int] = {}
    for length in lengths:
        cand = text[i : i + length]
        if len(cand) != length or not all(_CJK.match(c) for c in cand):
            continue
        if any(c in _NON_NAME_CHARS for c in cand[1:]) and not (
                length == 3 and cand[1] in _MIDDLE_OK and cand[2] not in _NON_NAME_CHARS) and not (
                # 宜兰市长黄定和、台东市长…: a given name ending in 和 before a stop
                length == 3 and cand[2] in _LAST_OK and cand[1] not in _NON_NAME_CHARS
                and _after_score(text, i + length) == 3):
            continue
        if _TITLE_RE.match(cand, 1):  # 王市长 / 李书记: a title, not a name
            continue
        if cand[-1] in "区县":  # 上海市长宁区: 市长 + 宁区 is a district, not a mayor
            continue
        if cand[1:] in _NOT_GIVEN_NAME:  # 侯一行: a surname alone, then 一行
            continue
        score = _after_score(text, i + length)
        if score:
            scored[length] = score
    if not scored and length_four_ok(text, i):
        return text[i : i + 4], i + 4
    if not scored:
        return None
    short, long_ = lengths
    if short in scored and long_ in scored:
        third = text[i + short]
        if third in _STRONG_SINGLE or scored[short] > scored[long_]:
            pick = short
        elif third in _WEAK_SINGLE and scored[long_] < 2:
            pick = short
        else:
            pick = long_
    else:
        pick = short if short in scored else long_
    return text[i : i + pick], i + pick


def length_four_ok(text: str, i: int) -> bool:
    """A married name of Hong Kong style, two surnames and a given name (林郑月娥说), read only
    when no shorter name ends well."""
    cand = text[i : i + 4]
    return (len(cand) == 4 and cand[0] in SURNAMES and cand[1] in SURNAMES
            and all(_CJK.match(c) for c in cand) and not any(c in _NON_NAME_CHARS for c in cand[1:])
            and not _TITLE_RE.search(cand, 1) and _after_score(text, i + 4) >= 1)


# Japanese names do not follow Chinese surnames (久渡晃, 永松弘基): read only after a title
# chain that names Japan, ended by punctuation or a verb.
_JAPAN_CHAIN = re.compile(r"日本")


_ETHNIC_CHAIN = re.compile(r"自治州|自治县|自治旗|自治区|西藏|新疆|内蒙古|蒙古国")


def _non_han_chain(chain: str) -> bool:
    """A title chain whose holder may bear a name without a Chinese surname: Japan or another
    foreign place (久留米市市长大久保勉, 乌兰巴托市长阿穆尔赛汗), or an autonomous area
    (甘孜藏族自治州乡城县县长尼玛西日)."""
    return _ETHNIC_CHAIN.search(chain) is not None or _foreign_chain(chain)


@functools.lru_cache(maxsize=4096)
def _chain_places(chain: str) -> tuple[tuple[bool, bool], ...]:
    """Per place the chain names: (has a foreign reading, has a Chinese reading that is no word)."""
    return tuple((any(f.entry.foreign for f in m.forms), any(not f.entry.foreign and not f.weak for f in m.forms))
                 for m in Gazetteer.load().scan(chain))


def _foreign_chain(chain: str) -> bool:
    """The chain names Japan or a foreign place only (中国开封市副市长 is Chinese)."""
    if len(chain) < 2 or "中国" in chain:
        return False
    if _JAPAN_CHAIN.search(chain):
        return True
    places = _chain_places(chain)
    # (滨海 is 滨海新区 and 滨海县 before it is 俄罗斯滨海边疆区)
    return bool(places) and all(foreign and not chinese for foreign, chinese in places)


# words a foreign name ends before, besides a verb (和田慎司及其…, 阿穆尔赛汗的会见); 的 (last) not on
# a page that only names Japan
_FOREIGN_NAME_END = ("及其", "等", "一行", "的")


def parse_japanese_name(text: str, i: int, *, strict: bool = False) -> tuple[str, int] | None:
    """A 2–5 character Japanese name at ``i`` (the caller checks the title names Japan, or with
    ``strict`` only the page: then a common word opens no name, as in 议长全力支持)."""
    if text[i : i + 2] in _NOT_NAME_START or (text[i : i + 1] in _NOT_NAME_START and text[i] != "和") \
            or text.startswith(_MULTI_FOLLOW, i):  # 议长见证下: a verb, no name
        return None
    for length in range(2, 6):
        cand = text[i : i + length]
        if len(cand) != length or not all(_CJK.match(c) for c in cand):
            return None
        # 和 opens Japanese family names (和田, 和泉); elsewhere a function word ends the name
        if any(c in _NON_NAME_CHARS for c in cand[cand[0] == "和":]) or _TITLE_RE.search(cand):
            return None
        if _after_score(text, i + length) >= 2 or (
                length >= 3 and text.startswith(_FOREIGN_NAME_END[:-1] if strict else _FOREIGN_NAME_END, i + length)):
            # 小松市市长和田慎司及其率领的代表团 (越南边境四省党委书记新春会晤: a word, no name;
            # 伯南布哥州州长里拉 is written in the transliteration table)
            word = _common_word(cand[:2]) and (strict or (length == 2 and not set(cand) <= _TRANSLITERATION))
            return None if word else (cand, i + length)
    return None


# The characters of the standard transliteration table (世界人名翻译大辞典 译音表) that foreign names
# are written in: 阿穆尔赛汗, 伊德里希, 齐维迪尼 start with no Chinese surname, or with one by chance.
_TRANSLITERATION = set(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾波伯博布查察达戴丹道德登迪蒂丁东杜敦多厄恩尔法凡菲费芬丰夫弗伏福富"
    "盖甘冈戈格根古瓜哈海汉汗豪赫亨洪胡霍基吉季加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里"
    "丽利莉列林琳隆卢鲁伦罗洛马玛迈麦曼梅门蒙米明缪莫姆穆纳娜奈南瑙内妮尼涅宁纽努诺帕派潘佩彭皮普齐奇恰"
    "乔切钦琼丘萨塞赛桑瑟森沙莎尚绍舍圣施什舒斯松苏索塔泰坦汤唐特提廷图托瓦娃万旺威韦维温沃乌西希锡谢辛休"
    "雅亚扬耶伊因尤约泽扎詹兹佐")


def parse_transliterated_name(text: str, i: int) -> tuple[str, int] | None:
    """A foreign name of 3–6 transliteration characters at ``i`` (乌兰巴托市长阿穆尔赛汗的会见),
    ended by punctuation, a verb, 的 or 等; for titles of a place that is not Chinese."""
    end = i
    while end < len(text) and end - i < 6 and text[end] in _TRANSLITERATION:
        end += 1
    for stop in range(end, i + 2, -1):
        cand = text[i:stop]
        if _TITLE_RE.search(cand) or _common_word(cand[:2]) or text[i:i + 2] in _NOT_NAME_START:
            return None
        if _after_score(text, stop) >= 2 or text.startswith(_FOREIGN_NAME_END, stop):
            return cand, stop
    return None


def _chinese_chain(chain: str) -> bool:
    """The title chain names a Chinese region (苏州市副市长): its holder has a Chinese name."""
    return len(chain) >= 2 and any(chinese for _, chinese in _chain_places(chain))


def _common_word(word: str) -> bool:
    """A word jieba's dictionary counts often (全力 1161, 见证 677; 山本 51, 千叶 65 are names)."""
    return (_posseg().tokenizer.FREQ.get(word) or 0) >= 100


# jieba (the tokenizer of record) as a second reader of the name after a title word.  It is
# only asked when the character-level reader above finds no name although a surname follows
# the title (陈国才等, 陈吉宁的指示, 洪波的陪同): on the seeds and the articles set jieba
# disagrees with that reader on 31 of 161 names it does find and is right on only one of
# them, so it never overrides it.  Title words and the gazetteer's names are loaded as a user
# dictionary; only a window around the title is segmented.
_JIEBA_WINDOW = 8
_JIEBA_FOLLOW = re.compile(r"^(?:的|等|[，,。；;、：:！？!?（(）)\s]|$)")


@functools.lru_cache(maxsize=1)
def _posseg():
    """jieba's default part-of-speech tokenizer, with title words and gazetteer names added to the
    default dictionary: one dictionary and one tag table loaded per process (a second tokenizer would
    load both again, about half a second)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for word in TITLE_WORDS:
        jieba.add_word(word, 2000, "n")
    for surface in Gazetteer.load().surfaces():
        if len(surface) >= 2:
            jieba.add_word(surface, 2000, "ns")
    return jieba.posseg.dt


def jieba_name(text: str, i: int) -> tuple[str, int] | None:
    """The person name jieba reads at ``i`` (tagged nr, 2–3 characters, a known surname
    first), followed by punctuation, 的/等 or a verb; else None."""
    if i >= len(text) or text[i] not in SURNAMES:
        return None
    lo = max(0, i - _JIEBA_WINDOW)
    window = text[lo : i + _JIEBA_WINDOW]
    pos = lo
    tokens = []
    for tok in _posseg().cut(window):
        tokens.append((pos, tok.word, tok.flag))
        pos += len(tok.word)
    for k, (start, word, flag) in enumerate(tokens):
        if start != i:
            continue
        if flag not in ("nr", "nrfg") or not 2 <= len(word) <= 3 or not all(_CJK.match(c) for c in word):
            return None
        if word[:2] in _NOT_NAME_START or _TITLE_RE.search(word, 1):
            return None
        end = i + len(word)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is None or _JIEBA_FOLLOW.match(nxt[1]) or nxt[2].startswith("v") or \
                text.startswith(_MULTI_FOLLOW, end):
            return word, end
        return None
    return None


def _unit_start(text: str, end: int) -> int:
    """Start of the title unit that ends at ``end``: back to punctuation or a cut word."""
    lo = max(0, end - 40)
    start = lo
    for k in range(end - 1, lo - 1, -1):
        if text[k] in _PUNCT:
            start = k + 1
            break
    segment = text[start:end]
    last = None
    for m in _CUT_WORDS.finditer(segment):
        last = m
    if last is not None:
        start += last.end()
    # A leading date (8月26日) is not part of a title.
    dm = re.match(r"\d{1,2}月\d{1,2}日|\d{1,2}日", text[start:end])
    if dm:
        start += dm.end()
    return start


def credit_names(text: str) -> set[str]:
    """Names from bylines and credits: 记者 张某, 编辑:李某, 王某 摄, (赵某)."""
    names: set[str] = set()
    for m in _CREDIT_RE.finditer(text):
        for tok in re.split(r"[\s、，,]+", m.group(1)):
            if 2 <= len(tok) <= 4:
                names.add(tok)
    for m in _PHOTO_RE.finditer(text):
        names.add(m.group(1))
    for m in _PAREN_CREDIT_RE.finditer(text):
        for tok in m.group(1).split():
            names.add(tok)
    return names


def scan(text: str) -> list[_Raw]:
    """Every title chain + name in ``text`` (lexical only, no regions yet)."""
    out: list[_Raw] = []
    taken_until = -1
    group = 0
    last_end = -1
    japan = "日本" in text  # 区长成泽广修、议长武泽房吉率领的日本文京区代表团: bare titles of a Japanese visit
    for tm in _TITLE_RE.finditer(text):
        if tm.start() < taken_until:
            continue
        chain_start = _chain_start(text, tm.start())
        # (市长曹新平和梁赞市政府第一副市长富尔索夫: the chain after the previous official's name)
        chain = text[max(chain_start, last_end):tm.start()].lstrip("，,、和与及同 ")
        # a foreign official's name (阿希拉瓦, 富尔索夫) is read whole before a Chinese surname reading
        parsed = parse_japanese_name(text, tm.end()) \
            if not _DOT_NAME_RE.match(text, tm.end()) and _foreign_chain(chain) else None
        parsed = parsed or parse_name(text, tm.end())
        if parsed is None and _non_han_chain(chain):
            parsed = parse_japanese_name(text, tm.end())
        if parsed is None and japan:
            parsed = parse_japanese_name(text, tm.end(), strict=True)
        if parsed is None:
            parsed = jieba_name(text, tm.end())
        if parsed is None and not _chinese_chain(chain):
            parsed = parse_transliterated_name(text, tm.end())
        if parsed is None:
            continue
        name, name_end = parsed
        start = chain_start
        if start < last_end:
            # never reach back over the previous official (…张某与XX市委副书记、市长李某)
            start = last_end
            while start < tm.start() and text[start] in "，,、和与及同 ":
                start += 1
        title = text[start : tm.end()]
        if _REPORTER_WORDS.search(title) or _outside_government(title) or (
                "工商联" in title and not _GOVERNMENT_ORGAN.search(title)):
            continue  # 区域科学学院副院长, 集团董事长, 工商联副主席: posts outside government
        between = text[last_end:start] if last_end >= 0 else "-"
        if not (len(between) <= 2 and all(c in "，,、和与及 " for c in between)):
            group += 1  # a new list of officials (not one continued by , 、 和 与)
        out.append(_Raw(name, title, start, tm.end(), name_end, group))
        pos = name_end
        # 副区长张某、李某、王某: names sharing one title.
        while pos < len(text) and text[pos] == "、":
            nxt = parse_name(text, pos + 1)
            if nxt is None or _TITLE_RE.match(text, pos + 1):
                break
            out.append(_Raw(nxt[0], title, start, pos + 1, nxt[1], group))
            pos = nxt[1]
        taken_until = pos
        last_end = pos
    return _with_names_before_titles(text, out)


# 武夷山市胡书仁市长, 以陈豪省长为团长, 与广东省朱小丹省长签署: the name written before its title
_POST_TITLE_RE = re.compile(r"(?:常务)?副?(?:市长|省长|县长|区长|镇长|乡长|州长|旗长|书记)(?!助理|们)")
_BEFORE_POST_NAME = set("，,。；;、：:（(“\"与和同及以是受由请 \n")


def _with_names_before_titles(text: str, raws: list[_Raw]) -> list[_Raw]:
    """``raws`` with the officials whose title follows the name: a Chinese name after a stop, a
    linking word or a place, and no place itself (武夷山市长 is 武夷山's mayor, not 武夷山)."""
    taken = [(r.chain_start, r.name_end) for r in raws]
    names = {r.name for r in raws}
    found: list[_Raw] = []
    group = max((r.group for r in raws), default=0)
    for tm in _POST_TITLE_RE.finditer(text):
        end = tm.start()
        if any(a < tm.end() and end - 2 < b for a, b in taken) or parse_name(text, tm.end()):
            continue  # (a title of a chain already read, or one followed by its name: 党工委书记李某)
        for length in (3, 2, 4):
            start = end - length
            cand = text[start:end]
            if start < 0 or not all(_CJK.match(c) for c in cand) or any(c in _NON_NAME_CHARS for c in cand) \
                    or any(c in "委党政府局厅办省市县区州镇乡" for c in cand) or cand[0] in _NOT_NAME_START \
                    or cand[0] in "由":
                continue
            compound = cand[:2] in COMPOUND_SURNAMES
            if not (compound and length >= 3 or cand[0] in SURNAMES and length <= 3) \
                    or _common_word(cand[:2]) or _TITLE_RE.search(cand):
                continue
            place = _place_ending_at(text, start)
            if place is None and start > 0 and text[start - 1] in "省市县区州镇乡":
                # 美国西柯汶纳市吴桐淮市长: a place read only in context (a foreign city) ends right before
                # the name; 张甸镇段厚林镇长: one the gazetteer lacks (a town)
                window = max(0, start - 12)
                place = next((window + m.start for m in Gazetteer.load().scan(text[window:start])
                              if window + m.end == start), None)
                if place is None:
                    place = start - 1
                    while place > max(0, start - 6) and _CJK.match(text[place - 1]) \
                            and text[place - 1] not in _BEFORE_POST_NAME and text[place - 1] != "长":
                        place -= 1
            if place is None and start > 0 and text[start - 1] not in _BEFORE_POST_NAME:
                continue
            if place is None and cand in names:
                break  # (姜任骏市长 of a page that names 该市市长姜任骏: the same person, placed there)
            if _place_over(text, start, tm.end(), after_place=place is not None):
                continue  # 武夷山市长: a place and its mayor
            group += 1
            chain_start = place if place is not None else start
            found.append(_Raw(cand, text[chain_start:start] + tm.group(0), chain_start, start, tm.end(), group))
            break
    return sorted(raws + found, key=lambda r: r.name_start) if found else raws


def _place_ending_at(text: str, end: int) -> int | None:
    """Where the longest place form written right before ``end`` starts (广东省|朱小丹省长), if any."""
    gaz = Gazetteer.load()
    return next((s for s in range(max(0, end - 12), end - 1) if gaz.is_surface(text[s:end])), None)


def _place_over(text: str, start: int, end: int, *, after_place: bool) -> bool:
    """A place covers part of ``start:end`` (武夷山市长 holds 武夷山市).  After a place the window is
    read as the gazetteer reads text, with the towns of a county written after it (宜兰县头城镇长 holds
    头城镇); elsewhere a look-up of the forms is enough."""
    gaz = Gazetteer.load()
    window = max(0, start - 6)
    if after_place:
        return any(window + m.start < end and start < window + m.end for m in gaz.scan(text[window:end]))
    return any(gaz.is_surface(text[i:j]) for i in range(window, end)
               for j in range(max(i + 2, start + 1), min(len(text), i + 12) + 1))


def _outside_government(title: str) -> bool:
    """Every post of the chain is outside government (大学校长, 集团董事长); one government post
    among them (外事办公室主任、人民对外友好协会会长; 人社局党组成员、人才服务中心主任) is enough."""
    return all(_NON_GOVERNMENT_POST.search(unit) for unit in re.split(r"[、，,]", title) if unit)


def _chain_start(text: str, title_start: int) -> int:
    start = _unit_start(text, title_start)
    while start >= 2 and text[start - 1] == "、" and _TITLE_END_RE.search(text[:start - 1]):
        prev = _unit_start(text, start - 1)
        if prev >= start - 1:
            break
        start = prev
    return start


def name_spans(raws: list[_Raw], text: str = "") -> list[tuple[int, int]]:
    """Where the officials' names stand, and, given the text, every other place they are written
    (市长曹新平 … 曹新平表示: 新平 is no county there either).  Only names of three characters or
    more: a two-character one read after a title may be a place (长滩市市长 -> 滩市, 柏斯)."""
    spans = [(r.name_start, r.name_end) for r in raws]
    if text:
        spans += _occurrences(text, {r.name for r in raws if len(r.name) >= 3 and r.name[-1] not in "省市县区州"})
    return spans


_LIST_RE = re.compile(r"领导([\u4e00-\u9fff·]{2,5}(?:、[\u4e00-\u9fff·]{2,5})+)")


def listed_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names listed without title (武汉市领导张某、李某…) to keep them out of
    region matching."""
    spans: list[tuple[int, int]] = []
    for m in _LIST_RE.finditer(text):
        pos = m.start(1)
        for tok in m.group(1).split("、"):
            spans.append((pos, pos + len(tok)))
            pos += len(tok) + 1
    return spans


def _region_of(raw: _Raw, mentions: list[RegionMention], text: str, *, prev_in_sentence: list[_Raw],
               publisher: Region | None, fallback: list[Region],
               doc_regions: list[Region] = ()) -> Region | None:
    inside = [m.region for m in mentions
              if m.region is not None and raw.chain_start <= m.start and m.end <= raw.name_start]
    if inside:
        # the most specific: 湖北省委常委、武汉市委书记 -> 武汉市; a county before its zone
        # (海安市委书记、海安经济技术开发区党工委书记 -> 海安市)
        divisions = [r for r in inside if r.level != "zone"] or inside
        found = min(divisions, key=lambda r: LEVEL_RANK[r.level])
        suffix = _served_level(raw.title)
        if found.level == "province" and suffix in ("市", "州") and not found.name.endswith("市"):
            # 河南省委常委、市委书记李亚 … 洛阳: the one city of that province the article names
            cities = {r.name: r for r in doc_regions if r.level == "prefecture" and r.province == found.name}
            if len(cities) == 1:
                return next(iter(cities.values()))
        return found
    if _SAR_TITLE.search(raw.title):
        # 行政长官梁振英: the one special administrative region the article names
        sars = {r.name: r for r in doc_regions if r.name.endswith("特别行政区")}
        return next(iter(sars.values())) if len(sars) == 1 else None
    if raw.title.startswith("自治区"):
        # 自治区党委书记鹿心社 on a page about 广西: the one autonomous region the article names
        regions = {r.name: r for r in doc_regions if r.level == "province" and r.name.endswith("自治区")}
        if len(regions) == 1:
            return next(iter(regions.values()))
    # A place we could not resolve (坦桑尼亚阿鲁沙市市长): no guess.
    if not _names_no_place(raw.title):
        return None
    suffix = _served_level(raw.title)
    if suffix is None:
        # 主任/部长 without an organ: same region as the official listed before it
        return prev_in_sentence[-1].region if prev_in_sentence else None
    for prev in reversed(prev_in_sentence):
        if prev.region is not None and level_suffix(prev.region) == suffix and _organ_fits(raw.title, prev.region):
            return prev.region
    if publisher is not None and level_suffix(publisher) == suffix:
        return publisher
    return None


def _guessed_region(raw: _Raw, fallback: list[Region], doc_regions: list[Region]) -> Region | None:
    """The last resort for a bare title nothing around it places: the one region of its level
    among the event's parties, else among all the article names.  Asked only after the
    delegation a title leads and the list it stands in have had their say (省委书记李希、省长马兴瑞
    率广东省党政代表团 … 江川 in a base's name is no reason for 云南省)."""
    suffix = _served_level(raw.title)
    if suffix is None or not _names_no_place(raw.title):
        return None
    # A bare 市长 in Chinese news is a Chinese mayor; foreign ones carry their city.
    same = [r for r in fallback if level_suffix(r) == suffix and r.country == "中国"]
    if len({r.name for r in same}) == 1:
        return same[0]
    # 县委书记 in an article that names exactly one Chinese county (县) at all
    named = {r.name: r for r in doc_regions if level_suffix(r) == suffix and r.country == "中国"}
    if len(named) == 1:
        return next(iter(named.values()))
    return None


def _names_no_place(title: str) -> bool:
    """Every post of the title is bare (市委书记、市长), none names its place (浏阳市委书记)."""
    return all(_BARE_UNIT.match(u) for u in title.split("、"))


def _served_level(title: str) -> str | None:
    """The level a bare title serves, from the lowest organ in its chain (省委常委、市委书记 -> 市)."""
    levels = [m.group(1) for m in _ORGAN_LEVEL.finditer(title)]
    levels += [m.group(1) for m in re.finditer(r"(省|市|区|县|州)长", title)]
    return max(levels, key=lambda x: _LEVEL_DEPTH.get(x, 0)) if levels else None


def _organ_fits(title: str, region: Region) -> bool:
    """A 省委书记 serves a 省, never an autonomous region (whose organs are 自治区党委, 自治区主席),
    though both are of one level: 省委书记尹力,宁夏回族自治区党委书记梁言顺,…自治区主席张雨浦."""
    if region.name.endswith("自治区"):
        return "省" not in title
    return "自治区" not in title or region.level != "province"


def _the_other_party(group: list[_Raw], fallback: list[Region]) -> None:
    """区委书记黄桂诚会见莆田市秀屿区委书记…: a bare title in a sentence where another official
    serves one of the event's two regions of that level serves the other one."""
    for r in group:
        if r.region is not None or not _names_no_place(r.title):
            continue
        # (省委书记陈某,省委副书记、省长吴某率…: one listed with an official placed by a bare title too is
        # on the same side; 省长黄某,甘肃省委副书记、省长任某分别代表双方: one named with its region is not)
        explicit = {x.region.name for x in group if x.region is not None and (
            x.group != r.group or not _names_no_place(x.title))}
        suffix = _served_level(r.title)
        same = {x.name: x for x in fallback if suffix and level_suffix(x) == suffix and x.country == "中国"}
        if len(same) == 2 and len(set(same) & explicit) == 1:
            r.region = next(x for name, x in same.items() if name not in explicit)


def _listed_together(raws: list[_Raw]) -> None:
    """省委书记陈刚,省委副书记、省长吴晓军率青海省党政代表团: bare titles of one level listed together
    serve the one region of that level the others in the list were placed in."""
    lists: dict[int, list[_Raw]] = {}
    for r in raws:
        lists.setdefault(r.group, []).append(r)
    for members in lists.values():
        for r in members:
            level = _served_level(r.title)
            if r.region is not None or level is None or not _BARE_TITLE.match(r.title):
                continue
            # (placed as bare titles themselves: 副市长、浏阳市委书记 names its own city, not the list's)
            placed = {m.region.name: m.region for m in members if m.region is not None
                      and _names_no_place(m.title) and _served_level(m.title) == level
                      and level_suffix(m.region) == level and _organ_fits(r.title, m.region)}
            if len(placed) == 1:
                r.region = next(iter(placed.values()))


def extract_officials(
    text: str,
    raws: list[_Raw],
    mentions: list[RegionMention],
    *,
    publisher: Region | None,
    fallback: list[Region],
    doc_regions: list[Region] = (),
) -> list[OfficialMention]:
    """Resolve regions and roles of the scanned officials; one entry per (name, region).

    ``doc_regions`` are all Chinese regions the article names (see
    :func:`candidate_regions`): a bare title whose level matches exactly one of them serves it.
    """
    credits = credit_names(text)
    raws = [r for r in raws if r.name not in credits and not any(r.name in c for c in credits if len(c) > 4)]
    sentence_of = _sentence_index(text)
    by_sentence: dict[int, list[_Raw]] = {}
    visited: dict[str, Region | None] = {}
    known: dict[str, Region] = {}
    for r in raws:
        sid = sentence_of(r.name_start)
        prev = by_sentence.setdefault(sid, [])
        r.region = _region_of(r, mentions, text, prev_in_sentence=prev, publisher=publisher,
                              fallback=fallback, doc_regions=doc_regions)
        if _BARE_TITLE.match(r.title) and r.name in known:
            r.region = known[r.name]  # 台南市长黄伟哲…,市长黄伟哲表示: the same person again
        if _BARE_TITLE.match(r.title) and _receives(text, r.name_end) and not _named_in_chain(r, mentions):
            # 市委书记马平昌陪同考察: a bare title receiving the delegation serves the place visited
            if "host" not in visited:  # the place visited is the same for every receiving official
                visited["host"] = _visited(text, mentions)
            host = visited["host"]
            if host is not None and level_suffix(host) == _served_level(r.title):
                r.region = host
        if r.region is None and _BARE_TITLE.match(r.title):
            # 市委书记李洪慈带领白城市党政代表团: a bare title leading a named delegation
            lead = _LEADS_DELEGATION.match(text, r.name_end) or \
                _DELEGATION_LED_BY.search(text, max(0, r.chain_start - 24), r.chain_start)
            if lead:
                inside = [m.region for m in mentions if m.region is not None
                          and lead.start(1) <= m.start and m.end <= lead.end(1)]
                if inside:
                    r.region = inside[-1]
        if r.region is not None:
            known.setdefault(r.name, r.region)
        prev.append(r)
    for group in by_sentence.values():
        _the_other_party(group, fallback)
    _listed_together(raws)
    for r in raws:
        if r.region is None:
            r.region = _guessed_region(r, fallback, doc_regions)
    _listed_together(raws)  # (副市长来永见, placed by a guess, places 经开区党工委书记赵励军 listed with him)
    _assign_roles(text, raws)
    merged: dict[tuple[str, str | None], OfficialMention] = {}
    rank = {"sign": 3, "lead": 2, "attend": 1}
    for r in raws:
        key = (r.name, r.region.name if r.region else None)
        role = max(r.roles, key=lambda x: rank[x]) if r.roles else None
        cur = merged.get(key)
        if cur is None:
            merged[key] = OfficialMention(r.name, r.title, key[1], role)
        elif role and (cur.role is None or rank[role] > rank[cur.role]):
            cur.role = role
    # A name seen once with a region and once without is the same person.
    out = [o for o in merged.values()
           if o.region is not None or not any(p.name == o.name and p.region for p in merged.values())]
    return out


# 来济宁市考察, 来潍考察, 到我州商洽: where a delegation went
_VISIT_TO = re.compile(r"(?:代表团|考察团|一行)[^，,。；;]{0,6}?(?:来到|来|到|抵达|赴)([\u4e00-\u9fff]{1,8}?)"
                       r"(?:考察|调研|学习|交流|访问|参观|洽谈|商洽|对接)")


def _receives(text: str, end: int) -> bool:
    """The official (or the list of officials he opens) receives the visitors: 陪同, 接待, 会见 … in
    the rest of the sentence, with no 率/带领 before it (those lead a delegation)."""
    rest = re.split(r"[。；;!?！？\n]", text[end:end + 80])[0]
    verb = re.search(r"陪同|接待|会见|会谈|座谈|迎接|欢迎|与代表团", rest)
    return verb is not None and not re.search(r"率|带领|带队", rest[:verb.start()])


def _named_in_chain(raw: _Raw, mentions: list[RegionMention]) -> bool:
    return any(raw.chain_start <= m.start and m.end <= raw.name_start for m in mentions if m.region is not None)


def _visited(text: str, mentions: list[RegionMention]) -> Region | None:
    """The one place the article's delegations visit: a region named right after 来/到, or a
    city or county of the article that holds the one character written there (来潍 -> 潍坊), or
    the province it abbreviates (来湘 -> 湖南省)."""
    found: dict[str, Region] = {}
    regions = [m.region for m in mentions if m.region is not None]
    for m in _VISIT_TO.finditer(text):
        named = [x.region for x in mentions if x.region is not None and x.start == m.start(1)]
        holder = named[0] if named else None
        if holder is None and len(m.group(1)) == 1:
            gaz = Gazetteer.load()  # 来潍 -> 潍坊市 of the article, else 来湘 -> 湖南省
            holder = gaz.holding(m.group(1), regions) or gaz.abbreviated(m.group(1))
        if holder is not None:
            found[holder.name] = holder
    return next(iter(found.values())) if len(found) == 1 else None


# A region named as the other side anywhere in the article (赴Y县, 我县与Y县, Y县代表团,
# 来访的Y县客人) is never the region of a bare title.
_OTHER_BEFORE = re.compile(r"(?:赴|到|前往|莅临|来到|抵达|走进|访问|我[省市区县州旗][与同和]|来访的|来自)$")
_OTHER_AFTER = re.compile(r"^(?:[省市区县州旗盟])?(?:党政|政府|经贸|友好)?(?:代表团|考察团|客人|来宾|一行|客商)")


def _straddles_words(text: str, m: RegionMention) -> bool:
    """An unanchored short name whose first or last character makes a common word with the
    character beside it is a run across words (二十大关于 is not 大关, 公民和 not 民和)."""
    if not text:
        return False
    before = text[m.start - 1: m.start + 1] if m.start else ""
    after = text[m.end - 1: m.end + 1]
    return any(len(w) == 2 and _common_word(w) for w in (before, after))


def candidate_regions(mentions: list[RegionMention], gaz, text: str = "") -> list[Region]:
    """Chinese regions an article names or implies: resolved mentions and their ancestors
    (上海市虹口区 names 上海市 too), plus short names that denote exactly one region and are
    not common words (庆云 -> 庆云县) nor run across words, even without an anchor.  A region that
    the text names as the other side (visited, visiting, or paired with 我县) is left out with
    its ancestors."""
    out: dict[str, Region] = {}
    other: set[str] = set()
    for m in mentions:
        region = m.region
        if region is None:
            entries = {f.entry.region.name: f for f in m.forms}
            if len(entries) != 1:
                continue
            form = next(iter(entries.values()))
            if form.weak or form.entry.foreign or _straddles_words(text, m):
                continue
            region = form.entry.region
        if region.country != "中国":
            continue
        entry = gaz.entry(region.name)
        names = [region.name] + sorted(entry.ancestors if entry is not None else ())
        if text and (_OTHER_BEFORE.search(text[max(0, m.start - 4):m.start])
                     or _OTHER_AFTER.match(text[m.end:m.end + 8])):
            other.update(names)
        for name in names:
            found = gaz.get(name)
            if found is not None:
                out.setdefault(name, found)
    return [r for n, r in out.items() if n not in other]


def _sentence_index(text: str):
    ends = [m.start() for m in _SENT_END.finditer(text)]

    def index(pos: int) -> int:
        lo, hi = 0, len(ends)
        while lo < hi:
            mid = (lo + hi) // 2
            if ends[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return index


_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def _clause_after(text: str, pos: int) -> str:
    m = _CLAUSE_END.search(text, pos)
    return text[pos : m.start() if m else len(text)]


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Where the names occur, leftmost first and longest at one place, never overlapping: what an
    alternation regex of the names finds, without compiling one per document."""
    hits = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            hits.append((i, i + len(name)))
            i = text.find(name, i + 1)
    found, pos = [], 0
    for start, end in sorted(hits, key=lambda h: (h[0], -h[1])):
        if start >= pos:
            found.append((start, end))
            pos = end
    return found


def _without(text: str, names: set[str]) -> str:
    out, pos = [], 0
    for start, end in _occurrences(text, names):
        out.append(text[pos:start])
        pos = end
    return "".join(out) + text[pos:]


def _sentence_after(text: str, pos: int) -> str:
    m = _SENT_END.search(text, pos)
    return text[pos : m.start() if m else len(text)]


def _assign_roles(text: str, raws: list[_Raw]) -> None:
    names = {r.name for r in raws}
    groups: dict[int, list[_Raw]] = {}
    for r in raws:
        groups.setdefault(r.group, []).append(r)
        # The party secretary of a region leads its side (delegation or host).
        if any(_TOP_SECRETARY.search(u) for u in r.title.split("、")):
            r.roles.add("lead")
    # Verbs after the last name of a group apply to the whole group.
    for members in groups.values():
        last = max(members, key=lambda r: r.name_end)
        clause = _clause_after(text, last.name_end)
        if clause.startswith("等"):
            clause = clause[1:]
        roles = _roles_from_clause(clause, text, last.name_end)
        for r in members:
            r.roles |= roles
    # Other occurrences of the names (并与张某分别代表双方政府签订, 张某李某签约).
    if names:
        for start, end in _occurrences(text, names):
            name = text[start:end]
            clause = _clause_after(text, end)
            roles = _roles_from_clause(clause, text, end)
            # names listed back to back before 签约 (张某李某签约)
            rest = _without(clause, names)
            if re.match(r"^[、和与及\s]*(?:签约|签字|签署|签订)", rest):
                roles.add("sign")
            for r in raws:
                if r.name == name:
                    r.roles |= roles
    # 分别代表双方…签订: every official in the clause and the bare list clauses before it signs.
    for cue in _SIGN_CUE.finditer(text):
        seg_start = max(text.rfind(c, 0, cue.start()) for c in "。；;\n!?！？") + 1
        clauses = re.split(r"[，,]", text[seg_start:cue.start()])
        pos = seg_start
        spans = []
        for c in clauses:
            spans.append((pos, pos + len(c), c))
            pos += len(c) + 1
        signers: set[str] = set()
        last_clause = spans[-1]
        for r in raws:
            if last_clause[0] <= r.name_start < last_clause[1]:
                signers.add(r.name)
        for n in names:
            if n in last_clause[2]:
                signers.add(n)
        continuation = re.match(r"^(?:并|并与|与|同|和)", last_clause[2])
        for s, e, c in reversed(spans[:-1]):
            members = [r for r in raws if s <= r.name_start < e]
            pure = members and e - members[-1].name_end <= 1
            if continuation and members:
                signers.add(members[0].name)
                break
            if pure:
                signers.update(r.name for r in members)
                continue
            break
        for r in raws:
            if r.name in signers:
                r.roles.add("sign")


_SIGN_VERB = re.compile(r"签署|签订|签字|签下|签约(?!仪式|活动|现场)")
_NOT_SIGNER = re.compile(r"见证|出席|主持|陪同|参加|观看|列席|致辞|讲话")


def _roles_from_clause(clause: str, text: str, pos: int) -> set[str]:
    roles: set[str] = set()
    sv = _SIGN_VERB.search(clause)
    if sv and not _NOT_SIGNER.search(clause[: sv.start()]):
        roles.add("sign")
    if _LEAD_AFTER.match(clause) or _HOST_WELCOME.match(clause):
        roles.add("lead")
    if _SIGN_CUE.search(_sentence_after(text, pos)[:40]) and re.match(r"^(?:分别|共同)?代表", clause):
        roles.add("sign")
    if _ATTEND_AFTER.search(clause):
        roles.add("attend")
    return roles


# --------------------------------------------------------------------------------------
# People across documents
# --------------------------------------------------------------------------------------
_FORMER = re.compile(r"(?:原|曾任|曾担任|前任|历任|先后任|曾是)[^，,。；;]{0,12}$")
_POST_AFTER = re.compile(r"^(?:[省市区县州旗盟])?(?:委|党工委|党委|政府|人民政府|人大|政协|纪委|监委|常委|"
                         r"长|副[省市区县州]长|常务副|书记)")


def _as_date(value) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _region_surfaces(region: str, gaz) -> list[str]:
    """How a title may write ``region``'s post: 北京市朝阳区 -> 北京市朝阳区, 朝阳区, 朝阳."""
    out = [region]
    entry = gaz.entry(region) if gaz is not None else None
    base = entry.base if entry is not None else region
    out.append(base)
    if len(base) >= 3 and base[-1] in "省市区县州旗盟":
        out.append(base[:-1])
    return list(dict.fromkeys(s for s in out if len(s) >= 2))


def _names_post(title: str, region: str, gaz) -> tuple[bool, bool]:
    """(does ``title`` name a post of ``region``, is that post a former one)."""
    for surface in sorted(_region_surfaces(region, gaz), key=len, reverse=True):
        for m in re.finditer(re.escape(surface), title or ""):
            if _POST_AFTER.match(title[m.end():]):
                return True, bool(_FORMER.search(title[:m.start()]))
    return False, False


def link_people(rows, gaz=None) -> list[dict]:
    """A ``person_key`` for each official mention across documents.

    ``rows`` are mappings with ``name``, ``title``, ``region`` (canonical full name or None)
    and ``publish_date`` (date, ISO string or None); other keys are kept.  Returned: copies
    of the rows, in order, each with ``person_key``.

    * the same name in the same region is one person (胡衡华, 长沙市市长 in 2016 and 长沙市委书记
      in 2019);
    * the same name in two regions is two people (陈刚 of 贵阳, 陈刚 of 长沙) unless a title of
      one names a post of the other region: ``原朝阳区委书记`` / ``曾任…`` (a former post:
      only if no mention in that other region is dated after the title's document) or a
      concurrent post (湖南省委常委、长沙市委书记 links to the same name at 湖南省);
    * a mention without a region is its own person (name + ``?`` + its mention_id, else its row number).
    """
    rows = [dict(r) for r in rows]
    posts: dict[tuple[str, str, str], tuple[bool, datetime.date | None]] = {}
    for r in rows:
        if r.get("name") and r.get("region"):
            key = (r["name"], r["region"], r.get("title") or "")
            when = _as_date(r.get("publish_date"))
            undated, last = posts.get(key, (False, None))
            posts[key] = (undated or when is None,
                          when if last is None or (when is not None and when > last) else last)
    keys = link_posts([{"name": n, "region": g, "title": t, "undated": u, "last_date": d}
                       for (n, g, t), (u, d) in posts.items()], gaz)
    for i, r in enumerate(rows):
        if r.get("name") and r.get("region"):
            r["person_key"] = keys[(r["name"], r["region"])]
        else:
            r["person_key"] = f"{r.get('name') or ''}@?{r.get('mention_id', i)}"
    return rows


def link_posts(posts, gaz=None) -> dict[tuple[str, str], str]:
    """``link_people`` on the distinct posts: rows with ``name``, ``region``, ``title``,
    ``last_date`` (the latest publish date of a mention with that title) and ``undated`` (whether
    a mention with it has no date); returns the person_key of each (name, region). What decides a
    link is only which titles a name carries in a region and when: a warehouse passes one row per
    post, not one per mention."""
    gaz = gaz or Gazetteer.load()
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    titles: dict[tuple[str, str], dict[str, tuple[bool, datetime.date | None]]] = {}
    for post in posts:
        key = (post["name"], post["region"])
        parent.setdefault(key, key)
        titles.setdefault(key, {})[post["title"] or ""] = (bool(post["undated"]), _as_date(post["last_date"]))
    latest = {key: max((last for _, last in seen.values() if last), default=None) for key, seen in titles.items()}
    by_name: dict[str, list[tuple[str, str]]] = {}
    for key in titles:
        by_name.setdefault(key[0], []).append(key)
    names_post: dict[tuple[str, str], tuple[bool, bool]] = {}  # the same titles recur across names
    for keys in by_name.values():
        for a in keys:
            for b in keys:
                if a == b:
                    continue
                latest_b = latest[b]
                for title, (undated, last) in titles[a].items():
                    question = (title, b[1])
                    if question not in names_post:
                        names_post[question] = _names_post(title, b[1], gaz)
                    named, former = names_post[question]
                    if not named:
                        continue
                    if former and not undated and latest_b is not None and latest_b > last:
                        continue  # "原…" only in documents older than the other post's mentions
                    parent[find(a)] = find(b)
                    break
    members: dict[tuple[str, str], list[str]] = {}
    for key in titles:
        members.setdefault(find(key), []).append(key[1])
    return {key: f"{key[0]}@{'+'.join(sorted(members[find(key)]))}" for key in titles}
