"""Everything that talks SQL: schema, sessions, migrations, queries."""

from dronewatch.store.database import (
    Database,
    DatabaseMissingError,
    DatabaseUnavailableError,
    SchemaOutdatedError,
    connect_database,
    open_database,
)

__all__ = [
    "Database",
    "DatabaseMissingError",
    "DatabaseUnavailableError",
    "SchemaOutdatedError",
    "connect_database",
    "open_database",
]
