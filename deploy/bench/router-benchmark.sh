#!/usr/bin/env bash
# Router benchmark: the Slipway router against nginx as a proxy_pass reference, under the same wrk load,
# on the same pinned cores, in front of the same nginx backend (a fixed ~100-byte body); then the router
# with a large route table against the router with one route.
#
#   deploy/bench/router-benchmark.sh          (or: make bench-router)
#
# Method (see docs/performance.md, "Router"):
#   - backend, nginx proxy and router each listen on their own loopback port; the proxies route
#     Host bench.localhost to the backend over kept-alive upstream connections;
#   - the proxy under test gets PROXY_CPUS (one worker / one event loop per CPU, and the JVM is told
#     how many CPUs it has); wrk and the backend share LOAD_CPUS;
#   - the router is warmed up for WARMUP seconds first, and that load is discarded;
#   - then per connection count: one run against the backend directly, and ROUNDS alternating rounds of
#     nginx and the router; the table shows medians and CPU time per request;
#   - the ratios are round by round: each compares two runs seconds apart, and the report gives the median
#     ratio with a 95% confidence interval. Rounds are short and many because a shared VM's speed wanders
#     by 10-20% over seconds; adjacent short runs see the same speed, so their ratio cancels it;
#   - the latency part offers fixed rates (LOADS, in % of nginx's throughput) with an open-loop generator
#     (openloop.c, built here with gcc), which times each request from when it was due to be sent, so a stall
#     is not hidden the way a closed loop such as wrk hides it; p99 is compared there, below saturation;
#   - the route-table part alternates the router (one route) with a second router, started and warmed up
#     the same way, that serves ROUTES routes, and spreads the requests over every host with a wrk Lua
#     script (the one-route runs use the same script); no table is reloaded between rounds.
#   - deploy/bench/router-pool.sh judges the targets on the rounds of several saved runs together.
#
# Knobs (environment variables, defaults in brackets):
#   CONNECTIONS         wrk connection counts, each measured separately ["64 256"]
#   ROUNDS              alternating nginx/router rounds per connection count and per load [40]
#   DURATION            seconds per measured run (the direct run takes 5 times as long) [2]
#   WARMUP              seconds of discarded load on the router before measuring [60]
#   LOADS               offered rates of the latency part, in % of nginx's median requests/s; "" skips it ["50 70"]
#   OPEN_CONNECTIONS    connections of the open-loop generator [64]
#   ROUTES              size of the large route table; 0 skips the route-table part [10000]
#   ROUTE_CONNECTIONS   connection count of the route-table runs [64]
#   PIN                 1: proxies on PROXY_CPUS, wrk and backend on LOAD_CPUS; 0: nothing pinned [1 with 2+ CPUs]
#   PROXY_CPUS          CPU list for nginx proxy and router [the second allowed CPU]
#   LOAD_CPUS           CPU list for wrk and the backend [the first allowed CPU]
#   WORKERS             nginx worker processes = router event loops [CPUs in PROXY_CPUS; all CPUs when PIN=0]
#   WRK_THREADS         wrk threads [1]
#   BODY_BYTES          size of the backend's response body [100]
#   UPSTREAM_KEEPALIVE  idle upstream connections nginx keeps per worker (the router keeps up to 256 per loop) [256]
#   ROUTER_JAR          [router/target/slipway-router.jar]
#   ROUTER_JAVA         java command for the router [java]
#   ROUTER_JAVA_OPTS    JVM options for the router [fixed 256 MB heap, pre-touched, ParallelGC, Netty's
#                       pooled allocator, leak detection off]; -XX:ActiveProcessorCount is added when pinned
#   RETRIES             times a run is repeated when other processes used over 10% of a CPU meanwhile [1]
#   RESULTS_DIR         where raw wrk outputs, configs and logs go [a new directory under /tmp, kept]
#
# Exit status: 0 when every run completed without errors (whether or not the targets are met), 1 when a
# tool or the jar is missing, a server did not start, or a run had socket errors or non-2xx responses.
set -euo pipefail
cd "$(dirname "$0")/../.."

HERE=deploy/bench/router-benchmark
CONNECTIONS=${CONNECTIONS:-"64 256"}
ROUNDS=${ROUNDS:-40}
DURATION=${DURATION:-2}
WARMUP=${WARMUP:-60}
LOADS=${LOADS-"50 70"}
OPEN_CONNECTIONS=${OPEN_CONNECTIONS:-64}
ROUTES=${ROUTES:-10000}
ROUTE_CONNECTIONS=${ROUTE_CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-1}
BODY_BYTES=${BODY_BYTES:-100}
UPSTREAM_KEEPALIVE=${UPSTREAM_KEEPALIVE:-256}
RETRIES=${RETRIES:-1}
ROUTER_JAR=${ROUTER_JAR:-router/target/slipway-router.jar}
ROUTER_JAVA=${ROUTER_JAVA:-java}
ROUTER_JAVA_OPTS=${ROUTER_JAVA_OPTS:-"-Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseParallelGC -Dio.netty.allocator.type=pooled -Dio.netty.leakDetection.level=disabled"}

# The targets (TARGET_*) and the statistics: median, paired, ratio_ci, paired_verdict.
. "$HERE/stats.sh"

HOST=bench.localhost
NGINX=
PIDS=()
declare -A RPS P50 P99 CPU_US LAT_RATE LAT_P50 LAT_P99 LAT_P999 LOAD_RATE
ERRORS=()
LOAD_SATURATED=()
DISTURBED=()
MEASURED_RUNS=0
# A run during which other processes used more than this % of one CPU is reported as disturbed.
OTHER_LOAD_LIMIT=10

say() { printf '%s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  exit "$status"
}

check_tools() {
  local missing=()
  NGINX=$(command -v nginx || true)
  [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
  [ -n "$NGINX" ] || missing+=(nginx)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v taskset >/dev/null || missing+=(util-linux)
  [ -z "$LOADS" ] || command -v gcc >/dev/null || missing+=(gcc)
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'bench: missing %s; install with:\n  sudo apt-get install %s\n' "${missing[*]}" "${missing[*]}" >&2
    exit 1
  fi
  command -v "$ROUTER_JAVA" >/dev/null || die "ROUTER_JAVA=$ROUTER_JAVA is not a command"
  [ -f "$ROUTER_JAR" ] || die "$ROUTER_JAR is missing; run make build (or mvn -pl router -am package -DskipTests)"
}

# "0-2,5" -> "0 1 2 5"
expand_cpus() {
  local part i out=()
  for part in ${1//,/ }; do
    if [[ $part == *-* ]]; then
      for ((i = ${part%-*}; i <= ${part#*-}; i++)); do out+=("$i"); done
    else
      out+=("$part")
    fi
  done
  echo "${out[*]}"
}

plan_cpus() {
  local allowed
  allowed=($(expand_cpus "$(taskset -cp $$ | sed 's/.*: *//')"))
  PIN=${PIN:-$([ ${#allowed[@]} -ge 2 ] && echo 1 || echo 0)}
  if [ "$PIN" = 1 ] && [ ${#allowed[@]} -lt 2 ]; then
    say "bench: only ${#allowed[@]} CPU available; running unpinned (figures are only indicative)" >&2
    PIN=0
  fi
  if [ "$PIN" = 1 ]; then
    LOAD_CPUS=${LOAD_CPUS:-${allowed[0]}}
    PROXY_CPUS=${PROXY_CPUS:-${allowed[1]}}
    local proxy
    proxy=($(expand_cpus "$PROXY_CPUS"))
    PROXY_CPU_COUNT=${#proxy[@]}
    WORKERS=${WORKERS:-$PROXY_CPU_COUNT}
    LOAD_PIN=(taskset -c "$LOAD_CPUS")
    PROXY_PIN=(taskset -c "$PROXY_CPUS")
    CPU_PLAN="proxy on CPU $PROXY_CPUS ($WORKERS worker(s) / event loop(s)), wrk and backend on CPU $LOAD_CPUS"
  else
    LOAD_CPUS= PROXY_CPUS=
    WORKERS=${WORKERS:-${#allowed[@]}}
    LOAD_PIN=() PROXY_PIN=()
    CPU_PLAN="unpinned, ${#allowed[@]} CPU(s), $WORKERS worker(s) / event loop(s)"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Sets PORT to a loopback port nothing listens on and no earlier call returned.
free_port() {
  while :; do
    PORT=$((20000 + RANDOM % 30000))
    if ! port_in_use "$PORT" && [[ " $TAKEN_PORTS " != *" $PORT "* ]]; then
      TAKEN_PORTS+=" $PORT"
      return
    fi
  done
}

render() {
  sed -e "s|@DIR@|$DIR|g" -e "s|@BACKEND_PORT@|$BACKEND_PORT|g" -e "s|@PROXY_PORT@|$NGINX_PORT|g" \
      -e "s|@WORKERS@|$WORKERS|g" -e "s|@UPSTREAM_KEEPALIVE@|$UPSTREAM_KEEPALIVE|g" -e "s|@BODY@|$BODY|g" \
      "$1" >"$2"
}

# Writes a state file routing bench.localhost and, with $2 > 1, h1.bench.localhost … h<$2-1>.bench.localhost
# to the backend, atomically (the router may be reading the old one).
write_routes() {
  local file=$1 count=$2 target="[{\"address\":\"127.0.0.1:$BACKEND_PORT\",\"weight\":100}]"
  {
    printf '{"routes":[\n{"host":"%s","targets":%s}' "$HOST" "$target"
    local i
    for ((i = 1; i < count; i++)); do
      printf ',\n{"host":"h%d.%s","targets":%s}' "$i" "$HOST" "$target"
    done
    printf '\n]}\n'
  } >"$file.tmp"
  mv -f "$file.tmp" "$file"
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $2" "http://127.0.0.1:$1/" || true; }

# Waits until $3 (port $2, process $1) answers bench.localhost with the backend's body.
await_ready() {
  local pid=$1 port=$2 name=$3 log=$4 body
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "$name exited while starting; see $log"; }
    body=$(curl -s --max-time 2 -H "Host: $HOST" "http://127.0.0.1:$port/" || true)
    [ "$body" = "$BODY" ] && return 0
    sleep 0.1
  done
  die "$name on port $port did not serve the backend's body within 30 s; see $log"
}

start_servers() {
  mkdir -p "$DIR/backend-temp" "$DIR/proxy-temp"
  render "$HERE/backend.conf" "$DIR/backend.conf"
  render "$HERE/proxy.conf" "$DIR/proxy.conf"
  "${LOAD_PIN[@]}" "$NGINX" -p "$DIR" -e "$DIR/backend-error.log" -c "$DIR/backend.conf" -g 'daemon off;' \
    >"$DIR/backend.out" 2>&1 &
  BACKEND_PID=$!
  PIDS+=("$BACKEND_PID")
  await_ready "$BACKEND_PID" "$BACKEND_PORT" "backend nginx" "$DIR/backend.out"

  "${PROXY_PIN[@]}" "$NGINX" -p "$DIR" -e "$DIR/proxy-error.log" -c "$DIR/proxy.conf" -g 'daemon off;' \
    >"$DIR/proxy.out" 2>&1 &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  await_ready "$NGINX_PID" "$NGINX_PORT" "nginx proxy" "$DIR/proxy.out"
  PIDS+=($(children "$NGINX_PID") $(children "$BACKEND_PID"))

  write_routes "$DIR/routes.json" 1
  start_router router "$ROUTER_PORT" "$CONTROL_PORT" "$DIR/routes.json"
  ROUTER_PID=$STARTED_PID
  ROUTER_JAVA_VERSION=$("$ROUTER_JAVA" -version 2>&1 | head -n 1)
}

# Starts a router pinned like nginx, serving the state file $4 on port $2, and sets STARTED_PID.
#   start_router NAME PORT CONTROL_PORT STATE_FILE
start_router() {
  local name=$1 port=$2 control=$3 state=$4 java_opts=()
  read -r -a java_opts <<<"$ROUTER_JAVA_OPTS"
  [ "$PIN" = 1 ] && java_opts=("-XX:ActiveProcessorCount=$PROXY_CPU_COUNT" "${java_opts[@]}")
  java_opts+=("-Xlog:gc,safepoint:file=$DIR/$name-gc.log")
  # The control port makes the router record its per-service metrics, as it does under Slipway.
  local router_args=(--port "$port" --state "$state" --event-loops "$WORKERS"
    --control-port "$control" --control-token "bench-$RANDOM$RANDOM")
  # nginx logs nothing either; older routers have no access log and no such option.
  if "$ROUTER_JAVA" -jar "$ROUTER_JAR" --help 2>&1 | grep -q -- --access-log; then
    router_args+=(--access-log off)
  fi
  # Every load connection comes from 127.0.0.1, standing for many clients: the per-client cap stays on
  # (its count is kept per connection as usual) but above any connection count measured here.
  if "$ROUTER_JAVA" -jar "$ROUTER_JAR" --help 2>&1 | grep -q -- --max-connections-per-client; then
    router_args+=(--max-connections-per-client 10000)
  fi
  "${PROXY_PIN[@]}" "$ROUTER_JAVA" "${java_opts[@]}" -jar "$ROUTER_JAR" "${router_args[@]}" \
    >"$DIR/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  await_ready "$STARTED_PID" "$port" "$name" "$DIR/$name.log"
}

# Runs WARMUP seconds of discarded load against a router, in runs of at most 10 s, each with new connections
# so that the JIT compiles the connection paths too (it goes on compiling for about 40 s of load on one CPU,
# and its threads share that CPU with the event loop).
#   warm_router NAME PORT PID CONNECTIONS [wrk options...]
warm_router() {
  local name=$1 port=$2 pid=$3 conns=$4 left
  shift 4
  for ((left = WARMUP; left > 0; left -= 10)); do
    run_load "warmup-$name" "$port" "$conns" $((left < 10 ? left : 10)) "$pid" "$@" >/dev/null
  done
}

children() { cat /proc/"$1"/task/*/children 2>/dev/null || true; }

# utime + stime, in clock ticks, of the processes $@ and their children.
cpu_ticks() {
  local pid total=0 stat fields
  for pid in "$@" $(for pid in "$@"; do children "$pid"; done); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# "busy total" jiffies summed over the CPUs in list $1 (all CPUs when empty).
cpu_busy() {
  awk -v list=" $(expand_cpus "${1:-}") " '
    $1 ~ /^cpu[0-9]+$/ && (list == "  " || index(list, " " substr($1, 4) " ")) {
      busy += $2 + $3 + $4 + $7 + $8 + $9; total += $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }
    END { print busy, total }' /proc/stat
}

# CPU ticks used by every process that is not ours (nor a kernel thread) since it started, reaped children
# included; the difference of two calls is what others used in between, even processes that came and went.
foreign_ticks() {
  local ours=" $$ ${PIDS[*]} " pid
  for pid in "${PIDS[@]}"; do
    ours+="$(children "$pid" | tr '\n' ' ') "
  done
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v ours="$ours" '
    { pid = $1; sub(/^.*\) /, "")
      if (pid == 2 || $2 == 2 || index(ours, " " pid " ")) next
      total += $12 + $13 + $14 + $15 }
    END { print total + 0 }'
}

percent() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
  t = y[2] - x[2]; printf "%.0f", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'; }

# Runs wrk and leaves its figures in RUN_RPS, RUN_P50, RUN_P99 (ms), RUN_CPU_US (µs of the process
# $pid per request, "-" without one) and RUN_LOAD_BUSY (% of LOAD_CPUS).
#   run_load NAME PORT CONNECTIONS SECONDS PID [wrk options...] [-- script arguments...]
run_load() {
  local name=$1 port=$2 conns=$3 seconds=$4 pid=$5 options=() script_args=()
  shift 5
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    options+=("$1")
    shift
  done
  [ $# -gt 0 ] && script_args=("$@")
  local out="$DIR/wrk-$name-c$conns-$((++RUN_NUMBER)).txt" ticks0 ticks1 load0 load1 proxy0 proxy1 foreign0 foreign1
  local start end wrk_pid status=0
  [ "$pid" != - ] && ticks0=$(cpu_ticks "$pid")
  foreign0=$(foreign_ticks) start=$(date +%s.%N)
  load0=$(cpu_busy "$LOAD_CPUS") proxy0=$(cpu_busy "$PROXY_CPUS")
  "${LOAD_PIN[@]}" wrk -t"$WRK_THREADS" -c"$conns" -d"${seconds}s" --latency -H "Host: $HOST" "${options[@]}" \
    "http://127.0.0.1:$port/" "${script_args[@]}" >"$out" 2>&1 &
  wrk_pid=$!
  PIDS+=("$wrk_pid")
  wait "$wrk_pid" || status=$?
  unset 'PIDS[-1]'
  load1=$(cpu_busy "$LOAD_CPUS") proxy1=$(cpu_busy "$PROXY_CPUS")
  foreign1=$(foreign_ticks) end=$(date +%s.%N)
  [ "$pid" != - ] && ticks1=$(cpu_ticks "$pid")
  [ "$status" = 0 ] || { cat "$out" >&2; die "wrk failed (exit $status) against $name"; }

  # wrk prints latencies as 812.00us, 1.23ms or 2.01s.
  read -r RUN_RPS RUN_REQUESTS RUN_P50 RUN_P99 < <(awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /Latency Distribution/ { dist = 1 }
    dist && $1 == "50%" { p50 = ms($2) }
    dist && $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %d %.3f %.3f\n", rps, requests, p50, p99 }' "$out")
  RUN_CPU_US=-
  if [ "$pid" != - ] && [ "$RUN_REQUESTS" -gt 0 ]; then
    RUN_CPU_US=$(awk -v t=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" -v n="$RUN_REQUESTS" \
      'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
  fi
  RUN_LOAD_BUSY=$(percent "$load0" "$load1")
  RUN_OTHER=$(awk -v t=$((foreign1 - foreign0)) -v hz="$(getconf CLK_TCK)" -v s="$start" -v e="$end" \
    'BEGIN { printf "%.0f", 100 * t / hz / (e - s) }')
  local proxy_busy errors
  proxy_busy=$(percent "$proxy0" "$proxy1")
  errors=$(grep -E 'Socket errors|Non-2xx' "$out" | sed 's/^ *//' | paste -sd ';' - || true)
  [ "$RUN_REQUESTS" -gt 0 ] || errors="no request completed${errors:+; $errors}"
  [ -n "$errors" ] && ERRORS+=("$name -c $conns: $errors (see $out)")
  printf '  %-20s -c %-4s %7s req/s  p50 %6.3f ms  p99 %7.3f ms  %5s µs/req  busy: load %3s%% proxy %3s%%  other %3s%%%s\n' \
    "$name" "$conns" "$RUN_RPS" "$RUN_P50" "$RUN_P99" "$RUN_CPU_US" "$RUN_LOAD_BUSY" "$proxy_busy" "$RUN_OTHER" \
    "${errors:+  ERRORS: $errors}"
}

# Runs and files the result under KEY; a run disturbed by other processes is repeated up to RETRIES times.
measure() {
  local key=$1 attempt
  shift
  for ((attempt = 0; ; attempt++)); do
    run_load "$@"
    [ "$RUN_OTHER" -gt "$OTHER_LOAD_LIMIT" ] && [ "$attempt" -lt "$RETRIES" ] || break
    say "    (other processes used ${RUN_OTHER}% of a CPU during that run; running it again)"
    sleep 5
  done
  RPS[$key]+="$RUN_RPS " P50[$key]+="$RUN_P50 " P99[$key]+="$RUN_P99 " CPU_US[$key]+="$RUN_CPU_US "
  if [ "$PIN" = 1 ] && [ "$RUN_LOAD_BUSY" -ge 97 ] && [ "$1" != direct ]; then
    LOAD_SATURATED+=("$1 -c $3")
  fi
  MEASURED_RUNS=$((MEASURED_RUNS + 1))
  [ "$RUN_OTHER" -gt "$OTHER_LOAD_LIMIT" ] && DISTURBED+=("$1 -c $3")
  return 0
}

# "a", "b", "a" -> "a (2×), b (1×)"
tally() {
  printf '%s\n' "$@" | sort | uniq -c | awk '{ n = $1; $1 = ""; printf "%s%s (%d×)", sep, substr($0, 2), n; sep = ", " }'
}

row() { printf '%-12s %-18s %12s %9s %9s %11s\n' "$@"; }

build_openloop() {
  OPENLOOP=$DIR/openloop
  gcc -O2 -Wall -o "$OPENLOOP" "$HERE/openloop.c" || die "cannot build $HERE/openloop.c"
}

# The value of KEY=value in the generator's result line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# Offers RATE requests/s to PORT for DURATION s (after 1 s not recorded) and files p50/p99/p99.9 under KEY.
#   measure_latency KEY NAME PORT RATE
measure_latency() {
  local key=$1 name=$2 port=$3 rate=$4 out line errors
  out="$DIR/openloop-$name-r$rate-$((++RUN_NUMBER)).txt"
  "${LOAD_PIN[@]}" "$OPENLOOP" -p "$port" -H "$HOST" -r "$rate" -c "$OPEN_CONNECTIONS" -d "$DURATION" -w 1 \
    >"$out" 2>&1 || { cat "$out" >&2; die "the open-loop generator failed against $name"; }
  line=$(tail -n 1 "$out")
  LAT_RATE[$key]+="$(field achieved "$line") " LAT_P50[$key]+="$(field p50 "$line") "
  LAT_P99[$key]+="$(field p99 "$line") " LAT_P999[$key]+="$(field p999 "$line") "
  errors=
  [ "$(field errors "$line")" = 0 ] || errors="$(field errors "$line") errors"
  [ "$(field non2xx "$line")" = 0 ] || errors="${errors:+$errors, }$(field non2xx "$line") non-2xx"
  [ -n "$errors" ] && ERRORS+=("$name at $rate/s: $errors (see $out)")
  printf '  %-20s -r %-7s achieved %7s/s  p50 %7s ms  p99 %8s ms  p99.9 %8s ms%s\n' "$name" "$rate" \
    "$(field achieved "$line")" "$(field p50 "$line")" "$(field p99 "$line")" "$(field p999 "$line")" \
    "${errors:+  ERRORS: $errors}"
}

compare_latency() {
  local pct rate round name nginx_rps
  nginx_rps=$(median "${RPS[nginx/${CONNECTIONS%% *}]}")
  say "Latency at fixed offered rates (open loop, $OPEN_CONNECTIONS connections): $LOADS% of nginx's ${nginx_rps}/s"
  for pct in $LOADS; do
    rate=$(awk -v r="$nginx_rps" -v p="$pct" 'BEGIN { printf "%d", r * p / 100 }')
    LOAD_RATE[$pct]=$rate
    for ((round = 1; round <= ROUNDS; round++)); do
      for name in $([ $((round % 2)) = 1 ] && echo "nginx router" || echo "router nginx"); do
        if [ "$name" = nginx ]; then
          measure_latency "nginx/$pct" nginx "$NGINX_PORT" "$rate"
        else
          measure_latency "router/$pct" router "$ROUTER_PORT" "$rate"
        fi
      done
    done
  done
}

compare_proxies() {
  local conns round order name
  say "Warm-up (discarded): nginx 5 s, router ${WARMUP} s in runs of at most 10 s"
  run_load warmup-nginx "$NGINX_PORT" "${CONNECTIONS%% *}" 5 "$NGINX_PID" >/dev/null
  warm_router router "$ROUTER_PORT" "$ROUTER_PID" "${CONNECTIONS%% *}"
  for conns in $CONNECTIONS; do
    measure "direct/$conns" direct "$BACKEND_PORT" "$conns" $((DURATION * 5)) "$BACKEND_PID"
    for ((round = 1; round <= ROUNDS; round++)); do
      # nginx first in odd rounds, the router first in even ones, so drift hits both alike.
      order=$([ $((round % 2)) = 1 ] && echo "nginx router" || echo "router nginx")
      for name in $order; do
        if [ "$name" = nginx ]; then
          measure "nginx/$conns" nginx "$NGINX_PORT" "$conns" "$DURATION" "$NGINX_PID"
        else
          measure "router/$conns" router "$ROUTER_PORT" "$conns" "$DURATION" "$ROUTER_PID"
        fi
      done
    done
  done
}

# The order of the route-table configurations in a round, rotated so that drift hits each alike.
table_order() {
  case $(($1 % 3)) in
    1) echo "one big spread" ;;
    2) echo "big spread one" ;;
    *) echo "spread one big" ;;
  esac
}

compare_tables() {
  local round key port pid lua=$PWD/$HERE/hosts.lua
  say "Route table: 1 route; $ROUTES routes with every request to one host; $ROUTES routes with requests over every host"
  # A second router holds the large table, so no round reloads one: swapping 1 and 10,000 services back
  # and forth would drop and recreate 10,000 services' meters each time, a churn no real table sees.
  write_routes "$DIR/routes-large.json" "$ROUTES"
  start_router router-large "$LARGE_PORT" "$LARGE_CONTROL_PORT" "$DIR/routes-large.json"
  LARGE_PID=$STARTED_PID
  say "Warm-up (discarded): the $ROUTES-route router ${WARMUP} s, requests over every host"
  warm_router router-large "$LARGE_PORT" "$LARGE_PID" "$ROUTE_CONNECTIONS" -s "$lua" -- "$ROUTES"
  for ((round = 1; round <= ROUNDS; round++)); do
    for key in $(table_order "$round"); do
      local count=$([ "$key" = one ] && echo 1 || echo "$ROUTES") hosts=$([ "$key" = spread ] && echo "$ROUTES" || echo 1)
      port=$([ "$key" = one ] && echo "$ROUTER_PORT" || echo "$LARGE_PORT")
      pid=$([ "$key" = one ] && echo "$ROUTER_PID" || echo "$LARGE_PID")
      measure "routes/$key" "router-$count-routes-$hosts-hosts" "$port" "$ROUTE_CONNECTIONS" "$DURATION" \
        "$pid" -s "$lua" -- "$hosts"
    done
  done
}

report() {
  local conns key r n rps cpu p99
  say ""
  say "== Router vs nginx proxy_pass: $ROUNDS alternating rounds of $DURATION s (direct: one run of $((DURATION * 5)) s), wrk -t$WRK_THREADS"
  say "   $CPU_PLAN; body $BODY_BYTES bytes; $(date -u '+%Y-%m-%d %H:%M UTC')"
  say "   router: $ROUTER_JAVA_VERSION; $ROUTER_JAVA_OPTS"
  say "   Figures per target are medians of the rounds; router/nginx is the median of the ratios of each round"
  say "   (runs seconds apart), with its 95% confidence interval in brackets."
  row connections target requests/s "p50 ms" "p99 ms" "CPU µs/req"
  for conns in $CONNECTIONS; do
    for key in direct nginx router; do
      row "$conns" "$key" "$(median "${RPS[$key/$conns]}")" "$(median "${P50[$key/$conns]}")" \
        "$(median "${P99[$key/$conns]}")" "$(median "${CPU_US[$key/$conns]}")"
    done
    r=router/$conns n=nginx/$conns
    rps=$(paired "${RPS[$r]}" "${RPS[$n]}")
    cpu=$(paired "${CPU_US[$r]}" "${CPU_US[$n]}")
    say "  -c $conns router/nginx: requests/s $(ratio_ci "$rps"), p50 $(ratio_ci "$(paired "${P50[$r]}" "${P50[$n]}")"),\
 p99 $(ratio_ci "$(paired "${P99[$r]}" "${P99[$n]}")"), CPU µs/req $(ratio_ci "$cpu")"
    TARGET_LINES+=("-c $conns: requests/s $(ratio_ci "$rps") of nginx's (target ≥ ${TARGET_RPS_RATIO}×): \
$(paired_verdict "$rps" ">=" "$TARGET_RPS_RATIO")")
  done
  say "   (p99 at saturation is queueing in a closed loop; p99 is compared at fixed rates below)"
  if [ -n "$LOADS" ]; then
    local pct
    say ""
    say "== Latency at fixed offered rates: open loop, $OPEN_CONNECTIONS connections, timed from each request's due"
    say "   time; $ROUNDS alternating rounds of $DURATION s, medians and the median round-by-round ratio"
    printf '%-12s %-18s %12s %9s %9s %11s\n' load target "achieved/s" "p50 ms" "p99 ms" "p99.9 ms"
    for pct in $LOADS; do
      for key in nginx router; do
        printf '%-12s %-18s %12s %9s %9s %11s\n' "$pct% (${LOAD_RATE[$pct]}/s)" "$key" \
          "$(median "${LAT_RATE[$key/$pct]}")" "$(median "${LAT_P50[$key/$pct]}")" \
          "$(median "${LAT_P99[$key/$pct]}")" "$(median "${LAT_P999[$key/$pct]}")"
      done
      p99=$(paired "${LAT_P99[router/$pct]}" "${LAT_P99[nginx/$pct]}")
      say "  $pct% router/nginx: p50 $(ratio_ci "$(paired "${LAT_P50[router/$pct]}" "${LAT_P50[nginx/$pct]}")"),\
 p99 $(ratio_ci "$p99"), p99.9 $(ratio_ci "$(paired "${LAT_P999[router/$pct]}" "${LAT_P999[nginx/$pct]}")")"
      TARGET_LINES+=("${pct}% load (${LOAD_RATE[$pct]}/s): p99 $(ratio_ci "$p99") of nginx's (target ≤ \
${TARGET_P99_RATIO}×): $(paired_verdict "$p99" "<=" "$TARGET_P99_RATIO")")
    done
  fi
  if [ "$ROUTES" -gt 1 ]; then
    say ""
    say "== Route table: -c $ROUTE_CONNECTIONS, $ROUNDS rounds; each host is its own service"
    row table "" requests/s "p50 ms" "p99 ms" "CPU µs/req"
    local label ceiling
    for key in one big spread; do
      case $key in
        one) label="1 route" ;;
        big) label="$ROUTES routes, requests to 1 host" ;;
        *) label="$ROUTES routes, requests over all" ;;
      esac
      printf '%-31s %12s %9s %9s %11s\n' "$label" "$(median "${RPS[routes/$key]}")" \
        "$(median "${P50[routes/$key]}")" "$(median "${P99[routes/$key]}")" "$(median "${CPU_US[routes/$key]}")"
    done
    # "Under 5% slower" is a ratio of requests/s above 0.95.
    ceiling=$(awk -v t="$TARGET_TABLE_SLOWDOWN_PCT" 'BEGIN { printf "%.2f", 1 - t / 100 }')
    for key in big spread; do
      rps=$(paired "${RPS[routes/$key]}" "${RPS[routes/one]}")
      say "  $([ $key = big ] && echo "requests to 1 host" || echo "requests over all hosts"), $ROUTES/1 routes:\
 requests/s $(ratio_ci "$rps"), CPU µs/req $(ratio_ci "$(paired "${CPU_US[routes/$key]}" "${CPU_US[routes/one]}")")"
      if [ "$key" = big ]; then
        TARGET_LINES+=("$ROUTES routes, same traffic: requests/s $(ratio_ci "$rps") of 1 route's (target: under \
${TARGET_TABLE_SLOWDOWN_PCT}% slower): $(paired_verdict "$rps" ">=" "$ceiling")")
      else
        # Not the table's cost alone: each request then also meets its own service's state (meters, targets)
        # cold in the cache, as any proxy with per-service state would.
        INFO_LINES+=("$ROUTES routes, requests over all $ROUTES services: requests/s $(ratio_ci "$rps") of 1 \
route's, $(awk -v r="${rps%% *}" 'BEGIN { printf "%.0f", (1 - r) * 100 }')% slower")
      fi
    done
  fi
  say ""
  say "Targets (judged on the median round-by-round ratio):"
  printf '  %s\n' "${TARGET_LINES[@]}"
  if [ ${#INFO_LINES[@]} -gt 0 ]; then
    say "Also measured (no target):"
    printf '  %s\n' "${INFO_LINES[@]}"
  fi
  if [ ${#LOAD_SATURATED[@]} -gt 0 ]; then
    say ""
    say "Warning: the load CPU(s) were ≥ 97% busy in $(tally "${LOAD_SATURATED[@]}")."
    say "         The load generator may be the limit there; compare CPU µs/req as well."
  fi
  if [ ${#DISTURBED[@]} -gt 0 ]; then
    say ""
    say "Warning: ${#DISTURBED[@]} of $MEASURED_RUNS measured runs shared the machine with other processes using over"
    say "         ${OTHER_LOAD_LIMIT}% of a CPU (column 'other'): $(tally "${DISTURBED[@]}"). Rerun on a quiet machine."
  fi
  say ""
  say "Raw wrk outputs and logs: $DIR"
}

main() {
  check_tools
  plan_cpus
  DIR=${RESULTS_DIR:-$(mktemp -d /tmp/slipway-router-bench-XXXXXX)}
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  BODY=$(printf 'slipway router benchmark body %.0s' $(seq 1 $((BODY_BYTES / 30 + 1))) | head -c "$BODY_BYTES")
  TAKEN_PORTS=
  free_port; BACKEND_PORT=$PORT
  free_port; NGINX_PORT=$PORT
  free_port; ROUTER_PORT=$PORT
  free_port; CONTROL_PORT=$PORT
  free_port; LARGE_PORT=$PORT
  free_port; LARGE_CONTROL_PORT=$PORT
  RUN_NUMBER=0 TARGET_LINES=() INFO_LINES=()
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  say "Router benchmark: $CPU_PLAN"
  say "  backend :$BACKEND_PORT, nginx proxy :$NGINX_PORT, router :$ROUTER_PORT; results in $DIR"
  [ -z "$LOADS" ] || build_openloop
  start_servers
  compare_proxies
  [ -z "$LOADS" ] || compare_latency
  [ "$ROUTES" -gt 1 ] && compare_tables
  report
  if [ ${#ERRORS[@]} -gt 0 ]; then
    say ""
    say "Errors:"
    printf '  %s\n' "${ERRORS[@]}"
    exit 1
  fi
}

main "$@"
