"""Pictures of the warehouse: the cooperation network and the event timeline, as PNG bytes.

Plain Python (no Dagster): rows in (dicts as the warehouse tables give them), a `Chart` out, holding
the PNG and the data it drew, so a test can compare what is on the picture with the tables.
Chinese labels need a CJK font; Debian's `fonts-noto-cjk` is the one the project installs.
"""

from __future__ import annotations

import io
import threading
import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

CJK_FONT_PACKAGE = "fonts-noto-cjk"
# Families tried in order; the first one matplotlib can find is used.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "Droid Sans Fallback")
_CJK_FILE = re.compile(r"(NotoSansCJK|NotoSerifCJK|SourceHanSans|wqy-zenhei|wqy-microhei|uming|DroidSansFallback)",
                       re.IGNORECASE)

EVENT_TYPE_LABELS = {
    "agreement_signing": "签署协议 agreement",
    "friendship_established": "缔结友好 friendship",
    "joint_meeting": "联席会议 joint meeting",
    "delegation_visit": "代表团考察 delegation",
}
UNKNOWN_YEAR_LABEL = "年份不详\nyear unknown"


class MissingCJKFont(RuntimeError):
    """No font with Chinese glyphs is installed: labels would print as empty boxes."""


@dataclass
class Chart:
    png: bytes
    data: dict[str, Any] = field(default_factory=dict)


def _matplotlib():
    """matplotlib without pyplot: figures drawn straight to PNG need no global figure manager, and
    pyplot's import costs a pipeline update a few tenths of a second."""
    import matplotlib
    from matplotlib import font_manager

    return matplotlib, font_manager


def find_cjk_font() -> str:
    """The family name of an installed CJK font (registering system font files matplotlib's cache
    does not know yet, e.g. installed after the cache was built). Raises MissingCJKFont."""
    _, font_manager = _matplotlib()
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    for path in sorted(font_manager.findSystemFonts(fontext="ttf") + font_manager.findSystemFonts(fontext="otf")):
        if _CJK_FILE.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except Exception:  # an unreadable font file: try the next
                continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    raise MissingCJKFont(
        f"no CJK font found, Chinese labels cannot be drawn: install the Debian package {CJK_FONT_PACKAGE} "
        f"(apt-get install -y {CJK_FONT_PACKAGE})")


_warming: threading.Thread | None = None


def warm_up_in_background() -> None:
    """Import matplotlib and load the CJK font on a thread, while the caller's process mostly waits
    for its workers: the pictures drawn later in the same process then start warm."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=_warm_up, name="charts-warm-up", daemon=True)
        _warming.start()


def _warm_up() -> None:
    try:
        _, figure = _figure(1, 1)
        figure.text(0.5, 0.5, "合作")
        _png(figure)
    except Exception:  # a missing font is reported where a picture is drawn, not here
        pass


def _figure(width: float, height: float):
    if _warming is not None and _warming is not threading.current_thread():
        _warming.join()  # never draw while the warm-up still draws
    matplotlib, _ = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = find_cjk_font()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    figure = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(figure)
    return matplotlib.colormaps, figure


def _png(figure) -> bytes:
    """One draw: the charts set their own margins (a "tight" bounding box would draw twice)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


# --- the cooperation network ----------------------------------------------------------------------
def _spread(positions: dict[str, tuple[float, float]], min_distance: float, rounds: int = 60) -> dict:
    """Push apart nodes closer than min_distance (districts of one city share nearly one coordinate)."""
    pos = {k: [float(x), float(y)] for k, (x, y) in positions.items()}
    names = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                distance = math.hypot(dx, dy)
                if distance >= min_distance:
                    continue
                if distance < 1e-9:  # identical: split along a fixed direction per pair
                    angle = (zlib.crc32(f"{a}|{b}".encode()) % 360) * math.pi / 180
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (min_distance - min(distance, min_distance)) / 2
                ux, uy = dx / distance, dy / distance
                pos[a][0] -= ux * push
                pos[a][1] -= uy * push
                pos[b][0] += ux * push
                pos[b][1] += uy * push
                moved = True
        if not moved:
            break
    return {k: (v[0], v[1]) for k, v in pos.items()}


def network_layout(nodes: Sequence[Mapping[str, Any]], edges: Sequence[tuple[str, str, int]]) -> tuple[dict, str]:
    """Positions in a unit square: longitude/latitude where known (the rest placed by a spring layout
    around them); a spring layout alone when no node is located. Returns (positions, layout name)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n["name"] for n in nodes)
    graph.add_weighted_edges_from(edges)
    located = {n["name"]: (float(n["longitude"]), float(n["latitude"])) for n in nodes
               if n.get("longitude") is not None and n.get("latitude") is not None}
    if not located:
        return nx.spring_layout(graph, seed=7, weight="weight"), "spring"
    xs = [p[0] for p in located.values()]
    ys = [p[1] for p in located.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # Degrees of longitude shrink with latitude: correct once, at the middle latitude.
    shrink = math.cos(math.radians(cy))
    scaled = {k: (0.5 + (x - cx) * shrink / span, 0.5 + (y - cy) / span) for k, (x, y) in located.items()}
    scaled = _spread(scaled, min_distance=0.12)
    if len(located) == graph.number_of_nodes():
        return scaled, "geographic"
    positions = nx.spring_layout(graph, pos=scaled, fixed=list(scaled), seed=7, weight="weight", k=0.15)
    return {k: tuple(v) for k, v in positions.items()}, "geographic+spring"


# A picture stays readable up to about this many pairs; a larger network shows its heaviest pairs.
MAX_DRAWN_PAIRS = 80
# Names are written beside the busiest regions drawn only: more labels overprint one another.
MAX_LABELS = 40


def network_chart(regions: Iterable[Mapping[str, Any]], pairs: Iterable[Mapping[str, Any]],
                  title: str = "区域合作网络 · cooperation network", max_pairs: int = MAX_DRAWN_PAIRS) -> Chart:
    """Regions as nodes (size by event_count, colour by province or country), region_pairs as edges
    (width by event_count). Beyond ``max_pairs`` pairs, the heaviest ``max_pairs`` and their regions are
    drawn. `data` holds the nodes, edges and positions drawn, and the totals."""
    regions = list(regions)
    edges = [(p["region_a"], p["region_b"], int(p["event_count"])) for p in pairs]
    total_pairs, total_regions = len(edges), len(regions)
    if len(edges) > max_pairs:
        edges = sorted(sorted(edges, key=lambda e: (-e[2], e[0], e[1]))[:max_pairs])
        drawn = {name for a, b, _ in edges for name in (a, b)}
        regions = [r for r in regions if r["name"] in drawn]
    by_name = {r["name"]: dict(r) for r in regions}
    for a, b, _ in edges:  # a pair whose region is missing from `regions` is still drawn
        for name in (a, b):
            by_name.setdefault(name, {"name": name, "event_count": 0})
    nodes = [by_name[name] for name in sorted(by_name)]
    positions, layout = network_layout(nodes, edges)

    def group(node: Mapping[str, Any]) -> str:
        if node.get("country") not in (None, "中国"):
            return node["country"]
        return node.get("province") or "未知 unknown"

    groups = sorted({group(n) for n in nodes})
    colormaps, figure = _figure(11, 8.5)
    axes = figure.add_subplot(1, 1, 1)
    colours = colormaps["tab20"]
    colour_of = {g: colours(i % 20) for i, g in enumerate(groups)}
    heaviest = max([w for _, _, w in edges] + [1])
    from matplotlib.collections import LineCollection

    # One artist for all edges: a plot call per edge costs a second at a thousand pairs.
    axes.add_collection(LineCollection(
        [(positions[a], positions[b]) for a, b, _ in edges],
        colors=[(0.48, 0.48, 0.48, 0.35 + 0.5 * w / heaviest) for _, _, w in edges],
        linewidths=[0.8 + 4.0 * w / heaviest for _, _, w in edges], zorder=1, capstyle="round"))
    busiest = max([int(n.get("event_count") or 0) for n in nodes] + [1])
    for g in groups:
        members = [n for n in nodes if group(n) == g]
        axes.scatter([positions[n["name"]][0] for n in members], [positions[n["name"]][1] for n in members],
                     s=[120 + 1400 * int(n.get("event_count") or 0) / busiest for n in members],
                     color=colour_of[g], edgecolors="white", linewidths=1.2, zorder=2, label=g)
    labelled = sorted(nodes, key=lambda n: (-int(n.get("event_count") or 0), n["name"]))[:MAX_LABELS]
    for n in labelled:
        x, y = positions[n["name"]]
        axes.annotate(n["name"], (x, y), xytext=(0, 11), textcoords="offset points", ha="center",
                      fontsize=9, zorder=3)
    shown = (f"{len(nodes)} regions · {len(edges)} pairs" if len(edges) == total_pairs else
             f"the {len(edges)} heaviest of {total_pairs} pairs · {len(nodes)} of {total_regions} regions")
    axes.set_title(f"{title}\n{shown} · layout: {layout}", fontsize=12)
    if groups:
        columns = 1 if len(groups) <= 34 else 2
        figure.subplots_adjust(left=0.02, right=0.84 if columns == 1 else 0.72, top=0.92, bottom=0.02)
        axes.legend(title="省份 / 国家", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, markerscale=0.4,
                    ncol=columns, frameon=False)
    axes.set_axis_off()
    axes.margins(0.12)
    png = _png(figure)
    return Chart(png, {
        "layout": layout,
        "nodes": [{"name": n["name"], "group": group(n), "event_count": int(n.get("event_count") or 0),
                   "x": float(positions[n["name"]][0]), "y": float(positions[n["name"]][1])} for n in nodes],
        "edges": sorted(edges),
        "located": sum(1 for n in nodes if n.get("longitude") is not None and n.get("latitude") is not None),
        "labelled": sorted(n["name"] for n in labelled),
        "total_pairs": total_pairs,
    })


# --- the event timeline ---------------------------------------------------------------------------
def event_year(date: str | None) -> int | None:
    """The year of a partial ISO date (`2024-07-28`, `2015`); None for `--05-11` or NULL."""
    if date and re.match(r"^\d{4}", date):
        return int(date[:4])
    return None


def events_per_year(events: Iterable[Mapping[str, Any]]) -> dict[int | None, dict[str, int]]:
    """{year (None: unknown): {event_type: count}}."""
    counts: dict[int | None, Counter] = defaultdict(Counter)
    for event in events:
        counts[event_year(event.get("date"))][event["event_type"]] += 1
    return {year: dict(c) for year, c in counts.items()}


def timeline_chart(events: Iterable[Mapping[str, Any]],
                   title: str = "合作事件时间线 · events per year by type") -> Chart:
    """Stacked bars of events per year by event type; events without a year in a last bar of their own.
    `data["counts"]` is {year or None: {event_type: n}} as drawn."""
    counts = events_per_year(events)
    years = sorted(y for y in counts if y is not None)
    # Every year between the first and the last, so gaps show as gaps.
    axis_years: list[int | None] = list(range(years[0], years[-1] + 1)) if years else []
    if None in counts:
        axis_years.append(None)
    types = [t for t in EVENT_TYPE_LABELS if any(t in c for c in counts.values())]
    types += sorted({t for c in counts.values() for t in c} - set(types))
    colormaps, figure = _figure(min(14.0, max(7.0, 0.55 * len(axis_years) + 3)), 5.2)
    axes = figure.add_subplot(1, 1, 1)
    labels = [UNKNOWN_YEAR_LABEL if y is None else str(y) for y in axis_years]
    bottoms = [0] * len(axis_years)
    colours = colormaps["Set2"]
    for i, event_type in enumerate(types):
        heights = [counts.get(y, {}).get(event_type, 0) for y in axis_years]
        axes.bar(range(len(axis_years)), heights, bottom=bottoms, color=colours(i % 8),
                 label=EVENT_TYPE_LABELS.get(event_type, event_type), edgecolor="white", linewidth=0.6)
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    for x, total in enumerate(bottoms):
        if total:
            axes.text(x, total, str(total), ha="center", va="bottom", fontsize=9)
    axes.set_xticks(range(len(axis_years)))
    axes.set_xticklabels(labels, rotation=45 if len(axis_years) > 12 else 0, fontsize=9)
    axes.set_ylabel("事件数 events")
    axes.set_xlabel("年份 year")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(f"{title}\n{sum(bottoms)} events", fontsize=12)
    if types:
        axes.legend(frameon=False, fontsize=9)
    figure.subplots_adjust(left=0.07, right=0.98, top=0.88, bottom=0.25)
    png = _png(figure)
    return Chart(png, {"counts": counts, "years": axis_years, "event_types": types})
