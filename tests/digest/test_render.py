"""Telegram HTML: hostile post text stays text, and messages fit Telegram's limit."""

from __future__ import annotations

from html.parser import HTMLParser

from digest_scenario import DAY, KURSK, Scripted, attack, msk, settings_with
from hypothesis import given
from hypothesis import strategies as st

from dronewatch.digest.build import build_summary, outgoing_of
from dronewatch.digest.render import (
    MESSAGE_LIMIT,
    Line,
    bold,
    digest_lines,
    line_html,
    link,
    plain,
    telegram_length,
    to_messages,
    to_rich,
)
from dronewatch.store import Database

HOSTILE = '<a href="https://evil.example">click</a> & <b>bold</b> "quoted" <script>x</script>'


class _Tags(HTMLParser):
    """Collects the tags of a message and checks they are balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)
        self.hrefs.extend(value for name, value in attrs if name == "href")

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, f"unbalanced </{tag}>"


def parse_tags(message: str) -> _Tags:
    parser = _Tags()
    parser.feed(message)
    parser.close()
    assert not parser.open, f"unclosed tags {parser.open}"
    return parser


def test_hostile_post_text_is_escaped(database: Database) -> None:
    s = Scripted()
    s.post(
        KURSK,
        1,
        msk(8, 2),
        attack(3, [("RU-KRS", 3)], places=(HOSTILE,), damage=("other",), injured=1),
    )
    s.pipeline(database).ingest(s.posts)
    summary = build_summary(database, settings_with().digest, DAY)
    messages = to_messages(digest_lines(summary))
    text = "\n".join(messages)
    assert "<script>" not in text
    assert '<a href="https://evil' not in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text
    tags = parse_tags(text)
    assert set(tags.tags) <= {"b", "i", "a"}
    assert tags.hrefs
    assert set(tags.hrefs) == {"https://t.me/kursk_gov/1"}


def test_known_day_renders_every_section(known_database: Database) -> None:
    summary = build_summary(known_database, settings_with().digest, DAY)
    outgoing = outgoing_of(summary, settings_with().digest)
    text = "\n".join(outgoing.messages)
    for expected in (
        "Drone digest · Mon 8 June 2026",
        "All regions: <b>40</b> (▲ +20 vs 20 the day before",
        "Regional officials: <b>19</b> (▲ +10 vs 9 the day before",
        "National summaries: <b>40</b>",
        "larger of its governor's and the Ministry of Defence's, never their sum",
        "• Kursk Oblast: <b>15</b> (12 · 15)",
        "• Bryansk Oblast: <b>15</b> (— · 15)",
        "Рыльский район — 2 reports",
        "Casualties: </b>1 killed, 3 injured",
        "Alerts: </b>Kursk Oblast 1",
    ):
        assert expected in text
    assert outgoing.chart is not None
    assert outgoing.chart.startswith(b"\x89PNG")
    assert 0 < telegram_length(outgoing.caption) <= 1024
    terminal = to_rich(digest_lines(summary)).plain
    assert "t.me/kursk_gov/10" in terminal
    assert "<b>" not in terminal


def _long_lines(count: int, width: int) -> list[Line]:
    return [
        (plain(f"{index:04d} " + "д" * width + " <&> "), link("[1]", "https://t.me/x/1"))
        for index in range(count)
    ]


def test_messages_split_at_lines_under_the_limit() -> None:
    lines = _long_lines(300, 60)
    messages = to_messages(lines)
    assert len(messages) > 1
    for message in messages:
        assert telegram_length(message) <= MESSAGE_LIMIT
        parse_tags(message)
    rejoined = "\n".join(messages).split("\n")
    assert [row[:4] for row in rejoined] == [f"{index:04d}" for index in range(300)]


def test_a_line_longer_than_a_message_is_cut_as_plain_text() -> None:
    messages = to_messages([(plain("🛩<&>" * 3000),)])
    assert len(messages) > 1
    assert all(telegram_length(message) <= MESSAGE_LIMIT for message in messages)
    assert all("&lt;" in message and "<" not in message for message in messages)


@given(
    st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=700), max_size=40),
    st.integers(min_value=64, max_value=MESSAGE_LIMIT),
)
def test_no_message_ever_exceeds_the_limit(texts: list[str], limit: int) -> None:
    lines: list[Line] = [(plain(text.replace("\n", " ")),) for text in texts]
    for message in to_messages(lines, limit):
        assert telegram_length(message) <= limit
        assert message.strip("\n")


def _section(title: str, rows: int) -> list[Line]:
    return [(bold(title),), *((plain(f"{title} row {i} " + "ж" * 60),) for i in range(rows)), ()]


def test_messages_split_between_sections_and_keep_a_short_tail_with_the_body() -> None:
    body = [*_section("Header", 1), *_section("Regions", 26), *_section("Places", 25)]
    lines = [*body, (bold("Alerts: "), plain("Kursk Oblast 1"))]
    # The body alone just fits a message: cut by size, the alerts would go out alone.
    limit = sum(telegram_length(line_html(line)) + 1 for line in body) + 5
    messages = to_messages(lines, limit)
    assert len(messages) == 2
    assert "Alerts" in messages[1]
    assert "Places row 0" in messages[1]  # the alerts are not sent alone
    for title in ("Regions", "Places"):  # each section whole in one message
        assert sum(f"{title} row" in message for message in messages) == 1
