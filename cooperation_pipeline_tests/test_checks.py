"""Blocking contract checks, run inside their assets' steps: a broken table stops the run before the
tables computed from it."""

import shutil

import dagster as dg

from cooperation_pipeline.cli import main
from cooperation_pipeline.settings import load_settings
from cooperation_pipeline.warehouse import Warehouse
from cooperation_pipeline_tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _materializations(instance, asset: str) -> int:
    return len(instance.fetch_materializations(dg.AssetKey(asset), limit=100).records)


def test_every_contract_check_passes_and_is_recorded_on_a_good_run(inbox):
    shutil.copy(SEED_FILES[0], inbox / SEED_FILES[0].name)
    assert main(["run"]) == 0
    with dg.DagsterInstance.get() as instance:
        records = instance.get_records_for_run(instance.get_runs()[0].run_id).records
        evaluations = {r.event_log_entry.dagster_event.event_specific_data.check_name:
                       r.event_log_entry.dagster_event.event_specific_data.passed
                       for r in records if r.event_log_entry.dagster_event
                       and r.event_log_entry.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"}
    assert evaluations == {name: True for name in (
        "documents_account_for_every_file", "cleaned_documents_keys", "event_mentions_contract",
        "official_mentions_contract", "events_contract", "region_pairs_contract")}


def test_a_failing_check_stops_the_tables_downstream(inbox):
    shutil.copy(SEED_FILES[0], inbox / SEED_FILES[0].name)
    assert main(["run"]) == 0
    warehouse = Warehouse(load_settings().warehouse)
    first = warehouse.data_files("cleaned_documents")[0]
    shutil.copy(first, first.with_name("copied-by-hand.parquet"))  # every doc_id of that batch twice
    shutil.copy(SEED_FILES[1], inbox / SEED_FILES[1].name)
    assert main(["run"]) == 1
    with dg.DagsterInstance.get() as instance:
        failed = instance.get_runs()[0]
        assert failed.is_failure
        records = instance.get_records_for_run(failed.run_id).records
        checks = [r.event_log_entry.dagster_event.event_specific_data for r in records
                  if r.event_log_entry.dagster_event
                  and r.event_log_entry.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"]
        broken = [c for c in checks if c.check_name == "cleaned_documents_keys"][0]
        assert not broken.passed and broken.metadata["failures"].value == {"duplicate doc_id": 1}
        assert _materializations(instance, "events") == 1  # only the first, good run's
        assert _materializations(instance, "region_pairs") == 1
