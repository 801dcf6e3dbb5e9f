#!/usr/bin/env bash
# Builds irready and runs the benchmark suite; rewrites the generated section of docs/BENCHMARKS.md.
#   ./bench.sh           the full suite (a few minutes)
#   ./bench.sh --quick   fewer repetitions, no 10 000-resource sweep (about a minute)
#   ./bench.sh --only scaling   re-measures the sweep-scaling section alone (10 … 10 000 resources,
#                        parallel and one by one) and rewrites just that section
#   ./bench.sh --only startup   only the start-up part: Lambda cold path and `irready scan` side by side
#                        against a seeded moto_server (rewrites only that part of the document)
#   ./bench.sh --organization [--quick]   only the organization sweep (100 accounts x 3 regions) and its cost
# Timing is measured here only; CI runs the count and size guards (io.irready.bench.*GuardTest).
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
  || { echo "bench.sh: a JDK 21 or newer is needed (set JAVA_HOME)" >&2; exit 1; }
./mvnw -B -q -pl test -am package -DskipTests
# The benchmark classes (test module) on top of the deployable jar: the same classes Lambda loads.
if [ "${1:-}" = "--organization" ]; then
  shift
  exec "$JAVA" -cp test/target/classes:functions/target/irready.jar io.irready.bench.OrganizationBenchmark "$@"
fi
"$JAVA" -cp test/target/classes:functions/target/irready.jar io.irready.bench.Benchmarks "$@"
case " $* " in *" --only "*) exit 0 ;; esac  # one section asked for: the organization sweep is not it
exec "$JAVA" -cp test/target/classes:functions/target/irready.jar io.irready.bench.OrganizationBenchmark "$@"
