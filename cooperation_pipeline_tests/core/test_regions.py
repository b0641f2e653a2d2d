"""Gazetteer loading, mention finding and resolution in document context."""
from __future__ import annotations

import pytest

from cooperation_pipeline.core.regions import (
    Gazetteer,
    collapse,
    is_department,
    level_suffix,
    publisher_region,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def resolved(gaz: Gazetteer, text: str) -> list[str]:
    return [m.region.name for m in gaz.resolve(gaz.scan(text)) if m.region is not None]


def test_load_is_cached_and_canonical_names_follow_the_gold(gaz):
    assert Gazetteer.load() is gaz
    assert gaz.get("湖南省长沙市").level == "prefecture"
    assert gaz.get("北京市朝阳区").adcode == "110105000000"
    assert gaz.get("北京市").level == "province"
    assert gaz.get("湖南省长沙市浏阳市").level == "county"
    assert gaz.get("湖北省仙桃市") is not None  # province-governed county-level city
    assert gaz.get("湖南省长沙市").province == "湖南省"
    assert gaz.get("湖南省长沙市").longitude is not None
    assert gaz.get("长沙市") is None  # only canonical names


def test_foreign_regions_are_loaded(gaz):
    r = gaz.get("韩国庆州市")
    assert r is not None and r.country == "韩国" and r.adcode is None
    assert gaz.get("日本京都府").level == "province"
    assert gaz.get("美国加利福尼亚州") is not None


def test_province_and_city_written_together(gaz):
    assert resolved(gaz, "湖南长沙·北京朝阳两地经济社会发展座谈会") == ["湖南省长沙市", "北京市朝阳区"]
    assert resolved(gaz, "赴湖南省长沙市考察") == ["湖南省长沙市"]
    assert resolved(gaz, "北京市西城区与秦皇岛市签署") == ["北京市西城区", "河北省秦皇岛市"]


def test_party_organ_names_its_region(gaz):
    assert resolved(gaz, "西城区委书记") == ["北京市西城区"]
    assert resolved(gaz, "海淀区委副书记、区长") == ["北京市海淀区"]


def test_ambiguous_district_resolved_by_document_context(gaz):
    # 朝阳区 exists in Beijing and in Changchun
    assert resolved(gaz, "吉林省长春市召开会议,朝阳区代表发言") == ["吉林省长春市", "吉林省长春市朝阳区"]
    assert resolved(gaz, "昆明与北京市朝阳区建立友好市区关系。昆明市与朝阳区签署协议")[-1] == "北京市朝阳区"
    # nothing decides: the better-known reading
    assert resolved(gaz, "朝阳区党政代表团") == ["北京市朝阳区"]


def test_short_county_name_needs_context(gaz):
    # 朝阳 alone is the prefecture-level city in Liaoning (higher level)
    assert resolved(gaz, "朝阳的发展") == ["辽宁省朝阳市"]
    assert resolved(gaz, "北京市朝阳区。朝阳将学习") == ["北京市朝阳区", "北京市朝阳区"]
    assert resolved(gaz, "浏阳的花炮") == []
    assert resolved(gaz, "长沙市下辖的浏阳") == ["湖南省长沙市", "湖南省长沙市浏阳市"]


@pytest.mark.parametrize("text", [
    "海淀区位于北京市城区西北部",      # 城区 is a word here
    "长江中游城市群省会城市",          # 长江 is a river
    "建立友好区市关系",                # 友好区 (伊春) is a common word
    "推进合作市场化改革",              # 合作市 (甘南)
    "沿着中山路前行",                  # 中山 as a road
])
def test_common_words_are_not_regions(gaz, text):
    names = resolved(gaz, text)
    assert not any(n.endswith(("城区", "友好区", "合作市", "中山市")) for n in names), names


@pytest.mark.parametrize("text", ["维护边界地区的长治久安", "两地做法大同小异", "祝愿两地人民福寿安康"])
def test_idioms_that_start_with_a_city_name_name_no_city(gaz, text):
    assert resolved(gaz, text) == []


def test_a_federation_of_a_province_is_not_the_province(gaz):
    text = "四川省工商联与北海市人民政府签署战略合作协议"
    mention = gaz.resolve(gaz.scan(text))[0]
    assert is_department(text, mention, government=False)


def test_departments_and_companies_are_not_the_region(gaz):
    text = "朝阳区与湖南省教育厅、湖南省卫健委、湖南省湘潭市分别签署合作框架协议"
    ms = [m for m in gaz.resolve(gaz.scan(text)) if m.region is not None]
    flags = [(m.surface, is_department(text, m)) for m in ms]
    assert flags == [("朝阳区", False), ("湖南省", True), ("湖南省", True), ("湖南省湘潭市", False)]
    t2 = "西城区金融街集团与北戴河新区管委加强合作"
    m2 = gaz.resolve(gaz.scan(t2))[0]
    assert is_department(t2, m2)


def test_publisher_region_from_source_and_credits(gaz):
    assert publisher_region(gaz, "秦皇岛报纸", "").name == "河北省秦皇岛市"
    assert publisher_region(gaz, None, "作者:admin 来源:贵阳日报 浏览次数:0").name == "贵州省贵阳市"
    assert publisher_region(gaz, None, "工作情况。(昆明日报 首席记者张某 通讯员李某)").name == "云南省昆明市"
    # an outlet's dateline: the outlet publishes, the place it filed from does not
    assert publisher_region(gaz, None, "浙江在线6月7日宁波讯 今天,省长会见客人。").name == "浙江省"
    assert publisher_region(gaz, "红网", "") is None
    assert publisher_region(gaz, "中安在线-安徽日报", "").name == "安徽省"  # a portal re-hosting a paper


def test_foreign_place_written_after_its_country(gaz):
    text = "市长会见了坦桑尼亚阿鲁沙市市长,并与阿鲁沙市签订意向书"
    names = resolved(gaz, text)
    assert names == ["坦桑尼亚阿鲁沙市", "坦桑尼亚阿鲁沙市"]
    assert resolved(gaz, "承德市与韩国庆州市签署友好交流协议书") == ["河北省承德市", "韩国庆州市"]


def test_foreign_name_that_is_also_chinese_needs_its_country(gaz):
    # 丽水市 is a city in Zhejiang and in Korea
    assert resolved(gaz, "丽水市召开会议") == ["浙江省丽水市"]
    assert resolved(gaz, "与韩国丽水市缔结友好城市") == ["韩国丽水市"]


def test_helpers(gaz):
    assert level_suffix(gaz.get("北京市朝阳区")) == "区"
    assert level_suffix(gaz.get("河北省秦皇岛市")) == "市"
    assert level_suffix(gaz.get("湖南省")) == "省"
    assert collapse(["北京市", "北京市朝阳区", "云南省昆明市"], gaz) == ["北京市朝阳区", "云南省昆明市"]


# ---- foreign place paths, Taiwan-usage names, 县 after a short county name (articles set) ----
def test_foreign_city_after_its_province_is_country_plus_city(gaz):
    # fragments of article 108 (traditional page, converted) and 111
    assert resolved(gaz, "山西省运城市与南韩京畿道义王市") == ["山西省运城市", "韩国义王市"]
    assert resolved(gaz, "黑龙江省大庆市与南韩忠清北道忠州市") == ["黑龙江省大庆市", "韩国忠州市"]
    assert resolved(gaz, "大韩民国江原特别自治道原州市") == ["韩国原州市"]
    assert resolved(gaz, "贵州省贵阳市与希腊伯罗奔尼撒省泰瑞波利斯市") == ["贵州省贵阳市", "希腊泰瑞波利斯市"]


def test_unknown_foreign_region_and_city_after_a_country(gaz):
    assert resolved(gaz, "广东省中山市与智利纽夫莱大区奇廉市") == ["广东省中山市", "智利奇廉市"]
    assert resolved(gaz, "甘肃省敦煌市与尼泊尔蓝毗尼文化市") == ["甘肃省酒泉市敦煌市", "尼泊尔蓝毗尼文化市"]


def test_foreign_county_is_not_the_chinese_namesake(gaz):
    assert resolved(gaz, "云南省玉溪市元江县与寮国永珍省万荣县") == [
        "云南省玉溪市元江哈尼族彝族傣族自治县", "老挝万荣县"]


def test_korean_metropolitan_cities_are_named_as_cities(gaz):
    assert gaz.get("韩国釜山市") is not None and gaz.get("韩国釜山广域市") is None
    assert resolved(gaz, "上海市与韩国釜山广域市") == ["上海市", "韩国釜山市"]


def test_acting_county_head_is_not_daixian(gaz):
    assert resolved(gaz, "县委副书记、代县长郑建忠") == []


def test_a_daily_named_by_a_city_that_names_a_district_elsewhere_is_the_citys(gaz):
    assert publisher_region(gaz, "中山日报", "").name == "广东省中山市"


def test_outlet_named_by_a_county_short_name(gaz):
    region = publisher_region(gaz, "苍南新闻网", "")
    assert region is not None and region.name == "浙江省温州市苍南县"


@pytest.mark.parametrize(("text", "names"), [
    # a zone after its city's short name keeps it; after the full name, the zone's own name follows
    ("芜湖经济技术开发区与铜陵市签约", ["安徽省芜湖市芜湖经济技术开发区", "安徽省铜陵市"]),
    ("西安市浐灞生态区和宝鸡高新区", ["陕西省西安市", "陕西省宝鸡市宝鸡高新区"]),
    ("湖北省襄阳市东津新区管委会。东津新区", ["湖北省襄阳市东津新区", "湖北省襄阳市东津新区"]),
    # a zone of a county-level unit is named under the prefecture, as written
    ("寿光经济开发区", ["山东省潍坊市寿光经济开发区"]),
    # one zone per city and kind: the abbreviation is the name the page gives in full
    ("芜湖经开区负责人介绍,芜湖经济技术开发区", ["安徽省芜湖市芜湖经济技术开发区"] * 2),
    ("芜湖经开区", ["安徽省芜湖市芜湖经济技术开发区"]),
    # a zone whose name does not start with a region is not guessed
    ("中德南通产业园", ["江苏省南通市"]),
])
def test_development_zones_are_regions_of_their_city(gaz, text, names):
    assert resolved(gaz, text) == names


def test_zone_is_a_descendant_of_its_city(gaz):
    assert gaz.is_ancestor("安徽省芜湖市", "安徽省芜湖市芜湖经济技术开发区")
    assert gaz.is_ancestor("安徽省", "安徽省芜湖市芜湖经济技术开发区")
    assert not gaz.is_ancestor("安徽省铜陵市", "安徽省芜湖市芜湖经济技术开发区")
    assert not gaz.is_ancestor("安徽省芜湖市芜湖经济技术开发区", "安徽省芜湖市芜湖经济技术开发区")


def test_conjunction_before_a_region_is_not_read_into_a_short_name(gaz):
    # 和龙 is 和龙市, but in 广州和龙岩 the 和 joins 广州 and 龙岩
    assert resolved(gaz, "广州和龙岩") == ["广东省广州市", "福建省龙岩市"]
    assert resolved(gaz, "和龙市") == ["吉林省延边朝鲜族自治州和龙市"]


def test_a_level_the_known_foreign_name_lacks_names_that_unit(gaz):
    # the list has 肯尼亚蒙巴萨市; the text names the county
    assert resolved(gaz, "山西省与肯尼亚蒙巴萨郡") == ["山西省", "肯尼亚蒙巴萨郡"]
    assert resolved(gaz, "美国加州州长") == ["美国加利福尼亚州"]


def test_autonomous_prefecture_short_name_with_its_level(gaz):
    assert resolved(gaz, "黔东南州凯里市") == ["贵州省黔东南苗族侗族自治州凯里市"]


@pytest.mark.parametrize(("text", "names"), [
    ("川渝两地签署", ["四川省", "重庆市"]),
    ("京津冀协同办公室", ["北京市", "天津市", "河北省"]),
    ("出席闽台合作论坛", ["福建省", "台湾省"]),
    # not before a word of cooperation, or a company's name
    ("推进粤港澳大湾区建设", []),
    ("融入京津冀协同发展", []),  # the national strategy, not its members
    ("苏宁合作", []),
    ("创新合作", []),
])
def test_province_abbreviations_written_together(gaz, text, names):
    assert resolved(gaz, text) == names


def test_region_for_names_a_document_made(gaz):
    zone = gaz.region_for("浙江省嘉兴市嘉兴经济技术开发区")
    assert (zone.level, zone.province, zone.longitude) == ("zone", "浙江省", gaz.get("浙江省嘉兴市").longitude)
    assert (gaz.region_for("韩国义王市").country, gaz.region_for("韩国义王市").level) == ("韩国", "prefecture")
    assert gaz.region_for("日本金崎町").level == "prefecture" and gaz.region_for("泰国清迈府").level == "province"
    assert gaz.region_for("湖北省武汉市光谷") is None
    assert gaz.region_for("浙江省嘉兴市") == gaz.get("浙江省嘉兴市")


def test_foreign_place_after_its_province_or_alone(gaz):
    # a district under its province; a place whose "province" reading would swallow a verb
    assert resolved(gaz, "与哈萨克斯坦阿拉木图州梅德乌区签署") == ["哈萨克斯坦梅德乌区"]
    assert resolved(gaz, "与格鲁吉亚卡赫季州签署建立友好省州关系协议书") == ["格鲁吉亚卡赫季州"]
    assert resolved(gaz, "美国地区") == ["美国"]


def test_full_names_of_counties_with_a_common_word_stem_need_no_anchor(gaz):
    # the stem is a common word (神农架 the forest, 石柱 a pillar), the full name is not
    assert resolved(gaz, "神农架林区与随州市") == ["湖北省神农架林区", "湖北省随州市"]
    assert resolved(gaz, "石柱土家族自治县") == ["重庆市石柱土家族自治县"]
    assert resolved(gaz, "合作市场") == []  # a one-character suffix can begin another word


def test_a_weak_name_before_its_own_organ_is_the_division(gaz):
    # 赤壁 is also a battle and a cliff: alone it needs its city; with its government it does not
    assert resolved(gaz, "赤壁市人民政府与衢江区人民政府") == ["湖北省咸宁市赤壁市", "浙江省衢州市衢江区"]
    assert resolved(gaz, "赤壁市和衢江区。赤壁市委书记") == ["湖北省咸宁市赤壁市", "浙江省衢州市衢江区", "湖北省咸宁市赤壁市"]
    assert resolved(gaz, "赤壁市场") == []


def test_a_known_foreign_short_name_with_another_level(gaz):
    # the list has 日本山梨县; the text names the city, in a document that names Japan
    assert resolved(gaz, "日本友人。山梨市与萧山区") == ["日本", "日本山梨市", "浙江省杭州市萧山区"]
    assert resolved(gaz, "美国。加州市场") == ["美国", "美国加利福尼亚州"]
    # the list has 土耳其安塔利亚市; no Chinese place is called 安塔利亚, so no country need be named
    assert resolved(gaz, "安徽省与安塔利亚省政府签署") == ["安徽省", "土耳其安塔利亚省"]


def test_a_foreign_name_with_its_level_needs_no_country(gaz):
    # no Chinese place is called 悉尼市 or 加州; where a word goes on, it is no place (吴市长 is
    # mayor Wu, 中部省份 the central provinces, 加州市场 a market)
    assert resolved(gaz, "武汉市与悉尼市6日在悉尼市政厅正式签署") == ["湖北省武汉市", "澳大利亚悉尼市", "澳大利亚悉尼市"]
    assert resolved(gaz, "江苏省与加州缔结友好省州") == ["江苏省", "美国加利福尼亚州"]
    assert resolved(gaz, "广州市与三藩市签署") == ["广东省广州市", "美国旧金山市"]
    assert resolved(gaz, "吴市长会见了中部省份客人。加州市场") == []
    # a place the list lacks, after a known province of its country (北海道美呗市), but not a run
    # of words that holds a Chinese place (艾奥瓦州出席河北省)
    assert resolved(gaz, "北海道美呗市和花莲县富里乡签署") == ["日本美呗市", "台湾省花莲县富里乡"]
    assert "河北省" in resolved(gaz, "来到艾奥瓦州出席河北省与艾州建立友好省州关系")


def test_a_count_after_a_country_is_no_place_and_taiwan_county_seats(gaz):
    assert resolved(gaz, "广西与越南边境四省党委书记") == ["广西壮族自治区", "越南"]
    assert resolved(gaz, "提升四川与俄罗斯有关地区友好合作水平") == ["四川省", "俄罗斯"]  # a word, no place
    # an autonomous county's stem with its level is its name, whatever follows (长阳县委, 长阳县政协)
    assert resolved(gaz, "长阳县委书记出席") == ["湖北省宜昌市长阳土家族自治县"]
    # 宜兰市 is the city inside 宜兰县 that bears its name
    assert resolved(gaz, "宜兰市与美国马里兰州洛克维尔市缔结姊妹市") == ["台湾省宜兰县宜兰市", "美国洛克维尔市"]


def test_a_shared_district_name_is_that_of_the_city_named(gaz):
    # 泰山区 is a district of 泰安市 and of 新北市: the page names 泰安市
    assert resolved(gaz, "泰安市人民政府 泰山区与灵璧县缔结为友好县区")[:2] == ["山东省泰安市", "山东省泰安市泰山区"]
    assert "山东省泰安市泰山区" not in resolved(gaz, "泰山区与灵璧县缔结为友好县区")


def test_towns_listed_by_bare_names_before_their_count(gaz):
    text = "相互毗邻的上海市金山区廊下、吕巷、张堰与浙江省平湖市广陈、新仓五镇,本就人缘相亲"
    names = resolved(gaz, text)
    assert {"上海市金山区廊下镇", "上海市金山区吕巷镇", "上海市金山区张堰镇", "浙江省嘉兴市平湖市广陈镇",
            "浙江省嘉兴市平湖市新仓镇"} <= set(names)
    # without the count the bare names stay words
    assert "上海市金山区廊下镇" not in resolved(gaz, "上海市金山区廊下、吕巷一带")


def test_a_name_listed_among_siblings_takes_their_province(gaz):
    # 中山 alone is a common word (and a district of 大连); between 珠海 and 江门 it is 广东省中山市
    assert resolved(gaz, "珠海、中山、江门三地") == ["广东省珠海市", "广东省中山市", "广东省江门市"]
    assert resolved(gaz, "中山大学") == []
    # a county-level unit under the province itself stands among the province's cities
    assert resolved(gaz, "孝感、宜昌和神农架三地") == ["湖北省孝感市", "湖北省宜昌市", "湖北省神农架林区"]


def test_the_production_and_construction_corps_is_a_provincial_unit(gaz):
    assert resolved(gaz, "新疆生产建设兵团与浙江省") == ["新疆生产建设兵团", "浙江省"]
    assert gaz.get("新疆生产建设兵团").level == "province"


def test_xinjiang_prefectures_by_their_first_character(gaz):
    assert resolved(gaz, "吉林延边州与新疆巴州") == ["吉林省延边朝鲜族自治州", "新疆维吾尔自治区巴音郭楞蒙古自治州"]
    assert resolved(gaz, "俄罗斯乌里扬诺夫斯克州") == ["俄罗斯乌里扬诺夫斯克州"]


def test_names_before_a_count_of_provinces_are_provinces(gaz):
    assert resolved(gaz, "天津与河北两省市签署合作协议") == ["天津市", "河北省"]
    assert resolved(gaz, "河北区与红桥区") == ["天津市河北区", "天津市红桥区"]


def test_a_word_county_between_two_counties_of_other_provinces(gaz):
    assert resolved(gaz, "通道侗族自治县、资源县和城步苗族自治县签订协议")[1] == "广西壮族自治区桂林市资源县"


def test_formal_country_names_and_dashed_transliterations(gaz):
    assert resolved(gaz, "德兴市和匈牙利共和国蒂萨新市签署") == ["江西省上饶市德兴市", "匈牙利蒂萨新市"]
    assert resolved(gaz, "湖南省与俄罗斯联邦乌里扬诺夫斯克州") == ["湖南省", "俄罗斯乌里扬诺夫斯克州"]
    assert resolved(gaz, "云南省与匈牙利巴奇—基什孔州") == ["云南省", "匈牙利巴奇—基什孔州"]


def test_a_district_named_like_a_zone_is_the_district(gaz):
    assert resolved(gaz, "我州与上海浦东新区签署") == ["上海市浦东新区"]


def test_national_new_areas_written_with_their_province(gaz):
    assert resolved(gaz, "四川天府新区与重庆两江新区") == ["四川省成都市四川天府新区", "重庆市两江新区"]
    assert resolved(gaz, "贵州贵安新区") == ["贵州省贵阳市贵州贵安新区"]  # and no 安新县 inside it
    assert gaz.is_ancestor("四川省成都市", "四川省成都市四川天府新区")


def test_a_list_of_provinces_after_their_country(gaz):
    # 河江 alone is the city, 莱州 a Chinese one: after 越南, in a list of its provinces, provinces
    both = ["越南河江省", "越南老街省", "越南莱州省", "越南奠边省", "云南省"]
    assert resolved(gaz, "越南河江、老街、莱州、奠边省与中国云南省") == both
    assert resolved(gaz, "越南河江、老街、莱州和奠边与中国云南省") == both
    assert resolved(gaz, "越南河江与云南省") == ["越南河江市", "云南省"]  # one name is no list
    assert resolved(gaz, "莱州市") == ["山东省烟台市莱州市"]


def test_free_trade_zone_areas_are_zones_of_their_city(gaz):
    assert resolved(gaz, "中国（四川）自由贸易试验区泸州片区与宜宾片区签署") == [
        "四川省泸州市中国(四川)自由贸易试验区泸州片区", "四川省宜宾市中国(四川)自由贸易试验区宜宾片区"]
    assert resolved(gaz, "湖北自贸试验区宜昌片区管委会") == ["湖北省宜昌市中国(湖北)自由贸易试验区宜昌片区"]
    # no zone named on the page: 片区 is any area (鄂西北片区), and the city stays the city
    assert resolved(gaz, "宜宾片区推介会") == ["四川省宜宾市"]
    # the bare area in a page that names the zone, a county-level area under its city
    assert resolved(gaz, "福建自贸试验区厦门片区与平潭片区") == [
        "福建省厦门市中国(福建)自由贸易试验区厦门片区", "福建省福州市平潭县中国(福建)自由贸易试验区平潭片区"]


def test_a_special_zone_of_a_city_but_no_special_economic_zone(gaz):
    assert resolved(gaz, "代表团到湖北省十堰市武当山特区考察") == ["湖北省十堰市武当山特区"]
    assert resolved(gaz, "深圳经济特区") == ["广东省深圳市"]


def test_a_county_short_name_before_its_own_delegation(gaz):
    assert resolved(gaz, "县长郑某率苍南党政代表团赴四川省阿坝州红原县考察")[0] == "浙江省温州市苍南县"
    assert resolved(gaz, "合作代表团到访") == []  # a word is no county, delegation or not


def test_small_countries_of_friendship_news(gaz):
    assert resolved(gaz, "江苏省与所罗门群岛马莱塔省签署") == ["江苏省", "所罗门群岛马莱塔省"]
    assert resolved(gaz, "中非合作论坛") == []  # China-Africa, not the Central African Republic


def test_former_names_are_the_regions_that_hold_their_territory_now(gaz):
    assert resolved(gaz, "卢湾区文化局") == ["上海市黄浦区"]
    assert resolved(gaz, "襄樊市") == ["湖北省襄阳市"]
    assert resolved(gaz, "湖北省襄樊、宜昌两市") == ["湖北省襄阳市", "湖北省宜昌市"]
    # a county that became a city, written with its old suffix (no row needed)
    assert resolved(gaz, "浙江省新昌县与桐乡县") == ["浙江省绍兴市新昌县", "浙江省嘉兴市桐乡市"]
    # a stem that is also a word is no division with another suffix (友好区 is in 伊春)
    assert resolved(gaz, "结为友好县区") == []


def test_a_town_the_table_lists_under_a_county_the_text_names(gaz):
    assert resolved(gaz, "庆元县屏都街道与淤上乡") == ["浙江省丽水市庆元县屏都街道", "浙江省丽水市庆元县淤上乡"]
    assert resolved(gaz, "嘉善县党政代表团到屏都街道考察") == ["浙江省嘉兴市嘉善县"]  # not 庆元's without 庆元


def test_a_district_of_a_foreign_city(gaz):
    assert resolved(gaz, "白俄罗斯明斯克市列宁区与长宁区。列宁区区长") == ["白俄罗斯明斯克市列宁区"] * 2
    assert resolved(gaz, "韩国首尔地区") == ["韩国首尔市"]  # 地区 is no district


def test_a_former_name_another_division_still_bears_needs_its_parent(gaz):
    assert resolved(gaz, "重庆市双桥区") == ["重庆市大足区"]
    assert resolved(gaz, "承德市双桥区") == ["河北省承德市双桥区"]
    assert resolved(gaz, "双桥区") == []


def test_a_publisher_named_in_book_title_marks(gaz):
    from cooperation_pipeline.core.regions import publisher_region

    assert publisher_region(gaz, "《吉林日报》", "").name == "吉林省"


def test_the_districts_the_source_package_lacks(gaz):
    assert resolved(gaz, "重庆市渝北区与重庆市江北区") == ["重庆市渝北区", "重庆市江北区"]


def test_a_town_written_after_its_county(gaz):
    assert resolved(gaz, "叙永县分水镇与威信县双河苗族彝族乡签订协议,分水镇党委书记出席") == [
        "四川省泸州市叙永县分水镇", "云南省昭通市威信县双河苗族彝族乡", "四川省泸州市叙永县分水镇"]
    assert resolved(gaz, "平利县乡村振兴局") == ["陕西省安康市平利县"]  # 乡村振兴 is no town


def test_region_for_describes_towns_and_foreign_districts(gaz):
    assert gaz.region_for("四川省泸州市叙永县分水镇").level == "town"
    assert gaz.region_for("白俄罗斯明斯克市苏维埃区").country == "白俄罗斯"


def test_a_word_like_a_town_after_a_county_is_none():
    # 城镇, 集镇 (words) and 考察城乡 (a run ending in one) are no towns of 资中县; 港城镇 would be
    gaz = Gazetteer.load()
    for text in ("资中县城镇化建设与内江市签署协议。", "资中县集镇与内江市签署协议。", "巴南区代表团到资中县考察城乡融合。"):
        mentions = gaz.scan(text)
        gaz.resolve(mentions)
        assert all(m.region is None or m.region.level != "town" for m in mentions), text
