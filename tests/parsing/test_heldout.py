"""Regression guard on the held-out corpus: posts written for it, labeled by the contract.

`corpus/heldout.jsonl` was labeled without looking at the parser. The floor is 0.05 below
the share measured when the corpus was written (118/164 = 0.720): a guard against
regressions, not a target. Scoring follows /work/shared/tools/score.py field by field.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from dronewatch.parsing import parse

CORPUS = Path(__file__).parent / "corpus" / "heldout.jsonl"
FLOOR = 0.67

SCALAR_FIELDS = ("kind", "drones", "cumulative", "killed", "injured", "no_damage")
TYPE_WORDS = {
    "район", "округ", "городской", "муниципальный", "город", "г", "поселок",
    "пос", "п", "село", "с", "деревня", "д", "хутор", "станица", "рабочий", "пгт",
    "микрорайон", "мкр",
}  # fmt: skip


def _norm_place(name: str) -> str:
    words = re.findall(r"[\w-]+", str(name).lower().replace("ё", "е"))
    return " ".join(w for w in words if w not in TYPE_WORDS)


def _regions(report: dict[str, Any]) -> dict[str, int | None]:
    return {r["code"]: r.get("drones") for r in report.get("regions") or [] if r.get("code")}


def _same_window(a: dict[str, str] | None, b: dict[str, str] | None) -> bool:
    if not a or not b:
        return a == b
    return all(
        datetime.fromisoformat(a[k]) == datetime.fromisoformat(b[k]) for k in ("start", "end")
    )


def _wrong_fields(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    wrong = [f for f in SCALAR_FIELDS if expected.get(f) != got.get(f)]
    er, gr = _regions(expected), _regions(got)
    if set(er) != set(gr):
        wrong.append("regions")
    if any(er[c] != gr[c] for c in er if c in gr):
        wrong.append("region_counts")
    places_e = {_norm_place(p) for p in expected.get("places") or []}
    places_g = {_norm_place(p) for p in got.get("places") or []}
    if places_e != places_g:
        wrong.append("places")
    if set(expected.get("damage") or []) != set(got.get("damage") or []):
        wrong.append("damage")
    if "window" in expected and not _same_window(expected["window"], got.get("window")):
        wrong.append("window")
    return wrong


def _lines() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_heldout_corpus_is_well_formed() -> None:
    lines = _lines()
    assert len(lines) >= 100
    assert len({line["id"] for line in lines}) == len(lines)
    for line in lines:
        assert line["expected"]["kind"] in {"attack", "alert", "none"}


def test_heldout_fully_right_share_stays_above_floor() -> None:
    lines = _lines()
    failing: list[str] = []
    for line in lines:
        date = datetime.fromisoformat(line["date"]) if line.get("date") else None
        got = parse(line["text"], line.get("channel_region"), date).contract_dict()
        wrong = _wrong_fields(line["expected"], got)
        if wrong:
            failing.append(f"{line['id']} ({', '.join(wrong)})")
    share = 1 - len(failing) / len(lines)
    print(f"held-out fully right: {len(lines) - len(failing)}/{len(lines)} = {share:.3f}")
    assert share >= FLOOR, f"fully right {share:.3f} < floor {FLOOR}; failing lines:\n" + "\n".join(
        failing
    )
