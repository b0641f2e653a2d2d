"""One bad document never fails its batch: the error is caught, logged with the document, counted."""

import shutil

import dagster as dg
import duckdb

from cooperation_pipeline import processing
from cooperation_pipeline.cli import main
from cooperation_pipeline.settings import load_settings
from cooperation_pipeline_tests.conftest import SEEDS

BREAKS_CLEANING, BREAKS_EXTRACTION = "清洗故障注入", "抽取故障注入"


def test_a_failing_document_is_flagged_and_counted_while_its_batch_succeeds(tmp_path, monkeypatch):
    for key, value in {"COOP_INBOX": tmp_path / "inbox", "COOP_WAREHOUSE": tmp_path / "warehouse",
                       "DAGSTER_HOME": tmp_path / "home", "COOP_SETTLE_SECONDS": "0",
                       # the fault is injected into this process: keep the batch here, not on workers
                       "COOP_WORKERS": "1"}.items():
        monkeypatch.setenv(key, str(value))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[4], inbox / "good.txt")
    (inbox / "bad_cleaning.txt").write_text(BREAKS_CLEANING + seeds[3].read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / "bad_extraction.txt").write_text(BREAKS_EXTRACTION + seeds[2].read_text(encoding="utf-8"), encoding="utf-8")

    # Fault injection into the real functions (COOP_WORKERS=1: the batch runs in this process).
    real_clean, real_extract = processing.clean_document, processing.extract

    def clean(text):
        if BREAKS_CLEANING in text:
            raise RuntimeError("injected cleaning fault")
        return real_clean(text)

    def extract(text, **kwargs):
        if BREAKS_EXTRACTION in text or BREAKS_EXTRACTION in (kwargs.get("title") or ""):
            raise RuntimeError("injected extraction fault")
        return real_extract(text, **kwargs)

    monkeypatch.setattr(processing, "clean_document", clean)
    monkeypatch.setattr(processing, "extract", extract)
    assert main(["run"]) == 0

    with duckdb.connect(str(load_settings().warehouse / "cooperation.duckdb"), read_only=True) as con:
        rows = dict(con.execute("""
            SELECT d.source_path, c.quality_flags FROM documents d JOIN cleaned_documents c USING (doc_id)""").fetchall())
        assert "processing_failed" in rows["bad_cleaning.txt"]
        assert "processing_failed" not in rows["good.txt"]
        mentions = dict(con.execute("""SELECT d.source_path, count(m.mention_id) FROM documents d
            LEFT JOIN event_mentions m USING (doc_id) GROUP BY 1""").fetchall())
        assert mentions["good.txt"] > 0 and mentions["bad_extraction.txt"] == 0
    with dg.DagsterInstance.get() as instance:
        run = instance.get_runs()[0]
        assert run.is_success
        cleaned = instance.get_latest_materialization_event(dg.AssetKey("cleaned_documents"))
        mentioned = instance.get_latest_materialization_event(dg.AssetKey("event_mentions"))
        assert cleaned.asset_materialization.metadata["cleaning_failures"].value == 1
        assert mentioned.asset_materialization.metadata["extraction_failures"].value == 1
        errors = [e.message for e in instance.all_logs(run.run_id) if e.level >= 40]
        assert any("injected cleaning fault" in m for m in errors)
        assert any("injected extraction fault" in m for m in errors)
