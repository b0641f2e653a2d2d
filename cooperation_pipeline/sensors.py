"""The inbox sensor: new or changed files become a planned batch and a run."""


import json

import dagster as dg

from cooperation_pipeline.jobs import ingest_batch, reconcile
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.planning import plan_new_batches
from cooperation_pipeline.resources import CoopResource


@dg.sensor(
    jobs=[ingest_batch, reconcile],
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Plans new or changed files of the inbox into batches and requests one run per batch. "
    "What was seen is kept in the warehouse manifest, so a reset cursor loses and repeats nothing; "
    "the cursor only remembers files that may still be being written.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, coop: CoopResource) -> dg.SensorResult:
    warehouse = coop.warehouse()
    previous = json.loads(context.cursor).get("waiting", {}) if context.cursor else {}
    plan = plan_new_batches(coop.inbox_path, warehouse, coop.max_batch_files, coop.settle_seconds, previous)
    cursor = json.dumps({"waiting": plan.waiting_observations()})
    pending = warehouse.pending_batches()
    stale = None if pending or _runs_in_flight(context) else warehouse.aggregates_stale()
    if stale:
        # Files were deleted, or a run stopped between the batch stages and the recompute. Only
        # asked when no run is in flight (a running batch looks stale half-way), once per staleness.
        return dg.SensorResult(run_requests=[dg.RunRequest(run_key=f"reconcile-{stale}", job_name=reconcile.name)],
                               cursor=cursor)
    if not pending:
        reason = (f"{len(plan.waiting)} new file(s) may still be being written; looking again next tick"
                  if plan.waiting else "no new or changed files in the inbox")
        return dg.SensorResult(skip_reason=reason, cursor=cursor)
    known = set(context.instance.get_dynamic_partitions(batches.name))
    # run_key = batch id: a batch requested before (even by a crashed tick) is not launched twice.
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=batch_id, partition_key=batch_id, job_name=ingest_batch.name)
                      for batch_id in pending],
        dynamic_partitions_requests=[batches.build_add_request([b for b in pending if b not in known])],
        cursor=cursor,
    )


IN_FLIGHT = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
             dg.DagsterRunStatus.STARTED]


def _runs_in_flight(context: dg.SensorEvaluationContext) -> bool:
    return bool(context.instance.get_run_records(filters=dg.RunsFilter(statuses=IN_FLIGHT), limit=1))
