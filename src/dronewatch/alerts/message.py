"""An alert as the recipients read it: the rule, the figures, the words that matched, the link.

Laid out as the digest's styled lines, so that it is escaped and written out (Telegram
HTML for sending, rich text for `alerts test`) by the digest's own writers.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from dronewatch.alerts.rules import Match
from dronewatch.digest.render import Line, bold, italic, line_html, link, plain
from dronewatch.model import post_url
from dronewatch.regions import english_name

# At most this many quotes, each at most this long: an alert stays a short message.
MAX_QUOTES = 8
MAX_QUOTE_CHARS = 120


def _figures(found: Match) -> str:
    report = found.report
    parts = []
    drones = found.drones if found.rule.regions else report.drones
    if drones is not None:
        parts.append(f"{drones} drone{'s' if drones != 1 else ''}")
    wanted = found.rule.regions
    regions = [r.code for r in report.regions if not wanted or r.code in wanted]
    parts += [english_name(code) for code in regions[:3]]
    if report.killed:
        parts.append(f"killed {report.killed}")
    if report.injured:
        parts.append(f"injured {report.injured}")
    parts += list(report.damage)
    parts += list(report.places[:3])
    return " · ".join(parts) or report.kind


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE_CHARS else text[: MAX_QUOTE_CHARS - 1] + "…"


def alert_lines(found: Match, zone: ZoneInfo) -> list[Line]:
    """The alert, line by line."""
    report = found.report
    source = (
        report.channel_label
        or report.channel_title
        or report.channel_username
        or str(report.channel_telegram_id)
    )
    url = post_url(report.channel_username, report.channel_telegram_id, report.message_id)
    when = (report.edited_at or report.posted_at).astimezone(zone)
    lines: list[Line] = [
        (bold(f"Alert: {found.rule.name}"),),
        (plain(_figures(found)),),
    ]
    lines += [
        (plain(f"{quote.field}: "), italic(f"«{_quote(quote.text)}»"))
        for quote in found.quotes[:MAX_QUOTES]
    ]
    edited = ", edited" if report.edited_at is not None else ""
    lines.append((link(source, url), plain(f" · {when:%d %b %H:%M} {zone.key}{edited}")))
    return lines


def alert_html(found: Match, zone: ZoneInfo) -> str:
    """The alert as one Telegram-HTML message."""
    return "\n".join(line_html(line) for line in alert_lines(found, zone))
