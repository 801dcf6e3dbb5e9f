#!/usr/bin/env bash
# The CDK app command (cdk.json "app"): runs the built infra jar with a JDK 21+, offline.
# Build first: ./mvnw -B package -DskipTests  (or ./test.sh, which builds and tests everything)
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'; }
java_bin=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
    java_bin="$candidate/bin/java"; break
  fi
done
if [ -z "$java_bin" ] && command -v java >/dev/null && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then
  java_bin=java
fi
if [ -z "$java_bin" ]; then
  echo "irready: cdk needs a JDK 21+ to run the app; set JAVA_HOME to one" >&2
  exit 1
fi
for jar in infra/target/irready-infra.jar functions/target/irready.jar; do
  if [ ! -f "$jar" ]; then
    echo "irready: $jar is missing; build first: ./mvnw -B package -DskipTests" >&2
    exit 1
  fi
done

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="${JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION:-true}"
export JSII_RUNTIME_PACKAGE_CACHE_ROOT="${JSII_RUNTIME_PACKAGE_CACHE_ROOT:-$PWD/infra/target/jsii-cache}"
exec "$java_bin" -jar infra/target/irready-infra.jar
