"""Turning new inbox files into planned batches: shared by the sensor and `coop run`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping, Sequence

from cooperation_pipeline.inbox import InboxFile, chunk, is_settled, new_batch_id, new_files, scan_inbox
from cooperation_pipeline.warehouse import Warehouse


@dataclass
class Plan:
    batch_ids: list[str] = field(default_factory=list)
    waiting: list[InboxFile] = field(default_factory=list)   # new, but possibly still being written
    deleted: list[str] = field(default_factory=list)          # gone from the inbox since the last look

    def waiting_observations(self) -> dict[str, list[int]]:
        """What the waiting files looked like, for the next look to compare against."""
        return {f.path: [f.size, f.mtime_ns] for f in self.waiting}


def plan_new_batches(inbox: Path, warehouse: Warehouse, max_batch_files: int, settle_seconds: float,
                     previous: Mapping[str, Sequence[int]] | None = None,
                     now: datetime | None = None) -> Plan:
    """Record every new or changed, settled inbox file in the manifest, in bounded batches.

    The manifest is written before any run is requested, so a crash between the two leaves a
    pending batch that the next tick requests again, never a file that is silently dropped.
    Files that may still be written are left for a later look; files that disappeared are
    recorded as deleted.
    """
    now = now or datetime.now(timezone.utc)
    warehouse.remove_orphaned_temporaries()
    scanned = scan_inbox(inbox)
    seen, present = warehouse.inbox_state()
    fresh = new_files(scanned, seen)
    now_ns, settle_ns = time.time_ns(), int(settle_seconds * 1e9)
    plan = Plan()
    ready = []
    for f in fresh:
        (ready if is_settled(f, previous or {}, now_ns, settle_ns) else plan.waiting).append(f)
    # A deleted file is marked, not silently kept counting: its events leave the metrics.
    plan.deleted = sorted(present - {f.path for f in scanned})
    if plan.deleted:
        warehouse.record_deletions(plan.deleted, now)
    for files in chunk(ready, max_batch_files):
        batch_id = new_batch_id(files, now)
        warehouse.record_plan(batch_id, files, now)
        plan.batch_ids.append(batch_id)
    return plan
