"""Title, publish date (byline, dateline, year inference), source and author."""

from __future__ import annotations

import datetime
import json
import random
import re
from pathlib import Path

import pytest

from cooperation_pipeline.core import cleaning as C
from cooperation_pipeline.core import metadata as M
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.metadata import (
    extract_author,
    extract_metadata,
    extract_publish_date,
    extract_publish_date_info,
    extract_source_name,
    extract_title,
    infer_year,
    parse_date,
)
from cooperation_pipeline.core.script import build_pinyin_map, remove_pinyin_annotations, to_simplified

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
GOLD = {d["file"]: d for d in json.loads((ROOT / "cooperation_pipeline_tests" / "gold" / "seeds.json").read_text("utf-8"))["documents"]}
D = datetime.date


def prepared_seed(name: str) -> str:
    """Seed text as metadata extraction sees it inside clean_document (before chrome removal)."""
    text = C.normalize_whitespace(decode_bytes((SEEDS / name).read_bytes()).text)
    text = C.normalize_whitespace(C.strip_markup(text))
    pinyin_map = build_pinyin_map(text)
    text = remove_pinyin_annotations(text)
    text = C.remove_lost_char_runs(C.remove_lost_indents(text), pinyin_map)
    return to_simplified(text)


SEED_TITLES = {
    "000_0ac9a4f3a77bb2c0.txt": None,
    "001_3873d8454603a5b7.txt": "十度聚首 长江中游城市群携手向“新”而行",
    "002_771ac3889fb976f9.txt": "贵阳市与北京市海淀区建立友好区市关系",
    "003_cb6204bed4bea321.txt": "昆明与北京市朝阳区建立友好市区关系",
    "004_16566fa53fc83413.txt": "北京市西城区与秦皇岛市签署战略合作协议",
}


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_seed_titles(name: str) -> None:
    assert extract_title(prepared_seed(name)) == SEED_TITLES[name]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_publish_dates_match_gold(name: str) -> None:
    gold = GOLD[name]["publish_date"]
    assert extract_publish_date(prepared_seed(name)) == (D.fromisoformat(gold) if gold else None)


def test_seed_001_year_is_inferred() -> None:
    assert extract_publish_date_info(prepared_seed("001_3873d8454603a5b7.txt")) == (D(2024, 7, 29), True)


def test_extract_metadata_bundle() -> None:
    meta = extract_metadata(prepared_seed("002_771ac3889fb976f9.txt"))
    assert (meta.title, meta.publish_date, meta.source_name, meta.author, meta.year_inferred) == (
        "贵阳市与北京市海淀区建立友好区市关系",
        D(2013, 11, 29),
        "贵阳日报",
        None,
        False,
    )


# --------------------------------------------------------------------------- title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("当前位置:\n两市签署友好城市协议\n正文第一段。", "两市签署友好城市协议"),
        ("首页 新闻 体育 财经 娱乐\n两市签署友好城市协议\n正文第一段。", "两市签署友好城市协议"),
        ("绍兴\n首页>地方频道>绍兴>社会\n绍兴市首届国际友城大会举行\n正文。", "绍兴市首届国际友城大会举行"),
        ("两市签署友好城市协议_新华网\n正文。", "两市签署友好城市协议"),
        ("船营区参加对口合作交流会 要闻-吉林站 2502649\n船营区参加对口合作交流会\n正文。", "船营区参加对口合作交流会"),
        ("【时政专稿 张 恺】\n正文第一段很长,说明了签约的情况。", None),
        ("朝阳区与湘潭市自年分别签署合作框架协议以来,双方深入合作。\n短标题", None),
        ("红网时刻新闻7月29日讯 推进交通互通\n正文。", None),
        ("成人免费AV网址|最新av网址发布|一区二区无码\n两市签署友好城市协议\n正文。", "两市签署友好城市协议"),
    ],
)
def test_extract_title(text: str, title: str | None) -> None:
    assert extract_title(text) == title


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("s", "date"),
    [
        ("2013-11-29 11:25:27", D(2013, 11, 29)),
        ("更新时间:2017-8-27 17:06:34", D(2017, 8, 27)),
        ("2013/04/24", D(2013, 4, 24)),
        ("2013.04.24", D(2013, 4, 24)),
        ("2025年06月03日 10:03", D(2025, 6, 3)),
        ("2024年7月29日", D(2024, 7, 29)),
        ("2013-02-30", None),
        ("1890-01-01", None),
        ("编号 12013-11-29", None),
    ],
)
def test_parse_date(s: str, date: D | None) -> None:
    assert parse_date(s) == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("标题\n2017-08-28 10:47:43 来源:秦皇岛报纸\n正文。", D(2017, 8, 28)),
        ("标题\n发布时间:2024-11-27 来源:中新网\n正文。", D(2024, 11, 27)),
        ("标题\n2018-11-17\n正文。", D(2018, 11, 17)),
        ("臺北市\n2024-12-04 | 匯流新聞網\n標題\n正文。", D(2024, 12, 4)),  # the site's name after a bar
        # a forum reply's stamp below the opening post's body is not the post's date
        ("标题\n" + "两市代表团座谈。" * 30 + "\n好\n网友甲 发表于 2021-10-17 18:23\n页:", None),
        ("标题\n网友甲 发表于 2021-10-17 18:23\n" + "两市代表团座谈。" * 30, D(2021, 10, 17)),
        ("标题\n正文。\n2017-09-13 14:33 | 来源: 吉林市人民政府网", D(2017, 9, 13)),
        ("新华社北京2024年7月29日电 两地签署协议。", D(2024, 7, 29)),
        # event dates in the body are not publish dates
        ("5月10日至11日,代表团赴长沙考察。2023年3月15日,两地签署协议。", None),
        ("昨日,昆明市党政代表团赴北京市朝阳区考察学习。", None),
        # month/day dateline without a safely inferable year
        ("中新社昆明11月19日电 在2024中国国际友好城市大会上。", None),
        ("中新社澳门十一月二十五日电 2008年3月开幕,2008年的展览。", D(2008, 11, 25)),
        # a page stamp that runs on into the first paragraph
        ("两市签约\nhttp://news.example.cn 2015-06-12 09:40 来源: 某某网6月10日,两市签署协议。" + "正文" * 80,
         D(2015, 6, 12)),
        # an aggregator's head line ending in its date; an e-paper header with 星期
        ("资讯汇总 2020-03-05\n标题\n正文。", D(2020, 3, 5)),
        (">2021年4月9星期五\n标题\n正文。", D(2021, 4, 9)),
        # day-first bylines: only when the day cannot be a month
        ("标题\n\n19.10.2018  08:15\n正文。", D(2018, 10, 19)),
        ("标题\n\n05.10.2018  08:15\n正文。", None),
        # a labelled date run into the head line; a list page of dated entries has no date of its own
        ("两家集团签署协议时间:2023-06-09 6月8日下午,两家集团签署协议。" + "正文" * 80, D(2023, 6, 9)),
        ("会议制度\n2023/02/01\n会议摘要:…\n2023/01/10\n会议摘要:…", None),
    ],
)
def test_extract_publish_date(text: str, date: D | None) -> None:
    assert extract_publish_date(text) == date


@pytest.mark.parametrize(
    ("body", "month", "year"),
    [
        ("签署了《2024年重点合作事项》。此次会商会是2024年3月座谈会后的首次会商。", 7, 2024),
        # a single mention is a passing reference
        ("此次会商会是2024年3月座谈会后的首次会商。", 7, None),
        # the month mentioned is after the dateline month: the article may be from a later year
        ("2024年11月签署。2024年重点事项。", 7, None),
        # range ends and forward-looking years are ignored
        ("合作行动计划(2023-2025年),2023年重点事项,2023年3月启动。", 7, 2023),
        ("到2035年建成,2024年5月签约,2024年重点事项。", 7, 2024),
        ("将于2026年3月举办,2026年计划。", 7, None),
        ("自2013年以来,两地合作。", 7, None),
        ("2015北京CBD商务节。", 7, None),
    ],
)
def test_infer_year(body: str, month: int, year: int | None) -> None:
    assert infer_year(body, month, 29) == year


# --------------------------------------------------------------------------- source, author


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("2017-08-28 10:47:43 来源:秦皇岛报纸", "秦皇岛报纸"),
        ("2013-11-29 作者:admin 来源:贵阳日报 浏览次数:0", "贵阳日报"),
        ("正文。\n来源:红网\n作者:余雅琴", "红网"),
        ("(文章来源:上海证券报·中国证券网)", "上海证券报·中国证券网"),
        ("此稿件为延展阅读内容,稿件来源为: 湖北日报。如发现政治性差错", "湖北日报"),
        ("来源:本站", None),
        ("发布时间:2024-11-27 11:22:12 来源: sp20241127", None),
        ("项目资金来源:市财政专项资金", None),
        ("正文。(昆明日报 首席记者傅碧东 通讯员付强)", "昆明日报"),
    ],
)
def test_extract_source_name(text: str, source: str | None) -> None:
    assert extract_source_name(text) == source


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("2013-11-29 11:25:27 作者:admin 来源:贵阳日报", None),
        ("作者:佚名 来源:网络", None),
        ("作者:余雅琴 梁典逸\n编辑:韩阳", "余雅琴 梁典逸"),
        ("作者:刘着之 高… 文章来源:中国新闻网", "刘着之"),
        ("正文。\n文字:崔杨\n摄影:王嘉樾", "崔杨"),
        ("正文。(昆明日报 首席记者傅碧东 通讯员付强)", "傅碧东"),
        ("红网时刻新闻7月29日讯(记者 余雅琴 实习生 梁典逸)推进交通互通", "余雅琴"),
        ("两地合作的作者:这是正文里的一句话,不是署名。" * 10, None),
    ],
)
def test_extract_author(text: str, author: str | None) -> None:
    assert extract_author(text) == author


# The regex _reporter_credit replaced (searched from every bracket): it is the specification.
_REPORTER_REFERENCE = re.compile(r"[((][^()()]{0,20}?(?:首席|特约|本报|本网)?记者\s*(?P<v>[\u4e00-\u9fff·]{2,4})(?=[\s、,,))]|通讯员)")


def test_reporter_credit_matches_the_bracket_regex() -> None:
    rng = random.Random(5)
    pieces = list("(()记者首席特约本报网张三李四王 、,\n。a") + ["记者", "首席记者", "(记者", "通讯员", "本报记者"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        m = _REPORTER_REFERENCE.search(text)
        assert M._reporter_credit(text) == (m.group("v") if m else None), text


def test_writer_regex_without_zhuan_or_zhi_is_the_short_one() -> None:
    """_WRITER_WEN_RE stands in for _WRITER_RE in texts without 撰 or 执."""
    rng = random.Random(6)
    pieces = list("文字稿笔:/ 张三李四,、\n作者")
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        full = [(m.start(), m.group()) for m in M._WRITER_RE.finditer(text)]
        assert full == [(m.start(), m.group()) for m in M._WRITER_WEN_RE.finditer(text)], text


def test_a_tag_page_items_date_between_its_head_line_and_text():
    text = "共同开创交流合作新局面 市长率代表团在三明市座谈交流 2023-04-12 上海 41℃ 0 记者某某 代表团昨天来到三明市。\n正文。"
    assert M.extract_publish_date(text) == datetime.date(2023, 4, 12)
    # a date inside a sentence of the text is no stamp
    assert M.extract_publish_date("两市于去年签约。项目将在 2023-04-12 开工。\n正文。") is None


def test_a_forum_footers_serving_time_is_no_publish_date():
    assert M.extract_publish_date("昨日上午,我市召开座谈会。\n正文。\nGMT+8, 2025-5-15 01:51\n") is None


def test_related_items_each_with_a_stamp_are_no_byline():
    text = ("两县携手共筑平安边界\n9月19日,会议在春桥乡举行。\n>更多相关文章\n"
            "- 一农民发明装置获国家专利(图)2017-03-05 04:03:46\n- 二手车莫名自燃成空壳2017-02-20 10:02:14\n")
    assert M.extract_publish_date(text) is None


def test_a_labelled_publish_date_beats_the_portals_date_of_the_day():
    text = "2025年05月10日\n当前位置: 首页 > 新闻中心\n座谈会在三门峡召开\n来源: 发布日期:2019-08-09   打印\n8月9日上午,座谈会召开。\n"
    assert M.extract_publish_date(text) == datetime.date(2019, 8, 9)
