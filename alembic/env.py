"""Alembic environment: dronewatch passes its own engine; the URL never lives in a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from dronewatch.store.models import Base
from dronewatch.store.search import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # plain `alembic` command line: take the URL from -x url=...
        engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        context.run_migrations()


run_migrations()
