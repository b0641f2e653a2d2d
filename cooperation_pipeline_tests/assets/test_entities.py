from cooperation_pipeline.assets.entities import gazetteer_rows


def test_regions_get_their_level_province_and_country_from_the_gazetteer():
    rows = {r["name"]: r for r in gazetteer_rows(["湖南省长沙市", "北京市朝阳区", "韩国义王市", "无此地"]).to_pylist()}
    assert (rows["湖南省长沙市"]["level"], rows["湖南省长沙市"]["province"], rows["湖南省长沙市"]["country"]) == (
        "prefecture", "湖南省", "中国")
    assert rows["北京市朝阳区"]["level"] == "county" and rows["北京市朝阳区"]["adcode"].startswith("110105")
    # A foreign city the curated list lacks still has its country, from its name.
    assert (rows["韩国义王市"]["country"], rows["韩国义王市"]["level"]) == ("韩国", "prefecture")
    assert rows["无此地"]["level"] is None
