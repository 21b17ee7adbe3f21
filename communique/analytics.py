"""Analytics over the event store: dyad time series, the actor network, top-N summaries, charts.

Everything here reads a :class:`~communique.store.Store` and counts deduplicated
events (clusters): an event reported by five articles counts once. Negated
events ("did not attack") are left out.

>>> from communique.analytics import dyad_series, network, plot_dyad
>>> df = dyad_series(store, "IRN", "AZE", freq="month")
>>> plot_dyad(store, "IRN", "AZE", "iran-azerbaijan.png")

A side of a dyad is a country code (``IRN``), an actor code (``IRNGOV``) or an
actor name (``Jeyhun Bayramov``, any case).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .io import DATE_MAX, DATE_MIN
from .store import Store
from .store_queries import PERIODS, actor_attributes, dyad_counts, network_edges, top_counts

__all__ = ["dyad_series", "network", "write_network", "top_summary", "plot_dyad",
           "plot_network", "QUAD_CLASSES", "QUAD_COLORS", "QUAD_LABELS", "FREQUENCIES",
           "NO_RECIPIENT"]

QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation",
                3: "verbal_conflict", 4: "material_conflict"}
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation",
               3: "verbal conflict", 4: "material conflict"}
# The one quad-class palette: CLI charts, and the web pages (served by the API).
QUAD_COLORS = {1: "#8fd18b", 2: "#1b7837", 3: "#f4a261", 4: "#b2182b"}
# The network's node for events with an actor and no recipient (network(no_recipient=True)).
NO_RECIPIENT = "(no recipient)"

# SQL for the period an ISO date falls in (store_queries.PERIODS).
FREQUENCIES = PERIODS
_PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}


def dyad_series(store: Store, a: str, b: str, freq: str = "month", directed: bool = False,
                date_from: str | None = None, date_to: str | None = None):
    """Events between ``a`` and ``b`` per period: counts by quad class, Goldstein sum and mean.

    Args:
        freq: day, week (weeks start on Monday), month or year.
        directed: only events with ``a`` as actor and ``b`` as recipient; by default
            both directions count, and so do events listing both as actors.

    Returns:
        A pandas DataFrame indexed by period start (every period of the span, empty
        ones as zero), with columns ``verbal_cooperation``, ``material_cooperation``,
        ``verbal_conflict``, ``material_conflict``, ``events``, ``goldstein_sum`` and
        ``goldstein_mean`` (NaN where no event has a score). Events dated outside
        ``io.DATE_MIN`` .. ``io.DATE_MAX`` are left out.
    """
    import pandas as pd

    if freq not in FREQUENCIES:
        raise ValueError(f"freq {freq!r}: use one of {', '.join(FREQUENCIES)}")
    # Dates outside the span a series can hold (a typo'd "9999", "the 11th century")
    # are left out: pandas cannot index them, and a daily axis over centuries is no chart.
    rows = dyad_counts(store, a, b, freq, (DATE_MIN.isoformat(), DATE_MAX.isoformat()),
                       directed=directed, date_from=date_from, date_to=date_to)
    columns = [*QUAD_CLASSES.values(), "events", "goldstein_sum", "goldstein_mean"]
    if not rows:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="period"),
                            dtype=float)
    raw = pd.DataFrame(rows)
    raw["period"] = pd.to_datetime(raw["period"], format="%Y-%m-%d", errors="coerce")
    raw = raw.dropna(subset=["period"])  # a malformed stored date ("2022-13-45")
    if raw.empty:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="period"),
                            dtype=float)
    counts = (raw.pivot_table(index="period", columns="quad_class", values="n",
                              aggfunc="sum", fill_value=0)
              .reindex(columns=list(QUAD_CLASSES), fill_value=0)
              .rename(columns=QUAD_CLASSES))
    sums = raw.groupby("period")[["gsum", "gn"]].sum(min_count=1)
    index = pd.date_range(raw["period"].min(), raw["period"].max(),
                          freq=_PANDAS_FREQ[freq], name="period")
    out = counts.reindex(index, fill_value=0).astype(int)
    out["events"] = raw.groupby("period")["n"].sum().reindex(index, fill_value=0).astype(int)
    sums = sums.reindex(index)
    out["goldstein_sum"] = sums["gsum"].fillna(0.0).astype(float)
    out["goldstein_mean"] = (sums["gsum"] / sums["gn"]).astype(float)
    out.columns.name = None
    return out


def network(store: Store, level: str = "country", date_from: str | None = None,
            date_to: str | None = None, type: str | list[str] | None = None,
            min_events: int = 1, self_loops: bool = False, no_recipient: bool = False):
    """The directed actor network: who acts on whom, how often, how friendly.

    Args:
        level: ``country`` (nodes are country codes) or ``actor`` (nodes are actor
            names, with their country, sector and code as attributes).
        type: only these PLOVER event types.
        min_events: drop edges with fewer deduplicated events.
        self_loops: keep events within one node (a country's protesters and its
            government) as loops.
        no_recipient: also count events that name an actor but no recipient (GDELT's
            rows with an empty Actor2), as edges to the node ``NO_RECIPIENT``
            ("(no recipient)", with ``placeholder=True``), not as loops: acting on
            nobody in particular is not acting on oneself.

    Returns:
        A networkx DiGraph. Edges carry ``events`` (deduplicated), ``mentions``
        (per-article events), ``mean_goldstein`` and one count per quad class;
        nodes carry ``events`` (as actor or recipient) and ``label``.
    """
    import networkx as nx

    if level not in ("country", "actor"):
        raise ValueError(f"level {level!r}: use 'country' or 'actor'")
    rows = network_edges(store, level, no_recipient=NO_RECIPIENT if no_recipient else None,
                         type=type, date_from=date_from, date_to=date_to)
    g = nx.DiGraph(level=level)
    for r in rows:
        if r["events"] < min_events or (r["src"] == r["dst"] and not self_loops):
            continue
        attrs = {"events": r["events"], "mentions": r["mentions"],
                 "mean_goldstein": round(r["mean_goldstein"], 3)
                 if r["mean_goldstein"] is not None else None}
        attrs.update({QUAD_CLASSES[q]: r[f"q{q}"] for q in QUAD_CLASSES})
        g.add_edge(r["src"], r["dst"], **attrs)
    if NO_RECIPIENT in g:
        g.nodes[NO_RECIPIENT]["placeholder"] = True
    for node in g.nodes:
        g.nodes[node]["label"] = node
        g.nodes[node]["events"] = (sum(d["events"] for *_, d in g.in_edges(node, data=True))
                                   + sum(d["events"] for *_, d in g.out_edges(node, data=True)))
    if level == "actor" and g.number_of_nodes():
        for name, attrs in actor_attributes(store, list(g.nodes)).items():
            g.nodes[name].update(attrs)
    return g


def write_network(g, path: str | Path) -> Path:
    """Write a network as GraphML (``.graphml``) or node-link JSON (``.json``)."""
    import networkx as nx

    path = Path(path)
    if path.suffix == ".graphml":
        # GraphML has no null: leave missing attributes out instead.
        h = g.__class__()
        h.graph.update({k: v for k, v in g.graph.items() if v is not None})
        h.add_nodes_from((n, {k: v for k, v in d.items() if v is not None})
                         for n, d in g.nodes(data=True))
        h.add_edges_from((u, v, {k: x for k, x in d.items() if x is not None})
                         for u, v, d in g.edges(data=True))
        nx.write_graphml(h, path)
    elif path.suffix == ".json":
        data = nx.node_link_data(g, edges="edges")
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    else:
        raise ValueError(f"{path}: name the file .graphml or .json")
    return path


def top_summary(store: Store, n: int = 10, date_from: str | None = None,
                date_to: str | None = None, **filters: Any) -> dict[str, Any]:
    """The top ``n`` actors, countries, dyads and event types, and counts by quad class,
    of the events matching the filters (those of :meth:`Store.query_events`).

    Counts are deduplicated events; ``mentions`` counts per-article events.
    """
    top = top_counts(store, n, date_from=date_from, date_to=date_to, **filters)
    top["quad_classes"] = {QUAD_CLASSES[r["quad_class"]]: r["events"]
                           for r in top["quad_classes"] if r["quad_class"] in QUAD_CLASSES}
    return top


def _save(fig, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{path}: name the chart .png or .svg")
    path.parent.mkdir(parents=True, exist_ok=True)
    import matplotlib
    import matplotlib.pyplot as plt

    # SVG text stays text (searchable, selectable), not glyph outlines.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(path, dpi=150, bbox_inches="tight")

    plt.close(fig)
    return path


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: never open a window
    import matplotlib.pyplot as plt

    return plt


def plot_dyad(store: Store, a: str, b: str, path: str | Path, freq: str = "month",
              directed: bool = False, date_from: str | None = None,
              date_to: str | None = None) -> Path:
    """Chart the dyad series: stacked events by quad class, and the mean Goldstein score.

    Writes PNG or SVG by the file's suffix and returns the path.
    """
    df = dyad_series(store, a, b, freq=freq, directed=directed, date_from=date_from,
                     date_to=date_to)
    if df.empty:
        arrow = "→" if directed else "and"
        raise ValueError(f"no events between {a} {arrow} {b}: check the codes or names "
                         f"with `communique query --country {a}`")
    plt = _pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    x = df.index
    width = {"day": 0.8, "week": 5, "month": 25, "year": 300}[freq]
    bottom_stack = None
    for q, col in QUAD_CLASSES.items():
        top.bar(x, df[col], width=width, bottom=bottom_stack, color=QUAD_COLORS[q],
                label=QUAD_LABELS[q])
        bottom_stack = df[col] if bottom_stack is None else bottom_stack + df[col]
    top.set_ylabel(f"events per {freq}")
    top.legend(title="quad class", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9,
               frameon=False)
    top.yaxis.get_major_locator().set_params(integer=True)
    arrow = "→" if directed else "↔"
    top.set_title(f"{a} {arrow} {b}: events per {freq}, by quad class")
    bottom.axhline(0, color="grey", linewidth=0.8)
    bottom.plot(x, df["goldstein_mean"], marker="o", color="#333333",
                label="mean Goldstein score")
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("Goldstein score\n(-10 conflict … +10 cooperation)")
    _period_axis(bottom, x, freq)
    bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9, frameon=False)
    for ax in (top, bottom):
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _save(fig, path)


# tick label and axis label of each period: the ticks name periods, not days within them
PERIOD_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
PERIOD_LABELS = {"day": "day", "week": "week (starting Monday)", "month": "month",
                 "year": "year"}
MAX_PERIOD_TICKS = 24


def _period_axis(ax, periods, freq: str) -> None:
    """Ticks at the periods themselves (up to 24), else at whole periods chosen by
    matplotlib, labelled as periods (2022-10 for a month), under the period's name."""
    from matplotlib import dates as mdates

    fmt = PERIOD_FORMATS[freq]
    if len(periods) <= MAX_PERIOD_TICKS:
        ax.set_xticks(list(periods))
        ax.set_xticklabels([p.strftime(fmt) for p in periods])
    else:
        locator = {"day": mdates.AutoDateLocator(),
                   "week": mdates.WeekdayLocator(byweekday=mdates.MO, interval=max(
                       1, len(periods) // MAX_PERIOD_TICKS)),
                   "month": mdates.MonthLocator(interval=max(1, -(-len(periods) // MAX_PERIOD_TICKS))),
                   "year": mdates.YearLocator(max(1, -(-len(periods) // MAX_PERIOD_TICKS)))}[freq]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))
    ax.set_xlabel(PERIOD_LABELS[freq])


def plot_network(store: Store, path: str | Path, level: str = "country", top_n: int = 30,
                 date_from: str | None = None, date_to: str | None = None,
                 type: str | list[str] | None = None) -> Path:
    """Chart the actor network: node size by activity, edge width by events, colour by score.

    Keeps the ``top_n`` most active nodes. Writes PNG or SVG by the file's suffix.
    """
    import networkx as nx

    g = network(store, level=level, date_from=date_from, date_to=date_to, type=type)
    if g.number_of_edges() == 0:
        raise ValueError("no events with both an actor and a recipient to draw; "
                         "ingest articles first (`communique ingest ... --db FILE`)")
    keep = sorted(g.nodes, key=lambda n: -g.nodes[n]["events"])[:top_n]
    g = g.subgraph(keep).copy()
    plt = _pyplot()
    from matplotlib import colors as mcolors
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(10, 8))
    pos = nx.spring_layout(g, seed=7, k=1.5 / max(1, g.number_of_nodes()) ** 0.5)
    most = max(d["events"] for _, d in g.nodes(data=True)) or 1
    sizes = [300 + 2200 * g.nodes[n]["events"] / most for n in g.nodes]
    heaviest = max(d["events"] for *_, d in g.edges(data=True))
    widths = [0.8 + 6 * d["events"] / heaviest for *_, d in g.edges(data=True)]
    norm = mcolors.Normalize(vmin=-10, vmax=10)
    cmap = plt.get_cmap("RdYlGn")
    ecolors = [cmap(norm(d["mean_goldstein"] if d["mean_goldstein"] is not None else 0))
               for *_, d in g.edges(data=True)]
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color="#dbe9f6",
                           edgecolors="#4a6fa5")
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color=ecolors, arrows=True,
                           arrowsize=14, node_size=sizes, connectionstyle="arc3,rad=0.12")
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=9)
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein score of the edge")
    steps = sorted({1, max(1, round(heaviest / 2)), heaviest})
    handles = [Line2D([], [], color="grey", linewidth=0.8 + 6 * k / heaviest,
                      label=f"{k} event" + ("s" if k > 1 else "")) for k in steps]
    ax.legend(handles=handles, title="edge width", loc="lower left", frameon=False)
    what = "countries" if level == "country" else "actors"
    ax.set_title(f"Who acts on whom: {g.number_of_nodes()} most active {what}, "
                 f"{g.number_of_edges()} directed dyads (actor → recipient)")
    ax.set_axis_off()
    return _save(fig, path)
