"""The whole chain on the bundled seeds, through `coop run`, checked table by table in DuckDB."""

import json

import dagster as dg

from cooperation_pipeline.warehouse import CONTRACT, DOCUMENT_STATUSES, EVENT_TYPES
from cooperation_pipeline_tests.conftest import GOLD, SEEDS

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _columns(con, table):
    return {row[0]: row[1] for row in con.execute(f'DESCRIBE "{table}"').fetchall()}


def test_every_contract_table_is_a_view_with_its_columns(seed_db):
    for table, columns in CONTRACT.items():
        present = _columns(seed_db, table)
        assert set(columns) <= set(present), (table, set(columns) - set(present))
    types = _columns(seed_db, "documents") | _columns(seed_db, "cleaned_documents") | _columns(seed_db, "event_mentions")
    assert types["ingested_at"] == "TIMESTAMP" and types["publish_date"] == "DATE" and types["event_date"] == "DATE"
    assert types["quality_flags"] == "VARCHAR[]" and types["parties"] == "VARCHAR[]"


def test_every_seed_file_is_accounted_for_and_processed(seed_db):
    rows = seed_db.execute("SELECT source_path, status, byte_size, length(content_sha256) FROM documents ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == SEED_FILES
    assert all(r[1] == "processed" and r[2] > 0 and r[3] == 64 for r in rows)
    assert {r[0] for r in seed_db.execute("SELECT DISTINCT status FROM documents").fetchall()} <= set(DOCUMENT_STATUSES)


def test_cleaned_documents_are_simplified_text_with_titles(seed_db):
    rows = seed_db.execute("SELECT title, original_script, text, char_count FROM cleaned_documents").fetchall()
    assert len(rows) == len(SEED_FILES)
    assert sorted(r[1] for r in rows) == ["simplified"] * 4 + ["traditional"]
    assert sum(1 for r in rows if r[0]) == 4  # seed 000 has no headline line
    for _, _, text, char_count in rows:
        assert char_count == len(text) > 500
        assert "區" not in text and "(qū)" not in text and "</p>" not in text


def test_event_mentions_and_events_are_well_formed(seed_db):
    types = {r[0] for r in seed_db.execute("SELECT DISTINCT event_type FROM event_mentions").fetchall()}
    assert types <= set(EVENT_TYPES) and "agreement_signing" in types
    orphans = seed_db.execute(
        "SELECT count(*) FROM event_mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
    assert orphans == 0
    mentions, merged = seed_db.execute(
        "SELECT (SELECT count(*) FROM event_mentions), (SELECT sum(mention_count) FROM events)").fetchone()
    assert mentions == merged > 0
    assert seed_db.execute("SELECT count(*) FROM events WHERE len(parties) < 2").fetchone()[0] == 0


def test_region_pairs_show_the_seed_pairs(seed_db):
    pairs = {frozenset(r) for r in seed_db.execute("SELECT region_a, region_b FROM region_pairs").fetchall()}
    capitals = ["湖北省武汉市", "湖南省长沙市", "安徽省合肥市", "江西省南昌市"]
    expected = [
        {"北京市朝阳区", "湖南省长沙市"}, {"贵州省贵阳市", "北京市海淀区"}, {"云南省昆明市", "北京市朝阳区"},
        {"北京市西城区", "河北省秦皇岛市"},
    ] + [{a, b} for i, a in enumerate(capitals) for b in capitals[i + 1:]]
    missing = [sorted(p) for p in expected if frozenset(p) not in pairs]
    assert not missing, missing


def test_entity_and_metric_tables_agree_with_events(seed_db):
    regions = {r[0] for r in seed_db.execute("SELECT name FROM regions").fetchall()}
    in_events = {r[0] for r in seed_db.execute("SELECT DISTINCT unnest(parties) FROM events").fetchall()}
    assert regions == in_events
    assert seed_db.execute("SELECT count(*) FROM regions WHERE level IS NULL").fetchone()[0] == 0
    activity = seed_db.execute("SELECT sum(event_count) FROM region_activity").fetchone()[0]
    memberships = seed_db.execute("SELECT sum(len(parties)) FROM events").fetchone()[0]
    assert activity == memberships
    assert seed_db.execute("SELECT count(*) FROM officials").fetchone()[0] > 0
    assert seed_db.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    assert seed_db.execute("SELECT count(*) FROM domain_trends").fetchone()[0] > 0


def test_runs_and_checks_are_recorded_in_the_dagster_instance(seed_pipeline):
    with dg.DagsterInstance.from_config(str(seed_pipeline.dagster_home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == 1 and runs[0].is_success and runs[0].job_name == "ingest_batch"
        record = instance.get_latest_materialization_event(dg.AssetKey("region_pairs"))
        assert record.asset_materialization.metadata["dagster/row_count"].value > 0
        for check in ("documents_account_for_every_file", "event_mentions_contract", "events_contract"):
            evaluations = [e for e in instance.all_logs(runs[0].run_id)
                           if e.dagster_event and e.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"
                           and e.dagster_event.event_specific_data.check_name == check]
            assert evaluations and evaluations[0].dagster_event.event_specific_data.passed, check


def test_signing_pair_precision_and_recall_against_the_gold(seed_pipeline, capsys):
    from cooperation_pipeline.cli import predictions_by_file
    from cooperation_pipeline.core.evaluation import score
    from cooperation_pipeline.warehouse import Warehouse

    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    figures = score(gold, predictions_by_file(Warehouse(seed_pipeline.warehouse)))
    summary = {k: v for k, v in figures.items() if k != "documents"}
    with capsys.disabled():
        print("\nseeds, signing pairs etc. through the warehouse:", json.dumps(summary, ensure_ascii=False))
    assert figures["f1"] >= 0.95 and figures["date_accuracy"] >= 0.9
    assert figures["official_recall"] >= 0.9 and figures["reporters_as_officials"] == 0
