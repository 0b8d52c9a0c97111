"""PostgreSQL only: the social map's Dutch full-text column, kept by a trigger, and the exclusion
constraint that refuses overlapping contract periods for one provider and service (ADR 0009).

The trigger fills the column for every writer (forms, the import, the demo generator's bulk inserts).
SQLite runs skip this: catalog.search falls back to a plain text match and catalog.services checks the
overlap in code, as it does on PostgreSQL too, to give a clear message before the constraint would.
"""

from django.db import migrations

from stuurman.site.migration_support import postgresql_only

FORWARD = r"""
CREATE FUNCTION catalog_service_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('dutch', coalesce(NEW.name, '')), 'A')
        || setweight(to_tsvector('dutch', coalesce(NEW.summary, '')), 'B')
        || setweight(to_tsvector('dutch', concat_ws(' ', NEW.description, NEW.for_whom, NEW.conditions,
                                                     NEW.organisation)), 'C');
    RETURN NEW;
END $$;

CREATE TRIGGER catalog_service_search_vector BEFORE INSERT OR UPDATE ON catalog_service
    FOR EACH ROW EXECUTE FUNCTION catalog_service_search_vector();

CREATE INDEX service_search ON catalog_service USING gin (search_vector);

CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE catalog_contract ADD CONSTRAINT contract_no_overlap EXCLUDE USING gist (
    provider_id WITH =, service_id WITH =, municipality_id WITH =,
    daterange(starts_on, ends_on, '[]') WITH &&
);
"""

BACKWARD = r"""
ALTER TABLE catalog_contract DROP CONSTRAINT contract_no_overlap;
DROP INDEX service_search;
DROP TRIGGER catalog_service_search_vector ON catalog_service;
DROP FUNCTION catalog_service_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_catalogue")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
