"""PostgreSQL only: the index behind people.search.surname_starts_with (prefix match in index order)."""

from django.db import migrations

from stuurman.site.migration_support import postgresql_only

FORWARD = 'CREATE INDEX person_surname_key ON people_person ((UPPER(surname) COLLATE "C"), first_names, id)'
BACKWARD = "DROP INDEX person_surname_key"


class Migration(migrations.Migration):
    dependencies = [("people", "0002_network_and_history")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
