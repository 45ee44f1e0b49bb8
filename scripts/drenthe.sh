#!/usr/bin/env bash
# The Drenthe scenario end to end in the embedded mode, on a fresh platform:
#   JBN loses its certificate; its 388 running measures in Drenthe (synthetic) move to JB Friesland, JB Overijssel,
#   William Schrikker and Leger des Heils within six months.
# Starts the embedded platform in a temporary folder, loads the synthetic caseload, plans (dry run), approves and runs
# the plan week by week with the CLI playing the GIs (three refusals, re-planned), and prints the continuity report.
# Exit code 0 only when every rule holds and the deadline is met. Usage: scripts/drenthe.sh [aantal]   (default 388)
set -euo pipefail
cd "$(dirname "$0")/.."

AANTAL="${1:-388}"
CONFIG="${JBK_CONFIGURATION:-Release}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jbk-drenthe.XXXXXX")"
GRPC_PORT="${JBK_DRENTHE_PORT:-5090}"
HTTP_PORT=$((GRPC_PORT + 1))

[ -n "${JBK_DRENTHE_NO_BUILD:-}" ] || dotnet build Platform.sln -c "$CONFIG" -nologo -v quiet
PLATFORM_DLL="$PWD/services/Platform/Jbk.Platform/bin/$CONFIG/net10.0/Jbk.Platform.dll"
JBK_DLL="$PWD/services/Cli/Jbk.Cli/bin/$CONFIG/net10.0/jbk.dll"

(cd "$WORK" && Jbk__GrpcPort=$GRPC_PORT Jbk__HttpPort=$HTTP_PORT Jbk__DataDir="$WORK/.jbk" exec dotnet "$PLATFORM_DLL" > "$WORK/platform.log" 2>&1) &
PLATFORM_PID=$!
trap 'kill $PLATFORM_PID 2>/dev/null || true; wait $PLATFORM_PID 2>/dev/null || true' EXIT

jbk() { dotnet "$JBK_DLL" --adres "http://127.0.0.1:$GRPC_PORT" --data-dir "$WORK/.jbk" --org operator --gebruiker ketenregie "$@"; }

for _ in $(seq 1 60); do
  if jbk health > /dev/null 2>&1; then break; fi
  kill -0 $PLATFORM_PID 2>/dev/null || { echo "het platform is gestopt; zie $WORK/platform.log" >&2; exit 1; }
  sleep 1
done
jbk health > /dev/null

START="$(date -u +%Y-%m-%d)"
echo "== synthetische caseload laden ($AANTAL maatregelen van JBN in Drenthe)"
jbk scenario laad-drenthe --aantal "$AANTAL" --start "$START"
echo "== plan en dry-run"
jbk scenario plan --aantal "$AANTAL" --start "$START" --tempo versneld | tail -n 3
# One refusal per hundred measures, at most three: the re-planning reserve is five percent of each receiver, which in
# a rehearsal under a hundred measures is too little to take a refused family elsewhere.
WEIGER=$(( AANTAL / 100 )); WEIGER=$(( WEIGER > 3 ? 3 : WEIGER ))
echo "== uitvoeren (de CLI speelt de GI's; $WEIGER weigering(en) worden opnieuw gepland)"
jbk scenario run --aantal "$AANTAL" --start "$START" --simuleer-ketenpartners --weiger "$WEIGER"
echo "== continuïteitsrapport"
jbk --json scenario report --start "$START" > "$WORK/rapport.json"
jbk scenario report --start "$START"
echo "(rapport als JSON: $WORK/rapport.json)"
