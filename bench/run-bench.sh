#!/usr/bin/env bash
# The benchmark in one command: Strata (H2 and PostgreSQL) side by side with Orthanc (SQLite and PostgreSQL),
# DCMTK storescp and nginx, on the same generated data, on 127.0.0.1. Builds what is missing first, starts a
# throwaway PostgreSQL cluster and Keycloak (integration-tests/src/test/scripts/it-services.sh), compiles the
# loopback shim Orthanc runs under, then runs the harness (org.strata.bench.BenchMain), which writes
# bench/results/DATE-SIZE.md and .csv. Options: bench/run-bench.sh --help. Exit status: 0; 1 if Strata failed
# (a missing or failing peer is only reported); 2 if the run could not be set up.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fail() { echo "bench: $*" >&2; exit 2; }
command -v java >/dev/null || fail "java not found (JDK 17 or newer is needed)"
command -v mvn >/dev/null || fail "mvn not found (Maven 3.8 or newer is needed)"

. "$root/scripts/build-if-stale.sh"
build_if_stale "$root"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/bench/pom.xml" | head -1)
jars="$root/bench/target/strata-bench-$version.jar:$root/dicom/target/strata-dicom-$version.jar"
[ -f "$root/bench/target/strata-bench-$version.jar" ] || (cd "$root" && mvn -q -B package -DskipTests -pl dicom,bench) \
  || fail "cannot build the bench module"
for arg in "$@"; do
  case "$arg" in -h|--help) exec java -cp "$jars" org.strata.bench.BenchMain --help ;; esac
done

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

services="$root/bench/target/services"
kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$root/pom.xml")
keycloak_port=$(free_port 18180)
postgres_port=$(free_port 15432)
export IT_DIR="$services" KEYCLOAK_START_SECONDS=600 KEYCLOAK_PORT="$keycloak_port" POSTGRESQL_PORT="$postgres_port" \
  KEYCLOAK_ZIP="$root/wildfly-config/target/keycloak/keycloak-$kc_version.zip" \
  REALM_JSON="$root/wildfly-config/src/main/keycloak/strata-realm.json"
it_services="$root/integration-tests/src/test/scripts/it-services.sh"
trap 'bash "$it_services" stop' EXIT
trap 'exit 130' INT TERM
bash "$it_services" start || fail "PostgreSQL or Keycloak did not start (see $services)"

shim="$root/bench/target/loopback-bind.so"
gcc -shared -fPIC -O2 -o "$shim" "$root/bench/src/main/c/loopback-bind.c" -ldl 2>/dev/null \
  || { echo "bench: gcc could not build the loopback shim; Orthanc will be reported missing" >&2; rm -f "$shim"; }

java -cp "$jars" org.strata.bench.BenchMain --keycloak-url "http://127.0.0.1:$keycloak_port" \
  --postgres-port "$postgres_port" --loopback-shim "$shim" --command "bench/run-bench.sh $*" "$@"
