#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL server for the tests on loopback; print its URL.
# Installs Debian's postgresql when missing. Data lives in $COOP_PG_DIR (default /tmp/coop-test-pg).
set -euo pipefail
DATA=${COOP_PG_DIR:-/tmp/coop-test-pg}
PORT=${COOP_PG_PORT:-54329}
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN=(runuser -u postgres --)
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA" && chown postgres "$DATA"
  "${RUN[@]}" "$PGBIN/initdb" -D "$DATA" -A trust -U postgres >&2
fi
if ! "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1" start >&2
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
