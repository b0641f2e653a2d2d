import subprocess
import sys

import dagster as dg

from cooperation_pipeline.definitions import defs
from cooperation_pipeline.warehouse import CONTRACT


def test_definitions_load_with_every_contract_table_as_an_asset():
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert set(CONTRACT) <= keys


def test_every_asset_is_described_grouped_and_kinded():
    for spec in defs.resolve_all_asset_specs():
        assert spec.description, spec.key
        assert spec.group_name != "default", spec.key
        assert spec.kinds, spec.key


def test_sensor_schedule_and_jobs_are_wired():
    assert defs.resolve_sensor_def("inbox_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("daily_reconcile").cron_schedule == "0 3 * * *"
    assert defs.resolve_job_def("ingest_batch").partitions_def is not None


def test_loading_the_definitions_raises_no_deprecation_warning():
    code = ("import warnings; warnings.simplefilter('error', DeprecationWarning); "
            "import dagster; warnings.simplefilter('error'); "
            "import cooperation_pipeline.definitions as d; d.defs.resolve_all_job_defs()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
