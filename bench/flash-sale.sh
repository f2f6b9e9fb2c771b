#!/usr/bin/env bash
# Flash-sale load over HTTP against the packaged server, with the durability settings the crash test relies on.
#   bench/flash-sale.sh [h2|postgres] [stock] [concurrency] [buyers] [plain|live]
# plain: buyers place and pay plain orders of one hot SKU until its stock is gone (the orders issue's figure).
# live:  a live room's flash sale (秒杀) of [stock] units; buyers place room orders until it is sold out.
# LAOTIE_BENCH_JFR=target/flash.jfr also records a JFR profile of the server (written when it stops).
# postgres uses LAOTIE_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres), in a
# fresh schema. Prints one FLASH-SALE line with throughput, latency and the oversold count.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}; stock=${2:-20000}; concurrency=${3:-64}; buyers=${4:-200}; mode=${5:-plain}
case "$mode" in plain) load=FlashSaleLoad ;; live) load=LiveFlashSaleLoad ;; *) echo "mode is plain or live" >&2; exit 2 ;; esac

if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    v=$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA_HOME=$candidate; fi
  done
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)

data=$(mktemp -d); port=18$((RANDOM % 900 + 100)); password=bench-operator-pass
server_args=(--server.port=$port --laotie.data-dir="$data" --laotie.demo.enabled=false --laotie.ledger.demo-top-ups=true
  --laotie.operator.password=$password --laotie.identity.rate-limits.signups-per-ip-per-hour=1000000
  --laotie.identity.rate-limits.logins-per-ip-per-hour=1000000)
if [ "$db" = postgres ]; then
  url=${LAOTIE_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
  schema="laotie_bench_$(date +%s)"
  psql -h 127.0.0.1 -U postgres -d test -qc "create schema $schema"
  server_args+=(--spring.datasource.url="$url&currentSchema=$schema" --spring.datasource.username=
    --spring.flyway.schemas=$schema --spring.flyway.default-schema=$schema)
fi
jfr=()
[ -n "${LAOTIE_BENCH_JFR:-}" ] && jfr=(-XX:StartFlightRecording=filename="$LAOTIE_BENCH_JFR",settings=profile,dumponexit=true)
java -Xmx1g "${jfr[@]}" -jar target/laotie.jar "${server_args[@]}" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ "$db" = postgres ] && psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $schema cascade" || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -n 1); database: $db"
java -cp "target/test-classes:target/classes:$classpath" io.laotie.bench.$load \
  "http://127.0.0.1:$port" "$password" "$stock" "$concurrency" "$buyers"
