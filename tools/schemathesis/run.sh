#!/usr/bin/env bash
# Fuzzes the officer API from its OpenAPI document with schemathesis (PyPI):
# no 500s, no answer that breaks the schema. Starts its own server on a fresh
# database with an admin API token (tools/schemathesis/serve.ts), installs
# schemathesis into .cache/schemathesis-venv once, and runs every check.
#   tools/schemathesis/run.sh [extra schemathesis options]
# SCHEMATHESIS_MAX_EXAMPLES (default 25) bounds the cases per operation;
# SCHEMATHESIS_CHECKS (default all) picks the checks: .ci/run gates on the ones
# the issue names (no 5xx, answers that match the schema).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.cache/schemathesis-venv
VERSION=4.32.5
if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi

LOG=$(mktemp)
# node itself (not npx) so that $! is the server, and the cleanup reaches it.
node --import tsx tools/schemathesis/serve.ts >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -f "$LOG"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  if grep -q '^SCHEMATHESIS_READY ' "$LOG"; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG"; echo "the API server did not start" >&2; exit 1; fi
  sleep 0.5
done
read -r _ BASE TOKEN < <(grep '^SCHEMATHESIS_READY ' "$LOG")
[ -n "${TOKEN:-}" ] || { cat "$LOG"; echo "the API server did not print its token" >&2; exit 1; }

"$VENV/bin/schemathesis" run "$BASE/api/openapi.json" \
  --checks "${SCHEMATHESIS_CHECKS:-all}" \
  --header "Authorization: Bearer $TOKEN" \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
  --seed "${SCHEMATHESIS_SEED:-8122025}" \
  --workers 1 \
  --generation-database ":memory:" \
  --request-timeout 30 \
  --no-color \
  "$@"
