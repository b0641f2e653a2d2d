"""The warehouse: Parquet files per table, one DuckDB file of views over them.

Layout under the warehouse root:
  _manifest/<batch>.parquet       every inbox file ever planned, by batch (the record of what was seen)
  <table>/<batch>.parquet         document-level tables, one file per arrival batch
  <table>/<table>.parquet         tables recomputed from all batches (entities, metrics)
  <table>/_schema.parquet         zero rows: keeps the schema queryable before any data
  cooperation.duckdb              views only; rebuilt atomically when the view set changes

Every write goes to a hidden temporary file and is renamed into place, so a crash leaves the
previous file readable. DuckDB permits one writer per file, so the DuckDB file only holds views
and is replaced by rename: readers with the old file open are never blocked or torn.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Iterator, Mapping

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from cooperation_pipeline.inbox import InboxFile

STR_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "_manifest": pa.schema([
        ("source_path", pa.string()), ("byte_size", pa.int64()), ("mtime_ns", pa.int64()),
        ("batch_id", pa.string()), ("planned_at", pa.timestamp("us")),
    ]),
    "_deletions": pa.schema([
        ("source_path", pa.string()), ("deleted_at", pa.timestamp("us")),
    ]),
    "raw_documents": pa.schema([
        ("doc_id", pa.string()), ("source_path", pa.string()), ("content_sha256", pa.string()),
        ("byte_size", pa.int64()), ("mtime_ns", pa.int64()), ("batch_id", pa.string()),
        ("ingested_at", pa.timestamp("us")), ("status", pa.string()), ("reject_reason", pa.string()),
        ("encoding", pa.string()), ("decode_flags", STR_LIST), ("raw_text", pa.large_string()),
    ]),
    "documents": pa.schema([
        ("doc_id", pa.string()), ("source_path", pa.string()), ("content_sha256", pa.string()),
        ("byte_size", pa.int64()), ("batch_id", pa.string()), ("ingested_at", pa.timestamp("us")),
        ("status", pa.string()), ("reject_reason", pa.string()), ("encoding", pa.string()),
        ("superseded_by", pa.string()), ("deleted_at", pa.timestamp("us")),
    ]),
    "cleaned_documents": pa.schema([
        ("doc_id", pa.string()), ("title", pa.string()), ("publish_date", pa.date32()),
        ("source_name", pa.string()), ("author", pa.string()), ("original_script", pa.string()),
        ("text", pa.large_string()), ("char_count", pa.int64()), ("quality_flags", STR_LIST),
        ("duplicate_of", pa.string()), ("batch_id", pa.string()),
    ]),
    "_signatures": pa.schema([("doc_id", pa.string()), ("minhash", pa.list_(pa.uint32()))]),
    "event_mentions": pa.schema([
        ("mention_id", pa.string()), ("doc_id", pa.string()), ("event_type", pa.string()),
        ("parties", STR_LIST), ("date", pa.string()), ("event_date", pa.date32()),
        ("agreements", STR_LIST), ("domains", STR_LIST), ("evidence", pa.string()),
        ("background", pa.bool_()), ("batch_id", pa.string()),
    ]),
    "official_mentions": pa.schema([
        ("mention_id", pa.string()), ("doc_id", pa.string()), ("name", pa.string()),
        ("title", pa.string()), ("region", pa.string()), ("role", pa.string()), ("batch_id", pa.string()),
    ]),
    "events": pa.schema([
        ("event_id", pa.string()), ("event_type", pa.string()), ("parties", STR_LIST), ("date", pa.string()),
        ("event_date", pa.date32()), ("agreements", STR_LIST), ("domains", STR_LIST), ("evidence", pa.string()),
        ("background", pa.bool_()), ("mention_count", pa.int64()), ("doc_ids", STR_LIST),
        ("source_fingerprint", pa.string()),
    ]),
}

BATCH_TABLES = ("raw_documents", "cleaned_documents", "event_mentions", "official_mentions")
AGGREGATE_TABLES = (
    "documents", "events", "regions", "officials", "agreements",
    "region_pairs", "region_activity", "domain_trends",
)
# The batch tables an all-batch table is computed from, where not all of them.
AGGREGATE_UPSTREAM = {"documents": ("raw_documents", "_deletions")}
# Tables the DuckDB file exposes by name (the output contract plus the raw stage).
VIEW_TABLES = ("raw_documents", "cleaned_documents", "event_mentions", "official_mentions") + AGGREGATE_TABLES
DUCKDB_FILE = "cooperation.duckdb"


class WarehouseMissing(RuntimeError):
    """Raised when a query is asked of a warehouse that has not been built yet."""


def _replace_atomically(write, target: Path) -> None:
    """Write through `write(tmp_path)` then rename over target: readers see old or new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


class Warehouse:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    # --- paths -------------------------------------------------------------------------------
    def table_dir(self, table: str) -> Path:
        return self.root / table

    def batch_file(self, table: str, batch_id: str) -> Path:
        return self.table_dir(table) / f"{batch_id}.parquet"

    def whole_file(self, table: str) -> Path:
        return self.table_dir(table) / f"{table}.parquet"

    @property
    def duckdb_path(self) -> Path:
        return self.root / DUCKDB_FILE

    def glob(self, table: str) -> str:
        return (self.table_dir(table) / "*.parquet").as_posix()

    # --- writing -----------------------------------------------------------------------------
    def write(self, table: str, data: pa.Table, batch_id: str | None = None) -> Path:
        """Atomically write one batch's file (batch_id given) or the whole table's file."""
        if table in SCHEMAS:
            data = data.select(SCHEMAS[table].names).cast(SCHEMAS[table])
        target = self.batch_file(table, batch_id) if batch_id else self.whole_file(table)
        _replace_atomically(lambda tmp: pq.write_table(data, tmp, compression="zstd"), target)
        return target

    def write_query(self, table: str, sql: str, relations: Mapping[str, pa.Table] | None = None) -> int:
        """Materialise a DuckDB query over the warehouse (plus any extra Arrow relations) as the table's file."""
        target = self.whole_file(table)
        with self.query_connection() as con:
            for name, relation in (relations or {}).items():
                con.register(name, relation)
            _replace_atomically(
                lambda tmp: con.execute(f"COPY ({sql}) TO '{tmp.as_posix()}' (FORMAT parquet, COMPRESSION zstd)"),
                target,
            )
            return con.execute(f"SELECT count(*) FROM read_parquet('{target.as_posix()}')").fetchone()[0]

    def remove_orphaned_temporaries(self) -> int:
        """Delete temporary files left by writers that were killed (their process is gone)."""
        removed = 0
        for tmp in self.root.glob("**/.*.tmp"):
            try:
                pid = int(tmp.name.rsplit(".", 2)[-2])
                os.kill(pid, 0)  # still alive: leave it
            except ProcessLookupError:
                tmp.unlink(missing_ok=True)
                removed += 1
            except (ValueError, PermissionError):
                continue
        return removed

    def ensure_schemas(self) -> None:
        """Zero-row files keep every registered table queryable before its first batch."""
        for table, schema in SCHEMAS.items():
            target = self.table_dir(table) / "_schema.parquet"
            if target.exists() and pq.read_schema(target).equals(schema):
                continue
            _replace_atomically(lambda tmp: pq.write_table(schema.empty_table(), tmp), target)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Serialise recomputation of the all-batch tables between concurrent runs."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # --- manifest ----------------------------------------------------------------------------
    def record_plan(self, batch_id: str, files: list[InboxFile], planned_at: datetime) -> None:
        rows = {
            "source_path": [f.path for f in files],
            "byte_size": [f.size for f in files],
            "mtime_ns": [f.mtime_ns for f in files],
            "batch_id": [batch_id] * len(files),
            "planned_at": [planned_at.replace(tzinfo=None)] * len(files),
        }
        self.write("_manifest", pa.table(rows), batch_id=batch_id)

    def read_manifest(self, batch_id: str | None = None) -> pa.Table:
        if batch_id is not None:
            return pq.read_table(self.batch_file("_manifest", batch_id))
        return self.read_all("_manifest")

    def record_deletions(self, paths: list[str], deleted_at: datetime) -> None:
        rows = {"source_path": paths, "deleted_at": [deleted_at.replace(tzinfo=None)] * len(paths)}
        self.write("_deletions", pa.table(rows), batch_id=deleted_at.strftime("%Y%m%dT%H%M%S%fZ"))

    def inbox_state(self) -> tuple[set[tuple[str, int, int]], set[str]]:
        """(file versions planned and not deleted since, paths whose latest version is still present).

        A version counts as seen until a deletion is recorded after it was planned: a deleted file
        that comes back is planned again."""
        self.ensure_schemas()
        with self.query_connection() as con:
            rows = con.execute("""
                SELECT m.source_path, m.byte_size, m.mtime_ns
                FROM _manifest m
                WHERE NOT EXISTS (SELECT 1 FROM _deletions d
                                  WHERE d.source_path = m.source_path AND d.deleted_at >= m.planned_at)
            """).fetchall()
        seen = {(r[0], r[1], r[2]) for r in rows}
        return seen, {r[0] for r in rows}

    def seen_files(self) -> set[tuple[str, int, int]]:
        return self.inbox_state()[0]

    def data_files(self, table: str) -> list[Path]:
        """A table's Parquet files holding rows, by name (the zero-row `_schema` file left out)."""
        return sorted(p for p in self.table_dir(table).glob("*.parquet") if not p.name.startswith("_"))

    def planned_batches(self) -> list[str]:
        return [p.stem for p in self.data_files("_manifest")]

    def completed_batches(self) -> set[str]:
        """Batches with every batch-level table written (a run killed half-way leaves its batch pending)."""
        done = None
        for table in BATCH_TABLES:
            have = {p.stem for p in self.data_files(table)}
            done = have if done is None else done & have
        return done or set()

    def pending_batches(self) -> list[str]:
        """Planned but not through every batch stage: to be (re)run, never forgotten."""
        done = self.completed_batches()
        return [b for b in self.planned_batches() if b not in done]

    def _newest_inputs(self) -> dict[str, int]:
        """mtime of the newest file of each batch table and of the deletions."""
        newest: dict[str, int] = {}
        for table in BATCH_TABLES + ("_deletions",):
            stamps = [p.stat().st_mtime_ns for p in self.data_files(table)]
            if stamps:
                newest[table] = max(stamps)
        return newest

    def aggregates_stale(self) -> int | None:
        """The newest input stamp when an all-batch table is missing or older than the newest batch or
        deletion file it is computed from (a run stopped before the recompute, or files were deleted
        since), else None. The stamp names the staleness, so one recompute is asked for it, not many."""
        newest = self._newest_inputs()
        if not newest:
            return None
        for table in AGGREGATE_TABLES:
            target = self.whole_file(table)
            upstream = [newest[t] for t in AGGREGATE_UPSTREAM.get(table, BATCH_TABLES + ("_deletions",))
                        if t in newest]
            if not target.exists() or (upstream and target.stat().st_mtime_ns < max(upstream)):
                return max(newest.values())
        return None

    def read_batch(self, table: str, batch_id: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.batch_file(table, batch_id), columns=columns)

    def read_all(self, table: str, columns: list[str] | None = None, exclude_batch: str | None = None) -> pa.Table:
        """All batches' rows of a table (optionally leaving one batch out, e.g. the one being rebuilt)."""
        files = [p for p in self.data_files(table) if p.stem != exclude_batch]
        schema = SCHEMAS[table]
        if columns:
            schema = pa.schema([schema.field(c) for c in columns])
        tables = [pq.read_table(p, columns=columns).cast(schema) for p in files]
        return pa.concat_tables(tables) if tables else schema.empty_table()

    def read_whole(self, table: str) -> pa.Table:
        return pq.read_table(self.whole_file(table))

    # --- querying ----------------------------------------------------------------------------
    def relation_sql(self, table: str) -> str:
        return f"read_parquet('{self.glob(table)}', union_by_name = true)"

    @contextlib.contextmanager
    def query_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """An in-memory DuckDB with every table as a (temporary) view: for the pipeline's own SQL."""
        with scratch_connection() as con:
            for table in VIEW_TABLES + ("_manifest", "_deletions"):
                if any(self.table_dir(table).glob("*.parquet")):
                    con.execute(f'CREATE TEMP VIEW "{table}" AS SELECT * FROM {self.relation_sql(table)}')
            yield con

    def view_statements(self) -> list[str]:
        return [
            f'CREATE OR REPLACE VIEW "{t}" AS SELECT * FROM {self.relation_sql(t)}'
            for t in VIEW_TABLES if any(self.table_dir(t).glob("*.parquet"))
        ]

    def publish_views(self) -> bool:
        """(Re)build the DuckDB file when its view set changed; returns whether it was rebuilt."""
        statements = self.view_statements()
        fingerprint = hashlib.sha256("\n".join(statements).encode()).hexdigest()
        stamp = self.root / ".views.sha256"
        if self.duckdb_path.exists() and stamp.exists() and stamp.read_text() == fingerprint:
            return False

        def build(tmp: Path) -> None:
            con = duckdb.connect(tmp.as_posix())
            try:
                for statement in statements:
                    con.execute(statement)
            finally:
                con.close()
            wal = Path(f"{tmp}.wal")
            if wal.exists():
                wal.unlink()

        _replace_atomically(build, self.duckdb_path)
        _replace_atomically(lambda tmp: tmp.write_text(fingerprint), stamp)
        return True

    def connect_readonly(self) -> duckdb.DuckDBPyConnection:
        if not self.duckdb_path.exists():
            raise WarehouseMissing(
                f"no warehouse at {self.root}: run `coop run` first (or set COOP_WAREHOUSE)"
            )
        return duckdb.connect(self.duckdb_path.as_posix(), read_only=True)


_SCRATCH: tuple[int, duckdb.DuckDBPyConnection] | None = None


@contextlib.contextmanager
def scratch_connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh connection to this process's in-memory DuckDB: its temporary views, tables and
    registered relations are its own, and it costs a cursor (under a millisecond) where a new
    database costs about 12 ms, paid dozens of times by an update."""
    global _SCRATCH
    if _SCRATCH is None or _SCRATCH[0] != os.getpid():  # a forked child opens its own
        _SCRATCH = (os.getpid(), duckdb.connect())
    con = _SCRATCH[1].cursor()
    try:
        yield con
    finally:
        con.close()


# The output contract: stable column names per table (columns may be added, never renamed).
CONTRACT: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source_path", "content_sha256", "byte_size", "batch_id", "ingested_at", "status",
                  "reject_reason"),
    "cleaned_documents": ("doc_id", "title", "publish_date", "source_name", "original_script", "text",
                          "char_count", "quality_flags", "duplicate_of"),
    "event_mentions": ("mention_id", "doc_id", "event_type", "parties", "date", "event_date", "agreements",
                       "domains", "evidence"),
    "events": ("event_id", "event_type", "parties", "date", "event_date", "agreements", "domains", "evidence",
               "mention_count", "doc_ids"),
    "official_mentions": ("doc_id", "name", "title", "region"),
    "regions": ("name", "event_count", "first_date", "last_date"),
    "officials": ("name", "region", "doc_count", "first_date", "last_date"),
    "agreements": ("name", "parties", "event_count", "first_date", "last_date"),
    "region_pairs": ("region_a", "region_b", "event_count", "first_date", "last_date", "domains"),
    "region_activity": ("region", "year", "event_count"),
    "domain_trends": ("domain", "year", "event_count"),
}
EVENT_TYPES = ("agreement_signing", "friendship_established", "joint_meeting", "delegation_visit")
DOCUMENT_STATUSES = ("processed", "rejected", "superseded")
