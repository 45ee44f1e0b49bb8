#!/usr/bin/env bash
# Runs the distributed mode on this machine: RabbitMQ and PostgreSQL on loopback (scripts/infra.sh), the four services
# (each its own process and database; JBK_REPLICAS=2 for two instances of each) and the gateway in front, every process
# started with the settings the one topology description renders (jbk topologie lokaal) -- the same the distributed
# tests start them with.
#   scripts/distributed.sh up      start everything (builds first); prints how to call it through the gateway
#   scripts/distributed.sh down    stop the processes and the infrastructure, remove their data
#   scripts/distributed.sh stop    stop the processes only (the infrastructure keeps running)
#   scripts/distributed.sh status  readiness of each process
set -euo pipefail
cd "$(dirname "$0")/.."

export JBK_INFRA_DIR="${JBK_INFRA_DIR:-${TMPDIR:-/tmp}/jbk-infra}"
RUN_DIR="$JBK_INFRA_DIR/services"
REPLICAS="${JBK_REPLICAS:-1}"
POORT_BASIS="${JBK_POORT_BASIS:-5100}"
CLI_DLL=services/Cli/Jbk.Cli/bin/Release/net10.0/jbk.dll

# Starts one process with exactly the settings in its env file; the pid goes to <name>.pid.
start_process() {
  local name="$1" dll="$2"
  (
    while IFS='=' read -r key value; do [[ -z "$key" || "$key" == \#* ]] || export "$key=$value"; done < "$RUN_DIR/$name.env"
    exec dotnet "$dll"
  ) > "$RUN_DIR/$name.log" 2>&1 &
  echo $! > "$RUN_DIR/$name.pid"
}

await_ready() {
  local name="$1" http="$2" i
  for i in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$http/readyz" >/dev/null 2>&1 && { echo "$name: ready (log $RUN_DIR/$name.log)"; return 0; }
    if ! kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
      echo "$name stopped at start; its log:" >&2; tail -n 30 "$RUN_DIR/$name.log" >&2; return 1
    fi
    sleep 0.5
  done
  echo "$name is not ready after 120 s; see $RUN_DIR/$name.log" >&2; return 1
}

up() {
  local env_file; env_file="$(mktemp)"
  scripts/infra.sh up > "$env_file"
  while IFS='=' read -r key value; do export "$key=$value"; done < "$env_file"
  [ "${JBK_NO_BUILD:-}" = 1 ] || dotnet build Platform.sln -c Release -nologo -v quiet
  mkdir -p "$RUN_DIR"
  dotnet "$CLI_DLL" topologie lokaal --postgres "$JBK_TEST_POSTGRES" --rabbitmq "$JBK_TEST_RABBITMQ" --map "$RUN_DIR" --replicas "$REPLICAS" --poort-basis "$POORT_BASIS" >/dev/null
  # Services first (a service is ready once the services it calls are), the gateway last.
  while read -r name dll _grpc _http; do start_process "$name" "$dll"; done < "$RUN_DIR/processen"
  while read -r name _dll _grpc http; do await_ready "$name" "$http" || { stop >/dev/null 2>&1; exit 1; }; done < "$RUN_DIR/processen"
  local gateway; gateway="$(awk '$1 == "gateway" { print $3 }' "$RUN_DIR/processen")"
  cat <<MSG

One address for everything: the gateway at http://127.0.0.1:$gateway (gRPC; health and reflection for all services).
The CLI signs tokens with the identity provider's key in $RUN_DIR/data:
  dotnet run --project services/Cli/Jbk.Cli -- --data-dir $RUN_DIR/data --adres http://127.0.0.1:$gateway --org rvdk capaciteit instellingen
Each process's settings: $RUN_DIR/<process>.env; metrics at http://127.0.0.1:<http port>/metrics ($RUN_DIR/processen).
Stop with: scripts/distributed.sh down
MSG
}

stop() {
  [ -f "$RUN_DIR/processen" ] || return 0
  local name pids=()
  while read -r name _; do
    [ -f "$RUN_DIR/$name.pid" ] && pids+=("$(cat "$RUN_DIR/$name.pid")")
  done < "$RUN_DIR/processen"
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  # Give them ten seconds to stop cleanly, then no more.
  for _ in $(seq 1 20); do kill -0 "${pids[@]}" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "${pids[@]}" 2>/dev/null || true
}

down() {
  stop
  scripts/infra.sh down
}

status() {
  [ -f "$RUN_DIR/processen" ] || { echo "not running"; return 1; }
  while read -r name _dll grpc http; do
    printf '%s (gRPC %s): %s\n' "$name" "$grpc" "$(curl -fs "http://127.0.0.1:$http/readyz" 2>/dev/null || echo 'not ready')"
  done < "$RUN_DIR/processen"
}

case "${1:-}" in
  up) up ;;
  stop) stop ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|stop|down|status" >&2; exit 2 ;;
esac
