"""Turning new inbox files into planned batches: shared by the sensor and `coop run`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from cooperation_pipeline.inbox import chunk, new_batch_id, new_files, scan_inbox
from cooperation_pipeline.warehouse import Warehouse


def plan_new_batches(inbox: Path, warehouse: Warehouse, max_batch_files: int,
                     now: datetime | None = None) -> list[str]:
    """Record every new or changed inbox file in the manifest, in bounded batches; return their ids.

    The manifest is written before any run is requested, so a crash between the two leaves a
    pending batch that the next tick requests again, never a file that is silently dropped.
    """
    now = now or datetime.now(timezone.utc)
    warehouse.ensure_schemas()
    fresh = new_files(scan_inbox(inbox), warehouse.seen_files())
    batch_ids = []
    for files in chunk(fresh, max_batch_files):
        batch_id = new_batch_id(files, now)
        warehouse.record_plan(batch_id, files, now)
        batch_ids.append(batch_id)
    return batch_ids
