"""PostgreSQL only: the index behind people.search.surname_starts_with (prefix match in index order)."""

from django.db import migrations

FORWARD = 'CREATE INDEX person_surname_key ON people_person ((UPPER(surname) COLLATE "C"), first_names, id)'
BACKWARD = "DROP INDEX person_surname_key"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_network_and_history")]
    operations = [migrations.RunPython(forward, backward)]
