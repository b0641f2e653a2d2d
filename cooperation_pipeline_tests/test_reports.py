"""The report assets on the seeds' warehouse: PNG files whose drawn data equals the tables."""

import struct
from collections import Counter, defaultdict

import dagster as dg

from cooperation_pipeline.assets.reports import report_path
from cooperation_pipeline.core.charts import network_chart, timeline_chart
from cooperation_pipeline.definitions import defs
from cooperation_pipeline.warehouse import Warehouse


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def _rows(con, sql):
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_report_assets_are_wired_in_the_reports_group():
    specs = {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}
    for name in ("cooperation_network", "event_timeline"):
        assert specs[name].group_name == "reports"
        assert specs[name].kinds >= {"matplotlib", "png"}
    assert {dep.asset_key for dep in specs["cooperation_network"].deps} == {
        dg.AssetKey("regions"), dg.AssetKey("region_pairs")}
    assert "reconcile" in [job.name for job in defs.resolve_all_job_defs()]


def test_pngs_are_written_by_the_pipeline(seed_pipeline):
    warehouse = Warehouse(seed_pipeline.warehouse)
    for name in ("cooperation_network", "event_timeline"):
        path = report_path(warehouse, name)
        assert path.parent == seed_pipeline.warehouse.resolve() / "reports"
        width, height = _png_size(path)
        assert 500 < width < 3000 and 400 < height < 3000, (name, width, height)
        assert 10_000 < path.stat().st_size < 2_000_000
    assert not list((seed_pipeline.warehouse / "reports").glob(".*.tmp"))


def test_network_edges_are_region_pairs(seed_db):
    pairs = _rows(seed_db, "SELECT * FROM region_pairs")
    chart = network_chart(_rows(seed_db, "SELECT * FROM regions"), pairs)
    assert chart.data["edges"] == sorted((p["region_a"], p["region_b"], p["event_count"]) for p in pairs)
    assert {n["name"] for n in chart.data["nodes"]} == {r[0] for r in seed_db.execute(
        "SELECT DISTINCT unnest(parties) FROM events").fetchall()}
    assert chart.data["layout"] == "geographic"  # every seed region is in the gazetteer
    assert "北京市朝阳区" in {n["name"] for n in chart.data["nodes"]}


def test_timeline_is_events_per_year(seed_db):
    chart = timeline_chart(_rows(seed_db, "SELECT * FROM events"))
    expected: dict = defaultdict(Counter)
    for year, event_type, n in seed_db.execute(
            "SELECT CASE WHEN regexp_matches(date, '^[0-9]{4}') THEN CAST(substr(date, 1, 4) AS INTEGER) END, "
            "event_type, count(*) FROM events GROUP BY ALL").fetchall():
        expected[year][event_type] = n
    assert chart.data["counts"] == {y: dict(c) for y, c in expected.items()}
    # The seeds' gold has events in 2013, 2015, 2017 and 2024, and some with no year.
    assert {2013, 2015, 2017, 2024, None} <= set(chart.data["counts"])


def test_materialization_metadata_embeds_the_picture_and_figures(seed_pipeline):
    instance = dg.DagsterInstance.from_config(str(seed_pipeline.dagster_home))
    for name, figures in (("cooperation_network", ("regions", "region_pairs", "share_located", "network_density")),
                          ("event_timeline", ("events", "events_per_document", "share_year_known"))):
        record = instance.get_latest_materialization_event(dg.AssetKey(name))
        assert record is not None, name
        metadata = record.asset_materialization.metadata
        assert metadata["picture"].value.startswith("![")
        assert "data:image/png;base64," in metadata["picture"].value
        for key in figures:
            assert isinstance(metadata[key].value, (int, float)), (name, key)
    network = instance.get_latest_materialization_event(dg.AssetKey("cooperation_network"))
    assert network.asset_materialization.metadata["share_located"].value == 1.0
