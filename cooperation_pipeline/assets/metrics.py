"""Aggregate metrics: the cooperation network (region pairs) and timelines by region and by domain."""


import dagster as dg

from cooperation_pipeline.checks import region_pairs_contract

from cooperation_pipeline.assets.aggregate import materialize_sql
from cooperation_pipeline.assets.entities import DATED
from cooperation_pipeline.assets.events import events
from cooperation_pipeline.resources import CoopResource

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


@dg.asset(
    deps=[events], group_name="metrics", kinds={"duckdb", "parquet"}, owners=["team:cooperation-pipeline"],
    description="The cooperation network: one row per unordered pair of regions (region_a < region_b) that "
    "took part in the same event, with event and signing counts, first/last year-known dates, domains.",
    check_specs=[region_pairs_contract.spec],
)
def region_pairs(coop: CoopResource) -> dg.MaterializeResult:
    return materialize_sql(coop.warehouse(), "region_pairs", REGION_PAIRS_SQL, check=region_pairs_contract)


@dg.asset(
    deps=[events], group_name="metrics", kinds={"duckdb", "parquet"}, owners=["team:cooperation-pipeline"],
    description="Events per region and year (year NULL where the text gives none).",
)
def region_activity(coop: CoopResource) -> dg.MaterializeResult:
    return materialize_sql(coop.warehouse(), "region_activity", REGION_ACTIVITY_SQL)


@dg.asset(
    deps=[events], group_name="metrics", kinds={"duckdb", "parquet"}, owners=["team:cooperation-pipeline"],
    description="Events per cooperation domain and year (year NULL where the text gives none).",
)
def domain_trends(coop: CoopResource) -> dg.MaterializeResult:
    return materialize_sql(coop.warehouse(), "domain_trends", DOMAIN_TRENDS_SQL)
