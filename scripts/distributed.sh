#!/usr/bin/env bash
# Runs the distributed mode on this machine: RabbitMQ and PostgreSQL on loopback (scripts/infra.sh),
# then the four services, each its own process with its own database.
#   scripts/distributed.sh up     start everything (builds first); prints how to call it
#   scripts/distributed.sh down   stop the services and the infrastructure, remove their data
#   scripts/distributed.sh status health of each service
set -euo pipefail
cd "$(dirname "$0")/.."

export JBK_INFRA_DIR="${JBK_INFRA_DIR:-${TMPDIR:-/tmp}/jbk-infra}"
RUN_DIR="$JBK_INFRA_DIR/services"
SERVICES=(maatregelregistratie:Maatregelregistratie:5101:5201 capaciteit:Capaciteit:5102:5202 overdracht:Overdracht:5103:5203 clientenstop:Clientenstop:5104:5204)

up() {
  local env_file; env_file="$(mktemp)"
  scripts/infra.sh up > "$env_file"
  while IFS='=' read -r key value; do export "$key=$value"; done < "$env_file"
  dotnet build Platform.sln -c Release -nologo -v quiet
  mkdir -p "$RUN_DIR/data"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name project grpc http <<< "$entry"
    Jbk__GrpcPort=$grpc Jbk__HttpPort=$http \
    Jbk__Database__Provider=Postgres Jbk__Database__Postgres="$JBK_TEST_POSTGRES" \
    Jbk__Messaging__Transport=RabbitMq Jbk__Messaging__RabbitMq="$JBK_TEST_RABBITMQ" \
    Jbk__DataDir="$RUN_DIR/data" Jbk__Auth__LocalKeyFile=keys/jbk-signing-key.pem \
      nohup dotnet "services/$project/Jbk.$project.Host/bin/Release/net10.0/Jbk.$project.Host.dll" \
      > "$RUN_DIR/$name.log" 2>&1 &
    echo $! > "$RUN_DIR/$name.pid"
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ grpc http <<< "$entry"
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    curl -fs "http://127.0.0.1:$http/healthz" >/dev/null || { echo "$name did not start; see $RUN_DIR/$name.log" >&2; exit 1; }
    echo "$name: healthy (gRPC 127.0.0.1:$grpc; log $RUN_DIR/$name.log)"
  done
  cat <<MSG

Call it with the CLI, one service per address, with a token from the local key:
  dotnet run --project services/Cli/Jbk.Cli -- --data-dir $RUN_DIR/data --org rvdk --adres http://127.0.0.1:5102 capaciteit instellingen
Prometheus can scrape http://127.0.0.1:5201/metrics ... :5204/metrics. Stop with: scripts/distributed.sh down
MSG
}

down() {
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}"
    [ -f "$RUN_DIR/$name.pid" ] && kill "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || true
  done
  scripts/infra.sh down
}

status() {
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ _ http <<< "$entry"
    printf '%s: %s\n' "$name" "$(curl -fs "http://127.0.0.1:$http/healthz" 2>/dev/null || echo down)"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
