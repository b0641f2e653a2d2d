"""The inbox folder: what is in it, and which files are new work.

A file is new work when its (path, size, mtime) has not been planned before. The record of
what has been planned lives in the warehouse manifest, not in a sensor cursor, so a lost
cursor neither reprocesses nor drops files. Content hashing happens later, in the run.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence


@dataclass(frozen=True)
class InboxFile:
    path: str        # relative to the inbox, "/"-separated
    size: int
    mtime_ns: int


def scan_inbox(inbox: Path) -> list[InboxFile]:
    """Every regular file below the inbox (subfolders included), hidden files and temp files left out."""
    found: list[InboxFile] = []
    if not inbox.is_dir():
        return found
    stack = [inbox]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    rel = Path(entry.path).relative_to(inbox).as_posix()
                    found.append(InboxFile(rel, st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.path)
    return found


def new_files(scanned: Iterable[InboxFile], seen: set[tuple[str, int, int]]) -> list[InboxFile]:
    """Files whose (path, size, mtime) was never planned: new files and changed versions."""
    return [f for f in scanned if (f.path, f.size, f.mtime_ns) not in seen]


def chunk(files: list[InboxFile], size: int) -> Iterator[list[InboxFile]]:
    """Bound batches: a sensor tick over a full inbox yields several runs, not one giant one."""
    for start in range(0, len(files), max(1, size)):
        yield files[start : start + size]


def new_batch_id(files: list[InboxFile], now: datetime | None = None) -> str:
    """Sortable by arrival time, unique by content of the plan: 20261122T031500Z-3f2a9c1b."""
    now = now or datetime.now(timezone.utc)
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.path}\0{f.size}\0{f.mtime_ns}\n".encode())
    digest.update(now.isoformat().encode())
    return f"{now.strftime('%Y%m%dT%H%M%S')}Z-{digest.hexdigest()[:8]}"


def is_settled(f: InboxFile, previous: Mapping[str, Sequence[int]], now_ns: int, settle_ns: int) -> bool:
    """Still being written? A file is settled once it looks the same as at the previous look
    (size and mtime), or has not been modified for the settle time."""
    seen = previous.get(f.path)
    return (seen is not None and tuple(seen) == (f.size, f.mtime_ns)) or now_ns - f.mtime_ns >= settle_ns
