"""The one resource: where the inbox and the warehouse are. Locally folders; on a cluster, mounts."""


from pathlib import Path

import dagster as dg

from cooperation_pipeline.settings import Settings, load_settings
from cooperation_pipeline.warehouse import Warehouse


class CoopResource(dg.ConfigurableResource):
    """Paths and limits, defaulting to the environment (COOP_INBOX, COOP_WAREHOUSE, ...)."""

    inbox: str
    warehouse_root: str
    max_file_bytes: int
    max_batch_files: int
    settle_seconds: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "CoopResource":
        settings = settings or load_settings()
        return cls(
            inbox=str(settings.inbox),
            warehouse_root=str(settings.warehouse),
            max_file_bytes=settings.max_file_bytes,
            max_batch_files=settings.max_batch_files,
            settle_seconds=settings.settle_seconds,
        )

    @property
    def inbox_path(self) -> Path:
        return Path(self.inbox)

    def warehouse(self) -> Warehouse:
        return Warehouse(Path(self.warehouse_root))
