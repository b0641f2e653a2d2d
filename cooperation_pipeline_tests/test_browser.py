"""The Dagster UI as a person uses it: `dagster dev` on the seeds, headless Chromium (Debian's, driven by
Playwright) launches the batch job from the job page, and the asset page of region_pairs shows its row count.

Chromium comes from Debian (`apt-get install -y chromium`, done by .ci/run), not `playwright install`.
On failure a screenshot is left in the test's tmp dir.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cooperation_pipeline_tests.conftest import REPO, SEEDS
from cooperation_pipeline_tests.dagster_ui import free_port, graphql

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
JOB_PATH = "/locations/cooperation_pipeline.definitions/jobs/ingest_batch"
SENSOR_PATH = "/locations/cooperation_pipeline.definitions/sensors/inbox_sensor"
SENSOR = ('{ sensorOrError(sensorSelector: {repositoryName: "__repository__", repositoryLocationName: '
          '"cooperation_pipeline.definitions", sensorName: "inbox_sensor"}) { ... on Sensor { sensorState { status } } } }')
RUNS = ('{ runsOrError { ... on Runs { results { runId status '
        'tags { key value } } } } }')
PARTITIONS = '{ assetNodeOrError(assetKey: {path: ["raw_documents"]}) { ... on AssetNode { partitionKeys } } }'
DONE = {"SUCCESS", "FAILURE", "CANCELED"}


def _wait(what: str, probe, seconds: float, log: Path):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = probe()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out after {seconds:.0f}s waiting for {what}:\n" + log.read_text()[-3000:])


def _runs(port: int) -> list[dict]:
    runs = graphql(port, RUNS)["runsOrError"]["results"]
    for run in runs:
        run["tags"] = {t["key"]: t["value"] for t in run["tags"]}
    return runs


@pytest.fixture
def dagster_dev(tmp_path):
    """`dagster dev` on a copy of the seeds with its own instance and warehouse; yields (port, tmp_path)."""
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium: install Debian's package (apt-get install -y chromium), "
                    "as .ci/run does")
    pytest.importorskip("playwright.sync_api", reason="the playwright Python package is missing (pip install -e '.[test]')")
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    shutil.copytree(SEEDS, inbox)
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "COOP_INBOX": str(inbox),
           "COOP_WAREHOUSE": str(tmp_path / "warehouse"), "COOP_SETTLE_SECONDS": "0"}
    log_path = tmp_path / "dev.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1",
             "-p", str(port)], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield port, tmp_path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_materialize_from_the_ui_and_see_the_row_count(dagster_dev):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    port, tmp = dagster_dev
    log = tmp / "dev.log"
    base = f"http://127.0.0.1:{port}"
    timings: dict[str, float] = {}
    started = time.monotonic()

    def mark(step: str) -> None:
        timings[step] = round(time.monotonic() - started, 1)

    _wait("the code location", lambda: graphql(port, PARTITIONS) is not None, 90, log)
    mark("server up")
    # The inbox sensor plans the seeds as one batch (a dynamic partition) and runs it; let that run finish
    # so the run launched from the UI does not race it.
    partition = _wait("the sensor's batch partition",
                      lambda: graphql(port, PARTITIONS)["assetNodeOrError"]["partitionKeys"], 60, log)[0]
    _wait("the sensor's run", lambda: _runs(port) and all(r["status"] in DONE for r in _runs(port)), 90, log)
    mark("sensor run done")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            # Turn the inbox sensor off in the UI: while a batch runs, it would queue reconcile runs that
            # compete with ours for the machine's two cores.
            page.goto(base + SENSOR_PATH)
            switch = page.locator("input[type=checkbox]").first
            switch.wait_for(state="attached", timeout=30_000)
            # A fresh instance greets the first visitor with a "Join the Dagster community" dialog.
            try:
                page.get_by_role("button", name="Skip", exact=True).click(timeout=8_000)
                page.get_by_text("Join the Dagster community").wait_for(state="hidden", timeout=5_000)
            except PlaywrightTimeout:
                pass
            if switch.is_checked():
                switch.dispatch_event("click")
            _wait("the sensor to stop", lambda: graphql(port, SENSOR)["sensorOrError"]["sensorState"]["status"]
                  == "STOPPED", 15, log)
            _wait("queued runs", lambda: all(r["status"] in DONE for r in _runs(port)), 60, log)
            before = {r["runId"] for r in _runs(port)}
            mark("sensor stopped")

            page.goto(base + JOB_PATH)
            page.get_by_role("button", name="Materialize all").click(timeout=15_000)
            dialog = page.get_by_role("dialog").filter(has_text="Launch runs to materialize")
            dialog.get_by_role("button", name="All", exact=True).click(timeout=15_000)
            dialog.get_by_text("1 partition", exact=True).wait_for(timeout=15_000)
            dialog.get_by_role("button", name="Launch 1 run").click(timeout=15_000)
            mark("launched from the UI")
            run = _wait("the run launched from the UI",
                        lambda: [r for r in _runs(port) if r["runId"] not in before], 30, log)[0]
            assert "dagster/sensor_name" not in run["tags"] and run["tags"].get("dagster/partition") == partition
            status = _wait("the UI's run to finish", lambda: next(
                (r["status"] for r in _runs(port) if r["runId"] == run["runId"] and r["status"] in DONE), None),
                90, log)
            assert status == "SUCCESS", f"run {run['runId']} ended {status}:\n" + log.read_text()[-3000:]
            mark("run succeeded")

            page.goto(f"{base}/assets/region_pairs")
            page.get_by_text("Row count", exact=True).first.wait_for(timeout=30_000)
            shown = re.search(r"Row count\s*\n\s*([\d,]+)", page.locator("body").inner_text())
            assert shown, "no row count on the region_pairs page"
            import duckdb

            with duckdb.connect(str(tmp / "warehouse" / "cooperation.duckdb"), read_only=True) as con:
                rows = con.execute("SELECT count(*) FROM region_pairs").fetchone()[0]
            assert rows > 0 and int(shown.group(1).replace(",", "")) == rows

            # The network picture is embedded in the materialization's markdown metadata.
            page.goto(f"{base}/assets/cooperation_network")
            page.get_by_text("[Show Markdown]").first.click(timeout=30_000)
            page.locator("img[src^='data:image/png;base64,']").first.wait_for(timeout=15_000)
            mark("asset pages checked")
        except Exception:
            page.screenshot(path=str(tmp / "failure.png"), full_page=True)
            print(f"screenshot: {tmp / 'failure.png'}", file=sys.stderr)
            raise
        finally:
            browser.close()
    print(f"browser test timings (s since start): {timings}")
