#!/usr/bin/env bash
# The Drenthe scenario end to end on a fresh platform:
#   JBN loses its certificate; its 388 running measures in Drenthe (synthetic) move to JB Friesland, JB Overijssel,
#   William Schrikker and Leger des Heils within six months.
# Loads the synthetic caseload, plans (dry run), approves and runs the plan week by week with the CLI playing the GIs
# (one refusal per hundred measures, re-planned), and prints the continuity report. Exit code 0 only when every rule
# holds and the deadline is met. Every step has a time-out and says what is stuck when it passes.
#   scripts/drenthe.sh [aantal]                    embedded: one process in a temporary folder (default 388 measures)
#   scripts/drenthe.sh [aantal] --gedistribueerd   distributed: scripts/distributed.sh up (JBK_REPLICAS instances per
#                                                  service), every command through the gateway's one address only
set -euo pipefail
cd "$(dirname "$0")/.."

AANTAL="${1:-388}"
MODUS="${2:-embedded}"
CONFIG="${JBK_CONFIGURATION:-Release}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jbk-drenthe.XXXXXX")"
STAP_TIMEOUT="${JBK_DRENTHE_TIMEOUT:-1500}"

[ -n "${JBK_DRENTHE_NO_BUILD:-}" ] || dotnet build Platform.sln -c "$CONFIG" -nologo -v quiet
JBK_DLL="$PWD/services/Cli/Jbk.Cli/bin/$CONFIG/net10.0/jbk.dll"

if [ "$MODUS" = --gedistribueerd ]; then
  # Its own infrastructure folder unless one is given (the test command shares its RabbitMQ and PostgreSQL).
  export JBK_INFRA_DIR="${JBK_INFRA_DIR:-$WORK/infra}" JBK_NO_BUILD=1
  trap 'scripts/distributed.sh stop > /dev/null 2>&1 || true; [ "$JBK_INFRA_DIR" != "$WORK/infra" ] || scripts/infra.sh down > /dev/null 2>&1 || true' EXIT
  scripts/distributed.sh up > "$WORK/distributed.log" 2>&1 || { cat "$WORK/distributed.log" >&2; exit 1; }
  grep -E 'ready|gateway at' "$WORK/distributed.log"
  ADRES="http://127.0.0.1:$(awk '$1 == "gateway" { print $3 }' "$JBK_INFRA_DIR/services/processen")"
  DATA="$JBK_INFRA_DIR/services/data"
else
  GRPC_PORT="${JBK_DRENTHE_PORT:-5090}"
  HTTP_PORT=$((GRPC_PORT + 1))
  PLATFORM_DLL="$PWD/services/Platform/Jbk.Platform/bin/$CONFIG/net10.0/Jbk.Platform.dll"
  # Another platform on the port would answer this rehearsal's calls (with other keys: UNAUTHENTICATED).
  for poort in $GRPC_PORT $HTTP_PORT; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$poort") 2>/dev/null; then
      echo "poort $poort is al in gebruik (draait er nog een platform of oefening?); kies een andere met JBK_DRENTHE_PORT" >&2; exit 1
    fi
  done
  (cd "$WORK" && Jbk__GrpcPort=$GRPC_PORT Jbk__HttpPort=$HTTP_PORT Jbk__DataDir="$WORK/.jbk" exec dotnet "$PLATFORM_DLL" > "$WORK/platform.log" 2>&1) &
  PLATFORM_PID=$!
  trap 'kill $PLATFORM_PID 2>/dev/null || true; wait $PLATFORM_PID 2>/dev/null || true' EXIT
  ADRES="http://127.0.0.1:$GRPC_PORT"
  DATA="$WORK/.jbk"
fi

jbk() { dotnet "$JBK_DLL" --adres "$ADRES" --data-dir "$DATA" --org operator --gebruiker ketenregie "$@"; }
# A step that does not finish in time fails the rehearsal, saying which step hung.
stap() {
  timeout "$STAP_TIMEOUT" dotnet "$JBK_DLL" --adres "$ADRES" --data-dir "$DATA" --org operator --gebruiker ketenregie "$@" \
    || { s=$?; [ $s -ne 124 ] || echo "vastgelopen: 'jbk $*' duurde langer dan $STAP_TIMEOUT s" >&2; exit $s; }
}

# How long each phase took, in a line the benchmark reads (bench/Jbk.Bench p2).
fase_begin() { FASE_T0=$(date +%s%N); }
fase_klaar() { echo "(fase $1: $(( ($(date +%s%N) - FASE_T0) / 1000000 )) ms)"; }

for _ in $(seq 1 60); do
  if jbk health > /dev/null 2>&1; then break; fi
  [ "$MODUS" = --gedistribueerd ] || kill -0 $PLATFORM_PID 2>/dev/null || { echo "het platform is gestopt; zie $WORK/platform.log" >&2; exit 1; }
  sleep 1
done
jbk health > /dev/null || { echo "het platform werd niet gezond binnen een minuut" >&2; exit 1; }

START="$(date -u +%Y-%m-%d)"
echo "== synthetische caseload laden ($AANTAL maatregelen van JBN in Drenthe)"
fase_begin
stap scenario laad-drenthe --aantal "$AANTAL" --start "$START"
fase_klaar laden
echo "== plan en dry-run"
fase_begin
stap scenario plan --aantal "$AANTAL" --start "$START" --tempo versneld | tail -n 3
fase_klaar plannen
# One refusal per hundred measures, at most three: the re-planning reserve is five percent of each receiver, which in
# a rehearsal under a hundred measures is too little to take a refused family elsewhere.
WEIGER=$(( AANTAL / 100 )); WEIGER=$(( WEIGER > 3 ? 3 : WEIGER ))
echo "== uitvoeren (de CLI speelt de GI's; $WEIGER weigering(en) worden opnieuw gepland)"
fase_begin
stap scenario run --aantal "$AANTAL" --start "$START" --simuleer-ketenpartners --weiger "$WEIGER"
fase_klaar uitvoeren
echo "== continuïteitsrapport"
stap --json scenario report --start "$START" > "$WORK/rapport.json"
jbk scenario report --start "$START"
echo "(rapport als JSON: $WORK/rapport.json)"
