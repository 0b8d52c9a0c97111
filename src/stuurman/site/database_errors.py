"""Turn a database connection failure into one sentence an operator can act on."""

from django.db import connection


def explain(error: Exception) -> str:
    settings = connection.settings_dict
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if settings["ENGINE"].endswith("postgresql"):
        where = f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
        return (
            f"Cannot use the PostgreSQL database '{settings['NAME']}' at {where}: {first_line}. "
            "Check DATABASE_URL and that the server is running."
        )
    return f"Cannot use the database '{settings['NAME']}': {first_line}. Check DATABASE_URL."
