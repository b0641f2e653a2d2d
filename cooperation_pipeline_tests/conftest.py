"""Shared fixtures: real folders, a real warehouse built from the bundled seeds, a real Dagster instance."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def seed_pipeline(tmp_path_factory: pytest.TempPathFactory):
    """`coop run` on a copy of the seeds, once per session; yields the settings it ran with."""
    from cooperation_pipeline.cli import main
    from cooperation_pipeline.settings import load_settings

    root = tmp_path_factory.mktemp("seed_pipeline")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    env = {"COOP_INBOX": str(inbox), "COOP_WAREHOUSE": str(root / "warehouse"),
           "DAGSTER_HOME": str(root / "dagster_home")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        assert main(["run"]) == 0
        yield load_settings()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def seed_db(seed_pipeline):
    """A read-only DuckDB connection to the seeds' warehouse, as a user would open it."""
    import duckdb

    con = duckdb.connect(str(seed_pipeline.warehouse / "cooperation.duckdb"), read_only=True)
    yield con
    con.close()
