"""Check that the parser's reports are those of the committed snapshot, or rewrite it.

Parses every corpus of posts in the repository (the JSON lines under tests/) and, when
the project's shared material lies beside the repository, its labeled corpora
(../shared/corpus/dev.jsonl and check.jsonl), and compares the SHA-256 of each post's
`dronewatch parse --jsonl` line with tests/parsing/report_snapshot.tsv (corpus, post id,
hash: no text of any corpus is kept). On drift it names the posts whose reports changed,
corpus by corpus, and exits 1.

A change of the rules that alters reports on purpose bumps RULES_VERSION
(parsing/lexicon.py) and rewrites the snapshot: `--update`. A corpus that is absent (the
shared ones outside the project's machines) is left out of the check and keeps its rows.

Run: uv run python scripts/report_snapshot.py [--update]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from dronewatch.commands.parse import report_line
from dronewatch.parsing.lexicon import RULES_VERSION

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "parsing" / "report_snapshot.tsv"
SHARED = ROOT.parent / "shared" / "corpus"
SHARED_CORPORA = ("dev.jsonl", "check.jsonl")
HEADER = (
    "# SHA-256 of each post's `dronewatch parse --jsonl` line, by corpus and post id:\n"
    "# checked by scripts/report_snapshot.py, rewritten with --update.\n"
)

Hashes = dict[str, dict[str, str]]  # corpus -> post id -> hash


def corpora() -> dict[str, Path | None]:
    """Every corpus by its name, None for a shared one that is absent here."""
    found: dict[str, Path | None] = {}
    for path in sorted((ROOT / "tests").rglob("*.jsonl")):
        if _holds_posts(path):
            found[path.relative_to(ROOT).as_posix()] = path
    for name in SHARED_CORPORA:
        path = SHARED / name
        found[f"shared/corpus/{name}"] = path if path.is_file() else None
    return found


def _holds_posts(path: Path) -> bool:
    """Whether the file's first line is a post (an object with a text)."""
    with path.open(encoding="utf-8") as lines:
        first = next(lines, "")
    try:
        item = json.loads(first)
    except ValueError:
        return False
    return isinstance(item, dict) and isinstance(item.get("text"), str)


def _posts(path: Path) -> Iterator[tuple[str, str]]:
    """(post id, line) of each post: its "id", else its line number."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            item = None
        post = item.get("id") if isinstance(item, dict) else None
        yield (str(post) if post is not None else f"line {number}"), line


def hashes(path: Path) -> dict[str, str]:
    """The hash of each post's report line, by post id."""
    found: dict[str, str] = {}
    for number, (post, line) in enumerate(_posts(path), start=1):
        output = report_line(line, number)
        found[post] = hashlib.sha256(output.encode("utf-8")).hexdigest()
    return found


def read_snapshot() -> tuple[str | None, Hashes]:
    """(the rules version it was written with, its hashes)."""
    version = None
    snapshot: Hashes = {}
    if not SNAPSHOT.is_file():
        return version, snapshot
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        if line.startswith("# rules "):
            version = line.removeprefix("# rules ").strip()
        if not line or line.startswith("#") or line.startswith("corpus\t"):
            continue
        corpus, post, digest = line.split("\t")
        snapshot.setdefault(corpus, {})[post] = digest
    return version, snapshot


def write_snapshot(snapshot: Hashes) -> None:
    rows = [
        f"{corpus}\t{post}\t{digest}"
        for corpus in sorted(snapshot)
        for post, digest in snapshot[corpus].items()
    ]
    text = HEADER + f"# rules {RULES_VERSION}\ncorpus\tid\tsha256\n" + "\n".join(rows) + "\n"
    SNAPSHOT.write_text(text, encoding="utf-8")


def drift(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """What differs, in words: changed, new and gone post ids."""
    changed = [post for post in new if post in old and old[post] != new[post]]
    added = [post for post in new if post not in old]
    gone = [post for post in old if post not in new]
    return [
        f"{label} {_listed(posts)}"
        for label, posts in (("changed", changed), ("new", added), ("gone", gone))
        if posts
    ]


def _listed(posts: list[str], most: int = 20) -> str:
    shown = ", ".join(posts[:most])
    return shown if len(posts) <= most else f"{shown} and {len(posts) - most} more"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot")
    args = parser.parse_args()
    version, snapshot = read_snapshot()
    current: Hashes = {}
    differences: dict[str, list[str]] = {}
    for corpus, path in corpora().items():
        if path is None:
            if corpus in snapshot:
                current[corpus] = snapshot[corpus]  # absent here: kept, not checked
                print(f"report snapshot: {corpus} absent, not checked")
            continue
        current[corpus] = hashes(path)
        found = drift(snapshot.get(corpus, {}), current[corpus])
        if found:
            differences[corpus] = found
    for corpus in snapshot.keys() - current.keys():
        differences[corpus] = ["gone: the corpus is no longer in the repository"]
    posts = sum(len(h) for h in current.values())
    if args.update:
        write_snapshot(current)
        print(f"report snapshot: wrote {posts} posts of {len(current)} corpora to {SNAPSHOT.name}")
        if differences and version == RULES_VERSION:
            print(f"  reports changed under the same RULES_VERSION {RULES_VERSION}: bump it")
        return 0
    if not differences:
        print(f"report snapshot: {posts} posts of {len(current)} corpora as in {SNAPSHOT.name}")
        return 0
    print(f"report snapshot: reports differ from {SNAPSHOT.relative_to(ROOT)}:", file=sys.stderr)
    for corpus, found in differences.items():
        print(f"  {corpus}: " + "; ".join(found), file=sys.stderr)
    print(
        "A rules change that alters reports on purpose bumps RULES_VERSION "
        "(src/dronewatch/parsing/lexicon.py) and runs: "
        "uv run python scripts/report_snapshot.py --update",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
