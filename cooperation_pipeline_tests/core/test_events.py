"""Events from real fragments: the four types, parties, dates, background, merging, negatives."""
from __future__ import annotations

import datetime as dt

import pytest

from cooperation_pipeline.core.events import _anaphor_count
from cooperation_pipeline.core.extraction import extract


def events(text: str, **kw):
    return extract(text, **kw).events


def signed(text: str, **kw) -> list[set[str]]:
    """The party sets of the agreement signings, in order."""
    return [set(e.parties) for e in events(text, **kw) if e.event_type == "agreement_signing"]


def befriended(text: str, **kw) -> list[set[str]]:
    """The party sets of the friendships established, in order."""
    return [set(e.parties) for e in events(text, **kw) if e.event_type == "friendship_established"]


def summary(text: str, **kw) -> list[tuple]:
    return [(e.event_type, tuple(e.parties), e.date, e.background) for e in events(text, **kw)]


def test_agreement_signing_with_quoted_title_and_inherited_date():
    text = ("11日上午,湖南长沙·北京朝阳两地经济社会发展座谈会召开,双方围绕深化合作进行深入交流。\n"
            "座谈会上,两地还签署了《北京市朝阳区人民政府湖南省长沙市人民政府战略合作框架协议》,并围绕组织工作、"
            "教育、科技、医疗健康保障、司法行政等签署了12个专项合作协议。")
    evs = events("5月10日至11日,朝阳区党政代表团赴湖南省长沙市考察。\n" + text)
    sign = [e for e in evs if e.event_type == "agreement_signing"]
    assert len(sign) == 1
    assert sign[0].parties == ["北京市朝阳区", "湖南省长沙市"]
    assert sign[0].date == "--05-11"
    assert sign[0].agreements == ["北京市朝阳区人民政府湖南省长沙市人民政府战略合作框架协议"]
    assert {"education", "science_technology", "health", "public_security"} <= set(sign[0].domains)
    meeting = [e for e in evs if e.event_type == "joint_meeting"]
    assert meeting[0].parties == ["北京市朝阳区", "湖南省长沙市"] and meeting[0].date == "--05-11"


def test_delegation_visit_with_range():
    evs = events("5月10日至11日,朝阳区委书记王某率朝阳区党政代表团赴湖南省长沙市围绕智能制造业等主题进行考察。")
    assert [(e.event_type, e.parties, e.date, e.date_end) for e in evs] == [
        ("delegation_visit", ["北京市朝阳区", "湖南省长沙市"], "--05-10", "--05-11")]


def test_friendship_with_agreement_is_one_event_and_publisher_year():
    text = ("贵阳市与北京市海淀区建立友好区市关系\n11月23日,贵阳市与北京市海淀区党政代表团举行共谋发展座谈会暨友好区市签约仪式。"
            "海淀区委副书记、区长张某讲话,市委副书记、常务副市长李某介绍贵阳市经济社会发展情况,"
            "并与张某分别代表双方政府签订战略合作友好区市框架协议。希望两地以此次协议的签署为契机,把交流合作推向新阶段。\n"
            "按照贵阳市政府与北京市海淀区政府昨日签订的战略合作友好区市框架协议,双方将在科技、教育等方面谋求交流合作。")
    evs = events(text, publish_date=dt.date(2013, 11, 29), source_name="贵阳日报")
    friend = [e for e in evs if e.event_type == "friendship_established"]
    assert len(friend) == 1
    assert friend[0].parties == ["北京市海淀区", "贵州省贵阳市"]
    assert friend[0].date == "2013-11-23" and friend[0].event_date == dt.date(2013, 11, 23)
    assert friend[0].agreements == ["战略合作友好区市框架协议"]
    assert not [e for e in evs if e.event_type == "agreement_signing"]


def test_counterpart_only_clause_takes_the_sentence_subject():
    text = "昨日,昆明市党政代表团赴北京市朝阳区考察学习,并与朝阳区签署友好市区合作协议。"
    got = summary(text)
    assert ("friendship_established", ("云南省昆明市", "北京市朝阳区"), None, False) in got
    assert ("delegation_visit", ("云南省昆明市", "北京市朝阳区"), None, False) in got


def test_we_city_is_the_publisher():
    text = ("8月26日,北京市西城区委书记卢某某率西城区党政代表团莅临秦皇岛市考察,并与我市签署战略合作协议。"
            "我市将与西城区在康养产业、教育产业、医疗产业等多领域开展对接合作。")
    got = summary(text, publish_date=dt.date(2017, 8, 28), source_name="秦皇岛报纸")
    assert ("agreement_signing", ("北京市西城区", "河北省秦皇岛市"), "2017-08-26", False) in got
    assert ("delegation_visit", ("北京市西城区", "河北省秦皇岛市"), "2017-08-26", False) in got


def test_two_sides_are_the_one_region_named_and_the_publisher():
    # the title names only the guest's province; the home province is the paper's (安徽日报, re-hosted
    # by a portal whose name comes first)
    text = ("4月7日下午,省长李某某在合肥会见蒙古国科布多省省长嘎拉森多恩杜格一行。\n"
            "会见后,两省签署建立友好省际关系意向书。")
    got = befriended(text, title="李某某会见蒙古国科布多省省长", publish_date=dt.date(2017, 4, 10),
                     source_name="中安在线-安徽日报")
    assert got == [{"安徽省", "蒙古国科布多省"}]
    assert befriended(text, title="李某某会见蒙古国科布多省省长", publish_date=dt.date(2017, 4, 10)) == []


def test_a_group_named_after_its_members_signs_as_them():
    # the group's members are listed once, before its name; the signing names only the group
    text = ("泛珠三角区域合作与发展论坛3日在广州,签署了《泛珠三角区域合作框架协议》。"
            "包括福建、江西、湖南、广东等内地省区和港澳两个特别行政区在内的“泛珠三角”区域的合作,是重要战略部署。")
    assert signed(text, publish_date=dt.date(2004, 6, 4)) == [
        {"福建省", "江西省", "湖南省", "广东省", "香港特别行政区", "澳门特别行政区"}]


def test_minutes_of_talks_are_signed():
    text = ("中共广西壮族自治区委员会书记彭清华与越南广宁省委书记杜某、谅山省委书记林某进行工作会谈,"
            "共同签署会谈纪要。")
    assert signed(text) == [{"广西壮族自治区", "越南广宁省", "越南谅山省"}]


def test_friendships_of_a_region_and_several_provinces_pair_one_by_one():
    text = "会上,新疆维吾尔自治区与哈萨克斯坦东哈萨克斯坦州、阿拜州签署了缔结友好区州关系协议书。"
    assert befriended(text) == [{"新疆维吾尔自治区", "哈萨克斯坦东哈萨克斯坦州"}, {"新疆维吾尔自治区", "哈萨克斯坦阿拜州"}]


def test_pairs_whose_sides_are_offices():
    # a bare 市教委 is the page's own city's; an office may follow the second side of a pair
    text = ("8月23日,我市举行国际友好城市合作项目签约活动。重庆市巴南区与日本新潟县三条市,"
            "市经济信息委与韩国首尔市信息化规划官,市教委与乌拉圭圣何塞省政府分别签署合作协议。")
    got = signed(text, publish_date=dt.date(2018, 8, 24), source_name="重庆商报")
    assert got == [{"重庆市巴南区", "日本三条市"}, {"重庆市", "韩国首尔市"}, {"重庆市", "乌拉圭圣何塞省"}]


def test_a_meeting_marking_a_signing_anniversary_signs_nothing():
    text = ("上海市、辽宁省以及韩国仁川、光州等地的代表们,在韩国首尔举办了第3届韩中知事省长会议。"
            "本次会议为了纪念韩中建交33周年和韩中自由贸易协定签署10周年,由两国机构共同主办。")
    assert signed(text) == []
    assert [e.event_type for e in events(text)] == ["joint_meeting"]


def test_a_chronicle_of_signings_in_several_years_is_background():
    text = ("据不完全统计,我省先后与广东省签署多个协议。2010年,琼粤两省签署了《广东·海南战略合作框架协议》。"
            "2015年9月,琼粤两省签署了《广东·海南深化合作协议》。")
    got = [(e.date, e.background) for e in events(text, source_name="海南日报") if e.event_type == "agreement_signing"]
    assert got == [("2010", True), ("2015-09", True)]
    # one signing of the day, dated to the day, stays the news
    text = "2015年9月8日,琼粤两省签署了《广东·海南深化合作协议》。"
    assert [(e.date, e.background) for e in events(text)] == [("2015-09-08", False)]


def test_multi_party_meeting_and_collective_anaphor():
    text = ("7月28日至29日,长江中游城市群省会城市第十届会商会在长沙召开,武汉、长沙、合肥、南昌及观察员城市共聚一堂。\n"
            "四省会城市及12个观察员城市的市长共同签署了《长江中游城市群2024年重点合作事项》。\n"
            "此外,会议还审议并见证了四省会城市公安部门签署的《长江中游四省省会城市警务合作框架协议》。")
    evs = events(text, publish_date=dt.date(2024, 7, 29))
    four = ["安徽省合肥市", "江西省南昌市", "湖北省武汉市", "湖南省长沙市"]
    assert [(e.event_type, e.parties, e.date) for e in evs] == [
        ("joint_meeting", four, "2024-07-28"),
        ("agreement_signing", four, "2024-07-28"),
        ("agreement_signing", four, "2024-07-28"),
    ]
    assert evs[2].domains == ["public_security"]


def test_background_signing_has_no_article_date():
    text = ("朝阳区与湖南省教育厅、湖南省卫健委、湖南省湘潭市自年分别签署合作框架协议以来,双方在干部交流、教育合作等方面深入合作。"
            "5月10日至11日,朝阳区党政代表团赴湖南省长沙市考察。")
    got = summary(text)
    assert got[0] == ("agreement_signing", ("北京市朝阳区", "湖南省湘潭市"), None, True)
    got = summary("特别是2004年石嘴山市与唐山市缔结为友好城市以来,双方经贸往来日益密切。", publish_date=dt.date(2017, 3, 15))
    assert got == [("friendship_established", ("宁夏回族自治区石嘴山市", "河北省唐山市"), "2004", True)]


def test_respectively_signed_is_bilateral():
    text = ("沧州市与阿鲁沙市、索卢韦齐市签订友好合作城市关系意向书\n11月4日,市长梅某某会见了坦桑尼亚阿鲁沙市市长、"
            "赞比亚索卢韦齐市市长代表一行,并与阿鲁沙市、索卢韦齐市分别签订友好合作城市关系意向书。")
    got = {(e.event_type, tuple(e.parties)) for e in events(text, source_name="沧州日报")}
    assert got == {("friendship_established", ("坦桑尼亚阿鲁沙市", "河北省沧州市")),
                   ("friendship_established", ("河北省沧州市", "赞比亚索卢韦齐市"))}


def test_three_governments_one_agreement():
    text = ("日前,北京市通州区、天津市武清区、河北省廊坊市在通州区会议中心举行签约仪式。"
            "三地政府共同签署了《推进通武廊战略合作发展框架协议》。")
    got = summary(text)
    assert got == [("agreement_signing", ("北京市通州区", "天津市武清区", "河北省廊坊市"), None, False)]


def test_signers_stand_for_their_regions():
    text = ("11月30日上午,石景山区委书记于某某,区委副书记、代区长陈某某带队到门头沟区交流学习。门头沟区委书记张某某,"
            "区委副书记、区长付某某等区领导一同参观。\n随后,陈某某与付某某签署了《合作发展框架协议》。")
    got = summary(text, publish_date=dt.date(2018, 12, 5))
    assert ("agreement_signing", ("北京市石景山区", "北京市门头沟区"), "2018-11-30", False) in got


def test_venue_is_not_a_party():
    text = "11月22日下午,甘肃省与内蒙古自治区合作交流座谈会暨战略合作框架协议签约仪式在呼和浩特市举行。"
    for e in events(text):
        assert e.parties == ["内蒙古自治区", "甘肃省"], e


def test_foreign_friendship():
    got = summary("10月20日下午,承德市与韩国庆州市签署友好交流协议书。", publish_date=dt.date(2015, 10, 21))
    assert got == [("friendship_established", ("河北省承德市", "韩国庆州市"), "2015-10-20", False)]


def test_company_only_signing_yields_no_event():
    text = ("湖南华菱钢铁集团与北京某科技公司签署战略合作协议,双方将在新材料领域开展合作。\n"
            "长沙景嘉微电子股份有限公司与西城区金融街集团签订投资协议。")
    assert summary(text) == []


def test_company_agreement_in_the_same_sentence_is_not_the_governments():
    text = ("3月25日上午,扶余市与舟山市普陀区友好合作交流活动如期举行。两地政府签署了战略合作协议,"
            "相关企业就光伏产品、水产品、物流和农副产品等项目签署了合作框架协议。")
    evs = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert [(e.parties, e.agreements) for e in evs] == [
        (["吉林省松原市扶余市", "浙江省舟山市普陀区"], ["战略合作协议"])]


def test_city_internal_meeting_yields_no_event():
    text = "长沙市召开全市招商引资工作座谈会,市委书记张某出席并讲话。\n长沙市委常委会召开会议,研究部署当前重点工作。"
    assert summary(text) == []


def test_future_and_department_signings_yield_no_event():
    assert summary("两市将于明年签署战略合作协议。") == []
    assert summary("湖南省教育厅与湖南省卫健委签署合作备忘录。") == []


def test_plans_in_an_agreement_are_not_meetings():
    text = ("北京市西城区与秦皇岛市签署战略合作协议\n支持我市在西城区举办旅游专题推介会,开展联合旅游促销。")
    got = summary(text, source_name="秦皇岛报纸")
    assert [g[0] for g in got] == ["agreement_signing"]


def test_investment_project_signing_is_not_inter_governmental():
    text = ("什邡市招商引资项目集中签约仪式在市政府会议室举行,四川九创投资、苏州塞维拉电梯、沈阳市宏远电磁线、重庆卓越科技、"
            "成都深嘉机械等9家企业代表分别与副市长席某某签订了项目投资协议书,正式落户什邡。")
    assert summary(text) == []


def test_bare_year_next_to_dated_news_is_history():
    text = ("昨日,副市长邵某某会见日本大分市副市长一行,两市签署2017年度友好交流协议书。\n"
            "大分市是武汉最早结好的国际友城,1979年两市正式缔结友城关系。")
    got = summary("武汉市与日本大分市签订2017年度友好交流协议\n" + text)
    assert ("friendship_established", ("日本大分市", "湖北省武汉市"), "1979", True) in got
    assert ("friendship_established", ("日本大分市", "湖北省武汉市"), None, False) in got
    got = summary(text, title="武汉市与日本大分市签订2017年度友好交流协议", publish_date=dt.date(2016, 10, 20))
    assert ("friendship_established", ("日本大分市", "湖北省武汉市"), "2016-10-19", False) in got


def test_anniversary_is_background():
    text = "为庆祝青岛市与日本下关市缔结友好城市25周年,下关市市长率友好访问团一行于昨日下午抵青访问。"
    got = summary(text, publish_date=dt.date(2004, 10, 18))
    assert got[0][0] == "friendship_established" and got[0][3] is True and got[0][2] is None


def test_capital_market_is_not_our_city():
    text = "北京市西城区与秦皇岛市签署战略合作协议,双方将在资本市场、日本市场开拓等方面合作。"
    got = summary(text, source_name="秦皇岛报纸")
    assert got == [("agreement_signing", ("北京市西城区", "河北省秦皇岛市"), None, False)]


# ---- rules added for the articles set (fragments from cooperation_pipeline_tests/articles) ----
def _pairs(text: str, **kw) -> set[frozenset]:
    return {frozenset(e.parties) for e in events(text, **kw)
            if e.event_type in ("agreement_signing", "friendship_established")}


def test_listed_pairs_signed_respectively_are_separate_events():
    text = ("在闭幕会上,中外地方签署了16项友好合作协定。山西省运城市与南韩京畿道义王市、内蒙古自治区兴安盟与"
            "蒙古国东方省、黑龙江省大庆市与南韩忠清北道忠州市、广东省中山市与智利纽夫莱大区奇廉市、云南省玉溪市元江县与"
            "寮国永珍省万荣县分别签署建立国际友好关系协定书。")
    evs = events(text, publish_date=dt.date(2024, 11, 20))
    assert {e.event_type for e in evs} == {"friendship_established"}
    assert {frozenset(e.parties) for e in evs} == {
        frozenset({"山西省运城市", "韩国义王市"}), frozenset({"内蒙古自治区兴安盟", "蒙古国东方省"}),
        frozenset({"黑龙江省大庆市", "韩国忠州市"}), frozenset({"广东省中山市", "智利奇廉市"}),
        frozenset({"云南省玉溪市元江哈尼族彝族傣族自治县", "老挝万荣县"}),
    }


def test_signing_of_a_quoted_title_without_agreement_noun():
    text = "湖北武汉、湖南长沙、安徽合肥、江西南昌长江中游四个省会城市,1日在此间签署《南昌行动》。"
    evs = events(text)
    assert [(e.event_type, len(e.parties), e.agreements) for e in evs] == [("agreement_signing", 4, ["南昌行动"])]


def test_observer_cities_join_the_previous_signers():
    text = ("武汉市市长周先旺,长沙市市长胡忠雄,合肥市市长凌云,南昌市市长刘建洋共同签署《长江中游城市群省会城市"
            "高质量协同发展行动方案》;并与黄石、岳阳等观察员城市共同签署《长江中游城市群建设2020年合作重点事项》。")
    evs = events(text)
    assert [len(e.parties) for e in evs] == [4, 6]
    assert {"湖北省黄石市", "湖南省岳阳市"} <= set(evs[1].parties)


def test_short_county_name_does_not_replace_its_city():
    text = ("124日,长江中游城市群省会城市第七届会商会在合肥市召开,武汉、长沙、合肥、南昌四市党政主要领导巢湖之滨"
            "再聚首。")
    ev = events(text)[0]
    assert ev.event_type == "joint_meeting"
    assert ev.parties == ["安徽省合肥市", "江西省南昌市", "湖北省武汉市", "湖南省长沙市"]


def test_regions_in_other_clauses_are_not_parties():
    text = ("会上,孙弘、盛阅春分别代表辽源、绍兴两市政府签订缔结友好城市协议书,辽源市农委、辽源市水务集团、"
            "吉林省东丰药业分别与绍兴市教育局、浙江震元堂股份有限公司签订框架合作协议。")
    assert _pairs(text) == {frozenset({"吉林省辽源市", "浙江省绍兴市"})}


def test_we_county_from_an_outlet_named_by_short_name():
    text = "龙湾区委常委、常务副区长贾黎春日前率龙湾区党政代表团来苍,与我县签订山海协作工程结对协议。"
    ex = extract(text, source_name="苍南新闻网", publish_date=dt.date(2017, 1, 16))
    sign = [e for e in ex.events if e.event_type == "agreement_signing"]
    assert sign[0].parties == ["浙江省温州市苍南县", "浙江省温州市龙湾区"] and sign[0].date is None
    assert ("贾黎春", "浙江省温州市龙湾区") in {(o.name, o.region) for o in ex.officials}


def test_respective_dates_after_a_since_clause_are_background_signings():
    text = ("据了解,原州市位于韩国江原道西南部。合肥市市长罗云峰致辞。原州市市长元康修说,原州市与合肥市于2002年6月20日缔结友好城市关系以来,"
            "分别于2007年11月28日和2012年11月28日签订加强交流协议。")
    got = {(e.event_type, e.date, e.background) for e in events(text)}
    assert got == {("friendship_established", "2002-06-20", True), ("agreement_signing", "2007-11-28", True),
                   ("agreement_signing", "2012-11-28", True)}


def test_agreement_between_existing_friendship_cities_is_a_signing_dated_by_the_dateline():
    text = ("中新网合肥11月15日电 合肥—原州缔结友好城市关系20周年庆祝活动15日在安徽合肥举办。\n"
            "活动现场,合肥市市长罗云峰与原州市市长元康修共同签署《中华人民共和国安徽省合肥市与大韩民国江原特别自治道"
            "原州市关于加强友好城市间交流的协议书》。")
    current = [e for e in events(text) if not e.background]
    assert [(e.event_type, e.parties, e.date) for e in current] == [
        ("agreement_signing", ["安徽省合肥市", "韩国原州市"], "--11-15")]


def test_date_before_since_does_not_date_what_follows():
    text = ("自2013年首届长江中游城市群省会城市会商会以来,武汉、长沙、南昌、合肥四省会城市先后签署了《武汉共识》、"
            "《长沙宣言》、《合肥纲要》。")
    ev = events(text)[0]
    assert ev.background and ev.date is None and ev.agreements == ["武汉共识", "长沙宣言", "合肥纲要"]


def test_event_later_in_a_span_of_days_keeps_only_the_month():
    text = ("6月16日、6月17日,区委书记金晓明率越城区党政代表团赴马边彝族自治县考察对接新一轮东西部协作工作。\n"
            "随后,召开越城区——马边彝族自治县东西部协作工作联席会,双方现场签署《越马东西部协作和交流合作框架协议》。")
    got = {e.event_type: e.date for e in events(text, publish_date=dt.date(2021, 6, 23))}
    assert got == {"delegation_visit": "2021-06-16", "joint_meeting": "2021-06", "agreement_signing": "2021-06"}


def test_lost_month_dates_the_meeting_and_the_signings_after_it():
    text = ("124日,长江中游城市群省会城市第七届会商会在合肥市召开,武汉、长沙、合肥、南昌四市党政主要领导出席。\n"
            "武汉市市长甲某,长沙市市长乙某,合肥市市长丙某,南昌市市长丁某共同签署《四市协同发展行动方案》。")
    got = summary(text, publish_date=dt.date(2019, 12, 5))
    assert got and all(d == "2019-12-04" for _, _, d, _ in got)


def test_pairing_signing_without_agreement_noun_is_background_with_its_year():
    text = ("苍南新闻网1月16日消息:龙湾区党政代表团日前来苍,与我县签订山海协作工程结对协议。\n"
            "据了解,自2007年我县与龙湾区结对签约山海协作工程以来,两地合作成效明显。")
    got = summary(text, source_name="苍南新闻网", publish_date=dt.date(2017, 1, 16))
    assert ("agreement_signing", ("浙江省温州市苍南县", "浙江省温州市龙湾区"), "2007", True) in got
    assert ("agreement_signing", ("浙江省温州市苍南县", "浙江省温州市龙湾区"), None, False) in got


def test_friendly_partnership_is_a_background_friendship_and_the_conference_year_dates_the_signing():
    text = ("11月18日至19日,2024中国国际友好城市大会在云南昆明市举办。"
            "在11月19日举行的友城结好签字仪式上,运城市副市长甲某代表运城市与韩国义王市市长共同签署了建立国际友好城市关系协议书。"
            "自2023年6月,运城市和韩国义王市建立国际友好合作伙伴以来,双方高层互访频繁。")
    got = summary(text)
    assert ("friendship_established", ("山西省运城市", "韩国义王市"), "2024-11-19", False) in got
    assert ("friendship_established", ("山西省运城市", "韩国义王市"), "2023-06", True) in got


def test_year_from_image_folders_when_the_page_has_no_date():
    text = ("![](/Files/Pic/2012-9/10/1.jpg)\n天水在线济南讯 9月10日,天水市政府与济南市政府战略合作协议签约仪式在济南举行。\n"
            "天水市市长甲某,济南市副市长乙某分别代表两市政府签订了战略合作协议。")
    got = summary(text)
    assert ("agreement_signing", ("山东省济南市", "甘肃省天水市"), "2012-09-10", False) in got


@pytest.mark.parametrize("anaphor, count", [
    ("双方", 2), ("两地", 2), ("三地", 3), ("8市", 8), ("12个城市", 12), ("十市", 10), ("十二个城市", 12),
    ("二十地", 20), ("各方", None), ("彼此", None),
])
def test_anaphor_counts(anaphor, count):
    assert _anaphor_count(anaphor) == count


def test_pairs_listed_right_before_the_verb_are_separate_events():
    text = "当天,株洲市与湘潭市、岳阳市与常德市、郴州市与永州市签署了3个城市间合作框架协议。"
    assert _pairs(text) == {frozenset({"湖南省株洲市", "湖南省湘潭市"}), frozenset({"湖南省岳阳市", "湖南省常德市"}),
                            frozenset({"湖南省郴州市", "湖南省永州市"})}


def test_region_named_inside_a_title_after_its_signatories_is_the_subject():
    text = ("会上,四川省省长张三与重庆市市长李四代表两地签署了《四川省人民政府 重庆市人民政府关于推动成都—"
            "万州产业协作的框架协议》。")
    assert _pairs(text) == {frozenset({"四川省", "重庆市"})}


def test_we_province_is_the_province_its_named_official_serves():
    text = ("7月2日,省委副书记、省长王五率我省党政代表团赴贵州省考察。"
            "座谈会上,云南省委副书记、省长王五与贵州省长赵六代表两省签订了战略合作框架协议。")
    evs = events(text)
    visits = [e for e in evs if e.event_type == "delegation_visit"]
    assert [sorted(e.parties) for e in visits] == [["云南省", "贵州省"]]
    assert {e.date for e in evs} == {"--07-02"}


def test_two_named_meetings_in_one_sentence_are_two_meetings():
    text = ("9日,双方召开了杭州市余杭区—黔东南州凯里市对口合作联席会议和杭州经济技术开发区—凯里经济开发区"
            "对口合作联席会议。")
    meetings = {frozenset(e.parties) for e in events(text) if e.event_type == "joint_meeting"}
    assert meetings == {frozenset({"浙江省杭州市余杭区", "贵州省黔东南苗族侗族自治州凯里市"}),
                        frozenset({"浙江省杭州市杭州经济技术开发区", "贵州省黔东南苗族侗族自治州凯里经济开发区"})}


def test_bracketed_alias_is_not_a_second_party():
    text = "会上,苏州市吴中区(吴中经济技术开发区)与铜仁市碧江区签订了对口合作框架协议。"
    assert _pairs(text) == {frozenset({"江苏省苏州市吴中区", "贵州省铜仁市碧江区"})}


def test_dated_ceremony_without_parties_dates_the_pairs_listed_next():
    text = ("2016中国国际友好城市大会昨日在广州闭幕,在当日举行的签约仪式上,我国新增3对友好城市。"
            "新增的3对友好城市分别为江西省与日本冈山县、湖南省株洲市与泰国清迈市、四川省绵阳市与加拿大魁北克省舍布鲁克市。")
    evs = events(text, publish_date=dt.date(2016, 11, 19))
    assert {e.date for e in evs} == {"2016-11-18"} and len(evs) == 3


def test_japanese_town_after_its_country_is_a_party():
    text = "当天,吉林省通化市与日本美里町签署了友好交流协议。"
    assert _pairs(text) == {frozenset({"吉林省通化市", "日本美里町"})}


def test_abbreviated_provinces_meet_and_their_anaphor_signs():
    text = ("特首昨率团到杭州出席浙港合作论坛第3次会议。会后双方签署5份合作协议。"
            "会议期间,浙港两地落实京津冀协同发展座谈会精神。")
    evs = events(text, publish_date=dt.date(2018, 6, 5))
    assert {(e.event_type, frozenset(e.parties), e.date) for e in evs} == {
        ("joint_meeting", frozenset({"浙江省", "香港特别行政区"}), "2018-06-04"),
        ("agreement_signing", frozenset({"浙江省", "香港特别行政区"}), "2018-06-04"),
    }


def test_abbreviations_inside_a_meeting_name_do_not_sign():
    text = "两县签署了合作协议,共同推动川渝两省深化合作座谈会精神落地。"
    assert all("四川省" not in e.parties for e in events(text))


def test_branches_of_an_organisation_are_not_regions():
    text = "6月3日,民盟四川省委与江苏省委、重庆市委在成都签订合作协议。"
    assert events(text) == []


def test_attending_an_unnamed_meeting_is_not_a_joint_meeting():
    text = "海东市副市长张三,永靖县委书记李四出席座谈会并讲话。"
    assert [e for e in events(text) if e.event_type == "joint_meeting"] == []


def test_clauses_that_each_sign_with_their_own_counterpart():
    text = ("中新网昆明6月12日电 2023云南省国际友好城市合作会议11日在昆明举行。"
            "会上,云南省与泰国清迈府签署深化友好省府合作协议书,与缅甸曼德勒省签署建立友好省关系协议书。"
            "会上,还签署3个市级友城协议。云南省昆明市与老挝琅勃拉邦市签署建立友好城市关系协议书,"
            "云南省玉溪市和越南老街市建立友好城市关系。")
    evs = events(text, publish_date=dt.date(2023, 6, 12))
    assert {frozenset(e.parties) for e in evs if e.event_type != "joint_meeting"} == {
        frozenset({"云南省", "泰国清迈府"}), frozenset({"云南省", "缅甸曼德勒省"}),
        frozenset({"云南省昆明市", "老挝琅勃拉邦市"}), frozenset({"云南省玉溪市", "越南老街市"}),
    }
    assert {e.date for e in evs} == {"2023-06-11"}


def test_yesterday_counts_from_a_dateline_without_a_year():
    assert summary("中评社昆明5月9日电 昆明市与玉溪市昨日签署战略合作协议。") == [
        ("agreement_signing", ("云南省昆明市", "云南省玉溪市"), "--05-08", False)]
    # across the start of a month the day depends on the unknown year
    assert summary("中评社昆明5月1日电 昆明市与玉溪市昨日签署战略合作协议。")[0][2] is None


def test_pairs_listed_right_after_the_verb_are_separate_events():
    text = "同时,还签署了株洲和郴州、岳阳和常德友好城市协议。"
    assert _pairs(text) == {frozenset({"湖南省株洲市", "湖南省郴州市"}), frozenset({"湖南省岳阳市", "湖南省常德市"})}


def test_projects_signed_on_a_memorandum_of_the_governments_and_the_dateline_place():
    text = ("【本报记者张三长沙8日电】湖南省省长甲与江西省省长乙7日代表两省政府在战略合作备忘录上签署30个合作项目,"
            "投资总额达100亿元。")
    assert _pairs(text) == {frozenset({"湖南省", "江西省"})}
    # projects signed without a governments' agreement stay business
    assert _pairs("长沙市与南昌市的企业代表签署30个合作项目。") == set()


def test_a_subject_that_signs_respectively_with_the_regions_after_it():
    text = "7月1日至5日,在内蒙古自治区阿拉善盟,昌江黎族自治县分别与额济纳旗、阿拉善左旗签署合作共建协议。"
    assert _pairs(text) == {frozenset({"海南省昌江黎族自治县", "内蒙古自治区阿拉善盟额济纳旗"}),
                            frozenset({"海南省昌江黎族自治县", "内蒙古自治区阿拉善盟阿拉善左旗"})}


def test_two_zones_hold_a_signing_ceremony_of_a_park_agreement():
    text = "7月30日,成都国际铁路港经济技术开发区与乌鲁木齐经济技术开发区举行园区发展战略合作协议签约仪式。"
    assert _pairs(text) == {frozenset({"四川省成都市成都国际铁路港经济技术开发区",
                                       "新疆维吾尔自治区乌鲁木齐市乌鲁木齐经济技术开发区"})}
    # a company park as the subject still is no government signing
    assert _pairs("7月30日,某某产业园区与长沙市举行战略合作协议签约仪式。") == set()


def test_a_paragraph_opens_after_its_dateline_and_credit():
    text = ("荆楚网讯(记者 张三 通讯员 李四)10月28日,鄂西北片区推介会在襄阳市举行。\n"
            "此外,襄阳市、十堰市、随州市外办主任现场还签订了《襄十随城市群合作备忘录》。")
    assert {e.date for e in events(text)} == {"--10-28"}


def test_also_with_two_partners_is_two_bilateral_memoranda():
    text = "此外,长沙市还与韩国光州市、加拿大温哥华市签订了友好交流备忘录。"
    assert _pairs(text) == {frozenset({"湖南省长沙市", "韩国光州市"}), frozenset({"湖南省长沙市", "加拿大温哥华市"})}


def test_signing_an_agreement_as_an_intention_is_no_signing():
    text = "2月21日,长沙市与株洲市就经贸、旅游等方面开展交流合作并签订《对口合作框架协议书》达成意向。"
    assert _pairs(text) == set()
    assert _pairs("2月21日,长沙市与株洲市签订《对口合作框架协议书》。") == {frozenset({"湖南省长沙市", "湖南省株洲市"})}


def test_a_named_group_defined_by_its_members_signs_as_them():
    text = ("11月20日,“一区三县”主要负责同志联席会议在安吉县召开。“一区三县”即江苏省宜兴市,浙江省长兴县、安吉县"
            "和上海市崇明农场。会上,“一区三县”共同签署合作协议。")
    members = frozenset({"江苏省无锡市宜兴市", "浙江省湖州市长兴县", "浙江省湖州市安吉县"})
    evs = events(text)
    assert {(e.event_type, frozenset(e.parties)) for e in evs} >= {("agreement_signing", members)}


def test_a_counted_group_attending_the_meeting_is_its_parties():
    text = ("6月29日,首届长江上游地区省际协商合作联席会议在重庆召开。"
            "重庆、四川、云南、贵州四省市政府分管领导参加了会议。")
    meetings = [e for e in events(text) if e.event_type == "joint_meeting"]
    assert [frozenset(e.parties) for e in meetings] == [frozenset({"重庆市", "四川省", "云南省", "贵州省"})]


def test_our_papers_dateline_city_signs_on_behalf_of_its_government():
    text = ("本报宜昌9月28日讯9月27日,举行国际友好城市签约仪式,市长张三代表市政府与法国图尔市、"
            "日本大阪市签署友好城市协议。")
    assert _pairs(text, publish_date=dt.date(2019, 9, 29)) == {
        frozenset({"湖北省宜昌市", "法国图尔市"}), frozenset({"湖北省宜昌市", "日本大阪市"})}


def test_what_a_report_schedules_is_no_event():
    text = ("论坛将于六月一日在香港开幕。六月三日下午将在广州举行闭幕式,并宣读《区域合作框架协议》,"
            "各省的省长以及香港、澳门特别行政区行政长官共同签署框架协议。\n"
            "据了解,本次论坛由广东、福建、江西三省和香港、澳门特别行政区政府共同举办。")
    assert events(text, publish_date=dt.date(2004, 5, 17)) == []
    # the same signing reported after the fact stays
    past = "六月三日下午在广州举行了闭幕式,广东省与香港特别行政区共同签署了框架协议。"
    assert _pairs(past, publish_date=dt.date(2004, 6, 4)) == {frozenset({"广东省", "香港特别行政区"})}


def test_an_agreement_signed_by_a_list_of_governments_and_a_company():
    text = ("其中,共建产业合作区战略合作框架协议,由江苏省无锡市、常州市,浙江省湖州市人民政府,"
            "以及某某食品(集团)有限公司共同签约。")
    assert _pairs(text) == {frozenset({"江苏省无锡市", "江苏省常州市", "浙江省湖州市"})}


def test_both_sides_after_an_abbreviated_meeting_are_its_regions():
    assert _pairs("最近结束的粤港合作联席会议,双方签署了8项合作协议。") == {frozenset({"广东省", "香港特别行政区"})}
    # abbreviations after 双方 name the subject of a policy, not the signers
    assert _pairs("希望双方以签署框架协议为契机,共同推动川渝两省深化合作座谈会精神落实。") == set()


def test_a_local_outlet_named_after_a_weak_county_name_is_the_publisher():
    text = "竹溪新闻网讯 12月1日,北京市密云区区长王五带领相关部门负责人来我县开展对口协作,并与我县签署了对口协作框架协议。"
    assert _pairs(text) == {frozenset({"北京市密云区", "湖北省十堰市竹溪县"})}


def test_a_day_before_the_dateline_is_not_the_datelines_day():
    text = "本报南宁5月6日电 两市合作推介会日前举行。会上,柳州市与玉林市签订了旅游合作协议。"
    assert [e.date for e in events(text, publish_date=dt.date(2022, 5, 7))] == [None]


def test_initials_of_named_cities_before_their_count_are_those_cities():
    text = "会上,柳州市鱼峰区与玉林市兴业县签订了产业协作协议。此外,柳玉两地还现场签订文旅合作协议。"
    assert _pairs(text) == {frozenset({"广西壮族自治区柳州市鱼峰区", "广西壮族自治区玉林市兴业县"}),
                            frozenset({"广西壮族自治区柳州市", "广西壮族自治区玉林市"})}


def test_the_national_strategy_is_not_its_three_members():
    assert _pairs("保定市、衡水市签订合作协议,共同融入京津冀协同发展。") == {frozenset({"河北省保定市", "河北省衡水市"})}


def test_a_region_in_the_name_of_the_agreement_signed_is_not_a_signer():
    text = "会上,鹿城、瓯海两地签署了温州经开区鹿城分园合作共建协议。"
    assert _pairs(text) == {frozenset({"浙江省温州市鹿城区", "浙江省温州市瓯海区"})}


def test_an_online_signing_ceremony_named_with_its_two_regions():
    assert _pairs("近日,宁波市黔东南州战略合作框架协议云签约仪式举行。") == {
        frozenset({"浙江省宁波市", "贵州省黔东南苗族侗族自治州"})}


def test_the_official_who_opens_the_sentence_signs_for_the_region_he_serves():
    text = ("9月3日,包头市委副书记、市长李四率团访问蒙古国。访问期间,李市长会见了乌兰巴托市长,"
            "并与中央省签署了《建立友好城市关系协议书》。")
    pairs = {p for p in _pairs(text, publish_date=dt.date(2019, 9, 6))}
    assert frozenset({"内蒙古自治区包头市", "蒙古国中央省"}) in pairs
    assert frozenset({"蒙古国乌兰巴托市", "蒙古国中央省"}) not in pairs


def test_a_friendship_judged_or_approved_by_a_legislature_is_not_established():
    text = ("会议认为,我市与日本大分市建立友好城市关系,有利于加强两地交流。"
            "会议决定批准本市与日本大分市缔结友城关系。")
    assert events(text, source_name="株洲日报") == []
    assert [e.background for e in events("日本大分市与株洲市缔结友城关系较早,交流成果丰硕。")] == [True]


def test_the_counted_members_of_named_provinces_sign_not_the_provinces():
    text = ("5日,“湘赣四城”旅游联盟在萍乡成立。湖南、江西两省的4个城市签订《旅游联盟合作协议》。"
            "湖南的株洲市、湘潭市,江西的萍乡市、宜春市同处湘赣边区。")
    assert _pairs(text) == {frozenset({"湖南省株洲市", "湖南省湘潭市", "江西省萍乡市", "江西省宜春市"})}
    # with no such list the provinces are not put in their place
    assert _pairs("湖南、江西两省的4个城市签订《旅游联盟合作协议》。") == set()


def test_five_cities_are_the_five_listed_and_the_host_venue_is_one_of_them():
    text = ("四城旅游联盟座谈会近日在浙江省舟山市举办,来自宁波市、台州市和温州市相关领导参加活动。"
            "四城文旅部门负责人签订了《四城游客互送框架协议》。")
    assert _pairs(text) == {frozenset({"浙江省舟山市", "浙江省宁波市", "浙江省台州市", "浙江省温州市"})}


def test_an_organisation_named_after_a_city_is_not_the_city():
    text = "在武汉举办上海合作组织友好论坛期间,长沙市副市长张三与俄罗斯喀山市市长签署了友好城市协议书。"
    assert _pairs(text) == {frozenset({"湖南省长沙市", "俄罗斯喀山市"})}


def test_a_districts_friendship_with_a_district_of_a_foreign_city():
    text = ("长宁区副区长张三与列宁区区长伊万诺夫签署《中华人民共和国上海市长宁区和白俄罗斯共和国明斯克市"
            "列宁区建立友好城区关系协议书》,双方正式结为友城。")
    assert _pairs(text) == {frozenset({"上海市长宁区", "白俄罗斯明斯克市列宁区"})}


def test_a_former_name_signs_as_the_region_that_holds_it_now():
    text = "卢湾区旅游局和湖北省监利县旅游局签订了结为友好区县的协议。"  # departments act for their regions
    assert _pairs(text) == {frozenset({"上海市黄浦区", "湖北省荆州市监利市"})}


def test_the_host_written_with_one_character_of_its_name():
    text = "8月20日,綦江区党政代表团来璧考察交流。璧山区区委书记张三出席。"
    found = summary(text, publish_date=dt.date(2023, 8, 21))
    assert ("delegation_visit", ("重庆市璧山区", "重庆市綦江区"), "2023-08-20", False) in found


def test_schools_of_two_places_pairing_are_not_the_governments():
    text = "在两县对口支援工作联席会上,建德市与乡城县签订对口支援协议,并进行两地高中结对签约。"
    assert len([e for e in events(text) if e.event_type == "agreement_signing"]) == 1
    assert _pairs("会上,两地高中结对签约。", source_name="建德日报") == set()


def test_an_agreement_signed_at_the_summit_is_signed_by_the_cities_gathered_there():
    text = ("新华社西安九月五日电 第二届西北五城市市长峰会,于五日在西安举行。"
            "西安、兰州、银川、西宁及乌鲁木齐的市长再度聚首,探讨合作。\n"
            "峰会上签署了《西北区域旅游合作协议》,确立了各城市的合作关系。")
    signed = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert [frozenset(e.parties) for e in signed] == [frozenset(
        {"陕西省西安市", "甘肃省兰州市", "宁夏回族自治区银川市", "青海省西宁市", "新疆维吾尔自治区乌鲁木齐市"})]
    assert signed[0].date == "--09-05"  # 于五日, in the month of the sentence's own dateline


def test_the_partners_so_far_are_a_status_not_an_establishment():
    text = "截至目前,株洲市已与美国奥兰多市、日本大分市、韩国光州市正式缔结国际友好城市关系。"
    assert events(text) == []


def test_a_friendship_with_several_partners_is_bilateral():
    text = "4月8日,株洲市已与美国奥兰多市、日本大分市正式缔结国际友好城市关系。"
    assert _pairs(text) == {frozenset({"湖南省株洲市", "美国奥兰多市"}), frozenset({"湖南省株洲市", "日本大分市"})}


def test_a_work_plan_signed_by_two_regions_is_an_agreement():
    assert _pairs("嘉定区与延吉市对口合作会议日前举行,双方签署了2019年对口合作工作计划。") == {
        frozenset({"上海市嘉定区", "吉林省延边朝鲜族自治州延吉市"})}


def test_an_official_leading_a_team_to_the_publishers_city_is_a_visit():
    text = ("丽水新闻网讯 7月3日,嘉兴市南湖区委副书记、区长张三带队来我市考察对接山海协作工作。"
            "双方召开联席会议,举行了签约及捐赠仪式。")
    found = summary(text, publish_date=dt.date(2021, 7, 4))
    assert ("delegation_visit", ("浙江省丽水市", "浙江省嘉兴市南湖区"), "2021-07-03", False) in found
    assert ("agreement_signing", ("浙江省丽水市", "浙江省嘉兴市南湖区"), "2021-07-03", False) in found
    # attending a signing ceremony is no signing of its own
    assert _pairs("张三、李四等出席签约仪式。") == set()


def test_a_long_list_of_agreement_subjects_signed_by_a_counted_group():
    text = ("会议在徐州召开,徐州、宿州、济宁三市相关部门负责同志参加会议。会议发布了《三省三市联合倡议》,"
            "区域三市签署了物流降本增效、社会信用体系建设、人力资源服务、社会保险业务通办、重污染天气管控、"
            "市场监督管理等6份协同发展协议。")
    assert _pairs(text) == {frozenset({"江苏省徐州市", "安徽省宿州市", "山东省济宁市"})}


def test_the_group_just_named_signs_with_the_new_ones_together():
    text = ("郑州、西安、太原三省会城市(简称“三市”)在会上签署《合作行动计划》,"
            "“三市”还与洛阳、宝鸡、大同等三个观察员城市共同签署《2023年重点合作事项》。")
    assert _pairs(text) == {
        frozenset({"河南省郑州市", "陕西省西安市", "山西省太原市"}),
        frozenset({"河南省郑州市", "陕西省西安市", "山西省太原市", "河南省洛阳市", "陕西省宝鸡市", "山西省大同市"})}


def test_a_city_listed_beside_its_own_county_is_a_party_of_its_own():
    text = "5月8日,苏州市吴江区与嘉兴市、湖州市、长兴县等地签订跨地域通办合作协议。"
    assert _pairs(text) == {frozenset({"江苏省苏州市吴江区", "浙江省嘉兴市", "浙江省湖州市", "浙江省湖州市长兴县"})}


def test_an_agreement_signed_in_the_passive_with_its_signers_after_it():
    text = ("会议期间,《四市毗邻区域执法协作框架协议》正式签订,标志着衢州、黄山、南平、上饶四地市将进一步加强合作。")
    assert _pairs(text) == {frozenset({"浙江省衢州市", "安徽省黄山市", "福建省南平市", "江西省上饶市"})}


def test_what_is_to_be_signed_at_the_right_time_is_no_signing():
    assert _pairs("金堂县和中江县分别作为两市委托的实施主体,适时签订园区实施协议。") == set()


def test_what_a_meeting_is_is_no_sitting_of_it():
    text = "泛珠三角区域省会城市市长联席会议是一个重要的区域合作平台,由福州、南昌、长沙、广州、南宁等省会城市联合主办。"
    assert events(text) == []


def test_a_decade_of_signings_is_background():
    text = "2月21日,会商会召开。十年来,四市主动作为,签署了《武汉共识》、《长沙宣言》等一系列重要文件。"
    assert all(e.background for e in events(text) if e.event_type == "agreement_signing")


def test_a_province_in_the_title_chain_of_a_city_secretary_stands_for_the_city():
    text = ("5月12日,河南省委常委、市委书记张三与乌兹别克斯坦共和国撒马尔罕市市长伊万•彼得罗夫签署了缔结友好城市备忘录。"
            "这标志着开封与撒马尔罕正式缔结为友好城市。")
    assert frozenset({"河南省开封市", "乌兹别克斯坦撒马尔罕市"}) in _pairs(text)
    assert frozenset({"河南省", "乌兹别克斯坦撒马尔罕市"}) not in _pairs(text)


def test_counties_listed_before_their_kind_and_counted_by_the_signers():
    text = ("首届湘鄂边区域合作交流会在来凤召开,湘鄂边6县市主要负责人共同签署发布《来凤共识》,"
            "签订包括交通、旅游等多项战略合作框架协议。\n"
            "交流会由吉首市发起,并得到龙山、鹤峰、桑植、宣恩、咸丰等县(市)积极响应。")
    assert _pairs(text) == {frozenset({"湖南省湘西土家族苗族自治州吉首市", "湖南省湘西土家族苗族自治州龙山县",
                                       "湖北省恩施土家族苗族自治州鹤峰县", "湖南省张家界市桑植县",
                                       "湖北省恩施土家族苗族自治州宣恩县", "湖北省恩施土家族苗族自治州咸丰县"})}


def test_the_cities_of_a_meeting_listed_after_it_sign_what_the_meeting_signed():
    text = ("昨日上午,第三届豫东经济区协同发展座谈会在商丘市召开,来自豫东经济区三市代表出席座谈会。\n"
            "豫东经济区包括商丘、周口、开封3市,是中原城市群的重要组成部分。\n"
            "此次座谈会重点讨论了《工作要点》,签署了共建共享郑州航空港区合作框架等3个合作协议。")
    assert _pairs(text) == {frozenset({"河南省商丘市", "河南省周口市", "河南省开封市"})}


def test_four_cities_are_not_the_four_provinces_of_the_title():
    text = ("浙皖闽赣合作共建“联盟花园”\n近日,浙皖闽赣(衢黄南饶)“联盟花园”建设工作会议以视频连线形式在衢州、"
            "黄山、南平、上饶四市同步召开。会上,四市签订合作共建框架协议。")
    assert _pairs(text) == {frozenset({"浙江省衢州市", "安徽省黄山市", "福建省南平市", "江西省上饶市"})}


def test_a_countys_own_meeting_about_a_cooperation_is_no_joint_meeting():
    assert events("9月20日,我县召开2023年苏陕协作工作推进会,副县长张三出席会议并讲话。", source_name="平利县融媒体中心") == []


def test_the_year_in_a_meetings_name_does_not_replace_the_day():
    text = "74日,南通市党政代表团来考察,两地举行南通市·黔东南州东西部协作2022年第一次联席会议。"
    meetings = [e for e in events(text, publish_date=dt.date(2022, 7, 7)) if e.event_type == "joint_meeting"]
    assert [e.date for e in meetings] == ["2022-07-04"]


def test_quoted_initials_of_the_places_named_before():
    text = ("3月11日,湖南攸县、茶陵、炎陵三地主要负责人齐聚茶陵,共同见证“攸茶炎”协同发展联盟成立。"
            "当日活动中,“攸茶炎”主要负责人签署了《协同发展战略合作协议》。")
    assert _pairs(text) == {frozenset({"湖南省株洲市攸县", "湖南省株洲市茶陵县", "湖南省株洲市炎陵县"})}


def test_a_list_of_signers_grouped_by_province_runs_over_commas():
    text = "在研讨会上,浙江开化县、常山县,安徽休宁县,江西婺源县签订了共富协作区框架协议。"
    assert _pairs(text) == {frozenset({"浙江省衢州市开化县", "浙江省衢州市常山县", "安徽省黄山市休宁县",
                                       "江西省上饶市婺源县"})}


def test_a_word_before_a_zone_is_no_county():
    assert _pairs("温州市政府与浙江省国贸集团签订战略合作协议,助力温州打造共同富裕示范区市域样板。") == set()


def test_a_government_signing_with_a_company_at_a_venue_is_no_pair():
    assert _pairs("近日,南阳市人民政府与中国某某集团战略合作框架协议签署仪式在北京举行。") == set()


def test_a_friendship_a_visit_is_to_bring_is_no_establishment():
    text = "出访期间,烟台将与智利瓦尔帕莱索签署两市建立友好城市的协议并举办推介会。"
    assert _pairs(text) == set()


def test_the_participants_of_a_governors_meeting_sign_its_declaration():
    text = ("新华社沈阳9月5日电 第八届东北亚地方政府首脑会议5日在沈阳举行,来自中国辽宁省、日本岛根县、"
            "韩国江原道等地的政府首脑参会。在当天的会议上,参与方签署了《共同宣言》。")
    signed = [e for e in events(text, publish_date=dt.date(2015, 9, 6)) if e.event_type == "agreement_signing"]
    assert [frozenset(e.parties) for e in signed] == [frozenset({"辽宁省", "日本岛根县", "韩国江原道"})]


def test_provinces_abbreviated_one_by_one_before_their_count():
    text = "2017年,湘、鄂、赣三省签署《关于合作共建长江中游航运通道项目的框架协议》。"
    assert _pairs(text) == {frozenset({"湖南省", "湖北省", "江西省"})}


def test_the_members_a_count_closes_sign_when_the_count_names_them_again():
    text = ("8月19日,第三届湘鄂赣五市合作峰会在岳阳市召开。来自三省的峰会成员岳阳市、咸宁市、九江市、常德市、"
            "宜昌市5个市以及江西省萍乡市代表共聚一堂。五市在峰会上签署了交通基础设施项目会谈备忘录等文件。")
    signed = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert [frozenset(e.parties) for e in signed] == [frozenset(
        {"湖南省岳阳市", "湖北省咸宁市", "江西省九江市", "湖南省常德市", "湖北省宜昌市"})]


def test_the_members_within_a_province_among_cities_named_before():
    text = ("会议有来自广东广州、佛山,广西南宁、柳州、桂林等城市的领导出席。"
            "随后,广西区内3市签署《城市共同体会议纪要》。")
    assert _pairs(text) == {frozenset({"广西壮族自治区南宁市", "广西壮族自治区柳州市", "广西壮族自治区桂林市"})}


def test_a_summit_of_chambers_of_commerce_is_no_meeting_of_regions():
    text = ("5月29日,“川渝六地商协会发展合作峰会”在遂宁市召开。遂宁市委副书记张三出席峰会并讲话,"
            "遂宁市副市长李四主持会议。与会期间,签署了《川渝六地商会联盟战略合作协议》《遂渝两地建材业合作协议》。")
    assert events(text) == []


def test_a_counted_group_after_with_is_the_other_side_of_the_region_before():
    text = ("6月3日,来自与竹山县相邻的房县、保康、神农架3个县区的分管负责人到会。"
            "竹山县与相邻3县区签订了《边界联防协议》。")
    assert signed(text) == [{"湖北省十堰市竹山县", "湖北省十堰市房县", "湖北省襄阳市保康县",
                                                "湖北省神农架林区"}]
    # the same group by number and a region among its members is no counterpart
    text = "房县、保康、竹山3个县区的负责人到会。竹山县与3县区签订了《边界联防协议》。"
    assert [set(e.parties) for e in events(text) if e.event_type == "agreement_signing"] == [
        {"湖北省十堰市竹山县", "湖北省十堰市房县", "湖北省襄阳市保康县"}]


def test_a_county_under_its_province_listed_among_its_cities_is_a_party():
    text = "4月2日,湖北省孝感、宜昌和神农架三地文旅部门在孝感市签署了《旅游合作协议》。"
    assert signed(text) == [{"湖北省孝感市", "湖北省宜昌市", "湖北省神农架林区"}]


def test_a_counted_group_and_the_region_joined_to_it_sign_together():
    text = ("联盟由陕西省商务厅、宁夏回族自治区商务厅、甘肃省商务厅和新疆生产建设兵团商务局共同发起。"
            "8月9日,三省区和新疆生产建设兵团商务部门负责人签署了《商贸合作协议》。")
    assert signed(text) == [{"陕西省", "宁夏回族自治区", "甘肃省", "新疆生产建设兵团"}]


def test_towns_of_the_named_counties_paired_after_their_counties_signed():
    text = ("5月8日,嘉善县与庆元县召开山海协作联席会议。会上,两地政府签订结对协议,"
            "姚庄镇与屏都街道、西塘镇与荷地镇签订乡镇结对协议。")
    sign = {tuple(sorted(e.parties)) for e in events(text) if e.event_type == "agreement_signing"}
    assert sign == {("浙江省丽水市庆元县", "浙江省嘉兴市嘉善县"),
                    ("浙江省丽水市庆元县屏都街道", "浙江省嘉兴市嘉善县姚庄镇"),
                    ("浙江省丽水市庆元县荷地镇", "浙江省嘉兴市嘉善县西塘镇")}


def test_a_signing_ceremony_of_the_regions_listed_before_it():
    text = "3月2日,福安市、柘荣县和泰顺县在泰顺举行签约仪式。"
    assert [set(e.parties) for e in events(text) if e.event_type == "agreement_signing"] == [
        {"福建省宁德市福安市", "福建省宁德市柘荣县", "浙江省温州市泰顺县"}]
    # a company and a county holding one is no signing of regions
    assert not [e for e in events("3月2日,泰顺县与某某集团有限公司举行签约仪式。")
                if e.event_type == "agreement_signing"]


def test_each_town_the_passage_named_signs_for_each_towns():
    text = ("6月5日,泰顺县龟湖镇召开边界联防座谈会,邀请福安市范坑乡、柘荣县英山乡参加。"
            "范坑乡、英山乡党政领导分别作了交流发言。随后,参会的各乡镇签订了《边界联防协作协议》。")
    assert signed(text) == [{"浙江省温州市泰顺县龟湖镇", "福建省宁德市福安市范坑乡",
                                                "福建省宁德市柘荣县英山乡"}]


def test_a_treaty_of_two_states_is_no_signing_of_the_regions_around_it():
    text = ("8月1日,赤峰市与通辽市代表座谈。两市将落实两国领导人2014年访问期间签署的中蒙两国联合宣言,"
            "深化合作。")
    assert not [e for e in events(text) if e.event_type == "agreement_signing"]


def test_a_mayor_after_the_city_is_no_region_named_by_the_title():
    text = "5月11日,台北市长与日本松山市长野志克仁签下友谊市协定。"
    evs = [e for e in events(text) if e.event_type in ("friendship_established", "agreement_signing")]
    assert [set(e.parties) for e in evs] == [{"台湾省台北市", "日本松山市"}]


def test_sister_cities_of_taiwan_townships_and_county_cities():
    text = "【记者报导】宜兰县头城镇长与花莲县玉里镇长,今天代表签署姊妹市盟约。"
    assert befriended(text) == [{"台湾省宜兰县头城镇", "台湾省花莲县玉里镇"}]
    text = "【记者报导】苗栗县苗栗市长与南投县南投市长,今天代表签署姊妹市盟约。"
    assert befriended(text) == [{"台湾省苗栗县苗栗市", "台湾省南投县南投市"}]


def test_a_township_named_after_a_city_and_an_office_abroad_are_no_parties():
    text = ("新城乡长率访问团赴日本北海道钏路町交流,在札幌分处长等人见证下,与钏路町长签订友好交流协定,缔结姊妹市。")
    evs = [e for e in events(text) if e.event_type in ("friendship_established", "agreement_signing")]
    assert all("日本札幌市" not in e.parties for e in evs)
    assert [e.event_type for e in evs] == ["friendship_established"] or not evs


def test_a_hope_or_a_help_to_bring_about_a_friendship_is_none():
    for text in ("得知该市盼与台南市结为姊妹市。", "议长协助促成台南市与美国西柯汶纳市缔结姊妹市。",
                 "台南市议会在美助台南与西柯汶纳市缔盟。", "希望武汉可以成为白俄罗斯布列斯特市的友好城市。",
                 "台南市与美国西柯汶纳市研议缔盟事宜。"):
        assert not [e for e in events(text) if e.event_type == "friendship_established"], text


def test_taiwan_sister_cities_are_joined_by_dimeng_and_friends_become_friends():
    assert befriended("宜兰市1988年与美国堪萨斯州黎雾市缔盟。") == [{"台湾省宜兰县宜兰市", "美国黎雾市"}]
    assert befriended("双鸭山于2013年与俄罗斯马加丹州成为友好城市。") == [{"黑龙江省双鸭山市", "俄罗斯马加丹州"}]


def test_a_friendship_told_again_with_one_side_coarser_is_the_same_friendship():
    text = ("宜兰市与台东市昨天签订缔结友好城市关系合作备忘录。"
            "缔盟仪式中,黄定和送上宜兰市志,陈建阁也回赠台东名产,双方期待互相合作。")
    assert befriended(text) == [{"台湾省宜兰县宜兰市", "台湾省台东县台东市"}]


def test_the_official_who_governs_one_region_and_mayors_another_signs_for_the_city():
    text = ("4月25日,蒙古国鄂尔浑省长兼额尔登特市长德·巴特罗特率代表团到二连浩特市访问,"
            "并与二连浩特市签署建立国际友好城市关系意向书。")
    assert befriended(text) == [{"内蒙古自治区锡林郭勒盟二连浩特市", "蒙古国额尔登特市"}]


def test_two_lists_joined_by_respectively_pair_item_by_item_down_to_villages():
    text = ("9月3日,嘉善县与庆元县召开联席会议。会上,屏都街道新村、荷地镇石坑村分别与嘉善县姚庄镇、"
            "西塘镇签订了帮扶协议。")
    sign = {tuple(sorted(e.parties)) for e in events(text) if e.event_type == "agreement_signing"}
    assert sign == {("浙江省丽水市庆元县屏都街道新村", "浙江省嘉兴市嘉善县姚庄镇"),
                    ("浙江省丽水市庆元县荷地镇石坑村", "浙江省嘉兴市嘉善县西塘镇")}


def test_cities_listed_before_with_befriend_the_one_after_it_one_by_one_in_the_past():
    text = "此后陆续有美国纽约市、英国伦敦市等国际大都市与北京结为友城。"
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert sorted(tuple(sorted(e.parties)) for e in evs) == [("北京市", "美国纽约市"), ("北京市", "英国伦敦市")]
    assert all(e.background and e.date is None for e in evs)


def test_recently_without_a_publish_date_takes_no_year_from_the_body():
    text = ("日前,北京市与捷克布拉格市签署缔结友好城市关系协议。"
            "1979年3月,日本东京都成为最早与北京缔结友城关系的城市。")
    evs = [e for e in events(text) if "捷克布拉格市" in e.parties]
    assert [e.date for e in evs] == [None]


def test_a_province_signs_intents_with_each_foreign_province_at_a_venue():
    text = "4月9日,海南省政府在博鳌分别与柬埔寨西哈努克省、克罗地亚扎达尔省签署结好意向。"
    sign = sorted(tuple(sorted(e.parties)) for e in events(text) if e.event_type == "agreement_signing")
    assert sign == [("克罗地亚扎达尔省", "海南省"), ("柬埔寨西哈努克省", "海南省")]


def test_a_renewed_friendship_agreement_is_a_signing_not_an_establishment():
    text = "9月27日,常州市市长与芬兰萨塔昆塔地区市长续签了两市友好城市关系协议书。"
    evs = [e for e in events(text) if e.event_type in ("friendship_established", "agreement_signing")]
    assert [(e.event_type, set(e.parties)) for e in evs] == [
        ("agreement_signing", {"江苏省常州市", "芬兰萨塔昆塔地区"})]


def test_a_long_transliterated_city_after_its_state():
    text = "2月17日,中国台山市与巴西圣保罗州圣若泽多斯坎波斯市友好合作关系备忘录签约仪式在线上举行。"
    evs = [e for e in events(text) if e.event_type in ("friendship_established", "agreement_signing")]
    assert [set(e.parties) for e in evs] == [{"广东省江门市台山市", "巴西圣若泽多斯坎波斯市"}]


def test_a_date_after_a_purpose_clause_opens_the_scene():
    text = ("为深入推进山海协作,5月13日,宁化县城南镇来洛江区河市镇开展交流活动。\n"
            "交流会上,双方签订河市镇—城南镇对口合作协议书。")
    sign = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert [e.date for e in sign] == ["--05-13"]


def test_the_same_signing_told_again_between_the_counties_is_the_towns_signing():
    text = ("12月4日,合江县白沙镇与永川区朱沱镇在白沙镇签订合作备忘录。\n"
            "签约仪式上,永川区副区长指出,永川与合江比邻相聚,此次签约合作备忘录符合发展战略。")
    assert signed(text) == [{"四川省泸州市合江县白沙镇", "重庆市永川区朱沱镇"}]


def test_groups_before_their_topics_each_sign_their_own_and_the_title_sums_them_up():
    text = "近日,江西省、湖南省就渌水流域,广东省、广西壮族自治区、贵州省就西江流域分别签署了流域生态补偿协议。"
    sign = sorted(tuple(sorted(e.parties)) for e in events(text, title="五省签订流域生态补偿协议")
                  if e.event_type == "agreement_signing")
    assert sign == [("广东省", "广西壮族自治区", "贵州省"), ("江西省", "湖南省")]


def test_a_list_of_cities_by_province_after_its_introduction():
    text = ("9月27日,来自中部地区的山西太原、大同,安徽芜湖、安庆,河南郑州等十家旅游城市的代表"
            "在长沙签署合作宣言。")
    sign = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert {"山西省太原市", "山西省大同市", "安徽省芜湖市", "安徽省安庆市", "河南省郑州市"} <= set(sign[0].parties)


def test_the_unnamed_partner_cities_of_a_province_are_not_the_province():
    text = "9月7日,遵义、安顺、六盘水与广东省对口协作市签署东西部协作协议。"
    sign = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert all("广东省" not in e.parties for e in sign)


def test_lists_respectively_paired_when_an_old_suffix_is_left_over():
    text = "4月5日,天津市东丽区、西青区、津南区日前分别与河北承德市承德县、平泉县、隆化县签署了《携手奔小康行动协议书》。"
    sign = sorted(tuple(sorted(e.parties)) for e in events(text) if e.event_type == "agreement_signing")
    assert sign == [("天津市东丽区", "河北省承德市承德县"), ("天津市津南区", "河北省承德市隆化县"),
                    ("天津市西青区", "河北省承德市平泉市")]


def test_people_of_a_place_a_nickname_and_an_itinerary_name_no_party():
    text = ("此趟宁德、屏南、古田考察之旅的重点,莫过于马来西亚诗巫市议会与宁德市政府签署建立友好城市关系协议书。"
            "当地华侨以古田、屏南人占多数。拥有“新福州”美誉的诗巫与宁德风土相近。"
            "5年后,双方于2009年3月20日签署缔结友好城市协议书。")
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert {tuple(sorted(e.parties)) for e in evs} == {("福建省宁德市", "马来西亚诗巫市")}


def test_the_capital_a_state_meets_in_is_the_venue():
    text = "7月27日,上海市副市长与澳大利亚昆士兰州州长在昆士兰州首府布里斯班举行会谈,双方签署合作交流备忘录。"
    assert signed(text) == [{"上海市", "澳大利亚昆士兰州"}]


def test_towns_of_a_city_without_counties_and_of_a_county_after_its_province_or_a_de():
    text = "5月21日,东莞市中堂镇与松桃苗族自治县乌罗镇签订对口结对协议。"
    assert signed(text) == [{"广东省东莞市中堂镇", "贵州省铜仁市松桃苗族自治县乌罗镇"}]
    text = "日前,福建武平县象洞乡与台湾苗栗县的三湾乡、南庄乡签订友好协议。"
    assert signed(text) == [{"福建省龙岩市武平县象洞乡", "台湾省苗栗县三湾乡", "台湾省苗栗县南庄乡"}]


def test_two_places_sign_by_their_leaders_while_their_towns_are_listed_after():
    text = ("11月26日,太仓市与玉屏县举行扶贫协作座谈会。"
            "王某与杨某代表两地签订了扶贫协作框架协议,城厢镇与朱家场镇、璜泾镇与新店镇结对。")
    sign = [e for e in events(text) if e.event_type == "agreement_signing"]
    assert {"江苏省苏州市太仓市", "贵州省铜仁市玉屏侗族自治县"} in [set(e.parties) for e in sign]
    assert all(len(e.parties) == 2 for e in sign)


def test_the_relevant_towns_of_taiwan_are_not_taiwan():
    text = "至目前,武平县共有9个乡镇分别与台湾的有关乡镇签订了交流合作协议书。"
    assert not [e for e in events(text) if e.event_type == "agreement_signing"]


def test_the_hosts_of_an_occasion_are_not_the_signers_named_in_another_clause():
    text = ("8月3日,由福建、浙江两省旅游局主办的研讨会在福州举行,来自20个设区市的旅游部门负责人签下合作协议。"
            "包括福州、温州等20个城市的旅游局负责人共同签下了《区域旅游营销宣言》。")
    assert {"福建省", "浙江省"}.isdisjoint(set().union(*signed(text)))


def test_our_province_is_the_one_that_holds_the_places_the_text_names():
    text = ("本报讯 近日,我省与北京市签署《水源涵养区生态保护补偿协议》。"
            "协议签订后,将对张家口、承德市及沽源、赤城等县给予补偿。")
    assert signed(text) == [{"河北省", "北京市"}]


def test_what_was_planned_and_the_terms_of_an_agreement_date_no_signing():
    text = ("南投市公所今日透过视讯与日本栗原市缔结为姐妹市。"
            "南投市公所原定今年8月赴日与栗原市面对面进行缔结姐妹市仪式,无奈受疫情影响才改成视讯签约。")
    evs = [e for e in events(text, publish_date=dt.date(2020, 11, 23)) if e.event_type == "friendship_established"]
    assert [e.date for e in evs] == ["2020-11-23"]
    text = ("近日,常德市人民政府和张家界市人民政府正式签订澧水流域横向生态保护补偿协议。"
            "根据签订的补偿协议,从1月1日起,每月以交界断面水质作为考核依据。")
    sign = [e for e in events(text, publish_date=dt.date(2023, 2, 8)) if e.event_type == "agreement_signing"]
    assert [e.date for e in sign] == [None]


def test_a_province_abbreviated_as_the_venue_is_the_other_side_of_both_places():
    assert signed("4月9日晚,吉林省在渝举办旅游推介会,两地旅游部门在会上签订了合作协议。") == [{"吉林省", "重庆市"}]


def test_the_pair_the_signed_title_joins_when_the_text_names_none():
    text = ("近日,副市长李某通过视频连线会见泰国乌隆他尼市市长,共同签署"
            "《中华人民共和国山西省朔州市与泰国乌隆他尼市建立友好交流关系备忘录》。")
    assert befriended(text) == [{"山西省朔州市", "泰国乌隆他尼市"}]


def test_friendship_lists_on_both_sides_pair_in_order_and_what_will_be_signed_is_none():
    text = "6月8日,中卫市、固原市同蒙古国巴彦洪格尔市、阿尔拜赫雷市签署建立友好城市关系备忘录。"
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert sorted(tuple(sorted(e.parties)) for e in evs) == [
        ("宁夏回族自治区中卫市", "蒙古国巴彦洪格尔市"), ("宁夏回族自治区固原市", "蒙古国阿尔拜赫雷市")]
    text = "6月2日,重庆市代表团赴新疆考察。两地还将召开经济社会发展合作交流座谈会,签署战略合作框架协议。"
    assert signed(text) == []


def test_a_meeting_whose_speech_is_relayed_is_none_held():
    text = ("8月31日,上海市市长主持召开市政府常务会议,传达学习习近平总书记在扎实推进长三角一体化发展座谈会"
            "和中央第七次西藏工作座谈会上的重要讲话精神。")
    assert not [e for e in events(text) if e.event_type == "joint_meeting"]


def test_pairs_listed_after_the_count_of_friendships_newly_signed():
    text = ("6月13日,9对中非友好城市现场签约。新签约的3对中非友好城市,分别是长沙市与马拉维利隆圭市、"
            "永州市与吉布提吉布提市、娄底市与卢旺达穆罕加市。")
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert sorted(tuple(sorted(e.parties)) for e in evs) == [
        ("卢旺达穆罕加市", "湖南省娄底市"), ("吉布提吉布提市", "湖南省永州市"), ("湖南省长沙市", "马拉维利隆圭市")]


def test_foreign_places_after_a_verb_a_name_of_the_country_or_a_word_inside_it():
    text = "7月17日,市长马某会见塞尔维亚查耶蒂纳市市长一行,双方签署石家庄市与查耶蒂纳市建立友好城市关系意向书。"
    assert befriended(text) == [{"河北省石家庄市", "塞尔维亚查耶蒂纳市"}]
    assert signed("11月3日,安哥拉本戈省政府和中国山东省政府签署了一份意向书。") == [{"安哥拉本戈省", "山东省"}]
    text = "9月7日,福建省副省长会见加纳客人。此次签署福建与加纳大阿克拉省结好协议。"
    assert befriended(text) == [{"福建省", "加纳大阿克拉省"}]
    # the governor (省委书记兼省长) after a province is no place
    assert all("老挝委书记兼省" not in e.parties
               for e in events("老挝乌多姆赛省委书记兼省长与湖南省签署友好协议。"))


def test_a_taiwan_township_after_its_county_even_after_a_word():
    text = "继去年新竹县横山乡与日本鸟取县若樱町缔结为姊妹乡后,今日又签署友好城市交流协定。"
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert {"台湾省新竹县横山乡", "日本若樱町"} in [set(e.parties) for e in evs]


def test_each_before_respectively_with_signs_with_the_one_after_and_the_cities_keep_their_own():
    text = ("9月26日,驻马店市民政局和阜阳市民政局签订共创平安边界协议。"
            "同时,平舆、新蔡两县民政局局长分别和临泉县民政局局长签订了共创平安边界协议。")
    assert sorted(tuple(sorted(p)) for p in signed(text)) == [
        ("安徽省阜阳市", "河南省驻马店市"), ("安徽省阜阳市临泉县", "河南省驻马店市平舆县"),
        ("安徽省阜阳市临泉县", "河南省驻马店市新蔡县")]


def test_a_ceremony_of_the_two_provinces_projects():
    text = "11日至12日,广东省政府代表团到黑龙江省考察调研,并与黑龙江省举行对口合作项目签约仪式。"
    assert signed(text) == [{"广东省", "黑龙江省"}]


def test_a_tally_of_friendships_is_no_event_and_an_agreement_signed_under_its_terms_is_one():
    text = "二连浩特已经同蒙古国乌兰巴托市、扎门乌德市及俄罗斯乌兰乌德市等18个地区和城市建立了友城关系。"
    assert not [e for e in events(text) if e.event_type == "friendship_established"]
    text = "5月28日,成都、绵阳两市旅游局代表齐聚绵竹。根据签订的《大九寨环线旅游区域联盟合作框架协议》,两市将共同打造精品旅游环线。"
    assert [e.agreements for e in events(text) if e.event_type == "agreement_signing"] == [
        ["大九寨环线旅游区域联盟合作框架协议"]]


def test_a_country_that_names_a_state_too_before_a_place_and_friendships_approved_or_awaited():
    text = "2024年10月,南宁市与墨西哥米却肯州莫雷利亚市签署建立友城关系协议书。"
    assert befriended(text) == [{"广西壮族自治区南宁市", "墨西哥莫雷利亚市"}]
    text = ("28日,市人大常委会会议表决通过同意成都市与墨西哥萨博潘市建立友好城市关系。"
            "目前,韩国大邱市、墨西哥萨博潘市正等待两市领导正式签署友城协议书。"
            "正式缔结友好城市关系后,双方将在经贸、旅游等领域开展合作。")
    assert not [e for e in events(text) if e.event_type == "friendship_established"]


def test_the_year_a_plan_is_for_dates_no_signing():
    text = ("11月14日,津南区代表团赴秦安县考察。座谈会上,双方商定了2018年具体帮扶计划,"
            "咸水沽镇与兴国镇签署了携手奔小康行动协议。")
    sign = [e for e in events(text, publish_date=dt.date(2017, 11, 22)) if e.event_type == "agreement_signing"]
    assert [(e.date, e.background) for e in sign] == [("2017-11-14", False)]


def test_a_friendship_on_a_page_about_its_years_is_history():
    text = ("呼和浩特市与蒙古国乌兰巴托市于1991年12月10日缔结为国际友好城市。"
            "结好33年间,两市人文交流不断、经贸合作屡结硕果。")
    evs = [e for e in events(text) if e.event_type == "friendship_established"]
    assert [(e.date, e.background) for e in evs] == [("1991-12-10", True)]


def test_our_city_is_the_only_city_the_page_names():
    text = ("巴彦淖尔市地处祖国北疆。1月30日,"
            "我市森林草原防灭火指挥部与蒙古国南戈壁省紧急情况局签订边境地区森林草原防灭火联防协定。")
    assert {"内蒙古自治区巴彦淖尔市", "蒙古国南戈壁省"} in signed(text)


def test_a_friendly_intent_and_a_programme_of_exchanges_are_agreements():
    text = "海口网8月17日消息 海口市与马来西亚马六甲市今天在马六甲州签署了两市友好意向。"
    assert signed(text) == [{"海南省海口市", "马来西亚马六甲市"}]
    text = "8月4日,日本长崎县与上海市就今年的具体交流内容签订友好交流项目协议。"
    assert signed(text) == [{"日本长崎县", "上海市"}]


def test_a_tally_of_agreements_so_far_is_no_signing():
    text = "至目前止,武平县共有9个乡镇分别与台湾的有关乡镇签订了两地交流合作协议书,有3个行政村与台湾有关村结对。"
    assert signed(text) == []


def test_what_a_signing_brings_and_an_institute_named_after_a_city_sign_nothing_more():
    text = ("9月3日,洛阳市政府与济源市政府签署战略合作框架协议。"
            "此次战略合作框架协议的签署将进一步加快中原城市群发展。"
            "芜湖市与中科院上海光学精密机械研究所签署战略协议。")
    assert signed(text) == [{"河南省洛阳市", "河南省济源市"}]


def test_a_working_group_meeting_held_in_the_venues_city_and_its_minutes():
    text = ("10月12日,在越南奠边省奠边府市举行越南奠边、莱州、老街、河江与中国云南省的联合工作组第三次会议。\n"
            "会议结束时五省共同签署了《会议纪要》。")
    five = {"云南省", "越南奠边省", "越南莱州省", "越南老街省", "越南河江省"}
    evs = events(text)
    assert [(e.event_type, set(e.parties)) for e in evs] == [("joint_meeting", five), ("agreement_signing", five)]


def test_one_region_signs_in_turn_with_each_of_a_list():
    text = "9月18日,松江区人民政府与昭通市昭阳区、镇雄县、彝良县人民政府依次签订《携手兴乡村合作协议书》。"
    assert signed(text) == [{"上海市松江区", "云南省昭通市昭阳区"}, {"上海市松江区", "云南省昭通市镇雄县"},
                            {"上海市松江区", "云南省昭通市彝良县"}]


def test_counterparts_in_several_countries_sign_one_by_one():
    text = "11月12日,四川省代表团出席开幕式,并与埃及卢克索省、老挝万象市签署建立友好合作关系备忘录。"
    assert {"四川省", "埃及卢克索省"} in signed(text) and {"四川省", "老挝万象市"} in signed(text)
    assert not any(len(pair) > 2 for pair in signed(text))


def test_yesterday_before_the_year_in_a_meetings_name_dates_it():
    text = "昨日下午,2025年松江区·昭通市东西部协作联席会议举行。会上,松江区与昭通市签订合作协议。"
    evs = events(text, publish_date=dt.date(2025, 9, 19))
    assert {e.date for e in evs} == {"2025-09-18"}


def test_a_venue_the_sentence_does_not_count_is_no_party():
    text = ("1997年10月15日,哈尔滨市、大庆市市长和加拿大埃得蒙顿市、卡尔加里市市长,在北京共同签署了"
            "《城市经济合作宣言书》,旨在加强四市之间的经济、技术等合作与交流。")
    assert signed(text) == [{"黑龙江省哈尔滨市", "黑龙江省大庆市", "加拿大埃得蒙顿市", "加拿大卡尔加里市"}]


def test_where_a_post_is_is_no_party():
    text = "10日,青岛市与新西兰达尼丁市签订友好城市协议,中国驻克赖斯特彻奇总领事金智健出席。"
    assert befriended(text) == [{"山东省青岛市", "新西兰达尼丁市"}]


def test_an_annual_meeting_of_member_cities_is_a_meeting():
    # (a made-up group: the member cities attend its 年会 in one of them)
    text = ("8日,长江中游文化城市联盟第五届年会在岳阳举办。岳阳、九江、宜昌、荆州等12个城市出席本次年会。\n"
            "某公司年会在岳阳举办。")
    assert [(e.event_type, set(e.parties)) for e in events(text)] == [
        ("joint_meeting", {"湖南省岳阳市", "江西省九江市", "湖北省宜昌市", "湖北省荆州市"})]


def test_some_members_named_before_a_larger_count_attend_and_sign():
    # only three of the twelve members are named: they are what the text knows of the parties
    text = ("9日,首届湘鄂赣边区文化旅游峰会在岳阳举行。"
            "峰会共有来自岳阳、咸宁、九江等12个市成员市参加。会上,12个市签署了《边区文化旅游合作框架协议》。")
    three = {"湖南省岳阳市", "湖北省咸宁市", "江西省九江市"}
    assert [(e.event_type, set(e.parties)) for e in events(text)] == [
        ("joint_meeting", three), ("agreement_signing", three)]
    # a delegation attending a forum is no meeting of the places listed after it
    assert all(e.event_type != "joint_meeting" for e in events("9日,岳阳市代表团参加论坛,考察了咸宁、九江等地。"))


@pytest.mark.parametrize(("text", "pair"), [
    # a county of a foreign country the list lacks, named after its country (城 in its name)
    ("5月15日,镇江市与韩国洪城郡签订深化友好合作关系备忘录。", {"江苏省镇江市", "韩国洪城郡"}),
    # two people's congresses' standing committees sign for their regions (its 副主任 in a title
    # chain is a person, not the region: 慈溪市人大常委会副主任…带队)
    ("10月19日,重庆市巴南区人大常委会与资中县人大常委会签订《合作协议》。", {"重庆市巴南区", "四川省内江市资中县"}),
])
def test_signers_the_gazetteer_reads_only_in_context(text, pair):
    assert signed(text) == [pair]


def test_words_that_end_like_a_town_or_city_are_none():
    # 考察城乡 after a county is no township of it; 韩国主要城市 is no Korean city
    assert all("考察城乡" not in p for e in events("10月19日,巴南区代表团到资中县考察城乡融合,并与资中县签订协议。")
               for p in e.parties)
    assert signed("5月15日,镇江市与韩国主要城市签订合作备忘录。") == []


def test_names_put_on_an_agreement_and_a_joint_ceremony_sign():
    text = "6月28日上午,长沙市市长谭甲、株洲市市长颜乙、湘潭市市长彭丙在《长株潭区域合作框架协议》上郑重签名。"
    assert signed(text) == [{"湖南省长沙市", "湖南省株洲市", "湖南省湘潭市"}]
    assert signed("6月28日,长沙市举行万人签名活动。") == []
    text = "5月11日,伊犁哈萨克自治州人民政府与内江市人民政府战略合作框架协议暨肉牛全产业链发展项目签约仪式在内江举行。"
    assert signed(text) == [{"新疆维吾尔自治区伊犁哈萨克自治州", "四川省内江市"}]


def test_the_official_opening_a_signing_clause_signs_for_the_region_he_serves():
    text = ("广西与越南边境省份党委书记会晤在南宁举行。1月6日,自治区党委书记鹿某社与越南谅山省委书记林某、"
            "高平省委书记赖某进行工作会谈并共同签署会谈纪要。")
    assert signed(text) == [{"广西壮族自治区", "越南谅山省", "越南高平省"}]
    # a witness named first signs nothing
    text = ("广西与越南边境省份交流活动在南宁举行。自治区党委书记鹿某社与副主席王某见证下,"
            "越南谅山省与越南高平省签署合作协议。")
    assert signed(text) == [{"越南谅山省", "越南高平省"}]


def test_a_pair_named_with_countries_in_the_signed_title_and_a_programme_of_years_is_no_friendship():
    text = ("23日,成都市委副书记、市长王某朝会见米迦埃尔·德拉福斯一行,共同签署《中华人民共和国成都市与法兰西共和国"
            "蒙彼利埃市2025至2030年友城合作备忘录》。")
    assert summary(text)[0][:2] == ("agreement_signing", ("四川省成都市", "法国蒙彼利埃市"))
    assert not befriended(text)


def test_our_city_signing_with_one_and_then_with_another_in_one_sentence_is_two_signings():
    text = "本报讯 去年,我市还与意大利佛罗伦萨市签署建立友好城市协议书,与乌克兰敖德萨市签署建立友好关系协议书。"
    got = sorted(sorted(p) for p in befriended(text, source_name="宁波日报"))
    assert got == [["乌克兰敖德萨市", "浙江省宁波市"], ["意大利佛罗伦萨市", "浙江省宁波市"]]
    # 去年 opens the sentence: both clauses are of last year
    assert all(e.background for e in events(text, source_name="宁波日报"))


def test_a_visit_and_a_signing_announced_by_will_go_are_no_events():
    text = ("应葡萄牙共和国邀请,行政长官崔某安将率领澳门特别行政区政府代表团于5月11日至19日访问葡萄牙首都里斯本市及波尔图市。"
            "结束在里斯本的行程后,行政长官将转往波尔图市考察,与波尔图市签署友好合作框架备忘录。")
    assert events(text, publish_date=dt.date(2019, 4, 15)) == []


def test_the_year_a_city_was_founded_dates_no_friendship():
    text = ("宜兰市长黄某和、台东市长陈某阁昨天签订缔结友好城市关系合作备忘录。"
            "台东市民国65年建市,宜兰市民国30年建市,双方缔盟变成好兄弟市。")
    evs = [e for e in events(text, publish_date=dt.date(2012, 5, 3)) if e.event_type == "friendship_established"]
    assert [(e.date, e.background) for e in evs] == [("2012-05-02", False)]


def test_two_counties_consultative_conferences_sign_for_them():
    text = "长阳县政协在与郧西县政协的交流学习中,双方经过友好协商,签订友好协议书,缔结为友好政协。"
    assert signed(text) == [{"湖北省宜昌市长阳土家族自治县", "湖北省十堰市郧西县"}]


def test_a_friendship_whose_anniversary_falls_this_year_is_dated_by_counting_back():
    text = "省长吕某善在宁波会见了澳大利亚西澳州总理一行。西澳州与我省是友好省州,今年是双方建立友好省州关系20周年。"
    evs = [e for e in events(text, publish_date=dt.date(2007, 6, 7), source_name="浙江在线")
           if e.event_type == "friendship_established"]
    assert [(e.date, e.background) for e in evs] == [("1987", True)]


def test_a_long_signed_title_with_dashed_foreign_names_names_its_pair():
    text = ("会谈中,双方签署了《中华人民共和国山西省运城市和法兰西共和国塞纳-圣但尼省勒布朗-梅尼勒市"
            "发展友好城市关系意向书》。")
    assert befriended(text) == [{"山西省运城市", "法国勒布朗-梅尼勒市"}]


def test_a_name_read_after_a_title_is_a_name_wherever_it_is_written():
    # 曹新平 holds 新平 (a county of 玉溪): once read as a mayor's name, it names no county elsewhere
    text = ("应俄罗斯梁赞市政府的邀请,市长曹新平于6月4日至5日率经贸代表团对俄罗斯梁赞市进行了友好访问。"
            "5日上午,市长曹新平和梁赞市政府第一副市长富尔索夫分别介绍了两市情况并签订了"
            "《中华人民共和国徐州市政府与俄罗斯联邦梁赞市政府关于开展经贸、文化、社会领域交流的意见书》。曹新平表示满意。")
    assert signed(text, title="徐州市经贸代表团考察俄罗斯皮革厂") == [{"江苏省徐州市", "俄罗斯梁赞市"}]


def test_the_pages_own_government_opening_a_clause_is_the_publishers_region():
    text = "5月23日中午,省政府与韩国庆尚北道在长沙签署友好省道关系意向书。"
    assert befriended(text, source_name="湖南日报") == [{"湖南省", "韩国庆尚北道"}]

