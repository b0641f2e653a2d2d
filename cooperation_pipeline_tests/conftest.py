"""Shared fixtures: real folders, a real warehouse built from the bundled seeds, a real Dagster instance."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


def pytest_configure(config: pytest.Config) -> None:
    """Tests never touch the project's own data/: by default `coop` points at an empty temporary
    folder, so a test that forgets to set its environment fails instead of using data/warehouse."""
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="coop-tests-"))
    for key, folder in {"COOP_INBOX": "inbox", "COOP_WAREHOUSE": "warehouse", "DAGSTER_HOME": "dagster_home"}.items():
        os.environ[key] = str(scratch / folder)


def coop_run_in(root: Path, inbox: Path) -> None:
    """`coop run` with its inbox, warehouse and Dagster instance under ``root``; the environment is
    restored afterwards (for session- and module-scoped fixtures, which cannot use monkeypatch)."""
    from cooperation_pipeline.cli import main

    env = {"COOP_INBOX": str(inbox), "COOP_WAREHOUSE": str(root / "warehouse"),
           "DAGSTER_HOME": str(root / "dagster_home"), "COOP_SETTLE_SECONDS": "0"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        assert main(["run"]) == 0
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def seed_pipeline(tmp_path_factory: pytest.TempPathFactory):
    """`coop run` on a copy of the seeds, once per session; returns the settings it ran with."""
    from cooperation_pipeline.settings import Settings

    root = tmp_path_factory.mktemp("seed_pipeline")
    shutil.copytree(SEEDS, root / "inbox")
    coop_run_in(root, root / "inbox")
    return Settings(inbox=root / "inbox", warehouse=root / "warehouse", dagster_home=root / "dagster_home")


@pytest.fixture
def seed_env(seed_pipeline, monkeypatch):
    """The seeds' warehouse as the environment of `coop` commands run by a test."""
    for key, value in {"COOP_INBOX": seed_pipeline.inbox, "COOP_WAREHOUSE": seed_pipeline.warehouse,
                       "DAGSTER_HOME": seed_pipeline.dagster_home, "COOP_SETTLE_SECONDS": "0"}.items():
        monkeypatch.setenv(key, str(value))
    return seed_pipeline


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    """An empty inbox with its own warehouse and Dagster instance: `coop run` works on these."""
    for key, value in {"COOP_INBOX": tmp_path / "inbox", "COOP_WAREHOUSE": tmp_path / "warehouse",
                       "DAGSTER_HOME": tmp_path / "home", "COOP_SETTLE_SECONDS": "0"}.items():
        monkeypatch.setenv(key, str(value))
    (tmp_path / "inbox").mkdir()
    return tmp_path / "inbox"


@pytest.fixture
def seed_db(seed_pipeline):
    """A read-only DuckDB connection to the seeds' warehouse, as a user would open it."""
    import duckdb

    con = duckdb.connect(str(seed_pipeline.warehouse / "cooperation.duckdb"), read_only=True)
    yield con
    con.close()
