"""Timing goals for Stuurman, run by `make bench` against a throw-away PostgreSQL (never by pytest)."""
