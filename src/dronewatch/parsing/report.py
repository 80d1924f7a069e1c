"""The report contract (`shared/parser-contract.md`) as pydantic models.

`Report.contract_dict()` is exactly the contract's JSON; `evidence` travels beside
it so that every number can be traced back to the words it was read from.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

Kind = Literal["attack", "alert", "none"]
DamageTag = Literal[
    "vehicle",
    "residential",
    "commercial",
    "industrial",
    "energy",
    "fuel",
    "transport",
    "social",
    "fire",
    "other",
]
DAMAGE_TAGS: tuple[DamageTag, ...] = (
    "vehicle",
    "residential",
    "commercial",
    "industrial",
    "energy",
    "fuel",
    "transport",
    "social",
    "fire",
    "other",
)


class RegionCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    drones: int | None = None


class Window(BaseModel):
    """The period a post covers, as aware datetimes."""

    model_config = ConfigDict(frozen=True)

    start: datetime
    end: datetime

    @field_serializer("start", "end")
    def _iso(self, value: datetime) -> str:
        return value.isoformat()


class Evidence(BaseModel):
    """Why a value was read: the field, the value, and the text span `[start, end)`."""

    model_config = ConfigDict(frozen=True)

    field: str
    value: Any
    start: int
    end: int
    text: str


CONTRACT_FIELDS = (
    "kind",
    "drones",
    "cumulative",
    "regions",
    "places",
    "killed",
    "injured",
    "damage",
    "no_damage",
    "window",
)


class Report(BaseModel):
    """What one post says about drones."""

    model_config = ConfigDict(frozen=True)

    kind: Kind = "none"
    drones: int | None = None
    cumulative: bool = False
    regions: list[RegionCount] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    damage: list[DamageTag] = Field(default_factory=list)
    no_damage: bool = False
    window: Window | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    def contract_dict(self) -> dict[str, Any]:
        """The report as the contract's JSON object (no evidence)."""
        return self.model_dump(mode="json", include=set(CONTRACT_FIELDS))

    def explained_dict(self) -> dict[str, Any]:
        """The contract's JSON plus the evidence spans."""
        return self.model_dump(mode="json")
