"""PostgreSQL only: the access log refuses UPDATE and DELETE, and links its hash chain.

The chain is linked in the database so that every writer gets it, one statement per log event; an
advisory lock orders concurrent inserts. SQLite runs skip this (stuurman.privacy.log links there).
TRUNCATE is left to privileges, not a trigger: test databases are emptied with TRUNCATE, and in
production the application's role must not own the table (docs/operators-guide.md).
"""

from django.db import migrations

from stuurman.site.migration_support import postgresql_only

FORWARD = r"""
CREATE FUNCTION privacy_accesslog_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(7513);
    SELECT hash INTO last_hash FROM privacy_accesslog ORDER BY id DESC LIMIT 1;
    NEW.previous_hash := coalesce(last_hash, '');
    NEW.hash := encode(sha256(convert_to(NEW.previous_hash || NEW.content_digest, 'UTF8')), 'hex');
    RETURN NEW;
END $$;

CREATE FUNCTION privacy_accesslog_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'het toegangslog is alleen aan te vullen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER privacy_accesslog_link BEFORE INSERT ON privacy_accesslog
    FOR EACH ROW EXECUTE FUNCTION privacy_accesslog_link();
CREATE TRIGGER privacy_accesslog_append_only BEFORE UPDATE OR DELETE ON privacy_accesslog
    FOR EACH ROW EXECUTE FUNCTION privacy_accesslog_refuse();

CREATE INDEX accesslog_person_ids ON privacy_accesslog USING gin (person_ids jsonb_path_ops);
"""

BACKWARD = r"""
DROP INDEX accesslog_person_ids;
DROP TRIGGER privacy_accesslog_append_only ON privacy_accesslog;
DROP TRIGGER privacy_accesslog_link ON privacy_accesslog;
DROP FUNCTION privacy_accesslog_refuse();
DROP FUNCTION privacy_accesslog_link();
"""


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
