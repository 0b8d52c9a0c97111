"""The ``stuurman`` command: Django's management commands, with configuration and connection
problems reported in one clear sentence instead of a traceback."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurman.settings")
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "stuurman"

    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        django.setup()
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        return _fail(f"Stuurman is not configured correctly: {error}")
    except DatabaseError as error:
        from stuurman.site.database_errors import explain

        return _fail(explain(error))
    return 0


def _fail(sentence: str) -> int:
    print(sentence, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
