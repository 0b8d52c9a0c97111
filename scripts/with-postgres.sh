#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15 cluster and removes the cluster afterwards,
# also when the command fails. Works as root: the server runs as the `postgres` user.
#   scripts/with-postgres.sh pytest -q
# The command sees DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/stuurman.
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/initdb" ] || pg_bin=$(dirname "$(command -v initdb)")

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

work=$(mktemp -d /tmp/stuurman-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres: "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# ICU nl-NL as the default collation, so Dutch names sort as they do in production.
as_postgres "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 \
  --locale-provider=icu --icu-locale=nl-NL --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
# Durability is pointless for a cluster that is deleted in a minute; these make tests faster.
as_postgres "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 30 start -o \
  "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work \
   -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" >/dev/null \
  || { cat "$work/server.log" >&2; exit 1; }
as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres stuurman

export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/stuurman"
echo "PostgreSQL 15 on 127.0.0.1:$port (throw-away cluster in $work)" >&2
status=0
"$@" || status=$?
exit "$status"
