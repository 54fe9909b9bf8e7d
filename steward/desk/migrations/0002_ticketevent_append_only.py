"""Ticket events cannot be edited, even by a bulk UPDATE: the database refuses."""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER desk_ticketevent_append_only BEFORE UPDATE ON desk_ticketevent
       BEGIN SELECT RAISE(ABORT, 'ticket events are append-only'); END""",
]
SQLITE_UNDO = ["DROP TRIGGER IF EXISTS desk_ticketevent_append_only"]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION desk_ticketevent_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'ticket events are append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER desk_ticketevent_append_only BEFORE UPDATE ON desk_ticketevent
       FOR EACH ROW EXECUTE FUNCTION desk_ticketevent_append_only()""",
]
POSTGRES_UNDO = [
    "DROP TRIGGER IF EXISTS desk_ticketevent_append_only ON desk_ticketevent",
    "DROP FUNCTION IF EXISTS desk_ticketevent_append_only()",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO}),
        ),
    ]
