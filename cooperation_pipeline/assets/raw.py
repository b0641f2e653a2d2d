"""Raw stage: the batch's inbox files, hashed and decoded; and `documents`, the account of every file."""


from collections import Counter

import dagster as dg

from cooperation_pipeline.checks import documents_account_for_every_file
import pyarrow as pa

from cooperation_pipeline.assets.aggregate import materialize_sql
from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.core.intake import read_inbox_file
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import SCHEMAS


@dg.asset(
    partitions_def=batches,
    group_name="documents",
    kinds={"python", "parquet"},
    owners=["team:cooperation-pipeline"],
    description="One row per inbox file of the batch: content hash, size, encoding, decoded text, "
    "and `processed` or `rejected` with a reason.",
)
def raw_documents(context: dg.AssetExecutionContext, coop: CoopResource) -> dg.MaterializeResult:
    warehouse = coop.warehouse()
    batch_id = context.partition_key
    plan = warehouse.read_manifest(batch_id).to_pylist()
    rows = []
    for number, planned in enumerate(plan, 1):
        record = read_inbox_file(coop.inbox_path / planned["source_path"], coop.max_file_bytes)
        rows.append({
            "doc_id": record.doc_id,
            "source_path": planned["source_path"],
            "content_sha256": record.content_sha256,
            "byte_size": record.byte_size or planned["byte_size"],
            "mtime_ns": planned["mtime_ns"],
            "batch_id": batch_id,
            "ingested_at": planned["planned_at"],
            "status": record.status,
            "reject_reason": record.reject_reason,
            "encoding": record.encoding,
            "decode_flags": record.decode_flags,
            "raw_text": record.text,
        })
        if record.status == "rejected":
            context.log.warning(f"rejected {planned['source_path']}: {record.reject_reason}")
        if number % 500 == 0:
            context.log.info(f"read {number}/{len(plan)} files")
    table = pa.Table.from_pylist(rows, schema=SCHEMAS["raw_documents"])
    warehouse.write("raw_documents", table, batch_id=batch_id)
    statuses = Counter(r["status"] for r in rows)
    return dg.MaterializeResult(metadata=table_metadata(
        table.drop_columns(["raw_text"]),
        processed=statuses["processed"],
        rejected=statuses["rejected"],
        reject_reasons=dg.MetadataValue.json(dict(Counter(r["reject_reason"] for r in rows if r["reject_reason"]))),
    ))


DOCUMENTS_SQL = """
WITH ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY source_path ORDER BY ingested_at DESC, batch_id DESC) AS version_rank,
        first_value(doc_id) OVER (PARTITION BY source_path ORDER BY ingested_at DESC, batch_id DESC) AS latest_doc_id
    FROM raw_documents
),
deleted AS (SELECT source_path, max(deleted_at) AS deleted_at FROM _deletions GROUP BY source_path)
SELECT r.doc_id, r.source_path, r.content_sha256, r.byte_size, r.batch_id, r.ingested_at,
    CASE WHEN r.version_rank > 1 THEN 'superseded' ELSE r.status END AS status,
    r.reject_reason, r.encoding,
    CASE WHEN r.version_rank > 1 THEN r.latest_doc_id END AS superseded_by,
    CASE WHEN r.version_rank = 1 AND d.deleted_at >= r.ingested_at THEN d.deleted_at END AS deleted_at
FROM ranked r LEFT JOIN deleted d USING (source_path)
ORDER BY r.ingested_at, r.source_path
"""


@dg.asset(
    deps=[raw_documents],
    group_name="documents",
    kinds={"duckdb", "parquet"},
    owners=["team:cooperation-pipeline"],
    description="Every file that ever entered the inbox, one row per version: `processed`, `rejected` "
    "(with `reject_reason`) or `superseded` by a newer version of the same path.",
    check_specs=[documents_account_for_every_file.spec],
)
def documents(coop: CoopResource) -> dg.MaterializeResult:
    warehouse = coop.warehouse()
    with warehouse.query_connection() as con:
        statuses = dict(con.execute(f"SELECT status, count(*) FROM ({DOCUMENTS_SQL}) GROUP BY status").fetchall())
    return materialize_sql(
        warehouse, "documents", DOCUMENTS_SQL, check=documents_account_for_every_file,
        processed=statuses.get("processed", 0), rejected=statuses.get("rejected", 0),
        superseded=statuses.get("superseded", 0),
    )
