# Sourced by run-strata.sh and bench/run-bench.sh: builds the reactor (mvn package, tests skipped) when the
# Strata server is missing or any source or pom is newer than it.
#   build_if_stale ROOT   (exits the calling script with status 2 if the build fails)
build_if_stale() {
  local root=$1
  local stamp="$root/wildfly-config/target/strata-server/strata/strata.ear"
  if [ ! -f "$stamp" ] || [ -n "$(find "$root" -path "$root/run" -prune -o -path '*/target' -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
    echo "strata: building (mvn package, tests skipped) ..."
    (cd "$root" && mvn -q -B package -DskipTests) || { echo "strata: build failed" >&2; exit 2; }
  fi
}
