"""`dagster dev` itself: the real webserver and daemon load the code location, with no deprecation warnings."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cooperation_pipeline.warehouse import CONTRACT
from cooperation_pipeline_tests.conftest import REPO
from cooperation_pipeline_tests.dagster_ui import free_port, graphql

QUERY = ('{ assetNodes { assetKey { path } } '
         'repositoriesOrError { ... on RepositoryConnection { nodes { sensors { name } schedules { name } } } } }')


def test_dagster_dev_serves_every_asset_the_sensor_and_the_schedule(tmp_path):
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "COOP_INBOX": str(tmp_path / "inbox"),
           "COOP_WAREHOUSE": str(tmp_path / "warehouse"), "PYTHONWARNINGS": "default"}
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    dagster = Path(sys.executable).parent / "dagster"
    log = open(tmp_path / "dev.log", "w+")
    process = subprocess.Popen(
        [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        data, deadline = None, time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                data = graphql(port, QUERY)
                if data["assetNodes"]:
                    break
            except Exception:
                pass
            time.sleep(1)
        log.seek(0)
        assert data and data["assetNodes"], "dagster dev did not serve the code location:\n" + log.read()[-3000:]
        keys = {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}
        assert set(CONTRACT) <= keys
        repository = data["repositoriesOrError"]["nodes"][0]
        assert [s["name"] for s in repository["sensors"]] == ["inbox_sensor"]
        assert [s["name"] for s in repository["schedules"]] == ["daily_reconcile"]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    log.seek(0)
    output = log.read()
    # All warnings are shown (PYTHONWARNINGS=default); Dagster's own internals emit some, none may
    # point into this package.
    ours = [line for line in output.splitlines() if "Warning" in line and "cooperation_pipeline" in line]
    assert not ours, ours
