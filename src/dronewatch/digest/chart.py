"""The digest's chart: drones per day for the busiest regions, as a PNG.

Matplotlib's object API with the Agg canvas: no pyplot global state, no display,
safe to call from the daemon's worker threads.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from dronewatch.digest.summary import DayFigures
from dronewatch.regions import region_name

Series = tuple[str, list[int]]


def chart_series(history: Sequence[DayFigures], regions: int) -> tuple[list[date], list[Series]]:
    """The days worth showing and, for the busiest regions, their daily figures.

    Days before the first one with any data are dropped (a new database is not a
    fortnight of zeros). A region's line follows its own officials; a region only
    the national summaries mention follows them, and its label says so.
    """
    first = next((index for index, day in enumerate(history) if day.has_data), len(history))
    shown = list(history[first:])
    totals: dict[str, int] = {}
    for day in shown:
        for code, drones in (*day.national.items(), *day.regional.items()):
            totals[code] = totals.get(code, 0) + drones
    official = {code for day in shown for code in day.regional}
    busiest = sorted(totals, key=lambda code: (-totals[code], code))[:regions]
    series = []
    for code in busiest:
        source = "regional" if code in official else "national"
        values = [getattr(day, source).get(code, 0) for day in shown]
        label = region_name(code) if source == "regional" else f"{region_name(code)} (MoD/national)"
        series.append((label, values))
    return [day.day for day in shown], series


def render_chart(history: Sequence[DayFigures], *, regions: int, title: str, xlabel: str) -> bytes:
    """A PNG line chart a person can read: title, labelled axes, dates, legend."""
    # Imported here: matplotlib costs half a second and 40 MB, and most runs draw nothing.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    days, series = chart_series(history, regions)
    figure = Figure(figsize=(10, 5.6), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=13, loc="left")
    axes.set_xlabel(xlabel)
    axes.set_ylabel("Drones reported per day")
    x = list(range(len(days)))
    if series:
        for label, values in series:
            axes.plot(x, values, marker="o", linewidth=2, markersize=5, label=label)
        axes.legend(loc="upper left", frameon=True, fontsize=9, title="Region (source)")
        if len(days) > 1:
            axes.set_xlim(-0.3, len(days) - 0.7)
    else:
        axes.text(
            0.5,
            0.5,
            "No drone reports in this period",
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=12,
            color="0.4",
        )
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xticks(x, labels=[f"{day:%d %b}" for day in days])
    axes.tick_params(axis="x", labelrotation=45)
    axes.grid(True, alpha=0.3)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
