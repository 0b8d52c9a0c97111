"""Inserting many plain rows fast, for the demo generator: COPY on PostgreSQL, one executemany on
SQLite. Rows are dicts of attribute names ("plan_id") to values; fields a row leaves out get the
model's default. No model instances, no signals, no history: only for rows nothing else refers to yet
(the generator makes those whose ids it needs with bulk_create)."""

from django.db import connection, models


def _columns(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def insert(model, rows: list[dict]) -> None:
    if rows:
        _copy(model, rows, with_id=False)


def _copy(model, rows: list[dict], *, with_id: bool) -> None:
    fields = [model._meta.pk, *_columns(model)] if with_id else _columns(model)
    defaults = {field.attname: field.get_default() for field in fields}
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    if connection.vendor == "postgresql":
        # psycopg adapts dates, aware datetimes, decimals and booleans itself; JSON needs its wrapper.
        json = [i for i, field in enumerate(fields) if isinstance(field, models.JSONField)]
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                values = [row.get(field.attname, defaults[field.attname]) for field in fields]
                for i in json:
                    values[i] = fields[i].get_db_prep_save(values[i], connection)
                copy.write_row(values)
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            [
                [
                    field.get_db_prep_save(row.get(field.attname, defaults[field.attname]), connection)
                    for field in fields
                ]
                for row in rows
            ],
        )


def insert_with_ids(model, rows: list[dict]) -> list[int]:
    """Like ``insert``, and the new rows' ids in order: taken from the table's sequence first on
    PostgreSQL (COPY returns nothing), from bulk_create elsewhere."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = model.objects.bulk_create(model(**row) for row in rows)
        return [item.pk for item in made]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, len(rows)],
        )
        ids = [row[0] for row in cursor.fetchall()]
    _copy(model, [{"id": pk, **row} for pk, row in zip(ids, rows, strict=True)], with_id=True)
    return ids
