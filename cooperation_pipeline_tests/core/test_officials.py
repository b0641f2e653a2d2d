"""Officials: title chains, names, regions, roles; reporters are never officials."""
from __future__ import annotations

import datetime as dt

import pytest

from cooperation_pipeline.core import officials as off
from cooperation_pipeline.core.extraction import extract


def people(text: str, **kw) -> dict[tuple[str, str | None], tuple[str, str | None]]:
    return {(o.name, o.region): (o.title, o.role) for o in extract(text, **kw).officials}


def test_russian_names_with_patronymics_and_a_foreign_name_before_when():
    assert off.parse_name("伊万诺夫·安德烈·弗拉基米罗维奇,通过视频", 0) == ("伊万诺夫·安德烈·弗拉基米罗维奇", 16)
    assert off.parse_name("舒滨·依格里·尼古拉耶维奇先生率领的", 0)[0] == "舒滨·依格里·尼古拉耶维奇"
    assert off.parse_name("伯恩哈德·米勒和尼古拉·魏曼共同", 0)[0] == "伯恩哈德·米勒"
    found = people("会见俄罗斯滨海边疆区代理州长塔拉先科时,彭某华表示,两地合作潜力巨大。")
    assert "塔拉先科" in {name for name, _ in found}


def test_names_written_before_their_titles():
    found = people("双方商定姜堰市张甸镇和新竹县宝山乡建立友好关系。张甸镇段某林镇长和宝山乡范某燕乡长当场签署了合作协议。"
                   "5日,武夷山市胡某仁市长率团来访,与广东省朱某丹省长会谈。")
    assert found[("段某林", "江苏省泰州市姜堰区张甸镇")][1] == "sign"
    assert ("范某燕", "台湾省新竹县宝山乡") in found
    assert ("胡某仁", "福建省南平市武夷山市") in found and ("朱某丹", "广东省") in found
    # a place and its mayor, a title followed by its own name, an organ: no name before a title
    found = people("武夷山市长与张家口市长出席。苏澳镇长李某哲致辞,由市委书记王某带队,党工委书记刘某主持。")
    assert {name for name, _ in found} == {"李某哲", "王某", "刘某"}


def test_parse_name_boundaries():
    assert off.parse_name("王少峰率西城区党政代表团", 0) == ("王少峰", 3)
    assert off.parse_name("孙硕,西城区委常委", 0) == ("孙硕", 2)
    assert off.parse_name("李异以及区发改委", 0) == ("李异", 2)
    assert off.parse_name("刘爽提出,合肥市", 0) == ("刘爽", 2)
    assert off.parse_name("拉玛·兴高、王敏正", 0) == ("拉玛·兴高", 5)
    assert off.parse_name("欧阳晓晖陪同", 0) == ("欧阳晓晖", 4)
    assert off.parse_name("共同签署了协议", 0) is None
    assert off.parse_name("代表詹姆斯·鲁滨逊、", 0) is None


def test_title_list_with_shared_title_and_bare_titles():
    text = ("8月26日,北京市西城区委书记卢映川,西城区委副书记、区长王少峰率西城区党政代表团莅临秦皇岛市考察,"
            "并与我市签署战略合作协议。市委书记孟祥伟,市委副书记、市长张瑞书,市委副书记田金昌等陪同考察并出席签约仪式。")
    got = people(text, source_name="秦皇岛报纸", publish_date=dt.date(2017, 8, 28))
    assert got[("卢映川", "北京市西城区")][1] == "lead"
    assert got[("王少峰", "北京市西城区")] == ("西城区委副书记、区长", "lead")
    assert got[("孟祥伟", "河北省秦皇岛市")] == ("市委书记", "lead")
    assert got[("张瑞书", "河北省秦皇岛市")] == ("市委副书记、市长", "attend")
    assert ("田金昌", "河北省秦皇岛市") in got


def test_multi_unit_chain_takes_the_most_specific_region():
    got = people("湖南省委常委、长沙市委书记吴桂英代表长沙市四套班子对朝阳区党政代表团一行表示欢迎。")
    assert got == {("吴桂英", "湖南省长沙市"): ("湖南省委常委、长沙市委书记", "lead")}
    got = people("长沙市发展和改革委员会党组书记喻志军接受记者采访时表示")
    assert ("喻志军", "湖南省长沙市") in got


def test_shared_title_after_enumeration_comma():
    text = ("海淀区委常委、宣传部部长陈名杰,副区长孟景伟、徐永全、王光贤;贵阳市领导兰义彤、杨明晋等出席签约仪式。")
    got = people(text)
    for name in ("陈名杰", "孟景伟", "徐永全", "王光贤"):
        assert (name, "北京市海淀区") in got
    assert not any(n in ("兰义彤", "杨明晋") for n, _ in got)  # listed without title


def test_signers_and_hosts():
    text = ("市委副书记、市长李文荣出席签约仪式;朝阳区委副书记陈宏志主持签约仪式;市委常委、常务副市长何刚,"
            "朝阳区委常委、常务副区长甘靖中分别代表双方政府签订“建立友好市区”协议。")
    got = people("昆明与北京市朝阳区建立友好市区关系。" + text)
    assert got[("何刚", "云南省昆明市")][1] == "sign"
    assert got[("甘靖中", "北京市朝阳区")][1] == "sign"
    assert got[("陈宏志", "北京市朝阳区")][1] == "lead"
    assert got[("李文荣", "云南省昆明市")][1] == "attend"


def test_signer_named_again_later_and_in_headline():
    text = ("陈刚讲话 孙文锴刘文新签约\n海淀区委副书记、区长孙文锴讲话,市委副书记、常务副市长刘文新介绍贵阳市经济社会"
            "发展情况,并与孙文锴分别代表双方政府签订战略合作友好区市框架协议。")
    got = people(text, source_name="贵阳日报")
    assert got[("孙文锴", "北京市海淀区")][1] == "sign"
    assert got[("刘文新", "贵州省贵阳市")][1] == "sign"


def test_bare_title_leading_a_named_delegation():
    got = people("9月21日至22日,市委书记李洪慈带领白城市党政代表团到浙江省嘉兴市进行考察交流。嘉兴市委书记陈伟会见代表团一行并陪同考察。")
    assert ("李洪慈", "吉林省白城市") in got
    assert ("陈伟", "浙江省嘉兴市") in got


def test_unresolved_foreign_title_gets_no_guessed_region():
    got = people("11月4日,市长梅世彤会见了坦桑尼亚阿鲁沙市市长拉萨罗·布凯尔一行。", source_name="沧州日报")
    assert ("梅世彤", "河北省沧州市") in got
    assert ("拉萨罗·布凯尔", "坦桑尼亚阿鲁沙市") in got


def test_same_name_in_two_regions_stays_two_people():
    text = "长沙市委书记陈刚出席。贵阳市委书记陈刚主持会议。"
    got = people(text)
    assert ("陈刚", "湖南省长沙市") in got and ("陈刚", "贵州省贵阳市") in got


def test_reporters_editors_photographers_are_never_officials():
    text = ("红网时刻新闻7月29日讯(记者 余雅琴 实习生 梁典逸)会商会召开。\n"
            "北京市海淀区党政代表团参观。孙琳 摄\n市直相关部门负责人出席签约仪式。(路榕)\n"
            "(昆明日报 首席记者傅碧东 通讯员付强)\n文字:崔杨\n摄影:王嘉樾\n编审:汪春松\n"
            "编辑部主任李某某表示\n责任编辑:王春红")
    names = {o.name for o in extract(text).officials}
    assert names.isdisjoint({"余雅琴", "梁典逸", "孙琳", "路榕", "傅碧东", "付强", "崔杨", "王嘉樾",
                             "汪春松", "李某某", "王春红"})


def test_credit_names():
    names = off.credit_names("(记者 余雅琴 实习生 梁典逸)\n孙琳 摄\n(刘军孟晓冬)\n责任编辑:王春红")
    assert {"余雅琴", "梁典逸", "孙琳", "王春红"} <= names


def test_name_boundaries_at_a_date_and_with_a_middle_wei():
    assert off.parse_name("韩正3月25日晚会见", 0) == ("韩正", 2)
    assert off.parse_name("邵为民会见日本客人", 0) == ("邵为民", 3)
    assert off.parse_name("张三为大会揭牌", 0) == ("张三", 2)
    # a surname alone before 一行 is not a name
    assert off.parse_name("侯一行。", 0) is None


def test_japanese_names_after_a_title_naming_japan():
    got = [(r.name, r.title) for r in off.scan("副市长邵为民会见日本大分市副市长久渡晃、议长永松弘基一行。")]
    # (议长永松弘基: a bare title, read as Japanese because the page is about Japan)
    assert got == [("邵为民", "副市长"), ("久渡晃", "日本大分市副市长"), ("永松弘基", "议长")]
    # without Japan in the chain the surname list still decides
    assert [r.name for r in off.scan("副市长久渡晃表示")] == []


def test_jieba_reads_names_the_character_rules_reject():
    # 的 and 等 after a name, 才 inside it: jieba's person tag decides
    assert off.jieba_name("通州区副区长洪波的陪同下", 6) == ("洪波", 8)
    assert off.jieba_name("区人大常委会主任陈国才等区领导", 8) == ("陈国才", 11)
    assert off.jieba_name("区委书记共同签署", 4) is None
    names = {o.name for o in extract("县党政考察团在通州区副区长洪波的陪同下考察了通州区。").officials}
    assert "洪波" in names


def test_bare_title_takes_the_only_county_the_article_names():
    text = ("1月16日至17日,县委书记侯甲乙,县委副书记、县长许丙率县党政考察团到北京市通州区考察。"
            "双方表示,全力推动庆云通州产业园发展。")
    got = people(text)
    assert ("侯甲乙", "山东省德州市庆云县") in got and ("许丙", "山东省德州市庆云县") in got


def test_bare_title_with_two_cities_named_or_implied_stays_unresolved():
    # 上海市虹口区 implies 上海市: with 舟山市 there are two cities, so 市委书记 is not guessed
    text = ("5月19日,上海市虹口区人民政府与舟山市定海区人民政府签署战略合作框架协议。"
            "会前,市委书记吴甲会见了舟山市副市长王乙。")
    got = people(text)
    assert ("吴甲", "浙江省舟山市") not in got and ("吴甲", "上海市") not in got


# ----------------------------------------------------------------------- people across documents
def _keys(rows):
    return [r["person_key"] for r in off.link_people(rows)]


def test_same_name_same_region_is_one_person_across_posts_and_years():
    # 胡衡华: 长沙市市长 in 2016, 长沙市委书记 in 2019 (articles 123 / 112)
    keys = _keys([
        {"name": "胡衡华", "title": "长沙市市长", "region": "湖南省长沙市", "publish_date": "2016-02-03"},
        {"name": "胡衡华", "title": "湖南省委常委、长沙市委书记", "region": "湖南省长沙市",
         "publish_date": dt.date(2019, 12, 5)},
    ])
    assert keys[0] == keys[1]


def test_same_name_in_two_regions_without_evidence_is_two_people():
    # seeds 002 / 000: 陈刚 of 贵阳 and 陈刚 among 长沙's leaders are different people
    keys = _keys([
        {"name": "陈刚", "title": "省委常委、市委书记", "region": "贵州省贵阳市", "publish_date": "2013-11-29"},
        {"name": "陈刚", "title": "", "region": "湖南省长沙市", "publish_date": None},
    ])
    assert keys[0] != keys[1]
    # 吴桂英 as 朝阳区委书记 (seed 003, 2015) and as 长沙市委书记 (seed 000): the seeds alone
    # state no link, so the function keeps them apart
    keys = _keys([
        {"name": "吴桂英", "title": "朝阳区委书记、区长", "region": "北京市朝阳区", "publish_date": "2015-06-01"},
        {"name": "吴桂英", "title": "湖南省委常委、长沙市委书记", "region": "湖南省长沙市", "publish_date": "2021-05-11"},
    ])
    assert keys[0] != keys[1]


def test_a_former_post_in_the_title_links_the_person_who_moved():
    rows = [
        {"name": "吴桂英", "title": "朝阳区委书记、区长", "region": "北京市朝阳区", "publish_date": "2015-06-01",
         "doc": "003"},
        {"name": "吴桂英", "title": "湖南省委常委、长沙市委书记", "region": "湖南省长沙市", "publish_date": "2021-05-11"},
        {"name": "吴桂英", "title": "长沙市委书记,原北京市朝阳区委书记", "region": "湖南省长沙市",
         "publish_date": "2021-06-01"},
        {"name": "陈刚", "title": "省委常委、市委书记", "region": "贵州省贵阳市", "publish_date": "2013-11-29"},
    ]
    out = off.link_people(rows)
    assert len({r["person_key"] for r in out[:3]}) == 1
    assert out[0]["doc"] == "003" and out[3]["person_key"] != out[0]["person_key"]
    # "原…" written before the other post's mentions is no evidence (a namesake later)
    keys = _keys([
        {"name": "李甲", "title": "市长,原朝阳区区长", "region": "湖南省长沙市", "publish_date": "2010-01-01"},
        {"name": "李甲", "title": "朝阳区区长", "region": "北京市朝阳区", "publish_date": "2018-01-01"},
    ])
    assert keys[0] != keys[1]
    # a career step the title states (由…调任) links as well
    keys = _keys([
        {"name": "王乙", "title": "由通州区区长调任门头沟区委书记", "region": "北京市门头沟区", "publish_date": "2018-12-05"},
        {"name": "王乙", "title": "区长", "region": "北京市通州区", "publish_date": "2016-01-01"},
    ])
    assert keys[0] == keys[1]


def test_mentions_without_region_are_not_merged():
    keys = _keys([{"name": "张甲", "title": "副市长", "region": None, "publish_date": None},
                  {"name": "张甲", "title": "副市长", "region": None, "publish_date": None}])
    assert keys[0] != keys[1]


def test_bare_title_never_takes_the_other_sides_county():
    for text in ("县委书记侯甲乙率县党政考察团赴庆云县考察。",
                 "县委书记侯甲乙会见了来访的庆云县党政代表团。",
                 "我县与庆云县签署合作协议,县委书记侯甲乙出席。"):
        assert ("侯甲乙", "山东省德州市庆云县") not in people(text), text


def test_hong_kong_titles_and_married_names():
    text = "香港特别行政区行政长官李家超率团访问广东省。政务司司长陈国基说,财政司司长陈茂波、律政司司长林郑玉珊一同出席。"
    found = people(text)
    assert ("李家超", "香港特别行政区") in found and ("林郑玉珊", "香港特别行政区") in found


def test_bare_chief_executive_serves_the_one_sar_named():
    text = "行政长官岑浩辉昨日率团到珠海出席珠澳合作会议。会上,澳门特别行政区与珠海市签署协议。"
    assert ("岑浩辉", "澳门特别行政区") in people(text)


def test_county_before_its_zone_in_a_title_chain():
    text = "8月9日,昆山市委书记、昆山经济技术开发区党工委书记周伟率考察团来我区考察交流。"
    assert ("周伟", "江苏省苏州市昆山市") in people(text)


def test_a_bare_title_beside_the_other_sides_official_serves_the_other_side():
    text = ("7月14日,区委书记王五会见莆田市秀屿区委书记赵六一行。延平区与秀屿区签署对口协作框架协议。")
    assert ("王五", "福建省南平市延平区") in people(text)
    assert ("赵六", "福建省莆田市秀屿区") in people(text)


def test_a_bare_title_leading_a_delegation_named_before_it():
    text = "各地考察团大部分由当地书记带队。像阿坝州考察团由州委书记王五带队;广元市党政代表团由市委书记赵六带队。"
    found = people(text)
    assert ("王五", "四川省阿坝藏族羌族自治州") in found and ("赵六", "四川省广元市") in found


def test_a_japanese_name_before_its_delegation():
    text = "日本小松市市长和田慎司及其率领的代表团出席了济宁市的友好城市签约仪式。"
    assert ("和田慎司", "日本小松市") in people(text)


def test_a_city_named_with_a_cut_word_inside_stays_in_the_title():
    found = people("山西省委常委、大同市委书记张三介绍,三地合作成效显著。")
    assert ("张三", "山西省大同市") in found


def test_names_without_a_chinese_surname_after_foreign_or_autonomous_titles():
    found = people("甘孜藏族自治州乡城县委副书记、县长扎西顿珠带领代表团来访。")
    assert ("扎西顿珠", "四川省甘孜藏族自治州乡城县") in found
    found = people("蒙古国乌兰巴托市市长巴特尔带领代表团访问呼和浩特。")
    assert ("巴特尔", "蒙古国乌兰巴托市") in found


def test_a_dotted_name_ends_before_the_verb_phrase_that_follows_it():
    assert off.parse_name("伊万·彼得罗夫以视频方式签署", 0) == ("伊万·彼得罗夫", 7)
    assert off.parse_name("伊万·彼得罗夫在线上签署", 0) == ("伊万·彼得罗夫", 7)


def test_a_district_after_a_mayors_title_is_no_name():
    found = people("中华人民共和国上海市长宁区和白俄罗斯共和国明斯克市列宁区建立友好城区关系。")
    assert not any(name.endswith("区") for name, _ in found)
    assert ("王庆林", "广东省广州市天河区") in people("广州市天河区区委常委、副区长王庆林接待了考察团一行。")


def test_a_name_with_a_bullet_for_its_dot():
    assert off.parse_name("伊赫提约尔•法尔莫诺夫在北京签署", 0) == ("伊赫提约尔•法尔莫诺夫", 11)


def test_bare_titles_receiving_a_delegation_serve_the_place_visited():
    text = ("1月25日,徐州市委书记张三和市委副书记、市长李四率领徐州市党政代表团来泰安市考察。"
            "市委书记王五,市委副书记、市长赵六陪同考察。")
    found = people(text)
    assert ("王五", "山东省泰安市") in found and ("赵六", "山东省泰安市") in found
    assert ("李四", "江苏省徐州市") in found
    # the place visited written as its province's abbreviation (来湘); 来宁 could be 南京 or 宁夏
    text = "3月4日,西藏自治区林芝市党政代表团一行来湘考察。在湘期间,省委书记王五,省长赵六会见了代表团一行。"
    found = people(text)
    assert ("王五", "湖南省") in found and ("赵六", "湖南省") in found
    found = people(text.replace("湘", "宁"))
    assert ("王五", "宁夏回族自治区") not in found and ("王五", "江苏省") not in found


def test_a_foreign_officials_name_is_read_whole():
    found = people("省长张三会见瓦努阿图谢法省省长卡尔卡维一行,双方签署协议。")
    assert any(name == "卡尔卡维" for name, _ in found)
    found = people("俄罗斯喀山市政府第一副市长伊戈尔夫分别介绍了情况。")
    assert any(name == "伊戈尔夫" for name, _ in found)
    # a Chinese official named next to a foreign one keeps his surname reading
    assert ("李明", "河南省开封市") in people("俄罗斯喀山市长伊万·彼得罗夫以及中国开封市副市长李明周一签署协议。")


def test_transliterated_names_of_foreign_officials():
    # a name that opens with a surname by chance (齐, 富), or with none (阿, 伊), ended by 的 too
    found = people("苏州市副市长季晶和察科韦茨市市长齐维迪尼代表两市签署协议。")
    assert {"季晶", "齐维迪尼"} <= {name for name, _ in found}
    found = people("在与乌兰巴托市长阿穆尔赛汗的会见中,双方回顾了两市交流。")
    assert any(name == "阿穆尔赛汗" for name, _ in found)
    # the chain after the previous official decides: 梁赞 is foreign, whatever the mayor before it
    found = people("市长曹新平和梁赞市政府第一副市长富尔索夫分别介绍了两市情况。")
    assert any(name == "富尔索夫" for name, _ in found)


def test_no_name_in_a_word_after_a_district_that_is_also_foreign():
    # 滨海 is 天津市滨海新区 before 俄罗斯滨海边疆区: 长期以来 is no Japanese name of a 区长
    assert people("陈利华对滨海新区长期以来的关心支持表示感谢。").keys() <= {("陈利华", None)}


def test_posts_outside_government_are_no_officials():
    assert people("区域科学学院副院长张学明作主旨演讲。") == {}


def test_federation_posts_are_no_officials_and_an_acting_head_names_no_county():
    assert people("重庆市工商联党组成员、副主席张三出席。") == {}
    found = people("宜兰县代理县长李四出席会议。")
    assert not any(region and "理县" in region for _, region in found)


def test_surnames_common_in_the_south_and_taiwan_and_a_mayor_written_with_the_city():
    found = people("签约仪式由台南市长赖清德主持,常州市委书记阎立、副市长傅明亲自出席,市长丁某接见代表团。")
    assert {name for name, _ in found} >= {"赖清德", "阎立", "傅明", "丁某"}
    assert ("赖清德", "台湾省台南市") in found


def test_a_centres_director_is_no_official():
    assert people("上海社会信用促进中心主任傅春作专题讲座。") == {}


def test_a_title_starts_after_what_describes_or_receives_the_official():
    found = people("代表团受到该市市长金某的欢迎。风趣幽默的奥市副市长艾飞利致辞。")
    assert {title for title, _ in found.values()} <= {"该市市长", "奥市副市长"}


def test_a_local_outlets_dateline_names_our_city_and_an_idiom_names_none():
    found = people("济源网讯5月20日,韩国漆谷郡访问团莅临我市进行友好访问。市委书记张某会见了访问团。"
                   "张某说,济源与漆谷郡远隔千山万水。")
    assert found.get(("张某", "河南省济源市")) is not None


def test_a_dateline_before_the_title_is_no_part_of_it():
    found = people("本报广州4月14日电以省委书记陆某为团长的甘肃省党政代表团抵达广州。")
    assert {title for title, _ in found.values()} == {"省委书记"}


def test_names_before_座谈_and_共商_and_given_names_with_和():
    found = people("省委常委、宁波市委书记彭某学和嘉兴市委书记陈伟座谈交流,与珲春市委书记陈胜共商合作。"
                   "市长张和平、宜兰市长黄定和、台东市长陈建阁昨天签订协议。")
    assert {name for name, _ in found} >= {"陈伟", "陈胜", "张和平", "黄定和", "陈建阁"}


def test_japanese_names_after_bare_titles_on_a_page_about_japan_and_the_same_person_again():
    found = people("4月26日,区长金某会见了由区长成泽广修、议长武泽房吉率领的日本文京区代表团。"
                   "台北市议会某某议长全力支持,促成两市缔结友谊市。")
    names = {name for name, _ in found}
    assert {"成泽广修", "武泽房吉"} <= names and "全力支持" not in names
    found = people("台南市长黄某哲和日本土浦市长安藤真理子七日透过视讯正式签署友好交流协定,双方缔结为友谊城市,"
                   "市长黄某哲表示,两市合作前景广阔。")
    assert {region for name, region in found if name == "黄某哲"} == {"台湾省台南市"}


def test_one_government_post_in_a_chain_with_association_or_centre_posts_makes_an_official():
    found = people("山东省滨州市人社局党组成员、公共就业和人才服务中心主任颜某带领工作组到伊川县考察。"
                   "湖南省长株潭一体化发展事务中心党委书记、主任吴某月出席会议。")
    assert {"颜某", "吴某月"} <= {name for name, _ in found}
    found = people("北京大学校长、中国科学院院士王某出席。")
    assert "王某" not in {name for name, _ in found}


def test_a_japanese_name_ended_by_speaking_or_by_signing():
    found = people("日本久留米市与合肥市举行庆典。久留米市市长大久保勉说,希望两市友好关系世代传承。")
    assert "大久保勉" in {name for name, _ in found}
    found = people("台北市今日正式与日本松山市缔结友谊市,并与日本松山市长野志克仁签下友谊市协定。")
    assert found[("野志克仁", "日本松山市")] == ("日本松山市长", "sign")


def test_a_bare_autonomous_region_title_serves_the_one_autonomous_region_named():
    found = people("中国广西与越南边境四省党委书记新春会晤在柳州举行。自治区党委书记鹿某社与越南谅山省委书记林某会谈。")
    assert ("鹿某社", "广西壮族自治区") in found
    assert "新春" not in {name for name, _ in found}  # (…党委书记新春会晤: a word after a title)


def test_bare_titles_listed_with_a_placed_one_and_leaders_who_once_led_a_delegation():
    found = people("5月30日,省委书记陈某,省委副书记、省长吴某率青海省党政代表团赴甘肃省考察。")
    assert ("陈某", "青海省") in found and ("吴某", "青海省") in found
    found = people("3月6日,市委书记、市人大常委会主任赵某曾率桂林市党政代表团到绍兴市考察。"
                   "自治区主席陈某率广西党政代表团赴贵州省考察。")
    assert ("赵某", "广西壮族自治区桂林市") in found and ("陈某", "广西壮族自治区") in found
    # a list member who names its own city places no one else there
    found = people("市委副书记、市长胡某,副市长、浏阳市委书记曹某出席会议。")
    assert ("胡某", "湖南省长沙市浏阳市") not in found


def test_surnames_代_过_巢_a_division_head_and_a_court_president():
    found = people("7月9日,重庆市江北区区长代小红应邀率队访问。徐汇区委副书记、区长过剑飞出席。"
                   "自治区民政厅区划地名处处长安宁主持会议。县人民法院院长王新华同志带队考察。")
    assert {name for name, _ in found} >= {"代小红", "过剑飞", "安宁", "王新华"}
    # a visit after a title is no Japanese name, even on a page about Japan
    found = people("日本余市町与彰化市签署友好交流协定,札幌办事处粘某处长赴余市町出席见证。")
    assert "赴余市町" not in {name for name, _ in found}


@pytest.mark.parametrize(("text", "placed", "not_placed"), [
    # 二十大关于 holds 大关 (a county of 昭通) and 公民和 民和: neither is a second city
    ("11月2日,市委副书记、市长王浩带队赴常州市对接工作。双方表示,将认真学习贯彻党的二十大关于区域协调发展的部署,"
     "让公民和企业受益。王浩说,安康市将深化合作。", [("王浩", "陕西省安康市")], []),
    # the delegation a bare title leads places it before a guess would: 江川 in a base's name is the
    # only other province-level place (云南) the page names
    ("4月12日至13日,省委书记王五、省长赵六率广东省党政代表团赴广西壮族自治区考察。"
     "代表团一行先后前往柳州市三江侗族自治县、桂林市资源县,深入布央生态茶田、江川残疾人集中就业基地。"
     "13日,两省区召开粤桂协作联席会议。", [("王五", "广东省"), ("赵六", "广东省")], []),
    # a 省委书记 listed beside an autonomous region's officials does not serve it
    ("7月10日,宁夏回族自治区党政代表团来闽考察交流。省委书记、省人大常委会主任王五,"
     "宁夏回族自治区党委书记、人大常委会主任李四,省委副书记、省长赵六,自治区党委副书记、自治区主席张三出席。",
     [("李四", "宁夏回族自治区")], [("王五", "宁夏回族自治区"), ("赵六", "宁夏回族自治区")]),
])
def test_bare_titles_placed_by_their_own_side(text, placed, not_placed):
    found = people(text)
    assert all(p in found for p in placed), found
    assert not any(p in found for p in not_placed), found
