"""Query results out of the warehouse in the formats analysts take elsewhere: CSV, JSON, Parquet.

Used by `coop sql --format ... --output ...`. Files are written atomically (temporary file, rename).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import decimal
import io
import json
import uuid
from pathlib import Path
from typing import Any, Sequence

FORMATS = ("table", "csv", "json", "parquet")


def json_value(value: Any) -> Any:
    """A DuckDB value as plain JSON: dates and times as ISO strings, decimals as numbers."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def to_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """One JSON array of objects, keys in column order."""
    records = [{c: json_value(v) for c, v in zip(columns, row)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(json_value(value), ensure_ascii=False)
    value = json_value(value)
    return value


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """RFC 4180 CSV with a header; lists as JSON arrays, NULL as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes | str) -> Path:
    from cooperation_pipeline.warehouse import _replace_atomically

    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    _replace_atomically(lambda tmp: tmp.write_bytes(payload), path)
    return path


def write_parquet(table, path: Path) -> int:
    """Write an Arrow table (a query's result) as Parquet at `path`, atomically; returns its rows."""
    import pyarrow.parquet as pq

    from cooperation_pipeline.warehouse import _replace_atomically

    _replace_atomically(lambda tmp: pq.write_table(table, tmp, compression="zstd"), Path(path))
    return table.num_rows
