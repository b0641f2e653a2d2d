"""Aggregate metrics: the cooperation network (region pairs) and timelines by region and by domain."""


import dagster as dg

from cooperation_pipeline.assets.aggregate import Part, materialize_sql, one_step
from cooperation_pipeline.assets.entities import DATED
from cooperation_pipeline.assets.events import events
from cooperation_pipeline.checks import ContractCheck, region_pairs_contract
from cooperation_pipeline.warehouse import Warehouse

YEAR = f"CASE WHEN {DATED} THEN CAST(substr(date, 1, 4) AS INTEGER) END"

REGION_PAIRS_SQL = f"""
WITH pairs AS (
    SELECT e.event_id, e.event_type, e.date, e.domains, a.region AS region_a, b.region AS region_b
    FROM events e, unnest(e.parties) AS a(region), unnest(e.parties) AS b(region)
    WHERE a.region < b.region
)
SELECT region_a, region_b,
    count(DISTINCT event_id) AS event_count,
    count(DISTINCT event_id) FILTER (WHERE event_type IN ('agreement_signing', 'friendship_established')) AS signing_count,
    min(date) FILTER (WHERE {DATED}) AS first_date,
    max(date) FILTER (WHERE {DATED}) AS last_date,
    list_sort(list_distinct(flatten(list(domains)))) AS domains,
    list(DISTINCT event_type ORDER BY event_type) AS event_types
FROM pairs
GROUP BY region_a, region_b
ORDER BY event_count DESC, region_a, region_b
"""

REGION_ACTIVITY_SQL = f"""
SELECT p.region, {YEAR} AS year, count(DISTINCT e.event_id) AS event_count,
    count(DISTINCT e.event_id) FILTER (WHERE e.event_type IN ('agreement_signing', 'friendship_established')) AS signing_count
FROM events e, unnest(e.parties) AS p(region)
GROUP BY ALL
ORDER BY p.region, year NULLS LAST
"""

DOMAIN_TRENDS_SQL = f"""
SELECT d.domain, {YEAR} AS year, count(DISTINCT e.event_id) AS event_count
FROM events e, unnest(e.domains) AS d(domain)
GROUP BY ALL
ORDER BY d.domain, year NULLS LAST
"""


def _metric(sql: str, check: ContractCheck | None = None):
    def build(warehouse: Warehouse, key: dg.AssetKey, checks: frozenset) -> dg.MaterializeResult:
        selected = check if check is not None and check.spec.key in checks else None
        return materialize_sql(warehouse, key.path[-1], sql, check=selected, asset_key=key)
    return build


metric_tables = one_step("metric_tables", "metrics", {"duckdb", "parquet"}, {
    "region_pairs": Part(_metric(REGION_PAIRS_SQL, region_pairs_contract), [events],
                         "The cooperation network: one row per unordered pair of regions (region_a < region_b) that "
                         "took part in the same event, with event and signing counts, first/last year-known dates, "
                         "domains."),
    "region_activity": Part(_metric(REGION_ACTIVITY_SQL), [events],
                            "Events per region and year (year NULL where the text gives none)."),
    "domain_trends": Part(_metric(DOMAIN_TRENDS_SQL), [events],
                          "Events per cooperation domain and year (year NULL where the text gives none)."),
}, check_specs=[region_pairs_contract.spec])
