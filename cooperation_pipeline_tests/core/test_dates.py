"""Date expressions: as precise as the text supports, never an invented year."""
from __future__ import annotations

import datetime as dt

import pytest

from cooperation_pipeline.core.dates import DateValue, doc_year, find_dates, infer_year, resolve


def one(text: str, **kw) -> DateValue | None:
    ms = [m for m in find_dates(text) if m.kind != "dateline"]
    assert ms, text
    return resolve(ms[0], **kw)


def test_range_keeps_start_and_end():
    v = one("5月10日至11日,朝阳区委书记率代表团", publish_date=None)
    assert v.iso() == "--05-10" and v.end_iso() == "--05-11"
    v = one("7月28日至29日,会商会在长沙召开", publish_date=dt.date(2024, 7, 29))
    assert v.iso() == "2024-07-28" and v.end_iso() == "2024-07-29"
    assert v.as_date() == dt.date(2024, 7, 28)


def test_day_only_takes_the_month_of_the_context():
    ctx = one("5月10日至11日", publish_date=None)
    assert one("11日上午,两地经济社会发展座谈会召开", publish_date=None, context=ctx).iso() == "--05-11"
    assert one("11日上午,座谈会召开", publish_date=None, context=None) is None


def test_year_from_publish_date_only_when_month_not_after():
    pub = dt.date(2013, 11, 29)
    assert one("11月23日,贵阳市与北京市海淀区", publish_date=pub).iso() == "2013-11-23"
    assert one("12月23日,两市签署", publish_date=pub).iso() == "--12-23"
    assert infer_year(8, dt.date(2017, 8, 28), None) == 2017
    assert infer_year(9, dt.date(2017, 8, 28), None) is None


def test_relative_days():
    pub = dt.date(2016, 10, 20)
    assert one("昨日,副市长会见日本大分市副市长", publish_date=pub).iso() == "2016-10-19"
    assert one("昨天下午", publish_date=pub).iso() == "2016-10-19"
    assert one("今天上午", publish_date=pub).iso() == "2016-10-20"
    # 2016-10-20 is a Thursday: last week's Wednesday is 2016-10-12
    assert one("上周三,两市签约", publish_date=pub).iso() == "2016-10-12"
    assert one("今年10月,两市", publish_date=pub).iso() == "2016-10"
    assert one("去年5月", publish_date=pub).iso() == "2015-05"


def test_vague_days_give_no_date():
    # gold convention (articles 104, 119-style leads): 日前/近日 name no day and no safe month
    assert one("日前,两市签署", publish_date=dt.date(2024, 7, 25)) is None
    assert one("日前,两市签署", publish_date=dt.date(2024, 7, 3)) is None
    assert one("近日,两市签署", publish_date=dt.date(2024, 7, 12)) is None


def test_relative_day_without_publish_date_uses_only_body_year():
    assert one("昨日,昆明市党政代表团", publish_date=None) is None
    assert one("昨日,昆明市党政代表团", publish_date=None, doc_year=2015).iso() == "2015"


def test_explicit_and_year_only_dates():
    v = one("2013年11月23日举行", publish_date=None)
    assert v.iso() == "2013-11-23"
    v = one("1979年两市正式缔结友城关系", publish_date=None)
    assert v.iso() == "1979"


@pytest.mark.parametrize("text", ["两市签署2017年度友好交流协议书", "合作行动计划(2023-2025年)", "到2025年前"])
def test_not_event_years(text):
    assert [m for m in find_dates(text) if m.kind == "year"] == []


def test_dateline_is_marked():
    kinds = [m.kind for m in find_dates("红网时刻新闻7月29日讯 7月28日至29日,会商会召开")]
    assert kinds == ["dateline", "absolute"]


def test_a_sitting_to_come_gives_no_year_to_the_body():
    assert doc_year("今日举行联合工作组第三次会议。联合工作组第四次会议将于2011年9月在昆明举行。") is None
    assert doc_year("双方于2010年9月举行联合工作组第三次会议。") == 2010


def test_doc_year_is_conservative():
    assert doc_year("在京期间,代表团参加了2015北京CBD商务节系列活动") == 2015
    assert doc_year("此次会商会是2024年3月召开的座谈会后,围绕《城市群2023年重点合作事项》(2023-2025年)") == 2024
    # a bare year is no evidence of the current activity; a year with its month is
    assert doc_year("2019年签约,2021年3月续签") == 2021
    assert doc_year("2020年1月与2021年3月两次会议") is None
    assert doc_year("没有年份") is None


def test_compatibility_of_partial_dates():
    a = DateValue(None, 5, 10, None, 5, 11)
    assert a.covers(DateValue(None, 5, 11))
    assert a.compatible(DateValue(None, 5, 11))
    assert not DateValue(2013, 11, 23).compatible(DateValue(2013, 11, 28))
    assert DateValue(2015).compatible(DateValue(2015, 3, 2))


def test_consecutive_listed_days_are_one_span():
    from cooperation_pipeline.core.dates import find_dates
    (dm,) = find_dates("6月16日、6月17日,区委书记金晓明率越城区党政代表团赴马边彝族自治县考察")
    assert (dm.value.month, dm.value.day, dm.value.end_day) == (6, 16, 17)
    assert len(find_dates("6月16日、6月20日")) == 2


def test_lost_month_only_when_the_publish_date_decides():
    from cooperation_pipeline.core.dates import lost_month

    # 124日 with 月 lost: 12月4日 is the day before publication, 1月24日 is months away
    assert one("124日,两市在合肥召开会商会。", publish_date=dt.date(2019, 12, 5)) == DateValue(2019, 12, 4)
    assert lost_month("1204日", dt.date(2019, 12, 5)) == DateValue(2019, 12, 4)
    # no publish date, or no reading near it, or two readings near it: nothing
    assert one("124日,两市在合肥召开会商会。", publish_date=None) is None
    assert lost_month("124日", dt.date(2019, 6, 1)) is None
    assert lost_month("111日", dt.date(2019, 11, 3)) == DateValue(2019, 11, 1)
    # a count of days inside a phrase is not a date
    assert [m.kind for m in find_dates("历时124日,完成建设")] == []


def test_path_year_needs_a_corroborating_day():
    from cooperation_pipeline.core.dates import path_year

    text = "![](/Pic/2012-9/10/a.jpg)\n天水在线济南讯 9月10日,两市签约。\n![](/Pic/2012-9/10/b.jpg)"
    assert path_year(text) == 2012
    # the upload day is far from the report's day: no year
    assert path_year("![](/Pic/2012-9/10/a.jpg)\n5月3日,两市签约。") is None
    # folders of different days: no year
    assert path_year("![](/Pic/2012-9/10/a.jpg)![](/Pic/2013-9/10/b.jpg)\n9月10日,签约。") is None
    assert path_year("9月10日,两市签约。") is None


def test_doc_year_ignores_the_start_of_a_past_period():
    text = ("11月18日至19日,2024中国国际友好城市大会在昆明举办。"
            "自2023年6月两市建立友好合作伙伴以来,双方交往频繁。")
    assert doc_year(text) == 2024
    assert doc_year("早在2019年两市就开展合作。2024中国国际友好城市大会举行。") == 2024


def test_range_whose_first_day_drops_its_ri():
    (dm,) = find_dates("9月27至29日,代表团赴天津考察")
    assert (dm.value.iso(), dm.value.end_iso()) == ("--09-27", "--09-29")
    assert [d.value.iso() for d in find_dates("9月27日,两地")] == ["--09-27"]


def test_xiaoxi_dateline_is_marked():
    (dm,) = find_dates("央广网杭州3月8日消息 两市")
    assert dm.kind == "dateline"


def test_lost_month_after_a_bracket_and_before_the_time_of_day():
    (dm,) = [d for d in find_dates("市长(右)229日上午与副市长在会议厅") if d.kind == "lost_month"]
    assert resolve(dm, publish_date=dt.date(2016, 3, 4)) == DateValue(2016, 2, 29)


def test_a_lost_month_range_right_after_a_name():
    (dm,) = [d for d in find_dates("通讯员冯艳121日至2日,北京市") if d.kind == "lost_month"]
    assert resolve(dm, publish_date=dt.date(2014, 12, 3)) == DateValue(2014, 12, 1)
    assert find_dates("历时124日,完成建设") == []


def test_an_inferred_year_without_the_day_is_not_given():
    (dm,) = find_dates("2月29日,两市签署协议")
    assert resolve(dm, publish_date=dt.date(2023, 3, 5)).iso() == "--02-29"
    assert resolve(dm, publish_date=dt.date(2024, 3, 5)).iso() == "2024-02-29"


def test_no_impossible_day_is_resolved():
    (dm,) = find_dates("6月31日,两市签署协议")
    assert resolve(dm, publish_date=dt.date(2023, 7, 5)).iso() == "2023-06"


def test_a_bare_day_is_a_recent_day_of_the_publish_date():
    pub = dt.date(2021, 3, 9)
    assert one("两市8日签订协议", publish_date=pub).iso() == "2021-03-08"
    assert one("两市9日签订协议", publish_date=pub).iso() == "2021-03-09"
    assert one("两市28日签订协议", publish_date=dt.date(2021, 3, 1)).iso() == "2021-02-28"  # across a month
    assert one("两市7日签订协议", publish_date=pub).iso() == "2021-03-07"  # two days before the report
    assert one("两市5日签订协议", publish_date=pub) is None  # days before: no guess
    assert one("两市8日签订协议", publish_date=None) is None


def test_a_year_before_one_the_text_reports_on_is_no_year_of_the_article():
    assert doc_year("2月21日,会议召开。2013年2月,武汉邀请长沙拉开序幕。2022年,四市经济总量已达5.2万亿元。") is None
    assert doc_year("2月21日,会议召开。2023年2月,武汉邀请长沙。到2025年,四市经济总量达到10万亿元。") == 2023


def test_a_two_digit_lost_month_that_is_no_day():
    found = [d for d in find_dates("74日,代表团来访。") if d.kind == "lost_month"]
    assert [d.text for d in found] == ["74日"]
    assert resolve(found[0], publish_date=dt.date(2022, 7, 7)).iso() == "2022-07-04"
    assert [d.kind for d in find_dates("于13日在")] == ["day_only"]


def test_two_days_listed_after_one_month_are_a_span():
    (dm,) = find_dates("8月25日、26日,代表团赴迪庆州考察")
    assert (dm.value.month, dm.value.day, dm.value.end_day) == (8, 25, 26)
    assert len(find_dates("8月25日、28日")) == 2  # not consecutive: two dates


def test_a_report_dated_by_its_outlet_counts_today_from_that_day():
    (dm,) = [d for d in find_dates("【大纪元6月5日报导】台南市今天签署") if d.kind == "dateline"]
    assert (dm.value.month, dm.value.day) == (6, 5)


def test_the_year_of_a_named_forum_dates_a_text_without_a_publish_date():
    assert doc_year("8月25日,代表团参加2016昆迪对口帮扶合作座谈会。") == 2016


def test_a_day_after_the_publish_date_is_not_of_its_year():
    assert one("两市11月22日签署协议", publish_date=dt.date(2024, 11, 5)).iso() == "--11-22"
    assert one("两市11月2日签署协议", publish_date=dt.date(2024, 11, 5)).iso() == "2024-11-02"


def test_a_year_the_text_looks_back_on_is_no_year_of_the_article():
    assert doc_year("5月12日晚,交流团抵达。港城镇2011年7月与瑞穗乡签署了合作备忘录,4年来交流不断。") is None


def test_years_of_the_republic_of_china_as_taiwan_writes_them():
    values = {d.text: d.value for d in find_dates("民国101年10月8日在台北;113年10月8日签署;民国98年成立;101年度首长年会")}
    assert values["民国101年10月8日"] == DateValue(2012, 10, 8)
    assert values["113年10月8日"] == DateValue(2024, 10, 8)
    assert values["民国98年"] == DateValue(2009)
    assert not any("101年度" in text for text in values)  # (年度: a plan's year, as 2021年度)
