"""Where the inbox, the warehouse and the Dagster instance live.

One place reads the environment so that `coop`, `dagster dev` and the tests agree.
Relative paths are taken from the current directory, the project root in normal use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INBOX = "data/seeds"
DEFAULT_WAREHOUSE = "data/warehouse"
DEFAULT_DAGSTER_HOME = "data/dagster_home"
# Files above this size are rejected rather than read into memory (reason "too_large").
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# A batch never holds more files than this: runs stay bounded however full the inbox is.
DEFAULT_MAX_BATCH_FILES = 5000
# A new file is read only once it has looked the same twice, or has not changed for this long.
DEFAULT_SETTLE_SECONDS = 10.0


@dataclass(frozen=True)
class Settings:
    inbox: Path
    warehouse: Path
    dagster_home: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_batch_files: int = DEFAULT_MAX_BATCH_FILES
    settle_seconds: float = DEFAULT_SETTLE_SECONDS


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read COOP_INBOX, COOP_WAREHOUSE, DAGSTER_HOME and the limits, with project defaults."""
    env = os.environ if environ is None else environ
    return Settings(
        inbox=Path(env.get("COOP_INBOX") or DEFAULT_INBOX).resolve(),
        warehouse=Path(env.get("COOP_WAREHOUSE") or DEFAULT_WAREHOUSE).resolve(),
        dagster_home=Path(env.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).resolve(),
        max_file_bytes=int(env.get("COOP_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES),
        max_batch_files=int(env.get("COOP_MAX_BATCH_FILES") or DEFAULT_MAX_BATCH_FILES),
        settle_seconds=float(env.get("COOP_SETTLE_SECONDS") or DEFAULT_SETTLE_SECONDS),
    )


INSTANCE_YAML = """\
# Written by coop when DAGSTER_HOME had no dagster.yaml: a local instance (SQLite storage under
# this folder). Edit freely; coop never overwrites it. See the README for PostgreSQL storage.
telemetry:
  enabled: false
"""


def ensure_dagster_home(settings: Settings) -> Path:
    """Create DAGSTER_HOME (with a dagster.yaml) and export it, so `coop` and the UI share one instance."""
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    config = settings.dagster_home / "dagster.yaml"
    if not config.exists():
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(settings.dagster_home)
    return settings.dagster_home
