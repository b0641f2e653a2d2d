"""Blocking asset checks on the output contract: a bad batch stops before the entity tables and metrics.

Each check runs inside its asset's own step (the asset declares `check.spec` and reports
`check(warehouse)` with its materialization): a separate step per check would cost every update
a step's overhead for a few milliseconds of SQL.
"""

from typing import Callable

import dagster as dg

from cooperation_pipeline.warehouse import CONTRACT, DOCUMENT_STATUSES, EVENT_TYPES, Warehouse


def _failures(warehouse: Warehouse, table: str, probes: dict[str, str]) -> dict[str, int]:
    """Run count(*) probes that should all be zero; also probe the contract's columns."""
    with warehouse.query_connection() as con:
        columns = {r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()}
        failures = {f"missing column {c}": 1 for c in CONTRACT.get(table, ()) if c not in columns}
        if not failures:
            for label, sql in probes.items():
                count = con.execute(sql).fetchone()[0]
                if count:
                    failures[label] = count
    return failures


ContractCheck = Callable[[Warehouse], dg.AssetCheckResult]


def contract_check(asset: str, description: str) -> Callable[[Callable[[Warehouse], dict[str, int]]], ContractCheck]:
    """Turn a function of failure counts into a blocking check of `asset`, with its `spec`."""
    def wrap(probe: Callable[[Warehouse], dict[str, int]]) -> ContractCheck:
        def check(warehouse: Warehouse) -> dg.AssetCheckResult:
            failures = probe(warehouse)
            return dg.AssetCheckResult(
                asset_key=asset, check_name=probe.__name__, passed=not failures,
                metadata={"failures": dg.MetadataValue.json(failures)} if failures else {"failures": 0},
            )
        check.spec = dg.AssetCheckSpec(probe.__name__, asset=asset, blocking=True, description=description)
        check.__name__ = probe.__name__
        return check
    return wrap


@contract_check("documents", "Every planned inbox file has exactly one row per version, a valid status, and a reason when rejected.")
def documents_account_for_every_file(warehouse: Warehouse) -> dict[str, int]:
    statuses = ", ".join(f"'{s}'" for s in DOCUMENT_STATUSES)
    return _failures(warehouse, "documents", {
        "planned files without a row": """
            SELECT count(*) FROM _manifest m
            WHERE m.batch_id IN (SELECT DISTINCT batch_id FROM raw_documents)
              AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_path = m.source_path AND d.batch_id = m.batch_id)""",
        "rows per file version > 1": "SELECT count(*) FROM (SELECT 1 FROM documents GROUP BY source_path, batch_id HAVING count(*) > 1)",
        "invalid status": f"SELECT count(*) FROM documents WHERE status NOT IN ({statuses}) OR status IS NULL",
        "rejected without reason": "SELECT count(*) FROM documents WHERE status = 'rejected' AND reject_reason IS NULL",
    })


@contract_check("cleaned_documents", "doc_id is present and unique across batches.")
def cleaned_documents_keys(warehouse: Warehouse) -> dict[str, int]:
    return _failures(warehouse, "cleaned_documents", {
        "null doc_id": "SELECT count(*) FROM cleaned_documents WHERE doc_id IS NULL",
        "duplicate doc_id": "SELECT count(*) FROM (SELECT doc_id FROM cleaned_documents GROUP BY doc_id HAVING count(*) > 1)",
        "duplicate_of unknown document": """SELECT count(*) FROM cleaned_documents c WHERE duplicate_of IS NOT NULL
            AND duplicate_of NOT IN (SELECT doc_id FROM cleaned_documents)""",
    })


@contract_check("event_mentions", "Unique mention ids, known documents, valid event types, two or more parties, well-formed dates.")
def event_mentions_contract(warehouse: Warehouse) -> dict[str, int]:
    types = ", ".join(f"'{t}'" for t in EVENT_TYPES)
    return _failures(warehouse, "event_mentions", {
        "null or duplicate mention_id": """SELECT count(*) FROM (SELECT mention_id FROM event_mentions
            GROUP BY mention_id HAVING count(*) > 1 OR mention_id IS NULL)""",
        "mention of unknown document": """SELECT count(*) FROM event_mentions
            WHERE doc_id NOT IN (SELECT doc_id FROM cleaned_documents)""",
        "invalid event_type": f"SELECT count(*) FROM event_mentions WHERE event_type NOT IN ({types})",
        "fewer than two parties": "SELECT count(*) FROM event_mentions WHERE len(parties) < 2",
        "malformed date": r"""SELECT count(*) FROM event_mentions WHERE date IS NOT NULL
            AND NOT regexp_full_match(date, '(\d{4}(-\d{2}(-\d{2})?)?)|(--\d{2}-\d{2})')""",
    })


@contract_check("official_mentions", "Named officials of known documents.")
def official_mentions_contract(warehouse: Warehouse) -> dict[str, int]:
    return _failures(warehouse, "official_mentions", {
        "mention of unknown document": """SELECT count(*) FROM official_mentions
            WHERE doc_id NOT IN (SELECT doc_id FROM cleaned_documents)""",
        "empty name": "SELECT count(*) FROM official_mentions WHERE name IS NULL OR name = ''",
    })


@contract_check("events", "Unique event ids; every event has parties and a mention.")
def events_contract(warehouse: Warehouse) -> dict[str, int]:
    return _failures(warehouse, "events", {
        "duplicate event_id": "SELECT count(*) FROM (SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1)",
        "fewer than two parties": "SELECT count(*) FROM events WHERE len(parties) < 2",
        "no mention": "SELECT count(*) FROM events WHERE mention_count < 1 OR len(doc_ids) < 1",
    })


@contract_check("region_pairs", "Pairs are ordered, unique, and counted.")
def region_pairs_contract(warehouse: Warehouse) -> dict[str, int]:
    return _failures(warehouse, "region_pairs", {
        "unordered pair": "SELECT count(*) FROM region_pairs WHERE NOT region_a < region_b",
        "duplicate pair": "SELECT count(*) FROM (SELECT 1 FROM region_pairs GROUP BY region_a, region_b HAVING count(*) > 1)",
        "non-positive count": "SELECT count(*) FROM region_pairs WHERE event_count < 1",
    })
