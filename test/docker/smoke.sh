#!/usr/bin/env bash
# Smoke test of the container image and the docker-compose stacks (issues 6, 11 and 21), run by CI as `npm run test:docker`.
# Builds the image, runs it alone, brings the one-replica stack up and checks what an orchestrator relies on, then
# runs two replicas behind nginx with Redis (docker-compose.replicas.yml) and checks that they behave as one service,
# and that steady traffic through nginx loses no request while one replica is killed and another restarted.
# Needs root (engine.sh), curl and node on the host. Last line: "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

ENGINE=${ENGINE:-../shared/docker/engine.sh}
IMAGE_TAG=smoke
IMAGE=checkout-session-service:$IMAGE_TAG
PROJECT=checkout-smoke-$$
ALONE=checkout-smoke-alone-$$
ENV_FILE=$(mktemp)
WORK=$(mktemp -d)
passed=0
failed=0

# The stack under test talks to the emulator and the demo order service only, whatever this shell exports.
unset PRIMER_API_URL PRIMER_API_KEY

pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
abort() { fail "$1"; exit 1; }
step() { printf '\n== %s\n' "$1"; }

# An empty env file keeps a developer's .env out of the run; host ports 0 let the kernel pick free ones.
compose() {
  EMULATOR_CONTROL=true IMAGE_TAG=$IMAGE_TAG BFF_HOST_PORT=0 EMULATOR_HOST_PORT=0 ORDERS_HOST_PORT=0 \
    docker compose --env-file "$ENV_FILE" -p "$PROJECT" "$@"
}
# The replicas stack, with a small rate limit so the shared budget runs out within the test.
RATE_LIMIT=40
replicas() {
  IMAGE_TAG=$IMAGE_TAG BFF_HOST_PORT=0 EMULATOR_HOST_PORT=0 ORDERS_HOST_PORT=0 RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_NOW:-$RATE_LIMIT} \
    docker compose --env-file "$ENV_FILE" -p "$PROJECT-replicas" -f docker-compose.replicas.yml "$@"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if ((failed > 0)); then
    step 'logs of the failed run'
    docker inspect "$ALONE" >/dev/null 2>&1 && docker logs --tail 30 "$ALONE" 2>&1 | sed 's/^/alone | /'
    compose logs --no-color --tail 30 2>&1
    replicas logs --no-color --tail 30 2>&1
  fi
  step 'teardown'
  docker rm -f "$ALONE" >/dev/null 2>&1
  compose down --volumes --remove-orphans --timeout 1 2>&1 | tail -n 1
  replicas down --volumes --remove-orphans --timeout 1 2>&1 | tail -n 1
  rm -rf "$ENV_FILE" "$WORK"
  printf '\n%d passed, %d failed\n' "$passed" "$failed"
  ((failed == 0 && status == 0)) || exit 1
  exit 0
}
trap cleanup EXIT
trap 'abort "interrupted"' INT TERM

# Images named in FROM lines, minus the names of the Dockerfile's own stages.
base_images() {
  awk 'toupper($1) == "FROM" { from[$2] = 1; if (toupper($3) == "AS") stage[$4] = 1 }
       END { for (image in from) if (!(image in stage)) print image }' Dockerfile
}
# The third-party images the compose files run (nginx, Redis); the project's own image is built here.
service_images() {
  awk '$1 == "image:" && $2 !~ /^checkout-session-service:/ { print $2 }' docker-compose*.yml | sort -u
}

# Waits for Docker's own health check to say healthy; gives up early if the container stops.
wait_healthy() {
  local container=$1 deadline=$((SECONDS + $2)) state
  while ((SECONDS < deadline)); do
    state=$(docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container" 2>/dev/null)
    case $state in
      running/healthy) return 0 ;;
      running/*) sleep 1 ;;
      *) return 1 ;;
    esac
  done
  return 1
}

# http NAME METHOD URL [curl args…]: body to $WORK/NAME.body, headers to $WORK/NAME.headers, prints the status.
http() {
  local name=$1 method=$2 url=$3; shift 3
  curl -s -o "$WORK/$name.body" -D "$WORK/$name.headers" -w '%{http_code}' --max-time 15 -X "$method" "$url" "$@"
}
header() { grep -i "^$2:" "$WORK/$1.headers" | head -n 1 | cut -d: -f2- | tr -d ' \r'; }
# json_ok NAME 'JS expression over body': true when the expression holds for the parsed body.
# On failure the body is printed, so the log says what came back instead.
json_ok() {
  node -e "const body = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); process.exit(($2) ? 0 : 1)" "$WORK/$1.body" \
    || { printf '     got: %.300s\n' "$(cat "$WORK/$1.body")"; return 1; }
}
image_env_has() { docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | grep -qx "$1"; }
mib() { awk -v bytes="$1" 'BEGIN { printf "%.1f MiB", bytes / 1048576 }'; }

step 'engine'
bash "$ENGINE" start || abort 'container engine starts'
mapfile -t bases < <(base_images)
((${#bases[@]} > 0)) || abort 'Dockerfile names a base image'
mapfile -t services < <(service_images)
bash "$ENGINE" base-image "${bases[@]}" "${services[@]}" || abort "base image(s) ${bases[*]} ${services[*]} available"

step "build $IMAGE"
started=$SECONDS
if ! docker build --force-rm -t "$IMAGE" --build-arg "REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)" . >"$WORK/build.log" 2>&1; then
  tail -n 40 "$WORK/build.log"
  abort 'image builds from a clean context'
fi
pass "image builds ($((SECONDS - started)) s)"

# Every stage starts from the one base image, so what the image adds to it is the application.
base=${bases[0]}
image_bytes=$(docker image inspect -f '{{.Size}}' "$IMAGE")
base_bytes=$(docker image inspect -f '{{.Size}}' "$base")
app_layers=$(($(docker history -q "$IMAGE" | wc -l) - $(docker history -q "$base" | wc -l)))
echo "image size: $(mib "$image_bytes"); application layers: $(mib $((image_bytes - base_bytes))) on top of $base" \
  "(node $(docker run --rm --entrypoint node "$IMAGE" --version))"
docker history --format '{{.Size}}\t{{.CreatedBy}}' "$IMAGE" | head -n "$app_layers" | grep -v '^0B' | cut -c1-110

check 'image runs as the node user' test "$(docker image inspect -f '{{.Config.User}}' "$IMAGE")" = node
check 'image sets NODE_ENV=production' image_env_has NODE_ENV=production
check 'image carries OCI labels' test -n "$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.title"}}' "$IMAGE")"
check 'image holds no tests, sources, .env or dev dependencies' docker run --rm --entrypoint sh "$IMAGE" -c \
  'test ! -e test && test ! -e src && test ! -e .env && test ! -e node_modules/typescript && test -f dist/main.js'

step 'image alone'
# Production mode needs both settings; /healthz never calls the order service, so a dead address is enough.
docker run -d --name "$ALONE" -p 127.0.0.1::8080 --health-interval 2s \
  -e PRIMER_API_KEY=smoke-key -e ORDER_SERVICE_URL=http://127.0.0.1:9 -e DEMO_PAGE=true "$IMAGE" >/dev/null \
  || abort 'image starts alone'
check 'alone: Docker health check reports healthy' wait_healthy "$ALONE" 40
alone_url="http://$(docker port "$ALONE" 8080/tcp | head -n 1)"
check 'alone: GET /healthz answers 200' test "$(http alone-healthz GET "$alone_url/healthz")" = 200
check 'alone: /healthz body is {"status":"ok"}' json_ok alone-healthz 'body.status === "ok"'
check 'alone: with DEMO_PAGE=true the checkout page is served' test "$(http alone-page GET "$alone_url/")" = 200
status=$(http alone-sdk GET "$alone_url/demo/vendor/primer/Primer.js")
check "alone: the demo-only Primer SDK is not in the image, and its file says so (got $status)" \
  grep -q '@primer-io/checkout-web is not installed here' "$WORK/alone-sdk.body"
status=$(http alone-metrics GET "$alone_url/metrics")
check "alone: /metrics on the published API port answers 404 not_found (got $status)" json_ok alone-metrics 'body.code === "not_found"'
check 'alone: /metrics answers on METRICS_PORT 9464 inside the container' \
  docker exec "$ALONE" node -e 'fetch("http://127.0.0.1:9464/metrics").then((r) => r.text()).then((t) => process.exit(t.includes("# TYPE checkout_sessions_total") ? 0 : 1), () => process.exit(1))'
alone_uid=$(docker exec "$ALONE" id -u)
check "alone: process runs as a non-root uid ($alone_uid)" test "${alone_uid:-0}" -ne 0
check 'alone: PID 1 is node itself' test "$(docker exec "$ALONE" cat /proc/1/cmdline | tr '\0' ' ')" = 'node dist/main.js '
docker rm -f "$ALONE" >/dev/null

# fails_closed NAME ENV…: the image started with these settings exits 1 at once, naming the variable NAME on stderr.
fails_closed() {
  local name=$1 output code; shift
  output=$(timeout 20 docker run --rm "$@" "$IMAGE" 2>&1 >/dev/null); code=$?
  test "$code" = 1 && grep -q "^config: $name:" <<<"$output" || { printf '     got exit %s: %.300s\n' "$code" "$output"; return 1; }
}
check 'fail closed: a real key with no ORDER_SERVICE_URL outside production exits 1 naming ORDER_SERVICE_URL' \
  fails_closed ORDER_SERVICE_URL -e NODE_ENV= -e PRIMER_API_KEY=smoke-key
check 'fail closed: DEMO_CARTS=true in production exits 1 naming DEMO_CARTS' \
  fails_closed DEMO_CARTS -e PRIMER_API_KEY=smoke-key -e DEMO_CARTS=true -e ORDER_SERVICE_URL=http://127.0.0.1:9

step 'compose stack'
# The documented start is `cp .env.example .env`: the template must leave bff on the emulator.
template_primer_url=$(docker compose --env-file .env.example -p "$PROJECT" config 2>/dev/null \
  | awk '$1 == "PRIMER_API_URL:" { print $2; exit }')
check "stack: with .env.example as .env, bff calls the emulator (PRIMER_API_URL ${template_primer_url:-unset})" \
  test "$template_primer_url" = http://primer:4010
compose up -d --no-build || abort 'compose stack starts'
for service in primer orders bff; do
  check "stack: $service is healthy" wait_healthy "$(compose ps -q "$service")" 60
done
bff_url="http://$(compose port bff 8080)"
orders_url="http://$(compose port orders 4020)"

check 'stack: bff GET /readyz answers 200' test "$(http readyz GET "$bff_url/readyz")" = 200
check 'stack: orders serves demo-gbp over HTTP' test "$(http orders-cart GET "$orders_url/carts/demo-gbp")" = 200

status=$(http session POST "$bff_url/checkout/session" -H 'Content-Type: application/json' --data '{"cartId":"demo-gbp"}')
check "stack: POST /checkout/session for demo-gbp answers 200 (got $status)" test "$status" = 200
check 'stack: the answer is a client token and its UTC expiry, nothing else' json_ok session \
  'Object.keys(body).sort().join() === "clientToken,clientTokenExpirationDate" && body.clientToken.length > 0 && body.clientTokenExpirationDate.endsWith("Z")'
check 'stack: the token answer is Cache-Control: no-store' test "$(header session cache-control)" = no-store

status=$(http unknown-cart POST "$bff_url/checkout/session" -H 'Content-Type: application/json' --data '{"cartId":"no-such-cart"}')
check "stack: a cart the order service does not know answers 404 (got $status)" test "$status" = 404

status=$(http bad-cart POST "$bff_url/checkout/session" \
  -H 'Origin: http://localhost:3000' -H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: cross-site' \
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64)' -H 'Accept: application/json' \
  -H 'Content-Type: application/json' --data '{"cartId":"../carts/demo-gbp"}')
check "stack: a browser request with a bad cart id answers 400 (got $status)" test "$status" = 400
check 'stack: the 400 is problem+json with code invalid_request' json_ok bad-cart 'body.code === "invalid_request" && body.status === 400'
check 'stack: the 400 has Content-Type application/problem+json' grep -qi '^content-type: application/problem+json' "$WORK/bad-cart.headers"

# The payment loop: a payment made for that token (as the SDK would) reaches the order service by signed webhook,
# and the page's confirmation agrees with it.
emulator_url="http://$(compose port primer 4010)"
token=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).clientToken)" "$WORK/session.body")
status=$(http pay POST "$emulator_url/_emulator/payments" -H 'Content-Type: application/json' \
  --data "{\"clientToken\":\"$token\",\"status\":\"AUTHORIZED\"}")
check "stack: the emulator makes an AUTHORIZED payment for the token (got $status)" test "$status" = 201
payment_id=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).id)" "$WORK/pay.body")
order_id=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).orderId)" "$WORK/pay.body")
webhook_recorded() {
  http events GET "$orders_url/orders/$order_id/payment-events" >/dev/null
  node -e "const { events } = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    process.exit(events.some((e) => e.paymentId === process.argv[2] && e.source === 'webhook' && e.status === 'AUTHORIZED') ? 0 : 1)" \
    "$WORK/events.body" "$payment_id" 2>/dev/null
}
waited=0
until webhook_recorded || ((waited >= 10)); do sleep 1; waited=$((waited + 1)); done
check "stack: the signed webhook reached the order service as an AUTHORIZED event (${waited} s)" webhook_recorded
status=$(http confirm POST "$bff_url/checkout/payment" -H 'Content-Type: application/json' \
  --data "{\"cartId\":\"demo-gbp\",\"paymentId\":\"$payment_id\"}")
check "stack: POST /checkout/payment confirms it as paid (got $status)" json_ok confirm \
  "body.paymentId === '$payment_id' && body.status === 'AUTHORIZED' && body.outcome === 'paid'"

step 'SIGTERM'
for service in bff primer orders; do
  container=$(compose ps -q "$service")
  started_ms=$(date +%s%3N)
  docker kill --signal TERM "$container" >/dev/null
  exit_code=$(timeout 10 docker wait "$container")
  elapsed_ms=$(($(date +%s%3N) - started_ms))
  check "stack: $service exits 0 on SIGTERM (exit ${exit_code:-none} after ${elapsed_ms} ms)" test "${exit_code:-none}" = 0
  check "stack: $service exits within 10 s of SIGTERM" test "$elapsed_ms" -lt 10000
done

step 'replicas stack: two bff replicas behind nginx, sharing Redis'
# post_sessions BASE_URL CART [COUNT] [CONCURRENCY] [X-Forwarded-For]: one JSON line {statuses, tokens}, from the host;
# post_sessions_in CONTAINER …: the same sent from inside that container (it has node, not the script).
post_sessions() { node test/docker/post-sessions.mjs "$@"; }
post_sessions_in() { local container=$1; shift; docker exec -i "$container" node --input-type=module - "$@" <test/docker/post-sessions.mjs; }
# metric CONTAINER PREFIX: the sum of the replica's /metrics samples (METRICS_PORT 9464) whose line starts with PREFIX.
metric() {
  docker exec "$1" node -e 'fetch("http://127.0.0.1:9464/metrics").then((r) => r.text()).then((t) => process.stdout.write(t))' \
    | awk -v prefix="$2" 'index($0, prefix) == 1 { sum += $NF } END { print sum + 0 }'
}
# metric_total PREFIX: the same summed over the running replicas.
metric_total() { local total=0 id; for id in "${replica_ids[@]}"; do total=$((total + $(metric "$id" "$1"))); done; echo "$total"; }
primer_calls() { metric_total 'upstream_request_duration_seconds_count{upstream="primer"'; }

replicas up -d --no-build || abort 'replicas stack starts'
mapfile -t replica_ids < <(replicas ps -q bff)
check "replicas: compose runs two bff replicas (${#replica_ids[@]})" test "${#replica_ids[@]}" = 2
for id in "${replica_ids[@]}"; do check "replicas: bff replica ${id:0:12} is healthy" wait_healthy "$id" 60; done
for service in redis nginx; do check "replicas: $service is healthy" wait_healthy "$(replicas ps -q "$service")" 60; done
lb_url="http://$(replicas port nginx 8080)"
check 'replicas: only nginx, the emulator and the demo order service publish ports, on 127.0.0.1' \
  test "$(replicas ps -q | xargs -n1 docker port | awk '{ print $3 }' | grep -vc '^127\.0\.0\.1:')" = 0

status=$(http lb-session POST "$lb_url/checkout/session" -H 'Content-Type: application/json' --data '{"cartId":"demo-gbp"}')
check "replicas: POST /checkout/session through nginx answers 200 (got $status)" test "$status" = 200
check 'replicas: the answer through nginx is a client token and its expiry' json_ok lb-session \
  'Object.keys(body).sort().join() === "clientToken,clientTokenExpirationDate"'
token=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).clientToken ?? "")' "$WORK/lb-session.body")

for id in "${replica_ids[@]}"; do
  post_sessions_in "$id" http://127.0.0.1:8080 demo-gbp >"$WORK/replica-${id:0:12}.body"
  check "replicas: replica ${id:0:12}, asked directly, returns the same token for demo-gbp" json_ok "replica-${id:0:12}" \
    "body.statuses[200] === 1 && body.tokens.length === 1 && body.tokens[0] === '$token'"
done
created=$(metric_total 'checkout_sessions_total{outcome="created"}')
reused=$(metric_total 'checkout_sessions_total{outcome="reused"}')
check "replicas: one session created and reused by both replicas (created $created, reused $reused)" test "$created/$reused" = 1/2

calls_before=$(primer_calls)
post_sessions "$lb_url" demo-jpy 20 20 >"$WORK/burst.body"
calls=$(($(primer_calls) - calls_before))
check 'replicas: 20 concurrent calls for one cart through nginx all answer 200 with one token' json_ok burst \
  'body.statuses[200] === 20 && Object.keys(body.statuses).length === 1 && body.tokens.length === 1'
check "replicas: ...and cause one Primer call across both replicas (got $calls)" test "$calls" = 1

# The budget is per client across the replicas: a container's own budget runs out after exactly RATE_LIMIT calls.
client=${replica_ids[0]}
served='http_request_duration_seconds_count{method="POST",route="/checkout/session"'
served_before=$(for id in "${replica_ids[@]}"; do metric "$id" "$served"; done)
post_sessions_in "$client" http://nginx:8080 demo-gbp $((RATE_LIMIT + 5)) >"$WORK/rate.body"
served_after=$(for id in "${replica_ids[@]}"; do metric "$id" "$served"; done)
spread=$(paste <(echo "$served_before") <(echo "$served_after") | awk '{ printf "%s%d", (NR > 1 ? "+" : ""), $2 - $1 }')
check "replicas: $((RATE_LIMIT + 5)) calls through nginx from one client: exactly 5 answer 429" json_ok rate \
  "body.statuses[200] === $RATE_LIMIT && body.statuses[429] === 5"
check "replicas: ...though nginx spread them over both replicas ($spread)" \
  awk -v spread="$spread" 'BEGIN { n = split(spread, part, "+"); exit !(n == 2 && part[1] > 0 && part[2] > 0) }'
post_sessions_in "$client" http://nginx:8080 demo-gbp 1 1 203.0.113.7 >"$WORK/rate-forged.body"
check 'replicas: a forged X-Forwarded-For buys no new budget (nginx sets the client address)' json_ok rate-forged 'body.statuses[429] === 1'
status=$(http rate-other POST "$lb_url/checkout/session" -H 'Content-Type: application/json' --data '{"cartId":"demo-gbp"}')
check "replicas: another client (the host) still gets 200 (got $status): the replicas see the address nginx forwards" test "$status" = 200

status=$(http lb-metrics GET "$lb_url/metrics")
check "replicas: /metrics through nginx answers 404 not_found (got $status): nginx never forwards it" json_ok lb-metrics 'body.code === "not_found"'

stopped=${replica_ids[1]}
started_ms=$(date +%s%3N)
docker stop --time 25 "$stopped" >/dev/null
elapsed_ms=$(($(date +%s%3N) - started_ms))
check "replicas: a stopped replica exits 0 (exit $(docker inspect -f '{{.State.ExitCode}}' "$stopped") after ${elapsed_ms} ms)" \
  test "$(docker inspect -f '{{.State.ExitCode}}' "$stopped")" = 0
post_sessions "$lb_url" demo-gbp 10 2 >"$WORK/failover.body"
check 'replicas: with one replica stopped, nginx still answers 200 with the same token, ten times out of ten' json_ok failover \
  "body.statuses[200] === 10 && body.tokens.length === 1 && body.tokens[0] === '$token'"

step 'replicas stack: steady traffic through nginx while a replica is killed and another restarted'
# Rate limit off for this part (the clients all come from one address): compose recreates the replicas with it,
# the one stopped above too.
RATE_LIMIT_NOW=0 replicas up -d --no-build 2>&1 | tail -n 2
mapfile -t replica_ids < <(replicas ps -q bff)
for id in "${replica_ids[@]}"; do check "traffic: bff replica ${id:0:12} is healthy again" wait_healthy "$id" 60; done
TRAFFIC_CLIENTS=8
TRAFFIC_SECONDS=20
node test/docker/steady-traffic.mjs "$lb_url" "$TRAFFIC_CLIENTS" "$TRAFFIC_SECONDS" >"$WORK/traffic.body" &
traffic=$!
sleep 4
killed=${replica_ids[0]}
docker kill --signal KILL "$killed" >/dev/null
check "traffic: replica ${killed:0:12} killed with SIGKILL (exit $(docker wait "$killed"))" test "$(docker inspect -f '{{.State.ExitCode}}' "$killed")" = 137
sleep 2
docker start "$killed" >/dev/null
check "traffic: the killed replica is started again and healthy" wait_healthy "$killed" 60
restarted=${replica_ids[1]}
started_ms=$(date +%s%3N)
docker kill --signal TERM "$restarted" >/dev/null
exit_code=$(timeout 30 docker wait "$restarted")
check "traffic: replica ${restarted:0:12} restarted with SIGTERM exits 0 (exit ${exit_code:-none} after $(($(date +%s%3N) - started_ms)) ms)" test "${exit_code:-none}" = 0
docker start "$restarted" >/dev/null
check "traffic: the restarted replica is healthy again" wait_healthy "$restarted" 60
wait "$traffic"
check "traffic: $TRAFFIC_CLIENTS clients for $TRAFFIC_SECONDS s through nginx: 0 failed requests ($(cat "$WORK/traffic.body"))" json_ok traffic \
  'body.requests > 0 && body.failed === 0'
