#!/usr/bin/env bash
# Side-by-side load test of GET /hello: no auth, Scalekit (.RequireAuthorization(), and "scope": .RequireScope(…)),
# stock AddJwtBearer (same issuer, audience, keys and token), and "floor" (ASP.NET Core's authentication and authorization middleware with a handler that does no work:
# the least any handler can cost), on 127.0.0.1 only. Every wrk run and the flood are bounded in time (and the flood in count) and stop by
# themselves; the servers are stopped on exit. Prints the machine, the numbers, the ratios against the targets in
# bench/RESULTS.md, the JWKS fetch counts and the memory flood: everything bench/RESULTS.md records.
#
#   bench/load.sh                     # defaults below
#   DURATION=30 ROUNDS=3 bench/load.sh
#
# Settings (environment variables):
#   DURATION=10        seconds of each measured wrk run
#   WARMUP=3           seconds of the warm-up run before it (the first traffic: a concurrent cold start)
#   ROUNDS=1           measured runs per variant (the variants alternate; the median is reported)
#   THREADS=2 CONNECTIONS=16   wrk threads and connections
#   PIN=0              1: server on CPU 1, wrk and the flood client on CPU 0 (taskset), for steadier numbers
#   ROTATION_SECONDS=3 load with a token of a newly published key (the JWKS fetches it causes are counted)
#   FLOOD_TOKENS=1000000 FLOOD_SECONDS=600 FLOOD_CONCURRENCY=8   distinct valid tokens against Scalekit; 0 skips
#   SERVER_GC=1        the server's GC: 1 = server GC (the default of an ASP.NET Core app), 0 = workstation GC
#   PORT=5301          the loopback port
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-1}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
PIN=${PIN:-0}
ROTATION_SECONDS=${ROTATION_SECONDS:-3}
FLOOD_TOKENS=${FLOOD_TOKENS:-1000000}
FLOOD_SECONDS=${FLOOD_SECONDS:-600}
FLOOD_CONCURRENCY=${FLOOD_CONCURRENCY:-8}
SERVER_GC=${SERVER_GC:-1}
PORT=${PORT:-5301}
URL="http://127.0.0.1:${PORT}"

for tool in wrk curl dotnet; do
  if ! command -v "$tool" > /dev/null; then
    [ "$tool" = wrk ] && echo "wrk is not installed: apt-get install -y wrk" >&2 || echo "$tool is not installed" >&2
    exit 1
  fi
done

server_cpu=() client_cpu=()
if [ "$PIN" = 1 ]; then server_cpu=(taskset -c 1); client_cpu=(taskset -c 0); fi

echo "== building bench/LoadServer (Release)"
dotnet build bench/LoadServer -c Release -nologo -v quiet > /dev/null
SERVER=bench/LoadServer/bin/Release/net10.0/Scalekit.AspNetCore.LoadServer.dll

pid=""
stop_server() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; pid=""; fi
}
trap stop_server EXIT

start_server() { # mode
  DOTNET_gcServer=$SERVER_GC "${server_cpu[@]}" dotnet "$SERVER" serve --mode "$1" --port "$PORT" > "/tmp/scalekit-loadserver-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$URL/bench/token" && return 0
    sleep 0.2
  done
  echo "the $1 server did not start; see /tmp/scalekit-loadserver-$1.log" >&2
  exit 1
}

stat() { # field [collect]
  curl -sf "$URL/bench/stats${2:+?collect=true}" | grep -o "\"$1\":[0-9]*" | cut -d: -f2
}

# Server CPU time (user + system, all threads) in clock ticks: per request, it is a steadier measure than
# requests/s on a machine that other work shares.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
CLK_TCK=$(getconf CLK_TCK)

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$pid/status"; }

wrk_run() { # token seconds -> "rps non2xx p50 p99 server-cpu-us-per-request"
  local out ticks
  ticks=$(cpu_ticks)
  out=$("${client_cpu[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -H "Authorization: Bearer $1" "$URL/hello")
  ticks=$(( $(cpu_ticks) - ticks ))
  local rps non2xx p50 p99 requests cpu
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<< "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  cpu=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}')
  echo "$rps ${non2xx:-0} $p50 $p99 $cpu"
}

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN {print (r >= t) ? "met" : "NOT met"}'; }

echo "== machine"
source bench/machine.sh
echo "wrk:         $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
echo "command:     DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS THREADS=$THREADS CONNECTIONS=$CONNECTIONS PIN=$PIN SERVER_GC=$SERVER_GC FLOOD_TOKENS=$FLOOD_TOKENS FLOOD_SECONDS=$FLOOD_SECONDS bench/load.sh"
echo "load:        wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, GET /hello, Authorization: Bearer <the same RS256 token> for every variant"

declare -A rps_at cpu_at rps_list cpu_list p50_of p99_of fetch_start fetch_first rotation_fetches rotation_refused
modes=(none scalekit scope jwtbearer floor)
flood_line="" rss_before="" rss_settled="" rss_after="" rss_after_gc="" hwm="" heap_before="" heap_after_gc="" cache_entries=""

for round in $(seq 1 "$ROUNDS"); do
  for mode in "${modes[@]}"; do
    echo "== round $round: $mode"
    start_server "$mode"
    token=$(curl -sf "$URL/bench/token")
    [ "$round" = 1 ] && fetch_start[$mode]=$(stat jwksFetches)
    read -r _ warm_non2xx _ _ _ <<< "$(wrk_run "$token" "$WARMUP")"
    [ "$round" = 1 ] && fetch_first[$mode]=$(stat jwksFetches)
    read -r rps non2xx p50 p99 cpu <<< "$(wrk_run "$token" "$DURATION")"
    if [ "$non2xx" != 0 ] || [ "$warm_non2xx" != 0 ]; then
      echo "$mode: $non2xx non-2xx answers (warm-up: $warm_non2xx): the numbers do not count" >&2
      exit 1
    fi
    echo "   $rps requests/s (p50 $p50, p99 $p99), server CPU $cpu µs/request"
    rps_list[$mode]+="$rps "
    rps_at[$mode,$round]=$rps cpu_at[$mode,$round]=$cpu
    cpu_list[$mode]+="$cpu "
    p50_of[$mode]+="$p50 " p99_of[$mode]+="$p99 "

    if [ "$round" = 1 ] && { [ "$mode" = scalekit ] || [ "$mode" = jwtbearer ]; }; then
      before=$(stat jwksFetches)
      rotated=$(curl -sf -X POST "$URL/bench/rotate")
      read -r _ refused _ _ _ <<< "$(wrk_run "$rotated" "$ROTATION_SECONDS")"
      rotation_fetches[$mode]=$(( $(stat jwksFetches) - before ))
      rotation_refused[$mode]=$refused
      echo "   rotation under load: ${rotation_fetches[$mode]} JWKS fetch(es), $refused refused"
    fi

    if [ "$round" = 1 ] && [ "$mode" = scalekit ] && [ "$FLOOD_TOKENS" -gt 0 ]; then
      rss_before=$(rss_kb)
      heap_before=$(stat gcHeapBytes collect)
      rss_settled=$(rss_kb)
      flood_line=$("${client_cpu[@]}" dotnet "$SERVER" flood --port "$PORT" --count "$FLOOD_TOKENS" --seconds "$FLOOD_SECONDS" --concurrency "$FLOOD_CONCURRENCY" || true)
      rss_after=$(rss_kb)
      hwm=$(hwm_kb)
      cache_entries=$(stat tokenCacheEntries)
      heap_after_gc=$(stat gcHeapBytes collect)
      rss_after_gc=$(rss_kb)
      echo "   $flood_line"
    fi
    stop_server
  done
done

echo
echo "== results"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A med cpu_med
for mode in "${modes[@]}"; do
  med[$mode]=$(tr ' ' '\n' <<< "${rps_list[$mode]}" | grep . | median)
  cpu_med[$mode]=$(tr ' ' '\n' <<< "${cpu_list[$mode]}" | grep . | median)
done
echo
echo "| variant | requests/s (median of $ROUNDS) | runs | server CPU µs/request (median) | runs | p50 | p99 |"
echo "|---|---:|---|---:|---|---|---|"
for mode in "${modes[@]}"; do
  echo "| $mode | ${med[$mode]} | ${rps_list[$mode]% } | ${cpu_med[$mode]} | ${cpu_list[$mode]% } | ${p50_of[$mode]% } | ${p99_of[$mode]% } |"
done
echo
# Each ratio is taken within a round, between runs a minute apart, then the median over the rounds: the load of a
# shared machine drifts between rounds more than within one.
paired() { # a b [cpu] -> "median r1 r2 ...": a's requests/s over b's, or with cpu, b's CPU per request over a's
  local list="" r
  for round in $(seq 1 "$ROUNDS"); do
    if [ -n "${3:-}" ]; then r=$(ratio "${cpu_at[$2,$round]}" "${cpu_at[$1,$round]}"); else r=$(ratio "${rps_at[$1,$round]}" "${rps_at[$2,$round]}"); fi
    list+="$r "
  done
  echo "$(tr ' ' '\n' <<< "$list" | grep . | median) ${list% }"
}
read -r r_none r_none_runs <<< "$(paired scalekit none)"
read -r r_jwt r_jwt_runs <<< "$(paired scalekit jwtbearer)"
read -r r_scope r_scope_runs <<< "$(paired scope none)"
read -r r_floor r_floor_runs <<< "$(paired floor none)"
read -r r_at_floor r_at_floor_runs <<< "$(paired scalekit floor)"
echo "| ratio of requests/s, within each round | median of $ROUNDS | rounds | target | |"
echo "|---|---:|---|---:|---|"
echo "| scalekit / none | $r_none | $r_none_runs | ≥ 0.90 | $(verdict "$r_none" 0.90) |"
echo "| scalekit / jwtbearer | $r_jwt | $r_jwt_runs | ≥ 1.50 | $(verdict "$r_jwt" 1.50) |"
echo "| scope / none (.RequireScope) | $r_scope | $r_scope_runs | | |"
echo "| floor / none (the middleware alone) | $r_floor | $r_floor_runs | | |"
echo "| scalekit / floor | $r_at_floor | $r_at_floor_runs | | |"
echo
echo "The same ratios from server CPU per request (none's cost / scalekit's cost, …): steadier on a shared machine."
echo
echo "| ratio by CPU cost, within each round | median of $ROUNDS | rounds | target |"
echo "|---|---:|---|---:|"
for pair in "scalekit none ≥ 0.90" "scalekit jwtbearer ≥ 1.50" "scope none" "floor none"; do
  read -r a b target <<< "$pair"
  read -r value runs <<< "$(paired "$a" "$b" cpu)"
  echo "| $a vs $b | $value | $runs | ${target:-} |"
done
echo
echo "| JWKS fetches | scalekit | jwtbearer |"
echo "|---|---:|---:|"
echo "| after start, before any request | ${fetch_start[scalekit]} | ${fetch_start[jwtbearer]} |"
echo "| after the first traffic ($CONNECTIONS concurrent connections) | ${fetch_first[scalekit]} | ${fetch_first[jwtbearer]} |"
echo "| key rotation under load (${ROTATION_SECONDS}s with a token of the new key) | ${rotation_fetches[scalekit]} | ${rotation_fetches[jwtbearer]} |"
echo "| requests refused during the rotation | ${rotation_refused[scalekit]} | ${rotation_refused[jwtbearer]} |"
first_ok=$([ "${fetch_first[scalekit]}" = 1 ] && echo met || echo "NOT met")
rot_ok=$([ "${rotation_fetches[scalekit]}" -le 1 ] && echo met || echo "NOT met")
echo
echo "target: first traffic after start causes exactly one JWKS fetch: $first_ok (${fetch_first[scalekit]})"
echo "target: a key rotation under load causes at most one fetch: $rot_ok (${rotation_fetches[scalekit]})"
if [ -n "$flood_line" ]; then
  growth_mb=$(awk -v a="$rss_after" -v b="$rss_before" 'BEGIN {printf "%.1f", (a - b) / 1024}')
  settled_mb=$(awk -v a="$rss_after_gc" -v b="$rss_settled" 'BEGIN {printf "%.1f", (a - b) / 1024}')
  echo
  echo "| memory flood (scalekit, distinct valid ES256 tokens, server GC: $SERVER_GC) | value |"
  echo "|---|---:|"
  echo "| flood | ${flood_line#flood } |"
  echo "| RSS before | $((rss_before / 1024)) MB |"
  echo "| RSS after | $((rss_after / 1024)) MB |"
  echo "| **RSS growth** | **$growth_mb MB** |"
  echo "| peak RSS (VmHWM) | $((hwm / 1024)) MB |"
  echo "| validated-token cache entries after | $cache_entries |"
  echo "| GC heap before / after (each after a full aggressive GC) | $((heap_before / 1024 / 1024)) MB / $((heap_after_gc / 1024 / 1024)) MB |"
  echo "| RSS before / after (each after a full aggressive GC) | $((rss_settled / 1024)) MB / $((rss_after_gc / 1024)) MB |"
  echo "| RSS growth, settled (both after a full aggressive GC) | $settled_mb MB |"
  echo
  echo "target: RSS growth under the flood < 64 MB: $(awk -v g="$growth_mb" 'BEGIN {print (g < 64) ? "met" : "NOT met"}') ($growth_mb MB; settled: $settled_mb MB)"
fi
