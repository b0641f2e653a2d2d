import os

import duckdb
import pyarrow as pa
import pytest

from cooperation_pipeline.warehouse import SCHEMAS, Warehouse, WarehouseMissing


def _mentions(n: int) -> pa.Table:
    rows = [{"mention_id": f"m{i}", "doc_id": "d", "event_type": "joint_meeting", "parties": ["甲", "乙"],
             "date": None, "event_date": None, "agreements": [], "domains": [], "evidence": "…",
             "background": False, "batch_id": "b1"} for i in range(n)]
    return pa.Table.from_pylist(rows, schema=SCHEMAS["event_mentions"])


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.write("event_mentions", _mentions(3), batch_id="b1")
    warehouse.write("event_mentions", _mentions(2), batch_id="b1")  # a re-run replaces, never appends
    files = sorted(p.name for p in (tmp_path / "event_mentions").iterdir())
    assert files == ["b1.parquet"]
    assert warehouse.read_all("event_mentions").num_rows == 2


def test_failed_write_keeps_the_previous_file(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.write("event_mentions", _mentions(3), batch_id="b1")
    with pytest.raises(Exception):
        warehouse.write("event_mentions", pa.table({"mention_id": ["x"]}), batch_id="b1")
    assert warehouse.read_batch("event_mentions", "b1").num_rows == 3
    assert not [p for p in (tmp_path / "event_mentions").iterdir() if p.name.startswith(".")]


def test_views_exist_before_data_and_see_new_batches_without_rebuild(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.ensure_schemas()
    assert warehouse.publish_views() is True
    with warehouse.connect_readonly() as con:
        assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 0
    warehouse.write("event_mentions", _mentions(4), batch_id="b1")
    assert warehouse.publish_views() is False  # same view set: the file is not rewritten
    with warehouse.connect_readonly() as con:
        assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 4


def test_readers_keep_reading_while_views_are_republished(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.ensure_schemas()
    warehouse.write("event_mentions", _mentions(1), batch_id="b1")
    warehouse.publish_views()
    reader = duckdb.connect(str(warehouse.duckdb_path), read_only=True)
    warehouse.write_query("region_pairs", "SELECT 'a' AS region_a, 'b' AS region_b, 1 AS event_count")
    assert warehouse.publish_views() is True  # a new table appeared: rebuilt by rename, reader unaffected
    assert reader.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 1
    reader.close()
    with warehouse.connect_readonly() as con:
        assert con.execute("SELECT region_a FROM region_pairs").fetchall() == [("a",)]


def test_querying_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(WarehouseMissing, match="coop run"):
        Warehouse(tmp_path / "none").connect_readonly()


def test_views_use_absolute_paths_so_any_working_directory_works(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path / "wh")
    warehouse.ensure_schemas()
    warehouse.write("event_mentions", _mentions(2), batch_id="b1")
    warehouse.publish_views()
    monkeypatch.chdir(tmp_path)
    os.makedirs("elsewhere")
    monkeypatch.chdir("elsewhere")
    with duckdb.connect(str(warehouse.duckdb_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 2
