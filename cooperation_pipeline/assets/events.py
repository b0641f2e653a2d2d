"""Extraction stage: event and official mentions per document; `events` merges them across documents."""


from collections import Counter

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq

from cooperation_pipeline.assets.cleaned import cleaned_documents
from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.checks import event_mentions_contract, events_contract, official_mentions_contract
from cooperation_pipeline.assets.raw import documents
from cooperation_pipeline.core.merging import MERGE_RULES_VERSION, merge_mentions
from cooperation_pipeline.parallel import Progress, process_map
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.processing import extract_one
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import SCHEMAS, Warehouse


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
    check_specs=[event_mentions_contract.spec, official_mentions_contract.spec],
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
    ), check_results=[event_mentions_contract(warehouse)])
    yield dg.MaterializeResult(asset_key="official_mentions", metadata=table_metadata(official_table),
                               check_results=[official_mentions_contract(warehouse)])


# Mentions count only from current documents: processed, not superseded, not deleted, not a
# near-duplicate copy; one row per document however many names its bytes arrived under.
CURRENT_DOCUMENTS_SQL = """
SELECT d.doc_id, min(d.ingested_at) AS ingested_at, any_value(c.publish_date) AS publish_date
FROM documents d
JOIN cleaned_documents c ON c.doc_id = d.doc_id AND c.duplicate_of IS NULL
WHERE d.status = 'processed' AND d.deleted_at IS NULL
GROUP BY d.doc_id
"""

# A mention of a current document, with what orders the merge (first ingested first).
_CURRENT_MENTIONS = f"""
SELECT m.*, cur.ingested_at AS _ingested_at
FROM event_mentions m JOIN ({CURRENT_DOCUMENTS_SQL}) cur ON cur.doc_id = m.doc_id
"""

# Mentions merge only with mentions of the same type and parties (core/merging.py), so each such group
# is merged on its own. Its fingerprint covers every mention's content and order and the merge rules:
# an update re-merges only the groups whose fingerprint changed (new, superseded or deleted mentions)
# and keeps every other event row as it was.
GROUP_FINGERPRINTS_SQL = f"""
SELECT event_type, list_sort(parties) AS parties, count(*) AS mentions,
    md5('{MERGE_RULES_VERSION}|' || string_agg(
        md5(CAST(to_json(m) AS VARCHAR)), '|' ORDER BY m._ingested_at, m.doc_id, m.mention_id)) AS fingerprint
FROM ({_CURRENT_MENTIONS}) m
GROUP BY ALL
"""

CHANGED_GROUP_MENTIONS_SQL = f"""
SELECT m.* EXCLUDE (_ingested_at)
FROM ({_CURRENT_MENTIONS}) m SEMI JOIN changed c ON c.event_type = m.event_type AND c.parties = list_sort(m.parties)
ORDER BY m._ingested_at, m.doc_id, m.mention_id
"""

KEPT_EVENTS_SQL = """
SELECT e.* FROM events e
SEMI JOIN groups g ON g.event_type = e.event_type AND g.parties = e.parties AND g.fingerprint = e.source_fingerprint
"""


@dg.asset(
    deps=["event_mentions", documents],
    group_name="extraction",
    kinds={"python", "parquet"},
    owners=["team:cooperation-pipeline"],
    description="One row per real-world event: mentions of the same event in several documents merged "
    "(same type and parties, agreeing dates); near-duplicate and superseded documents do not count. "
    "An update re-merges only the (type, parties) groups whose mentions changed.",
    check_specs=[events_contract.spec],
)
def events(coop: CoopResource) -> dg.MaterializeResult:
    warehouse = coop.warehouse()
    with warehouse.lock():
        warehouse.ensure_schemas()
        keep = _has_fingerprints(warehouse)
        with warehouse.query_connection() as con:
            groups = con.sql(GROUP_FINGERPRINTS_SQL).to_arrow_table()
            con.register("groups", groups)
            con.execute("CREATE TEMP TABLE changed AS " + (
                f"SELECT g.* FROM groups g ANTI JOIN ({KEPT_EVENTS_SQL}) k "
                "ON k.event_type = g.event_type AND k.parties = g.parties" if keep else "SELECT * FROM groups"))
            changed = con.table("changed").to_arrow_table()
            mentions = con.sql(CHANGED_GROUP_MENTIONS_SQL).to_arrow_table().to_pylist()
        fingerprint_of = {(row["event_type"], tuple(row["parties"])): row["fingerprint"] for row in changed.to_pylist()}
        merged = merge_mentions(mentions)
        for event in merged:
            event["source_fingerprint"] = fingerprint_of[(event["event_type"], tuple(event["parties"]))]
        rows = f"SELECT * FROM ({KEPT_EVENTS_SQL}) UNION ALL BY NAME SELECT * FROM merged" if keep \
            else "SELECT * FROM merged"
        warehouse.write_query("events", f"{rows} ORDER BY date NULLS LAST, event_type, event_id",
                              {"groups": groups, "merged": pa.Table.from_pylist(merged, schema=SCHEMAS["events"])})
        warehouse.publish_views()
    table = warehouse.read_whole("events")
    return dg.MaterializeResult(metadata=table_metadata(
        table, mentions_merged=sum(groups.column("mentions").to_pylist()),
        groups_remerged=changed.num_rows, groups_kept=groups.num_rows - changed.num_rows,
        event_types=dg.MetadataValue.json(dict(Counter(table.column("event_type").to_pylist()))),
    ), check_results=[events_contract(warehouse)])


def _has_fingerprints(warehouse: Warehouse) -> bool:
    """Whether the events file can be updated group by group (written with fingerprints)."""
    path = warehouse.whole_file("events")
    return path.exists() and "source_fingerprint" in pq.read_schema(path).names
