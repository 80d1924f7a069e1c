"""The digest's chart: drones per day for the busiest regions, as a PNG.

Matplotlib's object API with the Agg canvas: no pyplot global state, no display,
safe to call from the daemon's worker threads.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from dronewatch.digest.summary import DayFigures, PlaceLine
from dronewatch.regions import region_name
from dronewatch.reporting import COMBINING_RULE

Series = tuple[str, list[int]]


def chart_series(history: Sequence[DayFigures], regions: int) -> tuple[list[date], list[Series]]:
    """The days worth showing and, for the busiest regions, their daily figures.

    Days before the first one with any data are dropped (a new database is not a
    fortnight of zeros). A region's figure for a day is the digest's: the larger of its
    officials' and the national summaries' (`COMBINING_RULE`).
    """
    first = next((index for index, day in enumerate(history) if day.has_data), len(history))
    shown = list(history[first:])
    totals: dict[str, int] = {}
    for day in shown:
        for code, drones in day.combined.items():
            totals[code] = totals.get(code, 0) + drones
    busiest = sorted(totals, key=lambda code: (-totals[code], code))[:regions]
    series = [(region_name(code), [day.combined.get(code, 0) for day in shown]) for code in busiest]
    return [day.day for day in shown], series


def render_chart(
    history: Sequence[DayFigures],
    *,
    regions: int,
    title: str,
    xlabel: str,
    places: Sequence[PlaceLine] = (),
) -> bytes:
    """A PNG line chart a person can read: title, labelled axes, dates, legend."""
    # Imported here: matplotlib costs half a second and 40 MB, and most runs draw nothing.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    days, series = chart_series(history, regions)
    located = [place for place in places if place.point is not None]
    figure = Figure(figsize=(14 if located else 10, 5.6), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    if located:
        axes, map_axes = figure.subplots(1, 2, width_ratios=(2.6, 1))
        draw_places(map_axes, located)
    else:
        axes = figure.add_subplot()
    axes.set_title(title, fontsize=13, loc="left")
    axes.set_xlabel(xlabel)
    axes.set_ylabel("Drones reported per day")
    x = list(range(len(days)))
    if series:
        for label, values in series:
            axes.plot(x, values, marker="o", linewidth=2, markersize=5, label=label)
        axes.legend(  # beside the plot, so that it hides no line
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            alignment="left",
            frameon=True,
            fontsize=9,
            title=f"Region\n\n{textwrap.fill(COMBINING_RULE, 30)}\n",
            title_fontsize=8,
        )
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


def draw_places(axes: Any, places: Sequence[PlaceLine]) -> None:
    """The day's most reported places as labelled points, sized by their reports.

    No outlines (nothing offline to draw them from): longitude and latitude, one degree
    of each as long as the other at the places' latitude.
    """
    longitudes = [place.point.longitude for place in places if place.point]
    latitudes = [place.point.latitude for place in places if place.point]
    sizes = [30 + 30 * place.reports for place in places]
    axes.scatter(longitudes, latitudes, s=sizes, color="tab:red", alpha=0.6, zorder=2)
    for place, x, y in zip(places, longitudes, latitudes, strict=True):
        label = place.name if place.reports == 1 else f"{place.name} ({place.reports})"
        axes.annotate(label, (x, y), xytext=(5, 4), textcoords="offset points", fontsize=8)
    middle = (max(latitudes) + min(latitudes)) / 2
    axes.set_aspect(1 / math.cos(math.radians(middle)), adjustable="datalim")
    axes.margins(x=0.4, y=0.2)
    axes.set_title("The day's most reported places", fontsize=10, loc="left")
    axes.set_xlabel("Longitude °E", fontsize=8)
    axes.set_ylabel("Latitude °N", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(True, alpha=0.3)
