"""Pipeline benchmark: prints, in one run and on one synthetic corpus (bench/corpus.py):

  1. baseline: documents/s of a bare `jieba.lcut` pass over the files, in one process;
  2. documents/s of a full `coop run` over the same files (a fresh warehouse) and its ratio to (1);
  3. the wall time of `coop run` after adding one article to that warehouse, as a share of (2);
  4. peak memory (RSS summed over the `coop run` process tree, sampled every 0.1 s);
  5. one inbox-sensor tick with the whole corpus seen (what the daemon pays every 30 s).

Usage: .venv/bin/python bench/bench_pipeline.py [--docs 10000] [--seed 42] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

BIN = Path(sys.executable).parent


def jieba_baseline(paths: list[Path]) -> float:
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for path in paths:
        jieba.lcut(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def _tree_rss(root: int) -> int:
    """RSS in bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            pid, ppid = int(entry), int(fields[1])
            children.setdefault(ppid, []).append(pid)
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed_coop_run(env: dict) -> tuple[float, int, str]:
    started = time.perf_counter()
    process = subprocess.Popen([str(BIN / "coop"), "run"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"coop run failed:\n{output[-3000:]}")
    return time.perf_counter() - started, peak, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=None, help="kept afterwards when given")
    parser.add_argument("--no-baseline", action="store_true", help="skip the jieba pass (for the 100k scale run)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="coop-bench-"))
    inbox, warehouse = workdir / "inbox", workdir / "warehouse"
    for folder in (inbox, warehouse, workdir / "dagster_home"):
        shutil.rmtree(folder, ignore_errors=True)
    env = {**os.environ, "COOP_INBOX": str(inbox), "COOP_WAREHOUSE": str(warehouse),
           "DAGSTER_HOME": str(workdir / "dagster_home"), "COOP_SETTLE_SECONDS": "0", "COOP_PROGRESS": "0"}

    t0 = time.perf_counter()
    paths = write_corpus(inbox, args.docs, args.seed)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"corpus: {args.docs} articles, {megabytes:.1f} MB, seed {args.seed} ({time.perf_counter() - t0:.1f}s to write)")

    baseline = None if args.no_baseline else jieba_baseline(paths)
    if baseline:
        print(f"baseline  bare jieba.lcut, 1 process:   {baseline:8.1f} s  {args.docs / baseline:8.1f} docs/s")

    full, peak, output = timed_coop_run(env)
    ratio = f"   ratio to baseline {full / baseline:.2f}  (target <= 1.0)" if baseline else ""
    print(f"full      coop run, fresh warehouse:    {full:8.1f} s  {args.docs / full:8.1f} docs/s{ratio}")
    print(f"          batches: {output.count('batch ') // 2}, all ok: {'FAILED' not in output}")
    print(f"peak memory of the coop run tree:       {peak / 1e9:8.2f} GB  (target < 1.5 GB)")

    import duckdb

    def snapshot() -> dict:
        with duckdb.connect(str(warehouse / "cooperation.duckdb"), read_only=True) as con:
            return {r[0]: r[1:] for r in con.execute(
                "SELECT source_path, batch_id, ingested_at, status FROM documents").fetchall()}

    before = snapshot()
    new = write_corpus(inbox / "new", 1, args.seed + 1, start=args.docs)[0]
    update, _, _ = timed_coop_run(env)
    after = snapshot()
    rel = new.relative_to(inbox).as_posix()
    untouched = all(after.get(k) == v for k, v in before.items())
    with duckdb.connect(str(warehouse / "cooperation.duckdb"), read_only=True) as con:
        doc_id = con.execute("SELECT doc_id FROM documents WHERE source_path = ?", [rel]).fetchone()[0]
        mentions = con.execute("SELECT count(*) FROM event_mentions WHERE doc_id = ?", [doc_id]).fetchone()[0]
        in_events = con.execute("SELECT count(*) FROM events WHERE list_contains(doc_ids, ?)", [doc_id]).fetchone()[0]
    print(f"update    coop run, +1 article:         {update:8.1f} s  = {update / full:.1%} of the full run"
          f" (target < 10%)")
    print(f"          earlier rows untouched: {untouched}; new article: {mentions} mention(s), in {in_events} event(s)")

    from dagster import build_sensor_context, instance_for_test

    from cooperation_pipeline.resources import CoopResource
    from cooperation_pipeline.sensors import inbox_sensor

    coop = CoopResource(inbox=str(inbox), warehouse_root=str(warehouse), max_file_bytes=20 << 20,
                        max_batch_files=5000, settle_seconds=0)
    with instance_for_test() as instance:
        started = time.perf_counter()
        result = inbox_sensor(build_sensor_context(instance=instance, resources={"coop": coop}))
        tick = time.perf_counter() - started
    print(f"sensor    one tick over {args.docs + 1} seen files:  {tick:6.2f} s  (target < 10 s;"
          f" {len(result.run_requests)} run(s) requested)")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
