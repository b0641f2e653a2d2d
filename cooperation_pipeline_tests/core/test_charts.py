"""The drawing code: PNG bytes out, and the data on the picture is the data that went in."""

import struct

import pytest

from cooperation_pipeline.core import charts
from cooperation_pipeline.core.charts import (MissingCJKFont, event_year, events_per_year, find_cjk_font,
                                              network_chart, timeline_chart)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


REGIONS = [
    {"name": "北京市朝阳区", "province": "北京市", "country": "中国", "longitude": 116.44, "latitude": 39.92,
     "event_count": 3},
    {"name": "北京市西城区", "province": "北京市", "country": "中国", "longitude": 116.37, "latitude": 39.91,
     "event_count": 1},
    {"name": "湖南省长沙市", "province": "湖南省", "country": "中国", "longitude": 112.94, "latitude": 28.23,
     "event_count": 2},
    {"name": "韩国庆州市", "province": None, "country": "韩国", "longitude": None, "latitude": None,
     "event_count": 1},
]
PAIRS = [
    {"region_a": "北京市朝阳区", "region_b": "湖南省长沙市", "event_count": 2},
    {"region_a": "北京市朝阳区", "region_b": "北京市西城区", "event_count": 1},
    {"region_a": "北京市朝阳区", "region_b": "韩国庆州市", "event_count": 1},
]


def test_a_cjk_font_is_found():
    assert "CJK" in find_cjk_font() or find_cjk_font() in charts.CJK_FAMILIES


def test_missing_font_names_the_package(monkeypatch):
    monkeypatch.setattr(charts, "CJK_FAMILIES", ("No Such Font XYZ",))
    with pytest.raises(MissingCJKFont, match="fonts-noto-cjk"):
        find_cjk_font()


def test_network_chart_draws_every_pair_and_places_unlocated_regions():
    chart = network_chart(REGIONS, PAIRS)
    width, height = png_size(chart.png)
    assert 600 < width < 3000 and 400 < height < 3000
    assert chart.data["edges"] == sorted((p["region_a"], p["region_b"], p["event_count"]) for p in PAIRS)
    assert chart.data["layout"] == "geographic+spring"
    nodes = {n["name"]: n for n in chart.data["nodes"]}
    assert set(nodes) == {r["name"] for r in REGIONS}
    assert nodes["韩国庆州市"]["group"] == "韩国" and nodes["湖南省长沙市"]["group"] == "湖南省"
    # Geography kept: Beijing is north of Changsha; the two Beijing districts pulled apart to be readable.
    assert nodes["北京市朝阳区"]["y"] > nodes["湖南省长沙市"]["y"]
    beijing = (nodes["北京市朝阳区"], nodes["北京市西城区"])
    assert abs(beijing[0]["x"] - beijing[1]["x"]) + abs(beijing[0]["y"] - beijing[1]["y"]) > 0.05


def test_network_chart_without_coordinates_uses_a_spring_layout():
    bare = [{"name": r["name"], "event_count": r["event_count"]} for r in REGIONS]
    chart = network_chart(bare, PAIRS)
    assert chart.data["layout"] == "spring"
    png_size(chart.png)


def test_empty_inputs_still_draw():
    png_size(network_chart([], []).png)
    png_size(timeline_chart([]).png)


def test_timeline_counts_events_per_year_and_type():
    events = [
        {"event_type": "agreement_signing", "date": "2024-07-28"},
        {"event_type": "agreement_signing", "date": "2024"},
        {"event_type": "joint_meeting", "date": "2021-03"},
        {"event_type": "delegation_visit", "date": "--05-11"},
        {"event_type": "delegation_visit", "date": None},
    ]
    chart = timeline_chart(events)
    assert chart.data["counts"] == {2024: {"agreement_signing": 2}, 2021: {"joint_meeting": 1},
                                    None: {"delegation_visit": 2}}
    assert chart.data["years"] == [2021, 2022, 2023, 2024, None]
    png_size(chart.png)


def test_event_year():
    assert [event_year(d) for d in ("2013-11-23", "2015", "--05-10", None, "")] == [2013, 2015, None, None, None]
    assert events_per_year([]) == {}


def test_a_large_network_draws_its_heaviest_pairs_and_labels_its_busiest_regions():
    regions = [{"name": f"区{i:03d}", "event_count": i} for i in range(120)]
    pairs = [{"region_a": f"区{i:03d}", "region_b": f"区{(i + 1) % 120:03d}", "event_count": 1 + i % 7}
             for i in range(120)]
    chart = network_chart(regions, pairs, max_pairs=30)
    heaviest = sorted(pairs, key=lambda p: (-p["event_count"], p["region_a"], p["region_b"]))[:30]
    assert chart.data["edges"] == sorted((p["region_a"], p["region_b"], p["event_count"]) for p in heaviest)
    assert chart.data["total_pairs"] == 120
    drawn = {n["name"] for n in chart.data["nodes"]}
    assert drawn == {p[k] for p in heaviest for k in ("region_a", "region_b")}
    assert len(chart.data["labelled"]) == charts.MAX_LABELS
    busiest = sorted(drawn, key=lambda name: -int(name[1:]))[: charts.MAX_LABELS]
    assert set(chart.data["labelled"]) == set(busiest)
    png_size(chart.png)


def test_pictures_drawn_after_a_background_warm_up():
    from cooperation_pipeline.core import charts

    charts.warm_up_in_background()
    chart = charts.timeline_chart([{"date": "2024-05-01", "event_type": "agreement_signing"}])
    assert chart.png.startswith(b"\x89PNG") and not charts._warming.is_alive()
