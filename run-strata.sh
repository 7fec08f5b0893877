#!/usr/bin/env bash
# Runs Strata on its embedded defaults: Keycloak (127.0.0.1:8180) and the Strata server (HTTP 8080,
# DICOM 11112, management 9990), both on 127.0.0.1. Builds what is missing first; Ctrl-C stops both.
# Data lives in ./run (kept between runs). Settings, all optional:
#   STRATA_DB=h2|postgresql   index database (default h2, a file under run/data)
#   STRATA_DB_URL, STRATA_DB_USER, STRATA_DB_PASSWORD   for postgresql
set -euo pipefail

root=$(cd "$(dirname "$0")" && pwd)
server="$root/wildfly-config/target/strata-server"
kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$root/pom.xml")
run="$root/run"
keycloak="$run/keycloak-$kc_version"
log="$run/log"

fail() { echo "strata: $*" >&2; exit 2; }

db_kind=${STRATA_DB:-h2}
db_args=()
case "$db_kind" in
  h2) ;;
  postgresql)
    [ -n "${STRATA_DB_URL:-}" ] || fail "STRATA_DB=postgresql needs STRATA_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/strata)"
    db_args=(-Dstrata.db.kind=PostgreSQL "-Dstrata.db.url=$STRATA_DB_URL"
             "-Dstrata.db.user=${STRATA_DB_USER:-strata}" "-Dstrata.db.password=${STRATA_DB_PASSWORD:-}") ;;
  *) fail "unknown database kind STRATA_DB='$db_kind' (setting STRATA_DB: h2 or postgresql)" ;;
esac

command -v java >/dev/null || fail "java not found (JDK 17 or newer is needed)"
command -v mvn >/dev/null || fail "mvn not found (Maven 3.8 or newer is needed)"

for port in 8080 9990 11112 8180; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port on 127.0.0.1 is in use (is Strata already running?)"
  fi
done

# Build when the server is missing or any source is newer than it.
. "$root/scripts/build-if-stale.sh"
build_if_stale "$root"

mkdir -p "$run/data" "$log"
if [ ! -d "$keycloak" ]; then
  (cd "$run" && jar xf "$root/wildfly-config/target/keycloak/keycloak-$kc_version.zip") \
    || fail "cannot unpack Keycloak into $run"
  chmod +x "$keycloak"/bin/*.sh
fi
mkdir -p "$keycloak/data/import"
cp "$root/wildfly-config/target/keycloak/strata-realm.json" "$keycloak/data/import/"

# The management console needs a user; this embedded default is admin/admin, on loopback only.
grep -q '^admin=' "$server/standalone/configuration/mgmt-users.properties" \
  || "$server/bin/add-user.sh" -s -u admin -p admin >/dev/null

kc_pid=""; wf_pid=""
stop() {
  trap - INT TERM EXIT
  echo; echo "strata: stopping ..."
  [ -n "$wf_pid" ] && kill -TERM "$wf_pid" 2>/dev/null || true
  [ -n "$kc_pid" ] && kill -TERM "$kc_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "strata: stopped"
}
trap stop INT TERM EXIT

echo "strata: starting Keycloak on 127.0.0.1:8180 (log: $log/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$keycloak/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=8180 --import-realm \
  >"$log/keycloak.log" 2>&1 &
kc_pid=$!

echo "strata: starting the Strata server (log: $log/server.log)"
log_start=0
[ -f "$log/server.log" ] && log_start=$(wc -l < "$log/server.log")
new_log() { tail -n +$((log_start + 1)) "$log/server.log" 2>/dev/null; }
LAUNCH_JBOSS_IN_BACKGROUND=1 TCP_NODELAY=1 "$server/bin/standalone.sh" \
  -Djboss.server.data.dir="$run/data" -Djboss.server.log.dir="$log" -Djboss.server.temp.dir="$run/tmp" "${db_args[@]}" \
  >"$log/console.log" 2>&1 &
wf_pid=$!

health=""
for _ in $(seq 1 180); do
  # WFLYSRV0026: WildFly started, but with errors (the EAR did not deploy).
  if new_log | grep -q "Strata cannot start:\|WFLYSRV0026"; then
    reasons=$(new_log | grep -o "Strata cannot start:.*" | sort -u)
    [ -n "$reasons" ] || reasons=$(new_log | grep " ERROR " | head -3 | cut -c1-400)
    echo "$reasons" >&2
    fail "the Strata server did not start (see $log/server.log)"
  fi
  kill -0 "$wf_pid" 2>/dev/null || fail "the Strata server exited (see $log/console.log)"
  kill -0 "$kc_pid" 2>/dev/null || fail "Keycloak exited (see $log/keycloak.log)"
  health=$(curl -sf http://127.0.0.1:8080/strata/api/health 2>/dev/null) && \
    curl -sf -o /dev/null http://127.0.0.1:8180/realms/strata 2>/dev/null && break
  health=""
  sleep 1
done
[ -n "$health" ] || fail "Strata or Keycloak did not answer within 180 s (see $log)"

cat <<INFO

Strata is running.
  Health         http://127.0.0.1:8080/strata/api/health
                 $health
  DICOMweb       http://127.0.0.1:8080/dicom-web   (bearer token needed)
  DICOM          AE STRATA on 127.0.0.1:11112
  WildFly console http://127.0.0.1:9990  (admin / admin)
  Keycloak       http://127.0.0.1:8180  (master admin: admin / admin; realm 'strata')
  Demo users     reader/reader (strata-user), writer/writer (strata-writer), admin/admin (strata-admin)
  Data           $run/data    Logs  $log
Press Ctrl-C to stop.
INFO
wait "$wf_pid"
