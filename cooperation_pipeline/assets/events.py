"""Extraction stage: event and official mentions per document; `events` merges them across documents."""


from collections import Counter

import dagster as dg
import pyarrow as pa

from cooperation_pipeline.assets.cleaned import cleaned_documents
from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.assets.raw import documents
from cooperation_pipeline.core.merging import merge_mentions
from cooperation_pipeline.parallel import Progress, process_map
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.processing import extract_one
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import SCHEMAS


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "event_mentions", deps=[cleaned_documents], group_name="extraction", kinds={"python", "parquet"},
            owners=["team:cooperation-pipeline"],
            description="One row per cooperation event found in one document: type, parties (canonical "
            "region names), date as precise as the text supports, agreements, domains, evidence sentence.",
        ),
        dg.AssetSpec(
            "official_mentions", deps=[cleaned_documents], group_name="extraction", kinds={"python", "parquet"},
            owners=["team:cooperation-pipeline"],
            description="One row per official named with a party or government title in one document.",
        ),
    ],
    partitions_def=batches,
)
def mentions(context: dg.AssetExecutionContext, coop: CoopResource):
    warehouse = coop.warehouse()
    batch_id = context.partition_key
    docs = warehouse.read_batch("cleaned_documents", batch_id).to_pylist()
    event_rows, official_rows, failures = [], [], 0
    progress = Progress("extracting", len(docs), context.log.info)
    items = [(d["text"], d["title"], d["publish_date"], d["source_name"]) for d in docs]
    for doc, result in zip(docs, process_map(extract_one, items, progress)):
        if result.error:  # one bad document never fails its batch: logged and counted
            failures += 1
            context.log.error(f"extraction failed for {doc['doc_id']}:\n{result.error}")
            continue
        found = result.extraction
        for i, event in enumerate(found.events):
            event_rows.append({
                "mention_id": f"{doc['doc_id']}-e{i}", "doc_id": doc["doc_id"], "event_type": event.event_type,
                "parties": list(event.parties), "date": event.date, "event_date": event.event_date,
                "agreements": list(event.agreements), "domains": list(event.domains),
                "evidence": event.evidence, "background": event.background, "batch_id": batch_id,
            })
        for i, official in enumerate(found.officials):
            official_rows.append({
                "mention_id": f"{doc['doc_id']}-o{i}", "doc_id": doc["doc_id"], "name": official.name,
                "title": official.title, "region": official.region, "role": official.role, "batch_id": batch_id,
            })
    progress.close()

    event_table = pa.Table.from_pylist(event_rows, schema=SCHEMAS["event_mentions"])
    official_table = pa.Table.from_pylist(official_rows, schema=SCHEMAS["official_mentions"])
    warehouse.write("event_mentions", event_table, batch_id=batch_id)
    warehouse.write("official_mentions", official_table, batch_id=batch_id)
    per_doc = len(event_rows) / len(docs) if docs else 0.0
    yield dg.MaterializeResult(asset_key="event_mentions", metadata=table_metadata(
        event_table, events_per_document=float(per_doc), extraction_failures=failures,
        event_types=dg.MetadataValue.json(dict(Counter(r["event_type"] for r in event_rows))),
    ))
    yield dg.MaterializeResult(asset_key="official_mentions", metadata=table_metadata(official_table))


# Mentions count only from current documents: processed, not superseded, not deleted, not a
# near-duplicate copy; one row per document however many names its bytes arrived under.
CURRENT_DOCUMENTS_SQL = """
SELECT d.doc_id, min(d.ingested_at) AS ingested_at, any_value(c.publish_date) AS publish_date
FROM documents d
JOIN cleaned_documents c ON c.doc_id = d.doc_id AND c.duplicate_of IS NULL
WHERE d.status = 'processed' AND d.deleted_at IS NULL
GROUP BY d.doc_id
"""

CURRENT_MENTIONS_SQL = f"""
SELECT m.*
FROM event_mentions m JOIN ({CURRENT_DOCUMENTS_SQL}) cur ON cur.doc_id = m.doc_id
ORDER BY cur.ingested_at, m.doc_id, m.mention_id
"""


@dg.asset(
    deps=["event_mentions", documents],
    group_name="extraction",
    kinds={"python", "parquet"},
    owners=["team:cooperation-pipeline"],
    description="One row per real-world event: mentions of the same event in several documents merged "
    "(same type and parties, agreeing dates); near-duplicate and superseded documents do not count.",
)
def events(coop: CoopResource) -> dg.MaterializeResult:
    warehouse = coop.warehouse()
    with warehouse.lock():
        with warehouse.query_connection() as con:
            current = con.sql(CURRENT_MENTIONS_SQL).to_arrow_table().to_pylist()
        merged = merge_mentions(current)
        table = pa.Table.from_pylist(merged, schema=SCHEMAS["events"])
        warehouse.write("events", table)
        warehouse.publish_views()
    return dg.MaterializeResult(metadata=table_metadata(
        table, mentions_merged=len(current),
        event_types=dg.MetadataValue.json(dict(Counter(table.column("event_type").to_pylist()))),
    ))
