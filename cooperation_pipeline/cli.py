"""`coop`: run the pipeline, query the warehouse, see what is in the inbox, score against gold."""

from __future__ import annotations

import argparse
import atexit
import json
import os
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from cooperation_pipeline.settings import Settings, ensure_dagster_home, load_settings


# --- printing ------------------------------------------------------------------------------------
def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Cut to ``width`` columns with an ellipsis; looks at no more characters than fit."""
    used = 0
    for end, ch in enumerate(text):
        used += display_width(ch)
        if used > width:
            cut, used = end, used - display_width(ch)
            while cut and used > width - 1:
                cut -= 1
                used -= display_width(text[cut])
            return text[:cut] + "…"
    return text


def _text(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value).replace("\n", " ")


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    """An aligned text table that keeps CJK columns straight."""
    cells = [[_fit(_text(v), max_width) for v in row] for row in rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " │ ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    return "\n".join([line(columns), rule] + [line(r) for r in cells])


# How long `coop run` waits before its second look at recently modified files.
SECOND_LOOK_SECONDS = 1.0


# --- commands ------------------------------------------------------------------------------------
def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from cooperation_pipeline.parallel import start_warm_workers

    start_warm_workers()  # the NLP loads on the other core while this process imports, plans, starts Dagster
    from cooperation_pipeline.core.charts import warm_up_in_background

    warm_up_in_background()  # and matplotlib with the CJK font, on a thread, for the pictures at the end
    ensure_dagster_home(settings)
    import dagster as dg

    from cooperation_pipeline.definitions import build_definitions
    from cooperation_pipeline.jobs import BATCH_ASSETS
    from cooperation_pipeline.partitions import batches
    from cooperation_pipeline.planning import Plan, plan_new_batches
    from cooperation_pipeline.resources import CoopResource

    coop = CoopResource.from_settings(settings)
    warehouse = coop.warehouse()
    plan = plan_new_batches(settings.inbox, warehouse, settings.max_batch_files, settings.settle_seconds)
    if plan.waiting:  # recently modified: look again in a moment, plan what has stopped changing
        time.sleep(SECOND_LOOK_SECONDS)
        second = plan_new_batches(settings.inbox, warehouse, settings.max_batch_files, settings.settle_seconds,
                                  previous=plan.waiting_observations())
        plan = Plan(plan.batch_ids + second.batch_ids, second.waiting, plan.deleted + second.deleted)
    pending = warehouse.pending_batches()
    print(f"inbox {settings.inbox}: {len(plan.batch_ids)} new batch(es) planned, {len(pending)} to run")
    if plan.deleted:
        print(f"{len(plan.deleted)} file(s) deleted from the inbox since the last run: "
              + ", ".join(plan.deleted[:5]))
    if plan.waiting:
        print(f"{len(plan.waiting)} file(s) still being written, left for the next run: "
              + ", ".join(f.path for f in plan.waiting[:5]))
    os.environ.setdefault("COOP_PROGRESS", "1" if sys.stderr.isatty() else "0")  # bars for a person watching
    instance = dg.DagsterInstance.get()
    definitions = build_definitions(coop)
    log_config = {"loggers": {"console": {"config": {"log_level": "DEBUG" if args.verbose else "WARNING"}}}}
    if not pending:
        if warehouse.aggregates_stale():  # an earlier run stopped before recomputing them
            print("recomputing entity tables and metrics (files were deleted, or a run was interrupted) ...",
                  flush=True)
            result = definitions.resolve_job_def("reconcile").execute_in_process(
                instance=instance, raise_on_error=False, run_config=log_config)
            print_summary(settings)
            return 0 if result.success else 1
        print("nothing new: the warehouse is up to date")
        warehouse.publish_views()
        return 0

    known = set(instance.get_dynamic_partitions(batches.name))
    instance.add_dynamic_partitions(batches.name, [b for b in pending if b not in known])
    job = definitions.resolve_job_def("ingest_batch")
    failed = 0
    # A backlog of batches recomputes the all-batch tables once, with the last batch, not after each.
    batch_only = [dg.AssetKey(key) for key in BATCH_ASSETS]
    for number, batch_id in enumerate(pending, 1):
        files = warehouse.read_manifest(batch_id).num_rows
        started = time.monotonic()
        print(f"[{number}/{len(pending)}] batch {batch_id}: {files} file(s) ...", flush=True)
        result = job.execute_in_process(
            instance=instance, partition_key=batch_id, raise_on_error=False, run_config=log_config,
            asset_selection=batch_only if number < len(pending) else None)
        status = "ok" if result.success else "FAILED"
        failed += not result.success
        print(f"[{number}/{len(pending)}] batch {batch_id}: {status} in {time.monotonic() - started:.1f}s "
              f"(run {result.run_id})", flush=True)
    print_summary(settings)
    return 1 if failed else 0


SUMMARY_QUERIES = {
    "documents": "SELECT status, count(*) AS files FROM documents GROUP BY status ORDER BY status",
    "tables": """SELECT 'cleaned_documents' AS "table", count(*) AS rows FROM cleaned_documents
        UNION ALL SELECT 'event_mentions', count(*) FROM event_mentions
        UNION ALL SELECT 'events', count(*) FROM events
        UNION ALL SELECT 'official_mentions', count(*) FROM official_mentions
        UNION ALL SELECT 'regions', count(*) FROM regions
        UNION ALL SELECT 'region_pairs', count(*) FROM region_pairs""",
    "top region pairs": "SELECT region_a, region_b, event_count, first_date, last_date FROM region_pairs LIMIT 10",
}


def print_summary(settings: Settings) -> None:
    from cooperation_pipeline.warehouse import Warehouse

    import duckdb

    with Warehouse(settings.warehouse).connect_readonly() as con:
        for title, sql in SUMMARY_QUERIES.items():
            try:
                cursor = con.execute(sql)
            except duckdb.CatalogException as error:  # a failed first run leaves tables unwritten
                print(f"\n{title}: not available yet ({str(error).splitlines()[0]})")
                continue
            print(f"\n{title}:\n" + format_table([d[0] for d in cursor.description], cursor.fetchall()))
    print(f"\nwarehouse: {settings.warehouse}  (coop sql \"SELECT * FROM region_pairs\")")


def cmd_sql(settings: Settings, args: argparse.Namespace) -> int:
    from cooperation_pipeline import queries
    from cooperation_pipeline.warehouse import Warehouse

    if args.format == "parquet" and not args.output:
        raise ValueError("--format parquet needs --output PATH")
    with Warehouse(settings.warehouse).connect_readonly() as con:
        if args.format == "parquet":
            relation = con.sql(args.query)
            if relation is None:  # a statement without a result
                return 0
            count = queries.write_parquet(relation.to_arrow_table(), Path(args.output))
        else:
            cursor = con.execute(args.query)
            if cursor.description is None:
                return 0
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            count = len(rows)
            if args.format == "csv":
                text = queries.to_csv(columns, rows)
            elif args.format == "json":
                text = queries.to_json(columns, rows)
            else:
                text = format_table(columns, rows, max_width=args.max_width) + "\n"
                if not args.output:
                    text += f"({count} row{'s' if count != 1 else ''})\n"
            if not args.output:
                sys.stdout.write(text)
                return 0
            queries.write_atomically(Path(args.output), text)
    print(f"{count} row{'s' if count != 1 else ''} written to {args.output}", file=sys.stderr)
    return 0


def cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    from cooperation_pipeline.inbox import new_files, scan_inbox
    from cooperation_pipeline.warehouse import Warehouse

    warehouse = Warehouse(settings.warehouse)
    scanned = scan_inbox(settings.inbox)
    seen = warehouse.seen_files() if warehouse.table_dir("_manifest").exists() else set()
    unplanned = new_files(scanned, seen)
    pending_batches = warehouse.pending_batches() if seen else []
    pending_files = sum(warehouse.read_manifest(b).num_rows for b in pending_batches)
    counts: Counter[str] = Counter()
    rejected: list[tuple[str, str]] = []
    if warehouse.whole_file("documents").exists():
        docs = warehouse.read_whole("documents").to_pylist()
        counts.update(d["status"] for d in docs)
        rejected = [(d["source_path"], d["reject_reason"]) for d in docs if d["status"] == "rejected"]
    in_inbox = {f.path for f in scanned}
    gone = sorted({path for path, _, _ in seen} - in_inbox)
    rows = [
        ("files in the inbox", len(scanned)),
        ("processed", counts["processed"]),
        ("rejected", counts["rejected"]),
        ("superseded (older versions)", counts["superseded"]),
        ("pending (planned, not yet run)", pending_files),
        ("new (not yet planned)", len(unplanned)),
        ("seen before, no longer in the inbox", len(gone)),
    ]
    print(f"inbox:     {settings.inbox}\nwarehouse: {settings.warehouse}\n")
    print(format_table(["", "files"], rows))
    if rejected:
        print("\nrejected:\n" + format_table(["source_path", "reject_reason"], rejected))
    return 0


def cmd_evaluate(settings: Settings, args: argparse.Namespace) -> int:
    from cooperation_pipeline.core.evaluation import score
    from cooperation_pipeline.warehouse import Warehouse

    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    predicted = predictions_by_file(Warehouse(settings.warehouse))
    missing = [d["file"] for d in gold["documents"] if d["file"] not in predicted]
    if missing:
        print(f"warning: {len(missing)} gold file(s) not in the warehouse: {', '.join(missing[:5])}", file=sys.stderr)
    figures = score(gold, predicted)
    documents = figures.pop("documents", [])
    print(format_table(["measure", "value"], list(figures.items())))
    if documents:
        print("\nper document:")
        print(format_table(
            ["file", "tp", "fp", "fn", "false pairs", "missed pairs", "wrong dates", "missed officials"],
            [(d["file"], d["tp"], d["fp"], d["fn"], d.get("false_pairs"), d.get("missed_pairs"),
              len(d.get("wrong_dates") or []), d.get("missed_officials")) for d in documents],
        ))
    return 0


def predictions_by_file(warehouse) -> dict[str, dict[str, list[dict]]]:
    """Event and official mentions of the current documents, keyed by file name (as gold files are)."""
    with warehouse.connect_readonly() as con:
        docs = con.execute(
            "SELECT doc_id, source_path FROM documents WHERE status = 'processed'").fetchall()
        predicted: dict[str, dict[str, list[dict]]] = {}
        by_doc: dict[str, dict[str, list[dict]]] = {}
        for doc_id, path in docs:
            entry = {"events": [], "officials": []}
            predicted[Path(path).name] = entry
            by_doc[doc_id] = entry
        for kind, table in (("events", "event_mentions"), ("officials", "official_mentions")):
            cursor = con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                record = dict(zip(names, row))
                if record["doc_id"] in by_doc:
                    if kind == "events":
                        record["type"] = record["event_type"]
                    by_doc[record["doc_id"]][kind].append(record)
    return predicted


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coop", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="plan new inbox files and materialize them and everything downstream")
    run.add_argument("--verbose", action="store_true", help="show Dagster's event log on the console")
    sql = sub.add_parser("sql", help="run a SQL query against the warehouse and print a table")
    sql.add_argument("query")
    sql.add_argument("--max-width", type=int, default=60, help="widest a cell is printed (default 60)")
    sql.add_argument("--format", choices=("table", "csv", "json", "parquet"), default="table",
                     help="table (aligned, default), csv, json (one array of objects), parquet (needs --output)")
    sql.add_argument("--output", "-o", metavar="PATH", help="write the result to PATH (atomically) instead of stdout")
    sub.add_parser("status", help="what is in the inbox: processed, rejected, superseded, pending")
    evaluate = sub.add_parser("evaluate", help="score the warehouse against gold annotations (seeds.json format)")
    evaluate.add_argument("gold")
    return parser


COMMANDS = {"run": cmd_run, "sql": cmd_sql, "status": cmd_status, "evaluate": cmd_evaluate}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    try:
        return COMMANDS[args.command](settings, args)
    except Exception as error:  # a clear one-line error for the user; the traceback with COOP_DEBUG=1
        if os.environ.get("COOP_DEBUG"):
            raise
        print(f"coop {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2


def console_entry() -> None:
    """The `coop` command: main(), then exit without tearing the interpreter down.

    After a run the process holds Dagster, DuckDB, the NLP dictionaries and their caches; freeing them
    object by object at exit took 0.65 s of a 5.8 s one-article update. Everything is written by then
    (atomically), so the exit handlers run (worker shutdown, log flushing) and the process ends.
    """
    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # a reader that went away (coop sql ... | head)
            pass
    os._exit(code)


if __name__ == "__main__":
    console_entry()
