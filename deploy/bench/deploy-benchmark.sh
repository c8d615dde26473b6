#!/usr/bin/env bash
# Push-to-live benchmark: starts Slipway from its jar on a scratch home, creates a service, and
# times with the real git client and curl
#   1. the first push of examples/hello-python until the router serves it,
#   2. a code-only second push until the new version is served,
#   3. a rollback through the API until the first version is served again,
# per runtime. Caches are warm when the runtime's base image is present (run `make runtimes`).
#
#   deploy/bench/deploy-benchmark.sh [process] [docker]
#
# Without arguments: process, plus docker when a Docker daemon answers.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=platform-api/target/slipway.jar
TOKEN=bench-token
SERVICE=bench
TARGET_SECONDS=10
[ -f "$JAR" ] || { echo "bench: $JAR is missing; run make build" >&2; exit 1; }

runtimes=("$@")
if [ ${#runtimes[@]} -eq 0 ]; then
  runtimes=(process)
  docker info >/dev/null 2>&1 && runtimes+=(docker)
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits until the service answers with a body containing $1 (at most 300 s).
await_body() {
  local expected="$1" deadline=$((SECONDS + 300))
  while [ $SECONDS -lt $deadline ]; do
    if curl -sf --max-time 2 -H "Host: $SERVICE.localhost" "http://127.0.0.1:$router_port/" 2>/dev/null \
        | grep -q "$expected"; then
      return 0
    fi
    sleep 0.05
  done
  echo "bench: $SERVICE never served '$expected'" >&2
  return 1
}

# Slipway leaves its router process running for the next start; the benchmark stops it.
stop_router() {
  local pid
  pid=$(sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p' "$1/router/router.json" 2>/dev/null)
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
}

api() {
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"
}

results=()
for runtime in "${runtimes[@]}"; do
  home=$(mktemp -d /tmp/slipway-bench-XXXXXX)
  port=$(free_port)
  router_port=$(free_port)
  control_port=$(free_port)
  SLIPWAY_HOME="$home" SLIPWAY_PORT="$port" SLIPWAY_ROUTER_PORT="$router_port" SLIPWAY_ROUTER_BIND=127.0.0.1 \
    SLIPWAY_ROUTER_CONTROL_PORT="$control_port" SLIPWAY_RUNTIME="$runtime" SLIPWAY_ADMIN_TOKEN="$TOKEN" \
    java -jar "$JAR" >"$home/slipway.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; stop_router "$home"' EXIT
  for _ in $(seq 1 600); do
    api "http://127.0.0.1:$port/api/v1/services" >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || { tail -n 30 "$home/slipway.log" >&2; exit 1; }
    sleep 0.2
  done
  api -d "{\"name\":\"$SERVICE\",\"source\":{\"type\":\"git-push\"}}" "http://127.0.0.1:$port/api/v1/services" >/dev/null

  work="$home/app"
  cp -r examples/hello-python "$work"
  git -C "$work" init -q -b main
  git -C "$work" -c user.name=Bench -c user.email=bench@example.com commit -qm "Version 1" --allow-empty
  git -C "$work" add . && git -C "$work" -c user.name=Bench -c user.email=bench@example.com commit -qm "Version 1"
  remote="http://slipway:$TOKEN@127.0.0.1:$port/git/$SERVICE.git"

  start=$(now)
  git -C "$work" push -q "$remote" HEAD:main >"$home/push1.log" 2>&1
  await_body "version 1"
  first=$(elapsed "$start" "$(now)")

  sed -i 's/VERSION = "1"/VERSION = "2"/' "$work/app.py"
  git -C "$work" -c user.name=Bench -c user.email=bench@example.com commit -qam "Version 2"
  start=$(now)
  git -C "$work" push -q "$remote" HEAD:main >"$home/push2.log" 2>&1
  await_body "version 2"
  second=$(elapsed "$start" "$(now)")

  start=$(now)
  api -X POST "http://127.0.0.1:$port/api/v1/services/$SERVICE/rollback" >/dev/null
  await_body "version 1"
  rollback=$(elapsed "$start" "$(now)")

  # Deleting the service removes its instances, images and caches, as it would for a user.
  api -X DELETE "http://127.0.0.1:$port/api/v1/services/$SERVICE" >/dev/null
  kill $pid && wait $pid 2>/dev/null || true
  stop_router "$home"
  trap - EXIT
  rm -rf "$home"
  results+=("$runtime $first $second $rollback")
done

echo
echo "Push to live, examples/hello-python ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo
printf '| %-8s | %16s | %20s | %12s | %22s |\n' runtime "first push (s)" "code-only push (s)" "rollback (s)" "vs ${TARGET_SECONDS} s target (push)"
printf '|%s|%s|%s|%s|%s|\n' ---------- ------------------ ---------------------- -------------- ------------------------
for row in "${results[@]}"; do
  read -r runtime first second rollback <<<"$row"
  ratio=$(awk -v s="$second" -v t="$TARGET_SECONDS" 'BEGIN { printf "%.2f×", s / t }')
  printf '| %-8s | %16s | %20s | %12s | %22s |\n' "$runtime" "$first" "$second" "$rollback" "$ratio"
done
