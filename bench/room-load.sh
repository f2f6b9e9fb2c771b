#!/usr/bin/env bash
# Live-room load over WebSockets against the packaged server on the embedded default (H2 file).
#   bench/room-load.sh [viewers] [comments/s] [likes/s] [seconds]        defaults: 500 200 5000 30
# Environment: LAOTIE_BENCH_WARMUP (seconds, 10), LAOTIE_BENCH_JFR=file.jfr to profile the server during the run,
# LAOTIE_BENCH_SERVER_OPTS (JVM options of the server, -Xmx2g), LAOTIE_BENCH_SERVER_ARGS (more --properties),
# LAOTIE_BENCH_JAR (another build of the server to compare, instead of target/laotie.jar).
# Prints the summary, one ROOM-LOAD JSON line (also appended to target/room-load/results.jsonl) and a markdown row.
set -euo pipefail
cd "$(dirname "$0")/.."
viewers=${1:-500}; comments=${2:-200}; likes=${3:-5000}; seconds=${4:-30}

if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    v=$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA_HOME=$candidate; fi
  done
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# each viewer is one socket in the server and one in the generator
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((viewers + 1000)) ]; then
  echo "open files limit $(ulimit -n) is too low for $viewers viewers; raise the hard limit (ulimit -Hn)" >&2
  exit 1
fi

jar=${LAOTIE_BENCH_JAR:-target/laotie.jar}
if [ -z "${LAOTIE_BENCH_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" | head -n 1)" ]; }; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)

port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

data=$(mktemp -d); out=target/room-load; mkdir -p "$out"
# Tomcat's default of 8,192 connections would turn viewers beyond it away; the password hash is cheap because the
# run signs up hundreds of commenters, which is not what is measured
java ${LAOTIE_BENCH_SERVER_OPTS:--Xmx2g} -jar "$jar" --server.port="$port" --laotie.data-dir="$data" \
  --laotie.demo.enabled=false --laotie.operator.password=bench-operator-pass \
  --server.tomcat.max-connections=$((viewers + 1000)) \
  --laotie.identity.password-hash.memory-kib=1024 --laotie.identity.password-hash.iterations=1 \
  --laotie.identity.rate-limits.signups-per-ip-per-hour=1000000 \
  --laotie.identity.rate-limits.logins-per-ip-per-hour=1000000 \
  ${LAOTIE_BENCH_SERVER_ARGS:-} > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  kill -0 $server 2>/dev/null || { echo "the server did not start; see $out/server.log" >&2; exit 1; }
  sleep 1
done

echo "server: pid $server, port $port, log $out/server.log"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -n 1)"
jfr=()
[ -n "${LAOTIE_BENCH_JFR:-}" ] && jfr=(-Dbench.jfr="$(realpath -m "$LAOTIE_BENCH_JFR")")
java -Xmx2g -Dbench.warmup="${LAOTIE_BENCH_WARMUP:-10}" "${jfr[@]}" \
  -cp "target/test-classes:target/classes:$classpath" io.laotie.bench.RoomLoad \
  "http://127.0.0.1:$port" "$server" "$viewers" "$comments" "$likes" "$seconds" | tee "$out/last.txt"
grep '^ROOM-LOAD ' "$out/last.txt" | sed 's/^ROOM-LOAD //' >> "$out/results.jsonl"
