"""Reading one inbox file: identity by content hash, a size limit, decoding.

Every outcome is a record, never an exception: a file that cannot become an article is
`rejected` with a short reason, so that nothing that entered the inbox goes unaccounted for.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cooperation_pipeline.core.decoding import RejectedInput, decode_bytes

# Reasons a file is rejected; documented in the README.
REJECT_MISSING = "missing"          # gone between planning and reading
REJECT_UNREADABLE = "unreadable"    # the OS refused to read it
REJECT_TOO_LARGE = "too_large"      # above COOP_MAX_FILE_BYTES


@dataclass
class IntakeRecord:
    status: str                          # "processed" | "rejected"
    reject_reason: str | None = None
    content_sha256: str | None = None
    byte_size: int = 0
    encoding: str | None = None
    decode_flags: list[str] = field(default_factory=list)
    text: str | None = None

    @property
    def doc_id(self) -> str | None:
        """Documents are named by their bytes: the same bytes under two names are one document."""
        return self.content_sha256[:16] if self.content_sha256 else None


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def read_inbox_file(path: Path, max_bytes: int) -> IntakeRecord:
    """Hash and decode one file; oversized files are hashed in blocks but never loaded whole."""
    try:
        if path.stat().st_size > max_bytes:
            sha, size = _hash_file(path)
            return IntakeRecord("rejected", REJECT_TOO_LARGE, sha, size)
        data = path.read_bytes()
    except FileNotFoundError:
        return IntakeRecord("rejected", REJECT_MISSING)
    except OSError:
        return IntakeRecord("rejected", REJECT_UNREADABLE)
    record = IntakeRecord("processed", content_sha256=hashlib.sha256(data).hexdigest(), byte_size=len(data))
    try:
        decoded = decode_bytes(data)
    except RejectedInput as rejected:
        record.status, record.reject_reason = "rejected", rejected.reason
        return record
    record.encoding, record.decode_flags, record.text = decoded.encoding, list(decoded.flags), decoded.text
    return record
