"""Everything that talks SQL: schema, sessions, migrations, queries."""

from dronewatch.store.database import Database, SchemaOutdatedError, open_database

__all__ = ["Database", "SchemaOutdatedError", "open_database"]
