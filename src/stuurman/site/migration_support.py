"""Helpers for migrations. Imported by migration files, so keep these signatures stable."""

from django.db import migrations


def postgresql_only(forward: str, backward: str) -> migrations.RunPython:
    """Raw SQL that runs on PostgreSQL only; SQLite (a first local run) relies on a fallback in code."""

    def run(sql):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql, params=None)  # no params: '%' in the SQL stays a literal

        return operation

    return migrations.RunPython(run(forward), run(backward))
