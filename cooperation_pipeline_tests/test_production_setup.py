"""The same definitions on Dagster's production setup: PostgreSQL instance storage and the
multiprocess executor (each step in its own process), with no code change.

Needs a PostgreSQL server: `.ci/run` starts one (scripts/test_postgres.sh) and exports
COOP_TEST_POSTGRES_URL; elsewhere the test is skipped with that instruction.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from cooperation_pipeline_tests.conftest import REPO, SEEDS

SERVER = os.environ.get("COOP_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not SERVER, reason="no PostgreSQL: run `export COOP_TEST_POSTGRES_URL=$(bash scripts/test_postgres.sh)`")


@pytest.fixture
def database():
    import psycopg2

    name = f"coop_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(SERVER)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    # SQLAlchemy 2.1 defaults postgresql:// to psycopg 3; dagster-postgres speaks psycopg2.
    yield name, SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg2://") + f"/{name}"
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


def test_postgres_storage_and_the_multiprocess_executor(tmp_path, database):
    import psycopg2

    name, url = database
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    home.mkdir()
    inbox.mkdir()
    (home / "dagster.yaml").write_text(
        f"telemetry:\n  enabled: false\nstorage:\n  postgres:\n    postgres_url: {url}\n", encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home), "COOP_INBOX": str(inbox),
           "COOP_WAREHOUSE": str(tmp_path / "warehouse"), "COOP_SETTLE_SECONDS": "0"}
    bin_dir = Path(sys.executable).parent
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, inbox / seed.name)
    first = subprocess.run([str(bin_dir / "coop"), "run"], env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr

    for seed in seeds[3:]:
        shutil.copy(seed, inbox / seed.name)
    plan = subprocess.run([sys.executable, "-c", (
        "import dagster as dg\n"
        "from cooperation_pipeline.settings import load_settings\n"
        "from cooperation_pipeline.resources import CoopResource\n"
        "from cooperation_pipeline.planning import plan_new_batches\n"
        "s = load_settings(); coop = CoopResource.from_settings(s)\n"
        "plan = plan_new_batches(s.inbox, coop.warehouse(), s.max_batch_files, 0)\n"
        "with dg.DagsterInstance.get() as instance: instance.add_dynamic_partitions('batches', plan.batch_ids)\n"
        "print(plan.batch_ids[0])")], env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert plan.returncode == 0, plan.stderr
    batch_id = plan.stdout.strip().splitlines()[-1]
    launched = subprocess.run(
        [str(bin_dir / "dagster"), "job", "execute", "-m", "cooperation_pipeline.definitions", "-j", "ingest_batch",
         "--tags", json.dumps({"dagster/partition": batch_id})],
        env=env, capture_output=True, text=True, timeout=600, cwd=REPO)
    output = launched.stdout + launched.stderr
    assert launched.returncode == 0 and "RUN_SUCCESS" in output, output[-3000:]
    assert "multiprocess executor" in output

    with psycopg2.connect(SERVER.rsplit("/", 1)[0] + f"/{name}") as con, con.cursor() as cursor:
        cursor.execute("SELECT status, count(*) FROM runs GROUP BY status")
        assert dict(cursor.fetchall()) == {"SUCCESS": 2}
    import duckdb

    with duckdb.connect(str(tmp_path / "warehouse" / "cooperation.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'processed'").fetchone()[0] == 5
        assert con.execute("SELECT count(*) FROM region_pairs").fetchone()[0] > 0
