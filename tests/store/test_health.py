"""`store.health` names its tables in Core: the same columns and types as the models."""

from __future__ import annotations

import pytest
from sqlalchemy import TableClause

from dronewatch.store import health
from dronewatch.store.models import Base


@pytest.mark.parametrize("light", health.TABLES, ids=lambda table: table.name)
def test_core_tables_match_the_models(light: TableClause) -> None:
    model = Base.metadata.tables[light.name]
    for column in light.columns:
        assert column.name in model.c, f"{light.name}.{column.name} is not in the models"
        assert type(column.type) is type(model.c[column.name].type), (
            f"{light.name}.{column.name}: {column.type!r} in health, "
            f"{model.c[column.name].type!r} in the models"
        )
