"""Incremental updates through `coop run`: changed, deleted, renamed, duplicated files; batch re-runs."""

import shutil

import dagster as dg
import duckdb
import pytest

from cooperation_pipeline.cli import main
from cooperation_pipeline.settings import load_settings
from cooperation_pipeline_tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    for key, value in {"COOP_INBOX": tmp_path / "inbox", "COOP_WAREHOUSE": tmp_path / "warehouse",
                       "DAGSTER_HOME": tmp_path / "home", "COOP_SETTLE_SECONDS": "0"}.items():
        monkeypatch.setenv(key, str(value))
    (tmp_path / "inbox").mkdir()
    return tmp_path / "inbox"


def _query(sql, params=()):
    with duckdb.connect(str(load_settings().warehouse / "cooperation.duckdb"), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def _pairs():
    return {(a, b) for a, b in _query("SELECT region_a, region_b FROM region_pairs")}


def test_a_deleted_file_is_marked_and_its_events_leave_the_metrics(inbox):
    shutil.copy(SEED_FILES[4], inbox / "xicheng.txt")   # 北京市西城区 - 河北省秦皇岛市
    shutil.copy(SEED_FILES[3], inbox / "kunming.txt")   # 云南省昆明市 - 北京市朝阳区
    assert main(["run"]) == 0
    assert ("北京市西城区", "河北省秦皇岛市") in _pairs()
    (inbox / "xicheng.txt").unlink()
    assert main(["run"]) == 0
    rows = _query("SELECT source_path, status, deleted_at IS NOT NULL FROM documents ORDER BY 1")
    assert rows == [("kunming.txt", "processed", False), ("xicheng.txt", "processed", True)]
    assert ("北京市西城区", "河北省秦皇岛市") not in _pairs()
    assert ("云南省昆明市", "北京市朝阳区") in _pairs()


def test_a_deleted_file_that_comes_back_counts_again(inbox):
    shutil.copy(SEED_FILES[4], inbox / "xicheng.txt")
    assert main(["run"]) == 0
    kept = (inbox / "xicheng.txt").read_bytes()
    (inbox / "xicheng.txt").unlink()
    assert main(["run"]) == 0
    (inbox / "xicheng.txt").write_bytes(kept)
    assert main(["run"]) == 0
    assert ("北京市西城区", "河北省秦皇岛市") in _pairs()
    assert _query("SELECT count(*) FROM documents WHERE deleted_at IS NULL AND status = 'processed'") == [(1,)]


def test_renaming_a_file_is_not_new_work(inbox):
    shutil.copy(SEED_FILES[4], inbox / "old name.txt")
    assert main(["run"]) == 0
    events_before = _query("SELECT event_id, mention_count FROM events ORDER BY 1")
    (inbox / "old name.txt").rename(inbox / "new name.txt")
    assert main(["run"]) == 0
    assert _query("SELECT count(*) FROM cleaned_documents") == [(1,)]  # cleaned and extracted once
    assert _query("SELECT event_id, mention_count FROM events ORDER BY 1") == events_before
    rows = _query("SELECT source_path, deleted_at IS NOT NULL FROM documents ORDER BY 1")
    assert rows == [("new name.txt", False), ("old name.txt", True)]


def test_the_same_bytes_under_two_names_are_one_document(inbox):
    shutil.copy(SEED_FILES[2], inbox / "a.txt")
    shutil.copy(SEED_FILES[2], inbox / "copy of a.txt")
    assert main(["run"]) == 0
    assert _query("SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(2, 1)]
    assert _query("SELECT count(*) FROM cleaned_documents") == [(1,)]
    assert _query("SELECT max(mention_count) FROM events") == [(1,)]


def test_a_changed_file_supersedes_its_old_version_everywhere(inbox):
    shutil.copy(SEED_FILES[4], inbox / "a.txt")
    assert main(["run"]) == 0
    shutil.copy(SEED_FILES[3], inbox / "a.txt")
    assert main(["run"]) == 0
    statuses = _query("SELECT status, superseded_by IS NOT NULL FROM documents ORDER BY ingested_at")
    assert statuses == [("superseded", True), ("processed", False)]
    assert ("北京市西城区", "河北省秦皇岛市") not in _pairs() and ("云南省昆明市", "北京市朝阳区") in _pairs()


def test_rerunning_a_batch_replaces_its_rows_without_duplicates(inbox):
    for seed in SEED_FILES:
        shutil.copy(seed, inbox / seed.name)
    assert main(["run"]) == 0
    counts = {t: _query(f"SELECT count(*) FROM {t}")[0][0]
              for t in ("documents", "cleaned_documents", "event_mentions", "official_mentions", "events")}
    ingested = _query("SELECT source_path, ingested_at, batch_id FROM documents ORDER BY 1")
    settings = load_settings()
    from cooperation_pipeline.definitions import build_definitions
    from cooperation_pipeline.resources import CoopResource

    batch_id = ingested[0][2]
    with dg.DagsterInstance.get() as instance:
        job = build_definitions(CoopResource.from_settings(settings)).resolve_job_def("ingest_batch")
        assert job.execute_in_process(instance=instance, partition_key=batch_id).success
    assert {t: _query(f"SELECT count(*) FROM {t}")[0][0] for t in counts} == counts
    assert _query("SELECT source_path, ingested_at, batch_id FROM documents ORDER BY 1") == ingested


def test_a_backlog_of_batches_recomputes_the_all_batch_tables_once(inbox, monkeypatch):
    monkeypatch.setenv("COOP_MAX_BATCH_FILES", "2")
    for seed in SEED_FILES:
        shutil.copy(seed, inbox / seed.name)
    assert main(["run"]) == 0
    assert _query("SELECT count(DISTINCT batch_id), count(*) FROM documents WHERE status = 'processed'") == [(3, 5)]
    with dg.DagsterInstance.get() as instance:
        assert len(instance.get_runs()) == 3 and all(r.is_success for r in instance.get_runs())
        pairs = instance.fetch_materializations(dg.AssetKey("region_pairs"), limit=10).records
        assert len(pairs) == 1
    assert ("北京市西城区", "河北省秦皇岛市") in _pairs() and ("北京市朝阳区", "湖南省长沙市") in _pairs()
