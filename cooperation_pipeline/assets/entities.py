"""Entity tables: one row per region, per official (name + region), per agreement."""


import dagster as dg
import pyarrow as pa

from cooperation_pipeline.assets.aggregate import Part, materialize_sql, one_step
from cooperation_pipeline.assets.events import CURRENT_DOCUMENTS_SQL, events
from cooperation_pipeline.assets.raw import documents
from cooperation_pipeline.core.officials import link_posts
from cooperation_pipeline.core.regions import Gazetteer
from cooperation_pipeline.warehouse import Warehouse

# Year-known dates only: "--05-11" says nothing about when in history an event happened.
DATED = "date IS NOT NULL AND date NOT LIKE '--%'"

REGIONS_SQL = f"""
WITH membership AS (
    SELECT e.event_id, e.event_type, e.date, e.mention_count, p.region
    FROM events e, unnest(e.parties) AS p(region)
),
partners AS (
    SELECT a.region, count(DISTINCT b.region) AS partner_count
    FROM membership a JOIN membership b ON a.event_id = b.event_id AND a.region <> b.region
    GROUP BY a.region
)
SELECT m.region AS name, g.level, g.country, g.province, g.adcode, g.longitude, g.latitude,
    count(DISTINCT m.event_id) AS event_count,
    count(DISTINCT m.event_id) FILTER (WHERE m.event_type IN ('agreement_signing', 'friendship_established')) AS signing_count,
    sum(m.mention_count) AS mention_count,
    coalesce(any_value(pt.partner_count), 0) AS partner_count,
    min(m.date) FILTER (WHERE {DATED.replace('date', 'm.date')}) AS first_date,
    max(m.date) FILTER (WHERE {DATED.replace('date', 'm.date')}) AS last_date
FROM membership m
LEFT JOIN partners pt ON pt.region = m.region
LEFT JOIN gazetteer g ON g.name = m.region
GROUP BY m.region, g.level, g.country, g.province, g.adcode, g.longitude, g.latitude
ORDER BY event_count DESC, name
"""

CURRENT_OFFICIAL_MENTIONS_SQL = f"""
SELECT o.mention_id, o.doc_id, o.name, o.title, o.region, o.role, cur.publish_date
FROM official_mentions o JOIN ({CURRENT_DOCUMENTS_SQL}) cur ON cur.doc_id = o.doc_id
"""

# Only a name seen in two or more regions can link across regions (link_posts); every other
# mention's person is its name in its region, or the mention alone when it has no region.
# One row per post (name, region, title): what decides a link, whatever the number of mentions.
POSTS_SQL = f"""
SELECT m.name, m.region, coalesce(m.title, '') AS title, max(m.publish_date) AS last_date,
    bool_or(m.publish_date IS NULL) AS undated
FROM ({CURRENT_OFFICIAL_MENTIONS_SQL}) m
WHERE coalesce(m.region, '') <> '' AND coalesce(m.name, '') <> ''
  AND m.name IN (SELECT name FROM official_mentions WHERE coalesce(region, '') <> ''
                 GROUP BY name HAVING count(DISTINCT region) > 1)
GROUP BY ALL
"""

# One row per person: the same name in two regions is two people unless link_posts found
# evidence (a title naming the other region's post); `region` is the latest one seen.
OFFICIALS_SQL = f"""
WITH linked AS (
    SELECT m.*, coalesce(k.person_key, CASE WHEN coalesce(m.name, '') <> '' AND coalesce(m.region, '') <> ''
                                            THEN m.name || '@' || m.region
                                            ELSE coalesce(m.name, '') || '@?' || m.mention_id END) AS person_key
    FROM ({CURRENT_OFFICIAL_MENTIONS_SQL}) m LEFT JOIN person_keys k ON k.name = m.name AND k.region = m.region
)
SELECT substr(sha256(person_key), 1, 16) AS person_id,
    any_value(name) AS name,
    arg_max(region, coalesce(publish_date, DATE '1900-01-01')) AS region,
    list(DISTINCT region ORDER BY region) FILTER (WHERE region IS NOT NULL) AS regions,
    list(DISTINCT title ORDER BY title) AS titles,
    list(DISTINCT role ORDER BY role) FILTER (WHERE role IS NOT NULL) AS roles,
    count(*) AS mention_count, count(DISTINCT doc_id) AS doc_count,
    min(publish_date) AS first_date, max(publish_date) AS last_date
FROM linked
GROUP BY person_key
ORDER BY doc_count DESC, name
"""

AGREEMENTS_SQL = f"""
WITH named AS (
    SELECT e.event_id, e.event_type, e.parties, e.date, e.mention_count, e.doc_ids, a.agreement
    FROM events e, unnest(e.agreements) AS a(agreement)
)
SELECT substr(sha256(agreement || '|' || array_to_string(parties, '|')), 1, 16) AS agreement_id,
    agreement AS name, parties,
    list(DISTINCT event_type ORDER BY event_type) AS event_types,
    count(DISTINCT event_id) AS event_count, sum(mention_count) AS mention_count,
    min(date) FILTER (WHERE {DATED}) AS first_date, max(date) FILTER (WHERE {DATED}) AS last_date,
    list_sort(list_distinct(flatten(list(doc_ids)))) AS doc_ids
FROM named
GROUP BY agreement, parties
ORDER BY event_count DESC, name
"""


def gazetteer_rows(names: list[str]) -> pa.Table:
    """Level, province and coordinates of the regions that occur, from the packaged gazetteer."""
    gazetteer = Gazetteer.load()
    rows = []
    for name in names:
        region = gazetteer.region_for(name)
        rows.append({
            "name": name,
            "level": region.level if region else None,
            "country": region.country if region else None,
            "province": region.province if region else None,
            "adcode": region.adcode if region else None,
            "longitude": region.longitude if region else None,
            "latitude": region.latitude if region else None,
        })
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("name", pa.string()), ("level", pa.string()), ("country", pa.string()), ("province", pa.string()),
        ("adcode", pa.string()), ("longitude", pa.float64()), ("latitude", pa.float64()),
    ]))


def _regions(warehouse: Warehouse, key: dg.AssetKey, checks: frozenset) -> dg.MaterializeResult:
    with warehouse.query_connection() as con:
        names = [r[0] for r in con.execute("SELECT DISTINCT unnest(parties) FROM events").fetchall()]
    return materialize_sql(warehouse, "regions", REGIONS_SQL, {"gazetteer": gazetteer_rows(sorted(names))},
                           asset_key=key)


def _officials(warehouse: Warehouse, key: dg.AssetKey, checks: frozenset) -> dg.MaterializeResult:
    with warehouse.query_connection() as con:
        posts = con.sql(POSTS_SQL).to_arrow_table().to_pylist()
    linked = link_posts(posts)
    keys = pa.table({"name": [n for n, _ in linked], "region": [r for _, r in linked],
                     "person_key": list(linked.values())},
                    schema=pa.schema([("name", pa.string()), ("region", pa.string()), ("person_key", pa.string())]))
    return materialize_sql(warehouse, "officials", OFFICIALS_SQL, {"person_keys": keys}, asset_key=key)


def _agreements(warehouse: Warehouse, key: dg.AssetKey, checks: frozenset) -> dg.MaterializeResult:
    return materialize_sql(warehouse, "agreements", AGREEMENTS_SQL, asset_key=key)


entity_tables = one_step("entity_tables", "entities", {"duckdb", "parquet"}, {
    "regions": Part(_regions, [events], "One row per region that takes part in an event: level, province, "
                    "coordinates, event and partner counts, first and last (year-known) dates."),
    "officials": Part(_officials, ["official_mentions", documents], "One row per official: the same name in two "
                      "regions is two people unless a title gives evidence that one person moved (then `regions` "
                      "lists both and `region` is the latest); titles, roles, document counts, first and last "
                      "publish dates."),
    "agreements": Part(_agreements, [events], "One row per named agreement and its parties: event types, counts, "
                       "dates, documents."),
})
