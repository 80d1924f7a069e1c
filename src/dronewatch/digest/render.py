"""A summary as lines of styled spans, written out as Telegram HTML or for a terminal.

The content is laid out once (`digest_lines`); the two writers only decide how a
bold span or a link looks. Every piece of text that came from a post is escaped on
the way into HTML, and messages are split at line boundaries under Telegram's limit.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from dronewatch.digest.summary import (
    AVERAGE_DAYS,
    CASUALTY_LINES,
    DayFigures,
    Source,
    Summary,
    Trend,
)
from dronewatch.regions import region_name
from dronewatch.reporting import COMBINING_RULE, combined
from dronewatch.terminal import printable

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


Line = tuple[Span, ...]


def plain(text: str) -> Span:
    return Span(text)


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


def link(text: str, url: str) -> Span:
    return Span(text, url=url)


# Content


def digest_lines(summary: Summary) -> list[Line]:
    """The whole digest, line by line; an empty tuple is a blank line."""
    lines: list[Line] = [*_header(summary), ()]
    if summary.empty:
        lines.append((plain("No drone reports in this period."),))
        return lines
    lines.extend(_totals(summary))
    lines.extend(_regions(summary))
    lines.extend(_places(summary))
    lines.extend(_damage(summary))
    lines.extend(_casualties(summary))
    lines.extend(_alerts(summary))
    return lines


def _short_time(moment: datetime, summary: Summary) -> str:
    local = moment.astimezone(summary.period.end.tzinfo)
    return f"{local:%d %b %H:%M}".lstrip("0")


def _header(summary: Summary) -> list[Line]:
    period = summary.period
    title = "Drone digest so far today" if summary.in_progress else "Drone digest"
    day = f"{period.day:%a %d %B %Y}".replace(" 0", " ")
    return [
        (bold(f"{title} · {day}"),),
        (
            italic(
                f"{_short_time(period.start, summary)} – {_short_time(period.end, summary)} "
                f"({summary.timezone})"
            ),
        ),
    ]


def format_trend(trend: Trend) -> str:
    """ "▲ +12 vs 22 · 7-day avg 18.4", or only what is known."""
    parts = []
    change = trend.change
    if change is not None and trend.previous is not None:
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        sign = f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "0"
        parts.append(f"{arrow} {sign} vs {trend.previous} the day before")
    if trend.average is not None:
        parts.append(f"{AVERAGE_DAYS}-day avg {trend.average:.1f}")
    return " · ".join(parts)


def _figure_line(label: str, trend: Trend) -> Line:
    comparison = format_trend(trend)
    return (
        plain(f"{label}: "),
        bold(str(trend.value if trend.value is not None else "—")),
        plain(f" ({comparison})" if comparison else ""),
    )


def _totals(summary: Summary) -> list[Line]:
    lines: list[Line] = [(bold("Drones reported"),)]
    lines.append(_figure_line("All regions", summary.total))
    lines.append(_figure_line("Regional officials", summary.regional_total))
    if summary.national_total.value is not None:
        lines.append(_figure_line("National summaries", summary.national_total))
    lines.append((italic(COMBINING_RULE),))
    return [*lines, ()]


def _regions(summary: Summary) -> list[Line]:
    if not summary.regions:
        return []
    lines: list[Line] = [(bold("By region"), plain(" (the day's figure: officials · national)"))]
    for region in summary.regions:
        figure, official = region.figure.value, region.regional.value
        comparison = format_trend(region.figure) if figure is not None else ""
        sources = f"{_or_dash(official)} · {_or_dash(region.national)}"
        lines.append(
            (
                plain(f"• {region.name}: "),
                bold(_or_dash(figure)),
                plain(f" ({sources})"),
                plain(f" {comparison}" if comparison else ""),
            )
        )
    return [*lines, ()]


def _or_dash(value: int | None) -> str:
    return "—" if value is None else str(value)


def _sources(sources: Sequence[Source]) -> list[Span]:
    spans: list[Span] = []
    for number, source in enumerate(sources, start=1):
        spans.append(plain(" "))
        spans.append(link(f"[{number}]", source.url))
    return spans


def _places(summary: Summary) -> list[Line]:
    if not summary.places:
        return []
    lines: list[Line] = [(bold("Most reported places"),)]
    for place in summary.places:
        reports = "report" if place.reports == 1 else "reports"
        lines.append(
            (plain(f"• {place.name} — {place.reports} {reports}"), *_sources(place.sources))
        )
    return [*lines, ()]


def _damage(summary: Summary) -> list[Line]:
    if not summary.damage:
        return []
    lines: list[Line] = [(bold("Damage"),)]
    for damage in summary.damage:
        lines.append((plain(f"• {damage.label} ({damage.reports})"),))
        for note in damage.notes:
            lines.append(
                (plain(f"   – {note.text} "), link(f"[{note.source.channel}]", note.source.url))
            )
        if damage.reports > len(damage.notes):
            lines.append((italic(f"   and {damage.reports - len(damage.notes)} more"),))
    return [*lines, ()]


def _casualties(summary: Summary) -> list[Line]:
    if not summary.casualties:
        return []
    lines: list[Line] = [
        (bold("Casualties: "), plain(f"{summary.killed} killed, {summary.injured} injured"))
    ]
    for line in summary.casualties[:CASUALTY_LINES]:
        lines.append(
            (
                plain(f"• {line.where}: {line.killed} killed, {line.injured} injured "),
                link(f"[{line.source.channel}]", line.source.url),
            )
        )
    if len(summary.casualties) > CASUALTY_LINES:
        more = len(summary.casualties) - CASUALTY_LINES
        lines.append((italic(f"   and {more} more report(s) with casualties"),))
    return [*lines, ()]


def _alerts(summary: Summary) -> list[Line]:
    if not summary.alerts:
        return []
    counts = ", ".join(f"{name} {count}" for name, count in summary.alerts)
    return [(bold("Alerts: "), plain(counts))]


def week_lines(history: Sequence[DayFigures], title: str) -> list[Line]:
    """Day by day totals and the busiest region of each day, newest last."""
    lines: list[Line] = [
        (bold(title),),
        (italic("day: all regions (officials · national summary)"),),
        (italic(COMBINING_RULE),),
    ]
    for day in history:
        busiest = max(day.combined.items(), key=lambda item: item[1], default=None)
        top = f" — most: {region_name(busiest[0])} {busiest[1]}" if busiest else ""
        officials = day.regional_total if day.regional else None
        lines.append(
            (
                plain(f"{day.day:%a %d %b}: "),
                bold(_or_dash(day.total if day.has_data else None)),
                plain(f" ({_or_dash(officials)} · {_or_dash(day.national_total)}){top}"),
            )
        )
    return lines


def region_lines(code: str, history: Sequence[DayFigures]) -> list[Line]:
    """One region day by day: what its officials and the national summaries said."""
    lines: list[Line] = [
        (bold(f"{region_name(code)} ({code})"),),
        (italic("day: the day's figure (officials · national summary)"),),
        (italic(COMBINING_RULE),),
    ]
    for day in history:
        official, national = day.regional.get(code), day.national.get(code)
        lines.append(
            (
                plain(f"{day.day:%a %d %b}: "),
                bold(_or_dash(combined(official, national))),
                plain(f" ({_or_dash(official)} · {_or_dash(national)})"),
            )
        )
    return lines


def caption_lines(summary: Summary, days: int) -> list[Line]:
    return [
        (
            bold(f"Drones per day, last {days} days"),
            plain(f" · digest of {summary.period.day:%d %b %Y}".replace(" 0", " ")),
        )
    ]


# Writers


def span_html(span: Span) -> str:
    text = html.escape(span.text, quote=False)
    if span.url is not None:
        text = f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
    if span.italic:
        text = f"<i>{text}</i>"
    if span.bold:
        text = f"<b>{text}</b>"
    return text


def line_html(line: Line) -> str:
    return "".join(span_html(span) for span in line)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def to_messages(lines: Iterable[Line], limit: int = MESSAGE_LIMIT) -> list[str]:
    """HTML messages, each under `limit`, split between sections where possible.

    A section (lines up to a blank line) is cut only when it alone exceeds a message,
    and then between lines. When more than one message is needed, the sections are
    spread evenly, so a short last section (the alerts) is not sent on its own.
    A single line too long for a message (a hostile post could make one) is sent as
    escaped plain text in pieces, so no tag is ever cut in half.
    """
    blocks = [
        part
        for section in _sections(lines)
        for part in _pack([[piece] for line in section for piece in _fit(line, limit)], limit)
    ]
    messages = _pack(blocks, limit)
    if len(messages) > 1:
        even = _pack(blocks, limit, enough=_size(blocks) / len(messages))
        messages = even if len(even) == len(messages) else messages
    return [text for text in (_join(message) for message in messages) if text]


def _sections(lines: Iterable[Line]) -> list[list[Line]]:
    """Runs of lines, each ending with its blank line (if it has one)."""
    sections: list[list[Line]] = [[]]
    for line in lines:
        sections[-1].append(line)
        if not line:
            sections.append([])
    return [section for section in sections if section]


def _size(blocks: list[list[str]]) -> int:
    return sum(telegram_length(piece) + 1 for block in blocks for piece in block)


def _pack(blocks: list[list[str]], limit: int, enough: float | None = None) -> list[list[str]]:
    """Blocks of pieces joined into messages under `limit`, in order.

    A message is closed when the next block does not fit, or once it holds `enough`.
    """
    messages: list[list[str]] = []
    current: list[str] = []
    size = 0
    for block in blocks:
        block_size = _size([block])
        if current and (size + block_size > limit or (enough is not None and size >= enough)):
            messages.append(current)
            current, size = [], 0
        current.extend(block)
        size += block_size
    if current:
        messages.append(current)
    return messages


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def _fit(line: Line, limit: int) -> list[str]:
    rendered = line_html(line)
    if telegram_length(rendered) < limit:
        return [rendered]
    pieces: list[str] = []
    piece: list[str] = []
    size = 0
    for char in "".join(span.text for span in line):
        escaped = html.escape(char, quote=False)
        width = telegram_length(escaped)
        if size + width >= limit:
            pieces.append("".join(piece))
            piece, size = [], 0
        piece.append(escaped)
        size += width
    pieces.append("".join(piece))
    return pieces


def to_caption(lines: Iterable[Line]) -> str:
    caption = "\n".join(line_html(line) for line in lines)
    return caption if telegram_length(caption) <= CAPTION_LIMIT else ""


def to_rich(lines: Iterable[Line]) -> Text:
    """The digest for a terminal: styles where it has them, links spelled out."""
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        for span in line:
            style = " ".join(
                word for word, on in (("bold", span.bold), ("italic", span.italic)) if on
            )
            if span.url is not None:
                out.append(span.url.removeprefix("https://"), style=f"link {span.url}")
            else:
                out.append(printable(span.text), style=style or None)
    return out
