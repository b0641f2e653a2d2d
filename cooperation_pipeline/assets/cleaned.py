"""Cleaned stage: decoded text -> clean simplified body with metadata, quality flags, near-duplicates."""


from collections import Counter

import dagster as dg

from cooperation_pipeline.checks import cleaned_documents_keys
import pyarrow as pa

from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.assets.raw import raw_documents
from cooperation_pipeline.core.dedupe import NearDuplicateIndex
from cooperation_pipeline.parallel import Progress, process_map
from cooperation_pipeline.processing import clean_one
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import SCHEMAS


@dg.asset(
    deps=[raw_documents],
    partitions_def=batches,
    group_name="documents",
    kinds={"python", "parquet"},
    owners=["team:cooperation-pipeline"],
    description="One row per new document of the batch: title, publish date, source, original script, "
    "cleaned simplified text, quality flags, and `duplicate_of` an earlier near-duplicate.",
    check_specs=[cleaned_documents_keys.spec],
)
def cleaned_documents(context: dg.AssetExecutionContext, coop: CoopResource) -> dg.MaterializeResult:
    warehouse = coop.warehouse()
    batch_id = context.partition_key
    raw = warehouse.read_batch("raw_documents", batch_id).to_pylist()
    # Documents cleaned in earlier batches (or earlier in this one) are not cleaned again:
    # the NLP runs once per document, however many names its bytes arrive under.
    earlier = warehouse.read_all("_signatures", exclude_batch=batch_id)
    earlier_ids = earlier.column("doc_id").to_pylist()
    index = NearDuplicateIndex()
    if earlier_ids:  # one matrix straight from Arrow: an update does not pay per stored document
        matrix = earlier.column("minhash").combine_chunks().values.to_numpy().reshape(len(earlier_ids), -1)
        index.add_many(earlier_ids, matrix)
    arrival: dict[str, int] = {doc_id: position for position, doc_id in enumerate(earlier_ids)}

    todo, queued = [], set()
    for row in raw:
        if row["status"] == "processed" and row["doc_id"] not in arrival and row["doc_id"] not in queued:
            todo.append(row)
            queued.add(row["doc_id"])

    rows, signatures, failures = [], [], 0
    progress = Progress("cleaning", len(todo), context.log.info)
    results = process_map(clean_one, [row["raw_text"] for row in todo], progress)
    for row, result in zip(todo, results):
        doc_id = row["doc_id"]
        if result.error:  # one bad document never fails its batch: logged, counted, flagged
            failures += 1
            context.log.error(f"cleaning failed for {row['source_path']} ({doc_id}):\n{result.error}")
            rows.append(_failed_row(doc_id, batch_id, row["decode_flags"]))
            continue
        cleaned, signature = result.document, result.signature
        matches = [m for m in index.query(signature) if m in arrival]
        duplicate_of = min(matches, key=arrival.__getitem__) if matches else None
        index.add(doc_id, signature)
        arrival[doc_id] = len(arrival)
        flags = sorted(set(cleaned.quality_flags) | set(row["decode_flags"] or []))
        rows.append({
            "doc_id": doc_id, "title": cleaned.title, "publish_date": cleaned.publish_date,
            "source_name": cleaned.source_name, "author": cleaned.author,
            "original_script": cleaned.original_script, "text": cleaned.text,
            "char_count": len(cleaned.text), "quality_flags": flags, "duplicate_of": duplicate_of,
            "batch_id": batch_id,
        })
        signatures.append({"doc_id": doc_id, "minhash": signature})
    progress.close()

    table = pa.Table.from_pylist(rows, schema=SCHEMAS["cleaned_documents"])
    warehouse.write("_signatures", pa.Table.from_pylist(signatures, schema=SCHEMAS["_signatures"]), batch_id=batch_id)
    warehouse.write("cleaned_documents", table, batch_id=batch_id)
    flag_counts = Counter(f for r in rows for f in r["quality_flags"])
    return dg.MaterializeResult(metadata=table_metadata(
        table.drop_columns(["text"]),
        documents=len(rows),
        cleaning_failures=failures,
        near_duplicates=sum(1 for r in rows if r["duplicate_of"]),
        share_flagged=float(sum(1 for r in rows if r["quality_flags"]) / len(rows)) if rows else 0.0,
        quality_flags=dg.MetadataValue.json(dict(flag_counts)),
    ), check_results=[cleaned_documents_keys(warehouse)])


def _failed_row(doc_id: str, batch_id: str, decode_flags: list[str] | None) -> dict:
    """A document whose cleaning raised stays visible, empty and flagged, instead of vanishing."""
    return {
        "doc_id": doc_id, "title": None, "publish_date": None, "source_name": None, "author": None,
        "original_script": None, "text": "", "char_count": 0,
        "quality_flags": sorted({"processing_failed", *(decode_flags or [])}), "duplicate_of": None,
        "batch_id": batch_id,
    }
