"""Metadata every asset reports: row counts, column schema, a markdown preview."""


from typing import Any

import dagster as dg
import pyarrow as pa

PREVIEW_ROWS = 10
CELL_CHARS = 40


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def markdown_preview(table: pa.Table, rows: int = PREVIEW_ROWS) -> str:
    head = table.slice(0, rows).to_pylist()
    names = table.column_names
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(_cell(r[n]) for n in names) + " |" for r in head]
    return "\n".join(lines)


def column_schema(schema: pa.Schema) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(f.name, str(f.type)) for f in schema])


def table_metadata(table: pa.Table, **extra: Any) -> dict[str, Any]:
    """Row count and schema in Dagster's standard keys (the UI plots row counts over time)."""
    return {
        "dagster/row_count": table.num_rows,
        "dagster/column_schema": column_schema(table.schema),
        "preview": dg.MetadataValue.md(markdown_preview(table)),
        **extra,
    }
