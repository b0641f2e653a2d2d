"""Pictures for the analyst: the cooperation network and the event timeline, as PNG in the warehouse
(`reports/`), shown in the Dagster UI with the picture embedded and the figures behind it."""


import base64
from pathlib import Path
from typing import Callable

import dagster as dg

from cooperation_pipeline.assets.aggregate import Part, one_step
from cooperation_pipeline.assets.events import events
from cooperation_pipeline.core.charts import Chart, network_chart, timeline_chart
from cooperation_pipeline.warehouse import Warehouse, _replace_atomically

REPORTS_DIR = "reports"


def report_path(warehouse: Warehouse, name: str) -> Path:
    return warehouse.root / REPORTS_DIR / f"{name}.png"


def _rows(warehouse: Warehouse, table: str) -> list[dict]:
    return warehouse.read_whole(table).to_pylist() if warehouse.whole_file(table).exists() else []


def _publish(warehouse: Warehouse, name: str, chart: Chart, alt: str) -> dict:
    """Write the PNG atomically (temporary file, then rename) and return the metadata that shows it."""
    target = report_path(warehouse, name)
    _replace_atomically(lambda tmp: tmp.write_bytes(chart.png), target)
    encoded = base64.b64encode(chart.png).decode("ascii")
    return {
        "picture": dg.MetadataValue.md(f"![{alt}](data:image/png;base64,{encoded})"),
        "path": dg.MetadataValue.path(str(target)),
        "png_bytes": len(chart.png),
    }


def _network(warehouse: Warehouse) -> dict:
    region_rows = _rows(warehouse, "regions")
    pair_rows = _rows(warehouse, "region_pairs")
    chart = network_chart(region_rows, pair_rows)
    names = sorted({r["name"] for r in region_rows} | {p[k] for p in pair_rows for k in ("region_a", "region_b")})
    nodes = len(names)
    components = _component_sizes(names, [(p["region_a"], p["region_b"], 0) for p in pair_rows])
    drawn = len(chart.data["nodes"])
    return {
        **_publish(warehouse, "cooperation_network", chart, "cooperation network"),
        "regions": nodes,
        "region_pairs": len(pair_rows),
        "pairs_drawn": len(chart.data["edges"]),
        "share_located": float(chart.data["located"] / drawn) if drawn else 0.0,
        "network_density": float(2 * len(pair_rows) / (nodes * (nodes - 1))) if nodes > 1 else 0.0,
        "components": len(components),
        "largest_component": max(components, default=0),
        "mean_partners": float(sum(int(r.get("partner_count") or 0) for r in region_rows) / len(region_rows))
        if region_rows else 0.0,
        "layout": chart.data["layout"],
    }


def _component_sizes(names: list[str], edges: list[tuple[str, str, int]]) -> list[int]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(names)
    graph.add_edges_from((a, b) for a, b, _ in edges)
    return sorted((len(c) for c in nx.connected_components(graph)), reverse=True)


def _timeline(warehouse: Warehouse) -> dict:
    with warehouse.query_connection() as con:  # two narrow columns, not every event as a dict
        event_rows = [{"date": d, "event_type": t} for d, t in con.execute(
            "SELECT date, event_type FROM events").fetchall()] if warehouse.whole_file("events").exists() else []
        figures = con.execute("""
            SELECT (SELECT count(DISTINCT d) FROM events, unnest(doc_ids) AS u(d)),
                count(*) FILTER (WHERE len(parties) > 2), count(*) FILTER (WHERE background)
            FROM events""").fetchone() if event_rows else (0, 0, 0)
    chart = timeline_chart(event_rows)
    counts = chart.data["counts"]
    years = sorted(y for y in counts if y is not None)
    undated = sum(counts.get(None, {}).values())
    documents, multi_party, background = figures
    return {
        **_publish(warehouse, "event_timeline", chart, "event timeline"),
        "events": len(event_rows),
        "years_with_events": len(years),
        "first_year": years[0] if years else 0,
        "last_year": years[-1] if years else 0,
        "share_year_known": float(1 - undated / len(event_rows)) if event_rows else 0.0,
        "events_per_document": float(len(event_rows) / documents) if documents else 0.0,
        "share_multi_party": float(multi_party / len(event_rows)) if event_rows else 0.0,
        "share_background": float(background / len(event_rows)) if event_rows else 0.0,
    }


def _picture(draw: Callable[[Warehouse], dict]):
    def build(warehouse: Warehouse, key: dg.AssetKey, checks: frozenset) -> dg.MaterializeResult:
        return dg.MaterializeResult(asset_key=key, metadata=draw(warehouse))
    return build


report_pictures = one_step("report_pictures", "reports", {"matplotlib", "png"}, {
    "cooperation_network": Part(_picture(_network), ["regions", "region_pairs"], "The cooperation network as a "
                                "picture (reports/cooperation_network.png): regions as nodes sized by their events "
                                "and coloured by province (foreign regions by country), region pairs as edges as "
                                "wide as their event count (the heaviest 80 pairs when there are more); placed by "
                                "longitude/latitude where the gazetteer knows them, else by a spring layout."),
    "event_timeline": Part(_picture(_timeline), [events], "Events per year by event type as stacked bars "
                           "(reports/event_timeline.png); events whose year the text does not give are a bar of "
                           "their own."),
})
