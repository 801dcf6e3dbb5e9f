#!/usr/bin/env bash
# Runs every test (unit, wire, store, end-to-end, infra). The README's test command.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -d node_modules/dynalite ] || npm ci --no-audit --no-fund
exec ./mvnw -B verify "$@"
