#!/usr/bin/env bash
# Starts and stops what the whole-server tests need beside WildFly: a throwaway PostgreSQL cluster (initdb on a
# free loopback port) and Keycloak with a freshly imported 'strata' realm. Called by Maven around the ITs.
#   it-services.sh start   (needs IT_DIR, KEYCLOAK_ZIP, KEYCLOAK_PORT, REALM_JSON, POSTGRESQL_PORT)
#   it-services.sh stop    (needs IT_DIR)
set -euo pipefail
: "${IT_DIR:?}"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_postgres() {
  # PostgreSQL refuses to run as root; CI runs as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$IT_DIR/keycloak.pid" ]; then
    kill "$(cat "$IT_DIR/keycloak.pid")" 2>/dev/null || true
    rm -f "$IT_DIR/keycloak.pid"
  fi
  if [ -f "$IT_DIR/pgdata-path" ]; then
    pgdata=$(cat "$IT_DIR/pgdata-path")
    as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdata" "$IT_DIR/pgdata-path"
  fi
}

start() {
  : "${KEYCLOAK_ZIP:?}" "${KEYCLOAK_PORT:?}" "${REALM_JSON:?}" "${POSTGRESQL_PORT:?}"
  stop
  # Every run starts from empty servers: the PostgreSQL cluster is new, so must be their data folders.
  rm -rf "$IT_DIR/h2" "$IT_DIR/postgresql"
  mkdir -p "$IT_DIR"

  [ -x "$pg_bin/initdb" ] || { echo "it-services: PostgreSQL not installed (apt-get install -y postgresql)" >&2; exit 1; }
  pgdata=$(mktemp -d /tmp/strata-it-pg.XXXXXX)
  echo "$pgdata" > "$IT_DIR/pgdata-path"
  [ "$(id -u)" = 0 ] && chown postgres "$pgdata"
  as_postgres "$pg_bin/initdb" -D "$pgdata" -U strata --auth=trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $POSTGRESQL_PORT -c listen_addresses=127.0.0.1 -k $pgdata" start >/dev/null
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$POSTGRESQL_PORT" -U strata strata
  echo "it-services: PostgreSQL on 127.0.0.1:$POSTGRESQL_PORT ($pgdata)"

  kc_home="$IT_DIR/keycloak"
  if [ ! -x "$kc_home/bin/kc.sh" ]; then
    rm -rf "$kc_home" "$IT_DIR"/keycloak-*
    (cd "$IT_DIR" && jar xf "$KEYCLOAK_ZIP") && mv "$IT_DIR"/keycloak-* "$kc_home"
    chmod +x "$kc_home"/bin/*.sh
  fi
  rm -rf "$kc_home/data"                      # a fresh realm each run: an old data folder skips the import
  mkdir -p "$kc_home/data/import"
  cp "$REALM_JSON" "$kc_home/data/import/"
  "$kc_home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm \
    >"$IT_DIR/keycloak.log" 2>&1 &
  echo $! > "$IT_DIR/keycloak.pid"
  # Up to 5 minutes: on a loaded shared machine Quarkus's first-start augmentation alone has taken 85 s.
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "http://127.0.0.1:$KEYCLOAK_PORT/realms/strata"; then
      echo "it-services: Keycloak on 127.0.0.1:$KEYCLOAK_PORT"
      return 0
    fi
    kill -0 "$(cat "$IT_DIR/keycloak.pid")" 2>/dev/null || break
    sleep 1
  done
  echo "it-services: Keycloak did not start; its log follows" >&2
  tail -50 "$IT_DIR/keycloak.log" >&2
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: it-services.sh start|stop" >&2; exit 2 ;;
esac
