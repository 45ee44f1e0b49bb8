#!/usr/bin/env bash
# Starts (or stops) the real infrastructure of the distributed mode on loopback:
# RabbitMQ and PostgreSQL, installed from Debian's packages when missing, data in a temp folder.
#   scripts/infra.sh up     start both (idempotent) and print the connection settings as env lines
#   scripts/infra.sh down   stop both and remove their data
#   scripts/infra.sh env    print the connection settings of a running set
# JBK_PG_OPTIES adds PostgreSQL server options at its start (the benchmark's query plans: auto_explain).
set -euo pipefail

STATE_DIR="${JBK_INFRA_DIR:-${TMPDIR:-/tmp}/jbk-infra}"
RABBIT_PORT="${JBK_RABBIT_PORT:-25672}"
RABBIT_DIST_PORT="${JBK_RABBIT_DIST_PORT:-25673}"
RABBIT_NODE="jbk${RABBIT_PORT}@localhost"  # one node per port, so a test set can run beside a dev set
PG_PORT="${JBK_PG_PORT:-25432}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

log() { printf '[infra] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local need=()
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} from Debian's packages"
    as_root apt-get update -qq
    # The packages try to start their default services; without systemd that fails harmlessly.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
}

# PostgreSQL refuses to run as root: run it as the 'postgres' user the Debian package creates.
pg_user() { if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rabbit_env() {
  export HOME="$STATE_DIR/rabbitmq" RABBITMQ_NODENAME="$RABBIT_NODE" RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$STATE_DIR/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$STATE_DIR/rabbitmq/log" \
    RABBITMQ_CONFIG_FILE="$STATE_DIR/rabbitmq/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$STATE_DIR/rabbitmq/enabled_plugins" \
    RABBITMQ_PID_FILE="$STATE_DIR/rabbitmq/rabbit.pid" ERL_EPMD_ADDRESS=127.0.0.1 ERL_CRASH_DUMP="$STATE_DIR/rabbitmq/erl_crash.dump" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rabbit_up() {
  rabbit_env
  if /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBIT_NODE" status >/dev/null 2>&1; then log "rabbitmq already running on $RABBIT_PORT"; rabbit_vhosts; return; fi
  mkdir -p "$STATE_DIR/rabbitmq/log" "$STATE_DIR/rabbitmq/mnesia"
  echo '[].' > "$STATE_DIR/rabbitmq/enabled_plugins"
  printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:%s\n' "$RABBIT_PORT" > "$STATE_DIR/rabbitmq/rabbitmq.conf"
  log "starting rabbitmq on 127.0.0.1:$RABBIT_PORT"
  nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$STATE_DIR/rabbitmq/server.out" 2>&1 &
  echo $! > "$STATE_DIR/rabbitmq/launcher.pid"
  # await_startup fails at once while the Erlang node is not up yet: retry it for up to two minutes.
  local i
  for i in $(seq 1 60); do
    if /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBIT_NODE" await_startup >/dev/null 2>&1; then rabbit_vhosts; return; fi
    sleep 2
  done
  log "rabbitmq did not start; its output:"; tail -n 40 "$STATE_DIR/rabbitmq/server.out" "$STATE_DIR/rabbitmq/log/"*.log >&2 2>/dev/null || true; exit 1
}

# Test platforms that run side by side each get a virtual host of their own, so no platform consumes another's events.
RABBIT_VHOSTS="${JBK_RABBIT_VHOSTS:-jbk-waarneming jbk-dapr}"
rabbit_vhosts() {
  local v
  for v in $RABBIT_VHOSTS; do
    /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBIT_NODE" add_vhost "$v" >/dev/null 2>&1 || true
    /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBIT_NODE" set_permissions -p "$v" guest ".*" ".*" ".*" >/dev/null
  done
}

rabbit_down() {
  rabbit_env
  /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBIT_NODE" stop >/dev/null 2>&1 || true
  [ -f "$STATE_DIR/rabbitmq/launcher.pid" ] && kill "$(cat "$STATE_DIR/rabbitmq/launcher.pid")" 2>/dev/null || true
}

pg_up() {
  local data="$STATE_DIR/postgres/data"
  if [ -f "$data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then log "postgresql already running on $PG_PORT"; return; fi
  mkdir -p "$STATE_DIR/postgres"
  [ "$(id -u)" = 0 ] && chown -R postgres "$STATE_DIR/postgres"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg "$PG_BIN/initdb" -D "$data" -A trust -U "$(pg_user)" -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting postgresql on 127.0.0.1:$PG_PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$STATE_DIR/postgres/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $STATE_DIR/postgres -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off ${JBK_PG_OPTIES:-}" start >/dev/null
}

pg_down() {
  local data="$STATE_DIR/postgres/data"
  [ -d "$data" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

print_env() {
  echo "JBK_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
  echo "JBK_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Username=$(pg_user)"
}

case "${1:-}" in
  up)
    mkdir -p "$STATE_DIR"; chmod 755 "$STATE_DIR"
    install_missing; pg_up; rabbit_up; print_env ;;
  down) pg_down; rabbit_down; rm -rf "$STATE_DIR" ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
