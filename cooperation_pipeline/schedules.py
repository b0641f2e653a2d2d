"""The daily reconcile: recompute all-batch tables even if no sensor run did."""

import dagster as dg

from cooperation_pipeline.jobs import reconcile

daily_reconcile = dg.ScheduleDefinition(
    name="daily_reconcile",
    job=reconcile,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every day at 03:00: recompute documents, events, entity tables and metrics from all batches.",
)
