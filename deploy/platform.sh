#!/usr/bin/env bash
# RefNet BiH local platform: real PostgreSQL, Kafka and Keycloak plus the four services, without Docker.
# Needs only a JDK 21+; everything else comes from Maven Central through the Maven Wrapper.
#
#   deploy/platform.sh start [--no-build] [--no-demo]   start what is not running, wait until healthy, load demo data
#   deploy/platform.sh stop [COMPONENT]                  stop everything (or one component), data is kept
#   deploy/platform.sh status                            what runs where
#   deploy/platform.sh test                              build and run every test (the README's test command)
#   deploy/platform.sh topics                            list Kafka topics (Kafka's own TopicCommand)
#   deploy/platform.sh consume TOPIC [ARGS]              print a topic's events from the start (Kafka's console consumer)
#   deploy/platform.sh rebuild-reports                   rebuild the reporting projections from the start of the topics
#   deploy/platform.sh bench [--quick]                   benchmark the running platform against pgbench and a blank app
#
# Settings (environment): REFNET_HOME (runtime folder, default <repo>/.platform), REFNET_PG_PORT (15432),
# REFNET_KAFKA_PORT (19092), REFNET_KEYCLOAK_PORT (18080), REFNET_SERVICE_PORT_BASE (8080: services on +1..+4, the
# web app on +5),
# REFNET_SERVICE_JAVA_OPTS (the services' JVM options).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOME_DIR=${REFNET_HOME:-$ROOT/.platform}
PG_PORT=${REFNET_PG_PORT:-15432}
KAFKA_PORT=${REFNET_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
KC_PORT=${REFNET_KEYCLOAK_PORT:-18080}
KC_MGMT_PORT=$((KC_PORT + 1000))
PORT_BASE=${REFNET_SERVICE_PORT_BASE:-8080}
# two cores: the serial collector spares the concurrent collector's threads and barriers (measured in the benchmark)
SERVICE_JAVA_OPTS=${REFNET_SERVICE_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}
KEYCLOAK_VERSION=26.7.3
SERVICES=(organization-registry-service case-service referral-service reporting-service)
declare -A DATABASE=([organization-registry-service]=registry [case-service]=cases
                     [referral-service]=referrals [reporting-service]=reporting)
WEB_PORT=$((PORT_BASE + 5))
COMPONENTS=(postgres kafka keycloak "${SERVICES[@]}" web)

LOGS=$HOME_DIR/logs
RUN=$HOME_DIR/run
LAUNCHER_CP="$ROOT/deploy/launcher/target/classes:$ROOT/deploy/launcher/target/lib/*"

say() { printf '%s\n' "$*"; }
die() { printf 'platform: %s\n' "$*" >&2; exit 1; }

service_port() {
  local i
  for i in "${!SERVICES[@]}"; do [ "${SERVICES[$i]}" = "$1" ] && { echo $((PORT_BASE + i + 1)); return; }; done
}

# --- a JDK 21+: JAVA_HOME if it is one, else the newest found in the usual places
java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then return; fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found: install one and set JAVA_HOME"
  export JAVA_HOME=$best
}

pid_of() { cat "$RUN/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# Each component runs in its own session (setsid), so stopping it stops everything it forked.
launch() {
  local name=$1; shift
  mkdir -p "$LOGS" "$RUN"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

await() {
  local what=$1; shift
  "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.Await "$@" \
    || die "$what did not become ready; see $LOGS/$what.log"
}

stop_one() {
  local name=$1 pid i
  pid=$(pid_of "$name")
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then rm -f "$RUN/$name.pid"; return; fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  rm -f "$RUN/$name.pid"
  say "stopped $name"
}

build() {
  say "Building the platform from this checkout (./mvnw install -DskipTests) ..."
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || die "the build failed"
}

start_postgres() {
  running postgres && return
  local dbs=() s
  for s in "${SERVICES[@]}"; do dbs+=("${DATABASE[$s]}"); done
  launch postgres "$JAVA_HOME/bin/java" -Xmx128m -cp "$LAUNCHER_CP" ba.refnet.launcher.PostgresServer \
    "$HOME_DIR/data/postgres" "$PG_PORT" "${dbs[@]}"
  await postgres tcp localhost "$PG_PORT" 90
  # the port opens before the databases exist: wait for the launcher's ready line
  local i; for i in $(seq 1 60); do grep -q "PostgreSQL ready on port $PG_PORT" "$LOGS/postgres.log" && break; sleep 0.5; done
  say "PostgreSQL   localhost:$PG_PORT"
}

start_kafka() {
  running kafka && return
  local dir=$HOME_DIR/data/kafka conf=$HOME_DIR/kafka.properties
  mkdir -p "$dir"
  sed -e "s#@DATA@#$dir#" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$ROOT/deploy/kafka/server.properties" > "$conf"
  local kafka_java=("$JAVA_HOME/bin/java" -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties"
                    -Dkafka.logs.dir="$LOGS" -cp "$LAUNCHER_CP")
  if [ ! -f "$dir/meta.properties" ]; then
    mkdir -p "$LOGS"
    local cluster_id
    cluster_id=$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka.log" | tail -n 1)
    "${kafka_java[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$conf" >> "$LOGS/kafka.log" 2>&1 \
      || die "could not format Kafka storage; see $LOGS/kafka.log"
  fi
  launch kafka "${kafka_java[@]}" kafka.Kafka "$conf"
  await kafka tcp localhost "$KAFKA_PORT" 90
  say "Kafka        localhost:$KAFKA_PORT"
}

install_keycloak() {
  local kc=$HOME_DIR/keycloak-$KEYCLOAK_VERSION
  if [ ! -x "$kc/bin/kc.sh" ] && [ ! -f "$kc/bin/kc.sh" ]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (first start only) ..."
    mkdir -p "$HOME_DIR/downloads"
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip \
      -DoutputDirectory="$HOME_DIR/downloads") || die "could not fetch Keycloak"
    (cd "$HOME_DIR" && "$JAVA_HOME/bin/jar" xf "downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
  fi
  mkdir -p "$kc/data/import"
  cp "$ROOT/deploy/keycloak/refnet-realm.json" "$kc/data/import/"
}

start_keycloak() {
  running keycloak && return
  install_keycloak
  # start-dev keeps its H2 data in the install folder; the realm is imported once and then kept
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME="$JAVA_HOME" \
    bash "$HOME_DIR/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" start-dev --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" --import-realm --health-enabled=true
  await keycloak http "http://localhost:$KC_PORT/realms/refnet/.well-known/openid-configuration" 240
  say "Keycloak     http://localhost:$KC_PORT  (admin console: admin / admin)"
}

start_service() {
  local name=$1 port jar
  port=$(service_port "$name")
  running "$name" && return
  jar=$ROOT/$name/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  # class data sharing: the JVM writes the classes a service loaded to an archive when it stops and maps them from
  # there on its next start (a rebuilt jar makes it write a new one)
  mkdir -p "$HOME_DIR/cds"
  launch "$name" env QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/${DATABASE[$name]}" \
    QUARKUS_DATASOURCE_USERNAME="${DATABASE[$name]}" QUARKUS_DATASOURCE_PASSWORD="${DATABASE[$name]}" \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KC_PORT/realms/refnet" \
    REFNET_WEBHOOKS_REQUIRE_HTTPS=false REFNET_WEB_ORIGIN="http://localhost:$WEB_PORT" \
    "$JAVA_HOME/bin/java" $SERVICE_JAVA_OPTS -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$HOME_DIR/cds/$name.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar"
}

# The web app: static files and the addresses the browser needs; it has no data, so it starts last and fast.
start_web() {
  running web && return
  local jar=$ROOT/web/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  launch web env QUARKUS_HTTP_PORT="$WEB_PORT" REFNET_WEB_KEYCLOAK_URL="http://localhost:$KC_PORT" \
    REFNET_WEB_SERVICES_REGISTRY="http://localhost:$(service_port organization-registry-service)" \
    REFNET_WEB_SERVICES_CASES="http://localhost:$(service_port case-service)" \
    REFNET_WEB_SERVICES_REFERRALS="http://localhost:$(service_port referral-service)" \
    REFNET_WEB_SERVICES_REPORTING="http://localhost:$(service_port reporting-service)" \
    "$JAVA_HOME/bin/java" -Xmx64m -XX:+UseSerialGC -jar "$jar"
}

cmd_start() {
  local do_build=1 do_demo=1 arg s
  for arg in "$@"; do
    case $arg in
      --no-build) do_build=0 ;;
      --no-demo) do_demo=0 ;;
      *) die "unknown option $arg" ;;
    esac
  done
  pick_jdk
  local all_running=1 c
  for c in "${COMPONENTS[@]}"; do running "$c" || all_running=0; done
  if [ $all_running = 1 ]; then
    say "The platform is already running (data in $HOME_DIR)."
    cmd_status
    return
  fi
  [ $do_build = 1 ] && build
  start_postgres
  start_kafka
  start_keycloak
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  start_web
  for s in "${SERVICES[@]}"; do
    await "$s" http "http://localhost:$(service_port "$s")/q/health/ready" 120
    say "$(printf '%-30s' "$s") http://localhost:$(service_port "$s")/q/swagger-ui"
  done
  await web http "http://localhost:$WEB_PORT/q/health/ready" 60
  say "$(printf '%-30s' web) http://localhost:$WEB_PORT"
  if [ $do_demo = 1 ]; then
    say "Loading demo data ..."
    "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.DemoData "http://localhost:$KC_PORT" \
      "http://localhost:$(service_port organization-registry-service)" "http://localhost:$(service_port case-service)" \
      "http://localhost:$(service_port referral-service)" || die "demo data could not be loaded"
  fi
  welcome
}

welcome() {
  cat <<TXT

RefNet BiH is up. Logs: $LOGS   Data: $HOME_DIR/data   Stop: deploy/platform.sh stop

  web app                http://localhost:$WEB_PORT   (dashboard, directory, referral desk: sign in as a demo user)
  organisation registry  http://localhost:$((PORT_BASE + 1))/q/swagger-ui
  case service           http://localhost:$((PORT_BASE + 2))/q/swagger-ui
  referral service       http://localhost:$((PORT_BASE + 3))/q/swagger-ui
  reporting service      http://localhost:$((PORT_BASE + 4))/q/swagger-ui
  event contracts        http://localhost:$((PORT_BASE + 1))/events/asyncapi.yaml
  Keycloak               http://localhost:$KC_PORT   (realm refnet; admin console admin / admin)
  Kafka                  localhost:$KAFKA_PORT       PostgreSQL localhost:$PG_PORT

Demo users (password: demo): admin.mreza (network-admin), admin.sos / admin.savjetovaliste (org-admin),
  radnik.csr, radnik.sos, radnik.savjetovaliste, radnik.skola, radnik.pgk (case-worker), koordinator, analiticar.
Partner systems (client credentials): partner-csr-mostar / csr-mostar-demo-secret, partner-sos-mostar / sos-mostar-demo-secret.

Try it:
  TOKEN=\$(curl -s -d client_id=refnet-tools -d grant_type=password -d username=radnik.csr -d password=demo \\
    http://localhost:$KC_PORT/realms/refnet/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" "http://localhost:$((PORT_BASE + 3))/referrals?direction=outgoing"
TXT
}

cmd_stop() {
  local c
  if [ $# -gt 0 ]; then
    for c in "$@"; do
      [[ " ${COMPONENTS[*]} " == *" $c "* ]] || die "unknown component $c (one of: ${COMPONENTS[*]})"
      stop_one "$c"
    done
    return
  fi
  for c in web reporting-service referral-service case-service organization-registry-service keycloak kafka postgres; do
    stop_one "$c"
  done
  say "The platform is stopped; data stays in $HOME_DIR/data."
}

cmd_status() {
  local c state where
  for c in "${COMPONENTS[@]}"; do
    if running "$c"; then state="running (pid $(pid_of "$c"))"; else state="stopped"; fi
    case $c in
      postgres) where="localhost:$PG_PORT" ;;
      kafka) where="localhost:$KAFKA_PORT" ;;
      keycloak) where="http://localhost:$KC_PORT" ;;
      web) where="http://localhost:$WEB_PORT" ;;
      *) where="http://localhost:$(service_port "$c")" ;;
    esac
    printf '%-30s %-22s %s\n' "$c" "$state" "$where"
  done
}

cmd_topics() {
  pick_jdk
  "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" -cp "$LAUNCHER_CP" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" --list
}

cmd_consume() {
  [ $# -ge 1 ] || die "usage: deploy/platform.sh consume TOPIC [console-consumer options]"
  pick_jdk
  local topic=$1; shift
  exec "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" -cp "$LAUNCHER_CP" \
    org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "localhost:$KAFKA_PORT" --topic "$topic" \
    --from-beginning --property print.key=true --property print.headers=true "$@"
}

# The reporting service holds only projections of events: empty its database, forget its consumer offsets and
# start it again; it replays every topic from the start and arrives at the same figures.
cmd_rebuild_reports() {
  pick_jdk
  running postgres && running kafka || die "start the platform first (deploy/platform.sh start)"
  local name=reporting-service db=${DATABASE[reporting-service]}
  stop_one "$name"
  "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.EmptySchema \
    "jdbc:postgresql://localhost:$PG_PORT/$db" "$db" "$db" || die "could not empty the $db database"
  "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" -cp "$LAUNCHER_CP" \
    org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "localhost:$KAFKA_PORT" \
    --delete --group reporting-service || say "(the consumer group had no offsets yet)"
  start_service "$name"
  await "$name" http "http://localhost:$(service_port "$name")/q/health/ready" 120
  say "reporting-service rebuilt from the topics; it catches up in the background (see $LOGS/$name.log)"
}

# The benchmark runs against the running platform and is never part of the tests. It needs wrk and pgbench from
# Debian's packages: installed here when missing (as root).
cmd_bench() {
  pick_jdk
  local quick=false arg
  for arg in "$@"; do
    case $arg in
      --quick) quick=true ;;
      *) die "unknown option $arg" ;;
    esac
  done
  for c in "${COMPONENTS[@]}"; do running "$c" || die "$c is not running: start the platform first (deploy/platform.sh start)"; done
  if ! command -v wrk >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/pgbench ]; then
    [ "$(id -u)" = 0 ] || die "the benchmark needs wrk and pgbench: apt-get install -y wrk postgresql-15"
    say "Installing wrk and pgbench from Debian's packages ..."
    (apt-get update -q && apt-get install -y -q wrk postgresql-15) > "$LOGS/bench-install.log" 2>&1 \
      || die "could not install wrk and pgbench; see $LOGS/bench-install.log"
  fi
  say "Building the benchmark and the blank Quarkus app it compares with ..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl deploy/launcher,benchmarks,benchmarks/blank-app) \
    || die "the benchmark did not build"
  PATH=/usr/lib/postgresql/15/bin:$PATH "$JAVA_HOME/bin/java" -Xmx512m \
    -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" \
    -Dbench.root="$ROOT" -Dbench.home="$HOME_DIR" -Dbench.pg-port="$PG_PORT" \
    -Dbench.keycloak="http://localhost:$KC_PORT" -Dbench.kafka="localhost:$KAFKA_PORT" \
    -Dbench.port-base="$PORT_BASE" -Dbench.quick="$quick" -Dbench.service-java-opts="$SERVICE_JAVA_OPTS" \
    -cp "$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*" ba.refnet.bench.PlatformBenchmark
}

cmd_test() {
  pick_jdk
  say "Running every test with JAVA_HOME=$JAVA_HOME"
  cd "$ROOT" && exec ./mvnw -B verify "$@"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status ;;
  test) shift; cmd_test "$@" ;;
  topics) shift; cmd_topics ;;
  consume) shift; cmd_consume "$@" ;;
  rebuild-reports) shift; cmd_rebuild_reports ;;
  bench) shift; cmd_bench "$@" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
