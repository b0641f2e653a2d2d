"""Shared shape of the all-batch tables: recompute with DuckDB SQL under the warehouse lock."""


from typing import Any, Callable, Mapping, NamedTuple, Sequence

import dagster as dg
import pyarrow as pa

from cooperation_pipeline.assets.metadata import table_metadata
from cooperation_pipeline.checks import ContractCheck
from cooperation_pipeline.resources import CoopResource
from cooperation_pipeline.warehouse import Warehouse


class Part(NamedTuple):
    """One asset of a step that builds several: how, from what, and what it holds."""

    build: Callable[[Warehouse, dg.AssetKey, frozenset], dg.MaterializeResult]  # (…, selected check keys)
    deps: Sequence[Any]
    description: str


def one_step(name: str, group: str, kinds: set[str], parts: Mapping[str, Part],
             check_specs: Sequence[dg.AssetCheckSpec] = ()) -> dg.AssetsDefinition:
    """Several all-batch assets computed in one step: an update pays one step's fixed cost (Dagster's
    events, the step's set-up), not one per table; each asset can still be materialized alone."""
    @dg.multi_asset(
        name=name,
        specs=[dg.AssetSpec(key, deps=part.deps, group_name=group, kinds=kinds,
                            owners=["team:cooperation-pipeline"], description=part.description)
               for key, part in parts.items()],
        check_specs=list(check_specs),
        can_subset=True,
    )
    def step(context: dg.AssetExecutionContext, coop: CoopResource):
        warehouse = coop.warehouse()
        checks = frozenset(context.selected_asset_check_keys)
        for key, part in parts.items():
            if dg.AssetKey(key) in context.selected_asset_keys:
                yield part.build(warehouse, dg.AssetKey(key), checks)
    return step


def materialize_sql(
    warehouse: Warehouse, table: str, sql: str, relations: Mapping[str, pa.Table] | None = None,
    check: ContractCheck | None = None, asset_key: dg.AssetKey | None = None, **extra: Any
) -> dg.MaterializeResult:
    """Write `sql` as the table's Parquet file, publish views, and report its metadata (and its
    contract check's result, when the asset declares one). `asset_key` names the asset inside a
    multi-asset."""
    with warehouse.lock():
        warehouse.write_query(table, sql, relations)
        warehouse.publish_views()
    return dg.MaterializeResult(asset_key=asset_key, metadata=table_metadata(warehouse.read_whole(table), **extra),
                                check_results=[check(warehouse)] if check else None)
