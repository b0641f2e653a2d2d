"""Jobs: one batch through every stage, and the reconcile of all-batch tables."""

import dagster as dg

# A batch's documents and everything downstream of them, in one run.
ingest_batch = dg.define_asset_job(
    "ingest_batch",
    selection=dg.AssetSelection.all(),
    description="Read, clean and extract one arrival batch, then recompute entities and metrics from all batches.",
)

# The tables recomputed from all batches; the daily schedule runs this.
BATCH_ASSETS = ("raw_documents", "cleaned_documents", "event_mentions", "official_mentions")
AGGREGATES = dg.AssetSelection.all() - dg.AssetSelection.assets(*BATCH_ASSETS)
reconcile = dg.define_asset_job(
    "reconcile",
    selection=AGGREGATES,
    description="Recompute documents, events, entity tables and metrics from every batch in the warehouse.",
)
