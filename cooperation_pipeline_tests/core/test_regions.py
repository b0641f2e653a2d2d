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
    assert publisher_region(gaz, "红网", "") is None


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


def test_outlet_named_by_a_county_short_name(gaz):
    region = publisher_region(gaz, "苍南新闻网", "")
    assert region is not None and region.name == "浙江省温州市苍南县"
