"""Document work on worker processes: small batches stay in the caller unless warm workers were started."""

import os
import sys

from cooperation_pipeline import parallel


def where(item: int) -> tuple[int, int, bool]:
    """The item, the process it ran in, and whether jieba was loaded there before the call."""
    return item, os.getpid(), "jieba" in sys.modules


def test_a_small_batch_runs_in_the_calling_process_until_warm_workers_start(monkeypatch):
    monkeypatch.setenv("COOP_WORKERS", "2")
    monkeypatch.setattr(parallel, "_warm_started", False)
    assert {pid for _, pid, _ in parallel.process_map(where, [1, 2, 3])} == {os.getpid()}

    parallel.start_warm_workers()
    done = []
    results = list(parallel.process_map(where, [1, 2, 3], progress=done.append))
    assert [item for item, _, _ in results] == [1, 2, 3] and sum(done) == 3
    # forked from the fork server, which loaded the NLP before the first item arrived
    assert all(pid != os.getpid() and warm for _, pid, warm in results)


def test_one_worker_means_the_calling_process(monkeypatch):
    monkeypatch.setenv("COOP_WORKERS", "1")
    monkeypatch.setattr(parallel, "_warm_started", True)
    assert {pid for _, pid, _ in parallel.process_map(where, list(range(300)))} == {os.getpid()}
