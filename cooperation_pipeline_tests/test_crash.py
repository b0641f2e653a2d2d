"""Kill a real `coop run` half-way: the warehouse stays readable, the rerun finishes without duplicates."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from cooperation_pipeline_tests.conftest import REPO, SEEDS

ARTICLES = REPO / "cooperation_pipeline_tests" / "articles"


def _write_articles(inbox: Path, start: int, count: int) -> None:
    """Distinct files made from the real articles: each gets its own closing line, so its own bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(ARTICLES.glob("*.txt"))]
    for number in range(start, start + count):
        text = texts[number % len(texts)] + f"\n（稿件编号 {number}）\n"
        (inbox / f"article_{number:04d}.txt").write_text(text, encoding="utf-8")


def _coop(env: dict, *args: str) -> subprocess.Popen:
    coop = Path(sys.executable).parent / "coop"
    return subprocess.Popen([str(coop), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def test_a_killed_run_leaves_a_readable_warehouse_and_the_rerun_completes_it(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    inbox.mkdir()
    env = {**os.environ, "COOP_INBOX": str(inbox), "COOP_WAREHOUSE": str(warehouse),
           "DAGSTER_HOME": str(tmp_path / "home"), "COOP_SETTLE_SECONDS": "0"}
    _write_articles(inbox, 0, 40)
    first = _coop(env, "run")
    assert first.wait(timeout=300) == 0, first.stdout.read()

    _write_articles(inbox, 40, 300)
    run = _coop(env, "run")
    batches_before = set((warehouse / "raw_documents").glob("2*.parquet"))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and set((warehouse / "raw_documents").glob("2*.parquet")) == batches_before:
        assert run.poll() is None, "the run ended before it could be killed: " + run.stdout.read()
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # raw stage of the new batch written, the later stages not
    run.wait(timeout=30)

    with duckdb.connect(str(warehouse / "cooperation.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 40  # the previous state
        assert con.execute("SELECT count(*) FROM region_pairs").fetchone()[0] > 0

    rerun = _coop(env, "run")
    output = rerun.communicate(timeout=600)[0]
    assert rerun.returncode == 0, output
    with duckdb.connect(str(warehouse / "cooperation.duckdb"), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM documents") == 340
        assert one("SELECT count(*) FROM documents WHERE status <> 'processed'") == 0
        assert one("SELECT count(DISTINCT doc_id) FROM cleaned_documents") == one("SELECT count(*) FROM cleaned_documents") == 340
        assert one("SELECT count(DISTINCT mention_id) FROM event_mentions") == one("SELECT count(*) FROM event_mentions")
        assert one("SELECT count(*) FROM event_mentions WHERE doc_id NOT IN (SELECT doc_id FROM cleaned_documents)") == 0
    assert not list(warehouse.glob("**/.*.tmp"))
