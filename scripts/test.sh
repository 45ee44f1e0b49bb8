#!/usr/bin/env bash
# The test command: everything CI checks, on a machine with only the .NET SDK (and Node for buf).
#   1. buf lint of the proto contracts (buf pinned in package.json, installed from npm)
#   2. RabbitMQ and PostgreSQL started on loopback (installed from Debian's packages when missing)
#   3. build, then unit tests and integration tests (separate host processes on that infrastructure)
#   4. a smoke run of the benchmark command (bench/Jbk.Bench --kort), then the Drenthe transfer scenario end to end in
#      embedded mode (scripts/drenthe.sh, 388 measures)
#   5. the Drenthe scenario in distributed mode through the gateway only, started by scripts/distributed.sh (scaled)
# docker-compose (Debian) and kubectl are installed when missing: the topology and Kubernetes tests read their rendered
# output (validated against the schemas with node and the npm packages installed in step 1).
# Prometheus (Debian, with promtool) too: the operators' tests scrape the platform with it and check the shipped rules.
# The infrastructure is this script's own (own ports, own temp folder) and is stopped again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

export JBK_INFRA_DIR="${TMPDIR:-/tmp}/jbk-test-infra" JBK_RABBIT_PORT=26672 JBK_RABBIT_DIST_PORT=26673 JBK_PG_PORT=26432
configuration="${JBK_TEST_CONFIGURATION:-Release}"
results="$(mktemp -d)"

echo "== buf lint"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx --no-install buf lint protos
echo "buf lint: clean"

echo "== tools for the deployment checks"
need=()
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v kubectl >/dev/null || need+=(kubernetes-client)
command -v promtool >/dev/null && command -v prometheus >/dev/null || need+=(prometheus)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian's packages"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== infrastructure"
scripts/infra.sh down >/dev/null 2>&1 || true
trap 'scripts/infra.sh down >/dev/null 2>&1 || true' EXIT
scripts/infra.sh up > "$results/infra.env"
while IFS='=' read -r key value; do export "$key=$value"; done < "$results/infra.env"
echo "RabbitMQ: $JBK_TEST_RABBITMQ"
echo "PostgreSQL: $JBK_TEST_POSTGRES"

echo "== build"
dotnet build Platform.sln -c "$configuration" -nologo -v quiet

echo "== tests"
set +e
dotnet test Platform.sln -c "$configuration" --no-build -nologo 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}
set -e

echo "== benchmark smoke run (bench/Jbk.Bench all --kort: every benchmark runs; timings are measured, not judged)"
set +e
timeout 900 dotnet run -c "$configuration" --no-build --project bench/Jbk.Bench -- all --kort --json "$results/bench.json" > "$results/bench.log" 2>&1
bench=$?
set -e
# The figures (after the run's one blank line), and what a failure printed.
sed -n '/^$/,$p' "$results/bench.log"; grep -A3 'Unhandled exception' "$results/bench.log" || true
if [ "$bench" -ne 0 ]; then echo "benchmark smoke run FAILED (exit $bench); log: $results/bench.log"; status=1; fi

echo "== the Drenthe scenario end to end in embedded mode (scripts/drenthe.sh, the README's command)"
set +e
JBK_CONFIGURATION="$configuration" JBK_DRENTHE_NO_BUILD=1 scripts/drenthe.sh > "$results/drenthe.log" 2>&1
drenthe=$?
set -e
grep -v '^\(laden\|overdragen\) \[' "$results/drenthe.log" | tail -n 30
if [ "$drenthe" -ne 0 ]; then echo "Drenthe scenario FAILED (exit $drenthe); log: $results/drenthe.log"; status=1; fi

echo "== the Drenthe scenario in distributed mode, through the gateway only (scripts/drenthe.sh 60 --gedistribueerd)"
set +e
JBK_CONFIGURATION="$configuration" JBK_DRENTHE_NO_BUILD=1 scripts/drenthe.sh 60 --gedistribueerd > "$results/drenthe-distributed.log" 2>&1
distributed=$?
set -e
grep -v '^\(laden\|overdragen\) \[' "$results/drenthe-distributed.log" | tail -n 24
if [ "$distributed" -ne 0 ]; then echo "Drenthe scenario (distributed) FAILED (exit $distributed); log: $results/drenthe-distributed.log"; status=1; fi

# One closing line over all test assemblies: 'N passed, N failed'.
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/test.log"
# CI shows the end of this output: name each failed test there, with the first lines of its message.
grep -A4 '^  Failed Jbk\.' "$results/test.log" | grep -v '^  Error Message:$' | cut -c1-300 || true
exit "$status"
