"""Cleaning steps one by one, then clean_document on the seeds and on real web fragments."""

from __future__ import annotations

import datetime
import json
import random
import re
import time
from pathlib import Path

import opencc
import pytest

from cooperation_pipeline.core import cleaning as C
from cooperation_pipeline.core.cleaning import CleanedDocument, clean_document
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.script import build_pinyin_map, remove_pinyin_annotations, to_simplified

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
GOLD = json.loads((ROOT / "cooperation_pipeline_tests" / "gold" / "seeds.json").read_text("utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"
ANNOTATIONS = json.loads((FIXTURES / "seed_annotations.json").read_text("utf-8"))["seeds"]
FRAGMENTS = json.loads((FIXTURES / "web_fragments.json").read_text("utf-8"))["cases"]
SEED_NAMES = sorted(ANNOTATIONS)

_CACHE: dict[str, CleanedDocument] = {}


def raw_seed(name: str) -> str:
    return decode_bytes((SEEDS / name).read_bytes()).text


def cleaned_seed(name: str) -> CleanedDocument:
    if name not in _CACHE:
        _CACHE[name] = clean_document(raw_seed(name))
    return _CACHE[name]


# --------------------------------------------------------------------------- whitespace, markup


def test_normalize_whitespace() -> None:
    raw = "  第一段\u3000内容\r\n\r\n\t第二段\u200b  内容  \xa0\n\n\n第三段"
    assert C.normalize_whitespace(raw) == "第一段 内容\n第二段 内容\n第三段"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("贵阳市与北京市海淀区建立友好区市关系</font>", "贵阳市与北京市海淀区建立友好区市关系"),
        ("出席签约仪式。(路榕)</p>????兩地", "出席签约仪式。(路榕)\n????兩地"),
        ("两地将在八领域开展合作</strong>", "两地将在八领域开展合作"),
        ("第一段<br/>第二段<BR>第三段", "第一段\n第二段\n第三段"),
        ('<p class="x">正文&nbsp;内容&amp;合作&#x4E2D;&#22269;</p>', "\n正文\xa0内容&合作中国\n"),
        ("<script>var a = '<p>';</script>正文<!-- 注释 -->", "正文"),
        ("PM2.5<35微克,比例3<5", "PM2.5<35微克,比例3<5"),  # a bare '<' is not a tag
        ("《长江中游城市群2024年重点合作事项》", "《长江中游城市群2024年重点合作事项》"),
    ],
)
def test_strip_markup(raw: str, clean: str) -> None:
    assert C.strip_markup(raw) == clean


# --------------------------------------------------------------------------- lost characters


def test_remove_lost_indents() -> None:
    assert C.remove_lost_indents("????北京市海淀区\n??? 1月16日,县委书记\n真的吗??") == "北京市海淀区\n1月16日,县委书记\n真的吗??"


SEED_002_MAP = {"bào": "報", "qiáng": "強"}


@pytest.mark.parametrize(
    ("raw", "pmap", "clean"),
    [
        # lost character whose pinyin annotation survived: restored from the document's own annotations
        ("來源:貴陽日?qǐng)?bào) 瀏覽次數", SEED_002_MAP, "來源:貴陽日報 瀏覽次數"),
        ("來源:貴陽日?qǐng)?bào) 瀏覽次數", {}, "來源:貴陽日 瀏覽次數"),
        # mis-decoded bytes between two '?': dropped
        ("發展?jié)摿薮?。按照省委", SEED_002_MAP, "發展。按照省委"),
        ("選擇部分學?!笆掷帧焙献鞯确椒◤?qiáng)化人才交流", SEED_002_MAP, "選擇部分學強化人才交流"),
        ("以實打?qū)嵉墓ぷ魍苿?dòng)項目建設", {}, "以實打項目建設"),
        # ?? runs inside a line (lost full-width spaces after a sentence)
        ("出席活动并致辞。??王浩雷在致辞中说", {}, "出席活动并致辞。王浩雷在致辞中说"),
        # replacement characters
        ("签署了12\ufffd\ufffd个协议", {}, "签署了12个协议"),
    ],
)
def test_remove_lost_char_runs(raw: str, pmap: dict[str, str], clean: str) -> None:
    assert C.remove_lost_char_runs(raw, pmap) == clean


@pytest.mark.parametrize(
    "text",
    [
        "两地合作的前景如何?我们拭目以待。",
        "你会来吗?我们等你。",
        "外国市长的中国足迹有多广?他们爱去哪些城市?",
        "详见 http://www.example.cn/index.php?id=3&page=2",
        "What is this? 英文问句。",
        "真的吗??",
        "是A城?还是B城?",
    ],
)
def test_real_question_marks_survive(text: str) -> None:
    assert C.remove_lost_char_runs(text) == text


def test_lone_question_mark_removed_only_with_corruption_evidence() -> None:
    assert C.remove_lost_char_runs("湖南长沙?北京朝阳两地座谈会") == "湖南长沙?北京朝阳两地座谈会"
    corrupted = "湖南长沙?北京朝阳两地座谈会。发展?jié)摿薮?。"
    assert C.remove_lost_char_runs(corrupted) == "湖南长沙北京朝阳两地座谈会。发展。"
    assert C.remove_lost_char_runs("湘潭?长沙?株洲三市") == "湘潭?长沙?株洲三市"
    assert C.remove_lost_char_runs("湘潭?长沙?株洲三市。??") == "湘潭长沙株洲三市。"


# --------------------------------------------------------------------------- chrome lines

CHROME_LINES = [
    # navigation / breadcrumbs
    "当前位置:",
    "您现在的位置:首页 > 新闻 > 正文",
    "您当前的位置 :首页 > 吉林站 > 要闻",
    "秦皇岛>>秦皇岛头条新闻",
    "首页>地方频道>绍兴>社会",
    "logo 首页 > 文汇报 > 内地 > 正文",
    "首页华新视点 → 外国市长的中国足迹有多广?他们爱去哪些城市?",
    # site functions, share, app, comments
    "进入移动版,省流量,体验好",
    "网站首页 我要评论 分享文章 回到顶部",
    "[错误报告] [推荐] [收藏] [打印] [关闭] [返回顶部]",
    "打印本文 打印本文 关闭窗口 关闭窗口",
    "返回红网首页 返回长沙站首页",
    "阅读下一篇",
    "更多精彩内容请关注",
    "官方微信",
    "客户端",
    "电子报",
    "频道精选",
    "分享到:",
    "[1] [2] [3]  下一页 尾页",
    "更新时间: 浏览次数: 258",
    "请 您 评 论 查看评论 进入社区",
    "图片报道 | 更多>> |",
    "读文汇报PDF版面",
    "微信扫一扫加关注",
    # bylines and credit lines
    "2013-11-29 11:25:27 作者:admin 来源:贵阳日报 浏览次数:0 网友评论 0 条",
    "2017-08-28 10:47:43 来源:秦皇岛报纸",
    "2017-09-13 14:33 | 来源: 吉林市人民政府网",
    "时间:2013-04-24 08:59 来源:人民网",
    "2024-11-20新闻",
    "2018-11-17",
    "作者:刘着之 高… 文章来源:中国新闻网 点击数 更新时间:2017-8-27 17:06:34 文章录入:贯通日本语 责任编辑:贯通日本语",
    "文字:崔杨",
    "摄影:王嘉樾",
    "编审:汪春松",
    "责任编辑:王春红",
    "(责任编辑:张潘)",
    "【编辑:邱观史】",
    "来源:红网",
    "作者:余雅琴 梁典逸",
    "编辑:韩阳",
    "一审:罗亚楠 邵梦洋",
    "三审:李 蓓",
    "记者 王泉林 通讯员 曹文娟 摄",
    "(记者杨然)",
    "(完)",
    "【时政专稿 张 恺】",
    # repost / copyright / WeChat
    "转载请注明",
    "违者必究",
    "本文为长沙站原创文章,转载请附上原文出处链接和本声明。",
    "本文链接:https://cs.rednet.cn/nograb/646841/63/14141790.html",
    "预览时标签不可点收录于话题#个上一篇下一篇",
    "京ICP备12018864号-20 Copyright 全球经济导报网 All Rights Reserved 版权所有 复制必究",
    "本评论观点只代表网友个人观点,不代表中国新闻网立场。",
    "此稿件为延展阅读内容,稿件来源为: 湖北日报。如发现政治性、事实性、技术性差错和版权方面的问题及不良信息,请及时与我们联系。",
    # images and captions
    "IMG_5763.jpeg",
    "DSC_0012.JPG",
    "(资料图)",
    "【资料图】",
    "北京市海淀区党政代表团在位于清镇职教城内的贵州省机械工业学校参观。孙琳 摄",
    "市委书记孟祥伟等市领导陪同北京市西城区党政代表团考察。 记者李历摄",
    "11月19日,2024中国国际友好城市大会友城结好及合作计划签字仪式现场。新华社记者 王贤思 摄",
    "长沙市和鹿儿岛市代表共同种下象征两地情谊的桂花树。 刘着之 摄",
    "船营区委书记吕庆龙(左二)参观考察温州市规划建设情况",
    "黄昭辉22日以高雄市政府秘书处处长的身份,抵达福州。 图片来源:台湾《旺报》",
    "「中国人民对外友好协会」微信公号 图",
    "图为双方签定意向书后互赠纪念品。",
    "1.",
    "|",
]

BODY_LINES = [
    "11日上午,湖南长沙·北京朝阳两地经济社会发展座谈会召开,双方围绕深化合作进行深入交流。",
    "六大领域重点合作 共建幸福城市群",
    "深化两地全面合作 助推贵阳创新驱动",
    "陈刚讲话 孙文锴刘文新签约",
    "建立招商引资日常工作机制",
    "干部交流思想 分享经验 共同成长",
    "独行快,众行远。",
    "北京市西城区党政代表团与秦皇岛市签署战略合作协议。",  # an unmarked caption: kept
    "长江中游城市群省会城市第十届会商会在长沙召开。",
    "市直相关部门、各区(市、县)负责人参加考察或出席签约仪式。",
    "2024年3月15日,两地签署战略合作框架协议。",
    "记者:两地合作有哪些新亮点?",  # interview question, not a credit
    "双方将加强在科技、教育、文化、卫生、体育等社会事业和外事工作方面的交流与合作,积极推动有关单位和部门开展对口业务联系和沟通。",
    "游客纷纷拿出手机拍摄。",
    "四省会城市及12个观察员城市的市长共同签署了《长江中游城市群2024年重点合作事项》。",
    "资金来源:市财政安排专项资金。",
    "双方将在人才培养、技术支持等方面加强合作。",
    "打造一批中华老字号。",
    "市民可扫码预约。",
    "对未经许可擅自开采的行为依法查处。",
    "涉事企业将被依法追究法律责任。",
    "保护版权所有者的合法权益。",
]


@pytest.mark.parametrize("line", CHROME_LINES)
def test_chrome_lines(line: str) -> None:
    assert C.is_chrome_line(line), line


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_lines_are_not_chrome(line: str) -> None:
    assert not C.is_chrome_line(line), line


def test_menu_lines() -> None:
    assert C.is_menu_line("首页 新闻 体育 财经 娱乐")
    assert C.is_menu_line("有思想 / 有温度 / 有品质")
    assert not C.is_menu_line("陈刚讲话 孙文锴刘文新签约")
    assert not C.is_menu_line("干部交流思想 分享经验 共同成长")


def test_remove_page_chrome_keeps_body_drops_trailing_lists() -> None:
    text = "\n".join(
        [
            "首页 新闻 体育 财经 娱乐",
            "两市签署友好城市协议",
            "第一段正文,双方签署协议。",
            "小标题 合作领域",
            "第二段正文,双方将加强合作。",
            "河北新闻网",
            "官方微信",
            "河北日报",
            "重要新闻",
            "科技",
        ]
    )
    assert C.remove_page_chrome(text) == "两市签署友好城市协议\n第一段正文,双方签署协议。\n小标题 合作领域\n第二段正文,双方将加强合作。"


def test_related_article_is_kept_and_link_lists_dropped() -> None:
    appended = "第一篇正文,两地签署协议。\n相关新闻\n昆明朝阳将开展深层次多领域交流合作\n第二篇正文,双方将加强合作。"
    assert C.has_related_article(appended)
    assert C.remove_page_chrome(appended) == "第一篇正文,两地签署协议。\n昆明朝阳将开展深层次多领域交流合作\n第二篇正文,双方将加强合作。"
    listed = "第一篇正文,两地签署协议。\n相关阅读\n标题一二三四\n标题五六七八\n标题九十十一\n第二段正文,双方将加强合作。"
    assert not C.has_related_article(listed)
    assert C.remove_page_chrome(listed) == "第一篇正文,两地签署协议。\n第二段正文,双方将加强合作。"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "红网时刻新闻7月29日讯(记者 余雅琴 实习生 梁典逸)推进交通互通、深化科技交流合作。",
            "红网时刻新闻7月29日讯推进交通互通、深化科技交流合作。",
        ),
        ("中新社昆明11月19日电 (时文枝 韩帅南)19日,在云南昆明举行。", "中新社昆明11月19日电 19日,在云南昆明举行。"),
        ("负责人参加考察或出席签约仪式。(路榕)", "负责人参加考察或出席签约仪式。"),
        ("副市长廉茹艳参加考察活动。(刘军孟晓冬)", "副市长廉茹艳参加考察活动。"),
        ("更好地推进全区干部队伍建设。(昆明日报 首席记者傅碧东 通讯员付强)", "更好地推进全区干部队伍建设。"),
        ("涉及友城结好等多领域。(完) 【编辑:胡寒笑】 新闻结尾", "涉及友城结好等多领域。"),
        ("合作共赢。(总台记者 赵静雅)", "合作共赢。"),
        (
            "县党政考察团进行了座谈。 1月17日,县党政考察团考察了大型企业。 张金明 摄",
            "县党政考察团进行了座谈。 1月17日,县党政考察团考察了大型企业。",
        ),
        # not credits: content in brackets
        ("各区(市、县)负责人参加。", "各区(市、县)负责人参加。"),
        ("合作行动计划(2023-2025年)。", "合作行动计划(2023-2025年)。"),
        ("金融街投资(集团)公司参加考察。", "金融街投资(集团)公司参加考察。"),
    ],
)
def test_remove_inline_credits(raw: str, clean: str) -> None:
    assert C.remove_inline_credits(raw) == clean


# --------------------------------------------------------------------------- spam

SPAM = [
    "成人免费AV网址|亚洲手机免费在线|最新av网址发布|67194成人草|在线国产视频91|一区二区无码竹菊|91国产精品综合",
    "澳门葡京娱乐城官网开户送彩金,百家乐真人视讯,时时彩北京赛车,信誉第一,客服QQ:12345678",
    "皇冠体育|bet365|六合彩资料大全|pk10计划|幸运飞艇",
    "欧美精品黄页在线视频高清,完美呈现优质资源,让您畅享另类视听盛宴!的相关文章",
    "代开发票加微信abc12345",
    "正规代开发票 联系电话13812345678",
]
NOT_SPAM = [
    "中新社澳门十一月二十五日电 澳门博彩股份有限公司行政总裁何鸿燊今天在澳门葡京酒店与众嘉宾为“葡京三十八载划时代辉煌展”揭幕。",
    "赌王燊哥笑言,自从澳博在40年前将百家乐引入澳门,没想到今日这项游戏竟成为澳门博彩业的主要收入。",
    "警方通报,一个以“注册送彩金”为诱饵的境外赌博网站已被查处,涉案人员被依法处理。",
    "两地将在成人教育、社区棋牌室建设等方面开展合作。",
    "南京市六合区与淮安市签署战略合作协议。",
    "双方在干部交流、教育合作、医疗卫生、文化产业等方面深入合作,取得了明显成效。",
]


@pytest.mark.parametrize("line", SPAM)
def test_spam_lines(line: str) -> None:
    assert C.is_spam_text(line)


@pytest.mark.parametrize("line", NOT_SPAM)
def test_normal_lines_are_not_spam(line: str) -> None:
    assert not C.is_spam_text(line)
    assert C.remove_spam_lines(line) == line


def test_spam_at_the_bottom_does_not_shield_a_link_list() -> None:
    raw = "\n".join(
        [
            "两市签署友好城市协议",
            "第一段正文,双方签署协议。",
            "相关阅读",
            "标题一二三四",
            "标题五六七八",
            "标题九十十一",
            SPAM[1],
        ]
    )
    doc = clean_document(raw)
    assert doc.text == "第一段正文,双方签署协议。"
    assert "spam_removed" in doc.quality_flags


def test_remove_spam_lines_keeps_body_around_spam() -> None:
    text = "\n".join(
        [
            "8月26日,北京市西城区党政代表团莅临秦皇岛市考察。",
            SPAM[1],
            "双方将共同推动康养旅游项目合作。代开发票加微信abc12345。选择北戴河疗养院作为康养基地。",
            NOT_SPAM[2],
        ]
    )
    assert C.remove_spam_lines(text) == "\n".join(
        [
            "8月26日,北京市西城区党政代表团莅临秦皇岛市考察。",
            "双方将共同推动康养旅游项目合作。选择北戴河疗养院作为康养基地。",
            NOT_SPAM[2],
        ]
    )


# --------------------------------------------------------------------------- numbers, truncation, title


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("湖南省湘潭市自年分别签署合作框架协议以来", ["自年"]),
        ("智能制造试点企业突破家,智能制造装备", ["突破家"]),
        ("并签署了个专项合作协议", ["签署了个"]),
        ("长江中游城市群第届会商会", ["第届"]),
        ("旅游收入同比增长%,高于全省", ["增长%"]),
        ("将于月日在长沙举行", ["于月日"]),
        ("比上年提高个百分点", ["提高个百分点"]),
    ],
)
def test_find_stripped_numbers(text: str, hits: list[str]) -> None:
    assert C.find_stripped_numbers(text) == hits


@pytest.mark.parametrize(
    "text",
    [
        "自年初以来,两地合作不断深化",
        "近年来,该区依托中关村",
        "于年底前完成",
        "提高了个人能力",
        "达到条件的企业",
        "第一届会商会",
        "增长5%,提高2个百分点",
        "参观人数突破万人",
        "签署了12个专项合作协议",
        "超过所有预期",
        "突破家庭作坊式经营",
        "第九届会商会以来",
    ],
)
def test_find_stripped_numbers_negatives(text: str) -> None:
    assert C.find_stripped_numbers(text) == []


def test_is_truncated() -> None:
    assert C.is_truncated("第一段。\n未来,各城市将继续携手并进,亲密合作奋发有")
    assert not C.is_truncated("第一段。\n以实干实绩书写区域协同发展的新篇章。")
    assert not C.is_truncated("联合打造长江旅游和高铁旅游精品线路......")
    assert not C.is_truncated("第一段。\n短行")


def test_remove_title_lines() -> None:
    title = "贵阳市与北京市海淀区建立友好区市关系"
    text = f"绍兴\n{title}\n深化两地全面合作\n{title}\n正文。\n{title} 要闻-贵阳站 2502649"
    assert C.remove_title_lines(text, title) == "深化两地全面合作\n正文。"
    assert C.remove_title_lines(text, None) == text


# --------------------------------------------------------------------------- seeds: gold notes, metadata, body retention

# For every gold quality note of every seed: a keyword that identifies the note
# and the check that proves it is flagged or cleaned away. A note added to the
# gold without a check here fails test_every_gold_note_has_a_check.
NOTE_CHECKS = {
    "000_0ac9a4f3a77bb2c0.txt": [
        ("numbers stripped", lambda d: "numbers_stripped" in d.quality_flags and "自年" in d.text),
        (
            "trailing page chrome",
            lambda d: "chrome_removed" in d.quality_flags
            and not any(s in d.text for s in ("文字:", "摄影:", "编审:", "转载请注明", "违者必究", "预览时标签不可点", "收录于话题", "上一篇")),
        ),
    ],
    "001_3873d8454603a5b7.txt": [
        ("image file name", lambda d: "IMG_5763" not in d.text and ".jpeg" not in d.text),
        ("trailing site navigation", lambda d: not any(s in d.text for s in ("频道精选", "重要新闻", "活动招募", "返回红网首页", "阅读下一篇", "相关链接"))),
        ("source URL line", lambda d: "http" not in d.text and "本文链接" not in d.text),
    ],
    "002_771ac3889fb976f9.txt": [
        ("traditional script", lambda d: "traditional_converted" in d.quality_flags and d.original_script == "traditional" and "貴陽" not in d.text),
        ("pinyin annotations", lambda d: "pinyin_artifacts" in d.quality_flags and not re.search("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", d.text)),
        ("characters lost", lambda d: "lost_characters" in d.quality_flags and "?" not in d.text and "摿薮" not in d.text),
        ("full-width spaces lost", lambda d: "????" not in d.text),
        ("HTML remnants", lambda d: "html_remnants" in d.quality_flags and "<" not in d.text and ">" not in d.text),
        ("byline", lambda d: not any(s in d.text for s in ("admin", "浏览次数", "网友评论", "2013-11-29"))),
        ("trailing page chrome", lambda d: not any(s in d.text for s in ("错误报告", "[推荐]", "[收藏]", "返回顶部"))),
    ],
    "003_cb6204bed4bea321.txt": [
        ("second related article", lambda d: "related_article_appended" in d.quality_flags and "相关新闻" not in d.text and "昆明朝阳将开展深层次多领域交流合作" in d.text),
        ("reporter credit lines", lambda d: "傅碧东" not in d.text and "通讯员" not in d.text),
    ],
    "004_16566fa53fc83413.txt": [
        ("site chrome at the top", lambda d: not any(s in d.text for s in ("秦皇岛>>", "头条新闻", "进入移动版", "责任编辑", "官方微信", "河北新闻网", "网站首页", "我要评论"))),
        ("photo captions", lambda d: "李历摄" not in d.text and "记者李历" not in d.text),
        # an entity-resolution note for the extractor: cleaning must keep the text it needs
        ("我市 means", lambda d: "我市" in d.text and d.title is not None and "秦皇岛市" in d.title),
    ],
}


def gold_doc(name: str) -> dict:
    return next(d for d in GOLD["documents"] if d["file"] == name)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_gold_note_has_a_check(name: str) -> None:
    notes = gold_doc(name)["quality_notes"]
    checks = NOTE_CHECKS[name]
    assert len(checks) == len(notes)
    for note, (keyword, _) in zip(notes, checks):
        assert keyword in note


@pytest.mark.parametrize(("name", "index"), [(n, i) for n in SEED_NAMES for i in range(len(NOTE_CHECKS[n]))])
def test_gold_quality_notes_are_flagged_or_cleaned(name: str, index: int) -> None:
    keyword, check = NOTE_CHECKS[name][index]
    assert check(cleaned_seed(name)), keyword


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_metadata_matches_gold(name: str) -> None:
    doc = cleaned_seed(name)
    gold = gold_doc(name)
    assert doc.original_script == gold["script"]
    assert doc.publish_date == (datetime.date.fromisoformat(gold["publish_date"]) if gold["publish_date"] else None)
    assert doc.title == ANNOTATIONS[name]["title"]
    assert ("no_date" in doc.quality_flags) == (doc.publish_date is None)
    assert doc.quality_flags == sorted(set(doc.quality_flags))
    assert set(doc.quality_flags) <= set(C.FLAGS)


def test_seed_sources_and_authors() -> None:
    got = {n: (cleaned_seed(n).source_name, cleaned_seed(n).author) for n in SEED_NAMES}
    assert got == {
        "000_0ac9a4f3a77bb2c0.txt": (None, "崔杨"),
        "001_3873d8454603a5b7.txt": ("红网", "余雅琴 梁典逸"),
        "002_771ac3889fb976f9.txt": ("贵阳日报", None),  # 报 restored from its pinyin; admin is not an author
        "003_cb6204bed4bea321.txt": ("昆明日报", "傅碧东"),
        "004_16566fa53fc83413.txt": ("秦皇岛报纸", None),
    }


def _normalise_like_pipeline(line: str, pinyin_map: dict[str, str]) -> str:
    line = C.strip_markup(line)
    line = remove_pinyin_annotations(line)
    line = C.remove_lost_char_runs(C.remove_lost_indents(line), pinyin_map)
    return to_simplified(line).strip()


def _expected_body(name: str) -> list[str]:
    ann = ANNOTATIONS[name]
    raw = raw_seed(name)
    pinyin_map = build_pinyin_map(raw)
    lines: list[str] = []
    for raw_line in raw.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if ann["chrome_tail_from"] and line.startswith(ann["chrome_tail_from"]):
            break
        if any(line.startswith(p) for p in ann["chrome_prefixes"] + ann["title_lines"]):
            continue
        for credit in ann["inline_chrome"]:
            line = line.replace(credit, "")
        lines.append(_normalise_like_pipeline(line, pinyin_map))
    return lines


def _sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。!?;;])", line) if s.strip()]


def body_retention(name: str) -> tuple[int, int, list[str]]:
    """(body chars expected, body chars found, missing sentences) for one seed."""
    text = cleaned_seed(name).text
    expected = found = 0
    missing: list[str] = []
    for line in _expected_body(name):
        for sentence in _sentences(line):
            sentence = sentence.strip()
            expected += len(sentence)
            if sentence in text:
                found += len(sentence)
            else:
                missing.append(sentence)
    return expected, found, missing


@pytest.mark.parametrize("name", SEED_NAMES)
def test_body_retention_on_seeds(name: str) -> None:
    expected, found, missing = body_retention(name)
    assert expected > 1500
    assert missing == []
    assert found == expected


@pytest.mark.parametrize("name", SEED_NAMES)
def test_only_annotated_chrome_is_removed(name: str) -> None:
    # the cleaned text is exactly the annotated body (order kept), nothing else
    assert cleaned_seed(name).text == "\n".join(line for line in _expected_body(name) if line)


# --------------------------------------------------------------------------- real web fragments


@pytest.mark.parametrize("case", FRAGMENTS, ids=[c["id"] for c in FRAGMENTS])
def test_web_fragments(case: dict) -> None:
    doc = clean_document(case["raw"])
    for key in ("title", "source_name", "author", "original_script"):
        if key in case:
            assert getattr(doc, key) == case[key], key
    if "publish_date" in case:
        expected = datetime.date.fromisoformat(case["publish_date"]) if case["publish_date"] else None
        assert doc.publish_date == expected
    for flag in case.get("flags_include", []):
        assert flag in doc.quality_flags
    for flag in case.get("flags_exclude", []):
        assert flag not in doc.quality_flags
    for s in case["dropped"]:
        assert s not in doc.text, s
    for s in case["kept"]:
        assert s in doc.text, s


def test_clean_document_on_empty_and_plain_text() -> None:
    doc = clean_document("")
    assert doc.text == "" and doc.title is None and doc.quality_flags == ["no_date"]
    doc = clean_document("两地签署合作协议。")
    assert doc.text == "两地签署合作协议。" and doc.original_script == "simplified"


# --------------------------------------------------------------------------- cost


def test_cleaning_cost_is_a_small_multiple_of_opencc() -> None:
    """Loose guard (the real figure comes from bench/bench_cleaning.py): cleaning the
    seeds costs a small multiple of a bare OpenCC t2s pass over the same text."""
    docs = [raw_seed(n) for n in SEED_NAMES] * 20
    t2s = opencc.OpenCC("t2s")
    for d in docs[:5]:
        clean_document(d)

    def best_of(fn, runs: int = 3) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for d in docs:
                fn(d)
            times.append(time.perf_counter() - start)
        return min(times)

    ratio = best_of(clean_document) / best_of(t2s.convert)
    assert ratio < 10, ratio


def test_gbk_bytes_clean_like_utf8() -> None:
    name = "004_16566fa53fc83413.txt"
    via_gbk = clean_document(decode_bytes(raw_seed(name).encode("gbk")).text)
    assert via_gbk == cleaned_seed(name)


# --------------------------------------------------------------------------- fast rewrites

# The plain forms that faster code replaced: each rewrite must answer exactly alike.
_PINYIN = C._PINYIN_CHARS
_REFERENCE_LOST_INDENT = re.compile(r"^[ \t]*\?{2,}[ \t]*", re.M)
_REFERENCE_EVIDENCE = re.compile(
    rf"\?{{2,}}|\?[{_PINYIN}]{{1,7}}\)|[{_PINYIN}]\)\?|\?[^\s?]{{0,24}}[)!\u3040-\u30ff\u2500-\u27bf\ue000-\uf8ff][^\s?]{{0,24}}\?"
)
_CJK_TOKEN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]{1,6}"
_REFERENCE_MENU = re.compile(rf"^(?:{_CJK_TOKEN}\s*[|/·丨]\s*){{2,}}{_CJK_TOKEN}$|^(?:{_CJK_TOKEN}\s+){{3,}}{_CJK_TOKEN}$")


def random_texts(seed: int, pieces: list[str], count: int = 20000, max_len: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, max_len))) for _ in range(count)]


def reference_normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(C._SPACE_TRANS)
    return C._HSPACE_RUN_RE.sub(" ", "\n".join(filter(None, map(str.strip, text.split("\n")))))


def test_normalize_whitespace_rewrite() -> None:
    pieces = list("ab 中\n\r\t\u3000\u00a0\u2002\u2009\u200b\u200d\u2060\ufeff\x0b\x0c\ue000") + ["  ", "\r\n"]
    for text in random_texts(1, pieces):
        assert C.normalize_whitespace(text) == reference_normalize(text), repr(text)


def test_lost_character_rewrites() -> None:
    pieces = list("?)(a ngǐ日报吗\u3041\u2500\ue000! \t\n。") + ["??", "qǐng)", "?bào)"]
    for text in random_texts(2, pieces):
        assert C.remove_lost_indents(text) == (_REFERENCE_LOST_INDENT.sub("", text) if "??" in text else text), repr(text)
        assert (C._EVIDENCE_RE.search(text) is None) == (_REFERENCE_EVIDENCE.search(text) is None), repr(text)


def test_menu_shape_rewrite() -> None:
    pieces = list("首页新闻体育 |/·丨\tab12。\u3000\ufa6e")
    for text in random_texts(3, pieces):
        assert C._has_menu_shape(text) == (_REFERENCE_MENU.match(text) is not None), repr(text)


# --------------------------------------------------------------------------- output snapshot

SNAPSHOT = FIXTURES / "cleaned_snapshot.json"
ARTICLES = ROOT / "cooperation_pipeline_tests" / "articles"


def snapshot_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(ARTICLES.glob("*.txt"))


def cleaned_digest(path: Path) -> str:
    """sha256 of (title, publish_date, text, flags) of one cleaned file."""
    import hashlib

    doc = clean_document(decode_bytes(path.read_bytes()).text)
    date = doc.publish_date.isoformat() if doc.publish_date else None
    payload = json.dumps([doc.title, date, doc.text, doc.quality_flags], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def write_snapshot() -> None:
    """Regenerate the fixture - only after an intended change of cleaning output:
    ``.venv/bin/python -m cooperation_pipeline_tests.core.test_cleaning --update-snapshot``."""
    digests = {p.name: cleaned_digest(p) for p in snapshot_files()}
    SNAPSHOT.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", "utf-8")


def test_cleaning_output_matches_snapshot() -> None:
    """Speed work must not change what cleaning produces on the real files (seeds and articles)."""
    expected = json.loads(SNAPSHOT.read_text("utf-8"))
    files = snapshot_files()
    assert len(files) == 955 and sorted(expected) == sorted(p.name for p in files)
    changed = [p.name for p in files if cleaned_digest(p) != expected[p.name]]
    assert changed == []


if __name__ == "__main__":
    import sys

    if "--update-snapshot" in sys.argv:
        write_snapshot()
