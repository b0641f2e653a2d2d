"""Shared shape of the all-batch tables: recompute with DuckDB SQL under the warehouse lock."""


from typing import Any, Mapping

import dagster as dg
import pyarrow as pa

from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.checks import ContractCheck
from cooperation_pipeline.warehouse import Warehouse


def materialize_sql(
    warehouse: Warehouse, table: str, sql: str, relations: Mapping[str, pa.Table] | None = None,
    check: ContractCheck | None = None, **extra: Any
) -> dg.MaterializeResult:
    """Write `sql` as the table's Parquet file, publish views, and report its metadata (and its
    contract check's result, when the asset declares one)."""
    with warehouse.lock():
        warehouse.write_query(table, sql, relations)
        warehouse.publish_views()
    return dg.MaterializeResult(metadata=table_metadata(warehouse.read_whole(table), **extra),
                                check_results=[check(warehouse)] if check else None)
