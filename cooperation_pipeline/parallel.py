"""Document-level work on every core: processes, not threads (the NLP is pure Python and holds the GIL).

Small batches run in the calling process: starting workers costs more than a handful of
documents, and the one-new-article update must stay cheap. The exception is a caller that
started the warm workers early (`coop run` does, before Dagster's own start-up): the worker
fork server then loads the gazetteer, jieba and OpenCC on the other core while Dagster starts,
and even one document is handed to a worker forked warm from it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many documents a batch is processed in the calling process.
MIN_PARALLEL_ITEMS = 200
# Modules the workers import once, before forking: the gazetteer and dictionaries load once per pool.
_PRELOAD = ["cooperation_pipeline.warm_worker"]


_warm_started = False


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def start_warm_workers() -> None:
    """Start the worker fork server now (it preloads the NLP in its own process, on another core);
    from then on every batch, however small, runs on workers forked warm from it."""
    global _warm_started
    if worker_count() > 1:
        _context()
        from multiprocessing import forkserver

        forkserver.ensure_running()
        _warm_started = True


def worker_count() -> int:
    """COOP_WORKERS, else every core."""
    return max(1, int(os.environ.get("COOP_WORKERS") or os.cpu_count() or 1))


def process_map(fn: Callable[[T], R], items: Sequence[T], progress: Callable[[int], None] | None = None,
                workers: int | None = None) -> Iterator[R]:
    """`map(fn, items)` in input order, on worker processes when the batch is large enough."""
    workers = workers or worker_count()
    if not items or workers == 1 or (len(items) < MIN_PARALLEL_ITEMS and not _warm_started):
        for item in items:
            yield fn(item)
            if progress:
                progress(1)
        return
    # forkserver: workers are forked from a clean server process, never from this one with its
    # Dagster threads and locks; the preload makes each worker start warm.
    workers = min(workers, len(items))
    chunksize = max(1, min(64, len(items) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        for result in pool.map(fn, items, chunksize=chunksize):
            yield result
            if progress:
                progress(1)


class Progress:
    """A progress bar on the terminal of `coop run` (COOP_PROGRESS=1) and milestones in the run log."""

    def __init__(self, label: str, total: int, log: Callable[[str], None]):
        self.label, self.total, self.log, self.done = label, total, log, 0
        self._next_milestone = 0.1
        self._bar = None
        if os.environ.get("COOP_PROGRESS") == "1" and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)

    def __call__(self, count: int) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
        if self.total and self.done / self.total >= self._next_milestone:
            self.log(f"{self.label}: {self.done}/{self.total} documents")
            while self.done / self.total >= self._next_milestone:
                self._next_milestone += 0.1

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
