"""The one place where the Dagster pieces are wired together."""

import dagster as dg

from cooperation_pipeline.assets import cleaned, entities, events, metrics, raw, reports
from cooperation_pipeline.jobs import ingest_batch, reconcile
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.schedules import daily_reconcile
from cooperation_pipeline.sensors import inbox_sensor


def build_definitions(coop: CoopResource | None = None) -> dg.Definitions:
    """Definitions with the paths from the environment, or the resource given (tests)."""
    return dg.Definitions(
        assets=dg.load_assets_from_modules([raw, cleaned, events, entities, metrics, reports]),
        jobs=[ingest_batch, reconcile],
        sensors=[inbox_sensor],
        schedules=[daily_reconcile],
        resources={"coop": coop or CoopResource.from_settings()},
    )


defs = build_definitions()
