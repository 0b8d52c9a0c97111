#!/usr/bin/env bash
# `make run`: migrate, load the demo region into an empty database, print how to log in, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
export STUURMAN_ENV="${STUURMAN_ENV:-dev}"
mkdir -p var
stuurman=.venv/bin/stuurman
$stuurman migrate --noinput -v 0
$stuurman demo --if-empty
$stuurman demo --show-logins
echo
echo "Stuurman runs at http://127.0.0.1:8000/  (stop with Ctrl+C)"
exec $stuurman runserver 127.0.0.1:8000
