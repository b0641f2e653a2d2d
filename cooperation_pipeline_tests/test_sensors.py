"""Real sensor evaluations against a temporary inbox and a real (ephemeral) Dagster instance."""

import shutil

import dagster as dg
import pytest

from cooperation_pipeline.definitions import build_definitions
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.sensors import inbox_sensor
from cooperation_pipeline_tests.conftest import SEEDS


@pytest.fixture
def setup(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    coop = CoopResource(inbox=str(inbox), warehouse_root=str(tmp_path / "warehouse"),
                        max_file_bytes=10_000_000, max_batch_files=2, settle_seconds=0)
    with dg.instance_for_test() as instance:
        yield inbox, coop, instance


def _tick(instance, coop, cursor=None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"coop": coop})
    return inbox_sensor(context), context


def _run(instance, coop, result):
    """Carry out what the tick asked for: add the partitions, run each requested batch."""
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(batches.name, list(request.partition_keys))
    job = build_definitions(coop).resolve_job_def("ingest_batch")
    for run_request in result.run_requests:
        assert job.execute_in_process(instance=instance, partition_key=run_request.partition_key).success


def test_a_tick_plans_new_files_in_bounded_batches_and_requests_a_run_each(setup):
    inbox, coop, instance = setup
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, inbox / seed.name)
    result, context = _tick(instance, coop)
    assert isinstance(result, dg.SensorResult)
    keys = [r.partition_key for r in result.run_requests]
    assert len(keys) == 2  # 3 files, at most 2 per batch
    assert [r.run_key for r in result.run_requests] == keys
    assert list(result.dynamic_partitions_requests[0].partition_keys) == keys
    assert coop.warehouse().read_manifest().num_rows == 3


def test_processed_files_are_not_planned_again_even_after_a_cursor_reset(setup):
    inbox, coop, instance = setup
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], inbox / "a.txt")
    result, context = _tick(instance, coop)
    _run(instance, coop, result)
    again, _ = _tick(instance, coop, cursor=context.cursor)
    assert not again.run_requests and "no new" in again.skip_reason.skip_message
    reset, _ = _tick(instance, coop, cursor=None)
    assert not reset.run_requests and "no new" in reset.skip_reason.skip_message
    assert coop.warehouse().read_manifest().num_rows == 1


def test_a_planned_batch_whose_run_never_happened_is_requested_again(setup):
    inbox, coop, instance = setup
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], inbox / "a.txt")
    first, _ = _tick(instance, coop)
    second, _ = _tick(instance, coop, cursor=None)  # e.g. the launch was lost with the cursor
    assert [r.run_key for r in second.run_requests] == [r.run_key for r in first.run_requests]


def test_a_changed_file_becomes_a_new_batch(setup):
    inbox, coop, instance = setup
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[0], inbox / "a.txt")
    result, context = _tick(instance, coop)
    _run(instance, coop, result)
    shutil.copy(seeds[1], inbox / "a.txt")  # same path, new bytes
    changed, _ = _tick(instance, coop, cursor=context.cursor)
    assert len(changed.run_requests) == 1
    _run(instance, coop, changed)
    docs = coop.warehouse().read_whole("documents").to_pylist()
    assert sorted(d["status"] for d in docs) == ["processed", "superseded"]


def test_a_file_still_being_written_waits_until_it_stops_changing(setup):
    inbox, coop, instance = setup
    coop = CoopResource(inbox=coop.inbox, warehouse_root=coop.warehouse_root, max_file_bytes=coop.max_file_bytes,
                        max_batch_files=coop.max_batch_files, settle_seconds=3600)  # only a second look settles
    growing = inbox / "growing.txt"
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    growing.write_text(text[:100], encoding="utf-8")
    first, context = _tick(instance, coop)
    assert not first.run_requests and "being written" in first.skip_reason.skip_message
    growing.write_text(text[:2000], encoding="utf-8")  # it grew between ticks: wait again
    second, context = _tick(instance, coop, cursor=first.cursor)
    assert not second.run_requests
    third, _ = _tick(instance, coop, cursor=second.cursor)  # unchanged since the last look
    assert len(third.run_requests) == 1
    assert coop.warehouse().read_manifest().column("byte_size").to_pylist() == [growing.stat().st_size]


def test_a_deletion_asks_for_one_recompute_and_never_while_a_run_is_in_flight(setup):
    inbox, coop, instance = setup
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[3], inbox / "a.txt")
    shutil.copy(seeds[4], inbox / "b.txt")
    result, context = _tick(instance, coop)
    _run(instance, coop, result)
    (inbox / "b.txt").unlink()
    first, context = _tick(instance, coop, cursor=context.cursor)
    assert [r.job_name for r in first.run_requests] == ["reconcile"]
    again, _ = _tick(instance, coop, cursor=context.cursor)
    assert [r.run_key for r in again.run_requests] == [r.run_key for r in first.run_requests]  # deduplicated
    job = build_definitions(coop).resolve_job_def("reconcile")
    # A run in flight: the half-done state must not trigger a recompute of its own.
    in_flight = instance.create_run_for_job(job_def=job, run_config={})
    instance.run_storage.handle_run_event(in_flight.run_id, dg.DagsterEvent(
        event_type_value=dg.DagsterEventType.RUN_START.value, job_name=job.name))
    during, _ = _tick(instance, coop, cursor=context.cursor)
    assert not during.run_requests
