"""Incremental updates through `coop run`: changed, deleted, renamed, duplicated files; batch re-runs."""

import datetime
import shutil

import dagster as dg
import duckdb

from cooperation_pipeline.cli import main
from cooperation_pipeline.settings import load_settings
from cooperation_pipeline_tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


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


def _events_merged_from_scratch():
    """What `events` holds if every current mention is merged again, in ingestion order."""
    from cooperation_pipeline.assets.events import CURRENT_DOCUMENTS_SQL
    from cooperation_pipeline.core.merging import merge_mentions
    from cooperation_pipeline.warehouse import Warehouse

    with Warehouse(load_settings().warehouse).query_connection() as con:
        mentions = con.sql(f"""SELECT m.* FROM event_mentions m JOIN ({CURRENT_DOCUMENTS_SQL}) c USING (doc_id)
                               ORDER BY c.ingested_at, m.doc_id, m.mention_id""").to_arrow_table().to_pylist()
    return merge_mentions(mentions)


EVENT_COLUMNS = ("event_id", "event_type", "parties", "date", "agreements", "domains", "evidence", "background",
                 "mention_count", "doc_ids")


def _as_rows(events):
    return sorted(tuple(tuple(v) if isinstance(v, list) else v for v in (e[c] for c in EVENT_COLUMNS)) for e in events)


def test_events_updated_group_by_group_equal_events_merged_from_scratch(inbox, monkeypatch):
    """Synthetic articles mixed from real sentences share parties across files, so later files join
    groups merged earlier; a changed and a deleted file take mentions out of them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus", SEEDS.parents[1] / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    monkeypatch.setenv("COOP_MAX_BATCH_FILES", "30")
    paths = corpus.write_corpus(inbox, 40, seed=3)
    assert main(["run"]) == 0
    corpus.write_corpus(inbox, 20, seed=4, start=40)
    paths[0].write_text(paths[1].read_text(encoding="utf-8")[::-1] + "\n", encoding="utf-8")  # changed
    paths[2].unlink()  # deleted
    assert main(["run"]) == 0
    stored = _query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events")
    assert len(stored) > 20
    assert _as_rows([dict(zip(EVENT_COLUMNS, row)) for row in stored]) == _as_rows(_events_merged_from_scratch())
    assert _query("SELECT max(mention_count) FROM events")[0][0] > 1  # groups did grow across files
    with dg.DagsterInstance.get() as instance:
        latest = instance.get_latest_materialization_event(dg.AssetKey("events")).asset_materialization.metadata
    assert 0 < latest["groups_remerged"].value < latest["groups_kept"].value + latest["groups_remerged"].value
    assert _officials() == _officials_linked_from_scratch()


def _officials():
    return sorted(_query("SELECT name, region, regions, mention_count FROM officials"), key=repr)


def _officials_linked_from_scratch():
    """People as link_people finds them over every current mention at once."""
    from collections import defaultdict

    from cooperation_pipeline.assets.entities import CURRENT_OFFICIAL_MENTIONS_SQL
    from cooperation_pipeline.core.officials import link_people
    from cooperation_pipeline.warehouse import Warehouse

    with Warehouse(load_settings().warehouse).query_connection() as con:
        mentions = con.sql(CURRENT_OFFICIAL_MENTIONS_SQL).to_arrow_table().to_pylist()
    people = defaultdict(list)
    for m in link_people(mentions):
        people[m["person_key"]].append(m)
    rows = []
    for group in people.values():
        latest = max(group, key=lambda m: m["publish_date"] or datetime.date(1900, 1, 1))
        regions = sorted({m["region"] for m in group if m["region"]}) or None
        rows.append((group[0]["name"], latest["region"], regions, len(group)))
    return sorted(rows, key=repr)


def test_a_near_duplicate_in_a_later_batch_points_to_the_earliest_copy(inbox):
    text = SEED_FILES[4].read_text(encoding="utf-8")
    (inbox / "first.txt").write_text(text, encoding="utf-8")
    assert main(["run"]) == 0
    (inbox / "repost.txt").write_text("转载自某某网\n" + text + "\n(责任编辑:张三)\n", encoding="utf-8")
    assert main(["run"]) == 0
    (inbox / "again.txt").write_text("来源:另一网站\n" + text, encoding="utf-8")
    (inbox / "other.txt").write_text(SEED_FILES[3].read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["run"]) == 0
    rows = dict(_query("""SELECT d.source_path, (SELECT source_path FROM documents f WHERE f.doc_id = c.duplicate_of)
                          FROM cleaned_documents c JOIN documents d USING (doc_id)"""))
    assert rows == {"first.txt": None, "repost.txt": "first.txt", "again.txt": "first.txt", "other.txt": None}
    assert len({b for (b,) in _query("SELECT DISTINCT batch_id FROM documents")}) == 3


def test_one_metric_of_the_metrics_step_can_be_materialized_alone(inbox):
    from cooperation_pipeline.definitions import build_definitions
    from cooperation_pipeline.resources import CoopResource

    shutil.copy(SEED_FILES[4], inbox / "xicheng.txt")
    assert main(["run"]) == 0
    warehouse = CoopResource.from_settings().warehouse()
    before = {t: warehouse.whole_file(t).stat().st_mtime_ns for t in ("region_pairs", "domain_trends")}
    job = build_definitions().resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, asset_selection=[dg.AssetKey("domain_trends")])
    assert result.success
    assert [e.asset_key.to_user_string() for e in result.get_asset_materialization_events()] == ["domain_trends"]
    after = {t: warehouse.whole_file(t).stat().st_mtime_ns for t in ("region_pairs", "domain_trends")}
    assert after["region_pairs"] == before["region_pairs"] and after["domain_trends"] > before["domain_trends"]
