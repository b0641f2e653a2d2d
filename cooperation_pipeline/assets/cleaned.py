"""Cleaned stage: decoded text -> clean simplified body with metadata, quality flags, near-duplicates."""


from collections import Counter

import dagster as dg
import pyarrow as pa

from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.assets.raw import raw_documents
from cooperation_pipeline.checks import cleaned_documents_keys
from cooperation_pipeline.core.dedupe import THRESHOLD, NearDuplicateIndex, band_layout, estimate_similarity
from cooperation_pipeline.parallel import Progress, process_map
from cooperation_pipeline.processing import clean_one
from cooperation_pipeline.partitions import batches
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import SCHEMAS, scratch_connection


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
    earlier_files = [p for p in warehouse.data_files("_signatures") if p.stem != batch_id]
    # Documents cleaned in earlier batches (or earlier in this one) are not cleaned again:
    # the NLP runs once per document, however many names its bytes arrive under.
    seen = _cleaned_before(earlier_files, [row["doc_id"] for row in raw])
    todo, queued = [], set()
    for row in raw:
        if row["status"] == "processed" and row["doc_id"] not in seen and row["doc_id"] not in queued:
            todo.append(row)
            queued.add(row["doc_id"])

    progress = Progress("cleaning", len(todo), context.log.info)
    results = list(process_map(clean_one, [row["raw_text"] for row in todo], progress))
    progress.close()
    signed = {row["doc_id"]: result.signature for row, result in zip(todo, results) if not result.error}
    earlier_matches = _earlier_near_duplicates(earlier_files, signed)
    index = NearDuplicateIndex()  # this batch's own documents, in arrival order

    rows, signatures, failures = [], [], 0
    for row, result in zip(todo, results):
        doc_id = row["doc_id"]
        if result.error:  # one bad document never fails its batch: logged, counted, flagged
            failures += 1
            context.log.error(f"cleaning failed for {row['source_path']} ({doc_id}):\n{result.error}")
            rows.append(_failed_row(doc_id, batch_id, row["decode_flags"]))
            continue
        cleaned, signature = result.document, result.signature
        duplicate_of = earlier_matches.get(doc_id) or next(iter(index.query_in_order(signature)), None)
        index.add(doc_id, signature)
        flags = sorted(set(cleaned.quality_flags) | set(row["decode_flags"] or []))
        rows.append({
            "doc_id": doc_id, "title": cleaned.title, "publish_date": cleaned.publish_date,
            "source_name": cleaned.source_name, "author": cleaned.author,
            "original_script": cleaned.original_script, "text": cleaned.text,
            "char_count": len(cleaned.text), "quality_flags": flags, "duplicate_of": duplicate_of,
            "batch_id": batch_id,
        })
        signatures.append({"doc_id": doc_id, "minhash": signature})

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


def _cleaned_before(earlier_files: list, doc_ids: list[str]) -> set[str]:
    """The ids among ``doc_ids`` that an earlier batch already cleaned (read by DuckDB, not loaded)."""
    if not earlier_files or not doc_ids:
        return set()
    ids = pa.table({"doc_id": doc_ids})
    with scratch_connection() as con:
        con.register("ids", ids)
        return {r[0] for r in con.execute(
            f"SELECT DISTINCT s.doc_id FROM read_parquet({_paths(earlier_files)}) s SEMI JOIN ids USING (doc_id)"
        ).fetchall()}


def _earlier_near_duplicates(earlier_files: list, signed: dict[str, list[int]]) -> dict[str, str]:
    """{new doc: the earliest earlier document it near-duplicates}.

    Candidates are the earlier documents that share a MinHash band with a new one: DuckDB hashes
    the bands of the stored signatures and joins them on the new ones' inside the query, so an
    update reads the corpus's signatures once in C and returns only the few candidates to Python,
    where each is verified (estimated Jaccard similarity at least the threshold)."""
    if not earlier_files or not signed:
        return {}
    bands, rows = band_layout(THRESHOLD)
    new = pa.table({"doc_id": list(signed), "minhash": pa.array(list(signed.values()), pa.list_(pa.uint32()))})
    band_keys = "SELECT doc_id, b, hash(b, minhash[b * {r} + 1 : (b + 1) * {r}]) AS k FROM {t}, range({n}) AS bands(b)"
    with scratch_connection() as con:
        con.register("new", new)
        con.execute(f"""CREATE TEMP TABLE old AS SELECT doc_id, minhash,
            row_number() OVER (ORDER BY filename, file_row_number) AS arrival
            FROM read_parquet({_paths(earlier_files)}, filename = true, file_row_number = true)""")
        candidates = con.execute(f"""
            WITH n AS ({band_keys.format(r=rows, t="new", n=bands)}),
                 o AS ({band_keys.format(r=rows, t="old", n=bands)}),
                 pairs AS (SELECT DISTINCT n.doc_id AS new_id, o.doc_id AS old_id FROM n JOIN o USING (b, k))
            SELECT p.new_id, p.old_id, old.minhash, old.arrival FROM pairs p JOIN old ON old.doc_id = p.old_id
            ORDER BY p.new_id, old.arrival""").fetchall()
    out: dict[str, str] = {}
    for new_id, old_id, minhash, _ in candidates:
        if new_id not in out and estimate_similarity(signed[new_id], minhash) >= THRESHOLD:
            out[new_id] = old_id
    return out


def _paths(files: list) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in files) + "]"


def _failed_row(doc_id: str, batch_id: str, decode_flags: list[str] | None) -> dict:
    """A document whose cleaning raised stays visible, empty and flagged, instead of vanishing."""
    return {
        "doc_id": doc_id, "title": None, "publish_date": None, "source_name": None, "author": None,
        "original_script": None, "text": "", "char_count": 0,
        "quality_flags": sorted({"processing_failed", *(decode_flags or [])}), "duplicate_of": None,
        "batch_id": batch_id,
    }
