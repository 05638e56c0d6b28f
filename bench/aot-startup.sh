#!/usr/bin/env bash
# Start-up time and memory of the native examples/AotApi against the JIT examples/MinimalApi: the same routes, the same
# emulator, the same machine, on 127.0.0.1 only. For each run and each app, a fresh process:
#   start-up     from the process start (just before exec) to the first 200 from GET /healthz
#   first auth   the first GET /api/deployments with a token (the cold JWKS fetch, then a full validation)
#   RSS          VmRSS at the first 200, and after REQUESTS authorized GET /api/deployments (one kept-alive
#                connection, the same token); peak VmHWM
# The variants (native, jit, and jit-invariant: the JIT app without ICU, as the native one is) take turns within each
# run; medians over the runs are printed at the end. Every wait is bounded and every
# process started here is stopped on exit. Prints what bench/RESULTS.md records.
#
#   bench/aot-startup.sh                  # RUNS=7 REQUESTS=1000
#   RUNS=3 REQUESTS=200 bench/aot-startup.sh
#
# Needs clang and zlib1g-dev (the native publish: apt-get install -y clang zlib1g-dev) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
REQUESTS=${REQUESTS:-1000}
EMULATOR_PORT=${EMULATOR_PORT:-5311}
APP_PORT=${APP_PORT:-5312}
START_TIMEOUT=${START_TIMEOUT:-30}   # seconds for a process to answer /healthz
EMULATOR="http://127.0.0.1:${EMULATOR_PORT}"
APP="http://127.0.0.1:${APP_PORT}"
AUDIENCE=deployment-api.acmecorp.com

for tool in curl dotnet clang; do
  if ! command -v "$tool" > /dev/null; then
    [ "$tool" = clang ] && echo "clang is not installed: apt-get install -y clang zlib1g-dev" >&2 || echo "$tool is not installed" >&2
    exit 1
  fi
done

echo "== building: examples/MinimalApi (Release, JIT), src/Scalekit.Emulator (Release), examples/AotApi (native publish)"
dotnet build examples/MinimalApi -c Release -nologo -v quiet > /dev/null
dotnet build src/Scalekit.Emulator -c Release -nologo -v quiet > /dev/null
dotnet publish examples/AotApi -c Release -r linux-x64 -o artifacts/aot/AotApi -nologo -v quiet > /dev/null
JIT_DIR=$PWD/examples/MinimalApi/bin/Release/net10.0
AOT_DIR=$PWD/artifacts/aot/AotApi

emulator_pid="" app_pid=""
stop() { # pid
  if [ -n "$1" ]; then kill "$1" 2> /dev/null || true; wait "$1" 2> /dev/null || true; fi
}
trap 'stop "$app_pid"; stop "$emulator_pid"' EXIT

now_ns() { date +%s%N; }
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN {printf "%.1f", (b - a) / 1000000}'; }
rss_mb() { awk -v f="$2" '$1 == f":" {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
json_string() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

# GET /healthz through bash's /dev/tcp: no process per attempt, so the polling itself costs microseconds.
healthz_is_200() {
  local status
  { exec 3<> "/dev/tcp/127.0.0.1/${APP_PORT}"; } 2> /dev/null || return 1
  printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  read -r -t 2 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

echo "== machine"
source bench/machine.sh
echo "command:     RUNS=$RUNS REQUESTS=$REQUESTS bench/aot-startup.sh"
echo "native:      artifacts/aot/AotApi/AotApi, $(du -h "$AOT_DIR/AotApi" | cut -f1) (PublishAot, InvariantGlobalization; debug symbols in AotApi.dbg)"
echo "jit:         dotnet examples/MinimalApi/bin/Release/net10.0/MinimalApi.dll, $(du -ch "$JIT_DIR"/*.dll | tail -1 | cut -f1) of assemblies beside the shared framework (framework-dependent, tiered JIT)"

echo "== emulator on $EMULATOR"
dotnet src/Scalekit.Emulator/bin/Release/net10.0/Scalekit.Emulator.dll --urls "$EMULATOR" --database :memory: > /tmp/scalekit-aot-bench-emulator.log 2>&1 &
emulator_pid=$!
for _ in $(seq 1 $((START_TIMEOUT * 10))); do curl -sf -o /dev/null "$EMULATOR/keys" && break; sleep 0.1; done
curl -sf -o /dev/null "$EMULATOR/keys" || { echo "the emulator did not start; see /tmp/scalekit-aot-bench-emulator.log" >&2; exit 1; }
environment_token=$(curl -sf --max-time 10 -u skc_emulator:emulator-secret -d grant_type=client_credentials "$EMULATOR/oauth/token" | json_string access_token)
organization=$(curl -sf --max-time 10 -H "Authorization: Bearer $environment_token" -H 'Content-Type: application/json' \
  -d '{"display_name":"Acme Corp"}' "$EMULATOR/api/v1/organizations" | json_string id)
created=$(curl -sf --max-time 10 -H "Authorization: Bearer $environment_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"GitHub Actions Deployment Service\",\"scopes\":[\"deploy:applications\",\"read:deployments\"],\"audience\":[\"$AUDIENCE\"],\"custom_claims\":[{\"key\":\"environment\",\"value\":\"production_us\"}],\"expiry\":3600}" \
  "$EMULATOR/api/v1/organizations/$organization/clients")
client_id=$(json_string client_id <<< "$created")
client_secret=$(json_string plain_secret <<< "$created")
token=$(curl -sf --max-time 10 -d grant_type=client_credentials -d "client_id=$client_id" -d "client_secret=$client_secret" \
  -d scope=read:deployments "$EMULATOR/oauth/token" | json_string access_token)
echo "client:      $client_id (organization $organization), a read:deployments token"

urls=()
for _ in $(seq 1 "$REQUESTS"); do urls+=(-o /dev/null "$APP/api/deployments"); done  # one -o per URL

declare -A startup first_auth rss_start rss_after hwm burst
measure() { # name folder command...: runs the command in folder (its content root: appsettings.json is there)
  local name=$1 folder=$2; shift 2
  local started
  started=$(now_ns)
  (cd "$folder" && SCALEKIT_ENVIRONMENT_URL=$EMULATOR SCALEKIT_AUDIENCE=$AUDIENCE Logging__LogLevel__Default=Warning \
    exec "$@" --urls "$APP" > "/tmp/scalekit-aot-bench-$name.log" 2>&1) &
  app_pid=$!
  local deadline=$(( $(now_ns) + START_TIMEOUT * 1000000000 ))
  until healthz_is_200; do
    if ! kill -0 "$app_pid" 2> /dev/null || [ "$(now_ns)" -gt "$deadline" ]; then
      echo "$name did not answer /healthz; see /tmp/scalekit-aot-bench-$name.log" >&2
      exit 1
    fi
    sleep 0.001
  done
  local up rss0
  up=$(ms_since "$started")
  rss0=$(rss_mb "$app_pid" VmRSS)

  local t0 code
  t0=$(now_ns)
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" "$APP/api/deployments")
  local first
  first=$(ms_since "$t0")
  [ "$code" = 200 ] || { echo "$name: the first authorized request answered $code" >&2; exit 1; }

  t0=$(now_ns)
  local ok
  ok=$(curl -s -w '%{http_code}\n' --max-time 120 -H "Authorization: Bearer $token" "${urls[@]}" | grep -c '^200$' || true)
  local took
  took=$(ms_since "$t0")
  [ "$ok" = "$REQUESTS" ] || { echo "$name: $ok of $REQUESTS authorized requests answered 200" >&2; exit 1; }
  local rss1 peak
  rss1=$(rss_mb "$app_pid" VmRSS)
  peak=$(rss_mb "$app_pid" VmHWM)
  stop "$app_pid"; app_pid=""

  echo "   $name: start-up $up ms, first authorized request $first ms, RSS $rss0 MB at start-up, $rss1 MB after $REQUESTS requests ($took ms), peak $peak MB"
  startup[$name]+="$up " first_auth[$name]+="$first " rss_start[$name]+="$rss0 " rss_after[$name]+="$rss1 " hwm[$name]+="$peak " burst[$name]+="$took "
}

variant() { # name
  case $1 in
    native) measure native "$AOT_DIR" ./AotApi ;;
    jit) measure jit "$JIT_DIR" dotnet MinimalApi.dll ;;
    # The native app has invariant globalization (no ICU): the JIT app without ICU too, to tell that part apart.
    jit-invariant) DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true measure jit-invariant "$JIT_DIR" dotnet MinimalApi.dll ;;
  esac
}

variants=(native jit jit-invariant)
for run in $(seq 1 "$RUNS"); do
  echo "== run $run"
  # The order turns each run, so that no variant always follows the same one.
  for i in "${!variants[@]}"; do
    variant "${variants[$(( (i + run - 1) % ${#variants[@]} ))]}"
  done
done

echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== medians of $RUNS runs"
printf '%-14s %14s %18s %18s %24s %14s %18s\n' app "start-up ms" "first auth ms" "RSS start MB" "RSS after $REQUESTS MB" "peak MB" "$REQUESTS requests ms"
for name in "${variants[@]}"; do
  printf '%-14s %14s %18s %18s %24s %14s %18s\n' "$name" \
    "$(tr ' ' '\n' <<< "${startup[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${first_auth[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${rss_start[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${rss_after[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${hwm[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${burst[$name]}" | grep . | median)"
done
echo "runs:"
for name in "${variants[@]}"; do
  echo "   $name start-up ms: ${startup[$name]}"
  echo "   $name RSS start MB: ${rss_start[$name]}"
  echo "   $name RSS after MB: ${rss_after[$name]}"
done
