#!/usr/bin/env bash
# RefNet BiH local platform: real PostgreSQL, Kafka and Keycloak plus the four services, without Docker.
# Needs only a JDK 21+; everything else comes from Maven Central through the Maven Wrapper.
#
#   deploy/platform.sh start [--no-build] [--no-demo] [--replicas N] [--keycloak-prod]
#                                                        start what is not running, wait until healthy, load demo data;
#                                                        N > 1 runs N instances of each service behind HAProxy;
#                                                        --keycloak-prod: Keycloak in production mode on PostgreSQL
#                                                        with the production realm (no demo users, so no demo data)
#   deploy/platform.sh stop [COMPONENT]                  stop everything (or one component), data is kept; a service
#                                                        name stops all its replicas, NAME-R (case-service-2) one
#   deploy/platform.sh status                            what runs where
#   deploy/platform.sh test                              build and run every test (the README's test command)
#   deploy/platform.sh topics                            list Kafka topics (Kafka's own TopicCommand)
#   deploy/platform.sh consume TOPIC [ARGS]              print a topic's events from the start (Kafka's console consumer)
#   deploy/platform.sh rebuild-reports                   rebuild the reporting projections from the start of the topics
#   deploy/platform.sh bench [--quick]                   benchmark the running platform against pgbench and a blank app
#   deploy/platform.sh images [SERVICE...]               build the services' OCI images (Jib, no Docker) into
#                                                        target/images/ and check each one
#
# Settings (environment): REFNET_HOME (runtime folder, default <repo>/.platform), REFNET_PG_PORT (15432),
# REFNET_KAFKA_PORT (19092), REFNET_KEYCLOAK_PORT (18080), REFNET_ZIPKIN_PORT (9411, the trace backend),
# REFNET_SERVICE_PORT_BASE (8080: services on +1..+4, the web app on +5; with replicas HAProxy listens there and
# replica R of service I on +10*R+I), REFNET_SERVICE_JAVA_OPTS (the services' JVM options), REFNET_LOG_JSON (false:
# the services log readable text; true: JSON lines, as in production); with --keycloak-prod also
# PARTNER_<CLIENT>_SECRET (the partner clients' secrets; made once into $REFNET_HOME/secrets when unset) and
# REFNET_KEYCLOAK_HOSTNAME.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOME_DIR=${REFNET_HOME:-$ROOT/.platform}
PG_PORT=${REFNET_PG_PORT:-15432}
KAFKA_PORT=${REFNET_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
KC_PORT=${REFNET_KEYCLOAK_PORT:-18080}
KC_MGMT_PORT=$((KC_PORT + 1000))
ZIPKIN_PORT=${REFNET_ZIPKIN_PORT:-9411}
LOG_JSON=${REFNET_LOG_JSON:-false}
PORT_BASE=${REFNET_SERVICE_PORT_BASE:-8080}
# two cores: the serial collector spares the concurrent collector's threads and barriers (measured in the benchmark)
SERVICE_JAVA_OPTS=${REFNET_SERVICE_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}
KEYCLOAK_VERSION=26.7.3
# the trace backend: Zipkin's server, one executable jar from Maven Central, spans kept in memory
ZIPKIN_VERSION=3.5.1
SERVICES=(organization-registry-service case-service referral-service reporting-service)
declare -A DATABASE=([organization-registry-service]=registry [case-service]=cases
                     [referral-service]=referrals [reporting-service]=reporting)
# Keycloak's own database and login, used in production mode (--keycloak-prod)
KEYCLOAK_DATABASE=keycloak
WEB_PORT=$((PORT_BASE + 5))
COMPONENTS=(postgres kafka keycloak zipkin "${SERVICES[@]}" haproxy web)

LOGS=$HOME_DIR/logs
RUN=$HOME_DIR/run
LAUNCHER_CP="$ROOT/deploy/launcher/target/classes:$ROOT/deploy/launcher/target/lib/*"

say() { printf '%s\n' "$*"; }
die() { printf 'platform: %s\n' "$*" >&2; exit 1; }

service_index() {
  local i
  for i in "${!SERVICES[@]}"; do [ "${SERVICES[$i]}" = "$1" ] && { echo $((i + 1)); return; }; done
}
# the port callers use: the service itself with one replica, HAProxy in front of the replicas otherwise
service_port() { echo $((PORT_BASE + $(service_index "$1"))); }

# --- replicas: how many instances of each service run; kept in the run folder while the platform runs, so that stop,
# status and a later start (one that brings back a stopped replica) know them
REPLICAS=1
load_replicas() { REPLICAS=$(cat "$RUN/replicas" 2>/dev/null || echo 1); }
# the instances of a service: the service itself, or NAME-1 .. NAME-N
instances() {
  if [ "$REPLICAS" -le 1 ]; then echo "$1"; return; fi
  local r; for r in $(seq 1 "$REPLICAS"); do echo "$1-$r"; done
}
# the port an instance listens on: the usual port alone, +10*R+I as replica R
instance_port() {
  local name=$1 service=${1%-[0-9]*} replica
  [ "$name" = "$service" ] && { service_port "$service"; return; }
  replica=${name##*-}
  echo $((PORT_BASE + 10 * replica + $(service_index "$service")))
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
running_one() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
# a component runs when each of its instances runs; HAProxy is a component only in front of replicas
running() {
  local c=$1 i
  if [ "$c" = haproxy ]; then [ "$REPLICAS" -le 1 ] || running_one haproxy; return; fi
  if [[ " ${SERVICES[*]} " != *" $c "* ]]; then running_one "$c"; return; fi
  for i in $(instances "$c"); do running_one "$i" || return 1; done
}

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

stop_one() { stop_together "$1"; }

# asks all of them to stop at once, then waits for each: a service's JVM takes seconds to leave its consumer groups
# and write its class-data archive, and with replicas there are many
stop_together() {
  local name pid i
  declare -A pids=()
  for name in "$@"; do
    pid=$(pid_of "$name")
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then rm -f "$RUN/$name.pid"; continue; fi
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    pids[$name]=$pid
  done
  for name in "${!pids[@]}"; do
    pid=${pids[$name]}
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
    rm -f "$RUN/$name.pid"
    say "stopped $name"
  done
}

build() {
  say "Building the platform from this checkout (./mvnw install -DskipTests) ..."
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || die "the build failed"
}

start_postgres() {
  running postgres && return
  local dbs=() s
  for s in "${SERVICES[@]}"; do dbs+=("${DATABASE[$s]}"); done
  dbs+=("$KEYCLOAK_DATABASE")
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

# The dev and the production Keycloak are separate installations: each keeps its own build of the server
# (kc.sh build), and the dev one its H2 data.
install_keycloak() {
  local kc=$1 realm=$2
  if [ ! -f "$kc/bin/kc.sh" ]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (first start only) ..."
    mkdir -p "$HOME_DIR/downloads"
    [ -f "$HOME_DIR/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" ] || \
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip \
      -DoutputDirectory="$HOME_DIR/downloads") || die "could not fetch Keycloak"
  fi
  if [ ! -f "$kc/bin/kc.sh" ]; then
    local unpack; unpack=$(mktemp -d "$HOME_DIR/keycloak-unpack.XXXXXX")
    (cd "$unpack" && "$JAVA_HOME/bin/jar" xf "$HOME_DIR/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    mv "$unpack/keycloak-$KEYCLOAK_VERSION" "$kc" && rmdir "$unpack"
  fi
  mkdir -p "$kc/data/import"
  rm -f "$kc/data/import/"*.json
  cp "$realm" "$kc/data/import/refnet-realm.json"
}

keycloak_mode() { cat "$RUN/keycloak.mode" 2>/dev/null || echo dev; }

start_keycloak() {
  local mode=$1
  if running keycloak; then
    [ "$(keycloak_mode)" = "$mode" ] || die "Keycloak runs in $(keycloak_mode) mode: deploy/platform.sh stop keycloak first"
    return
  fi
  if [ "$mode" = prod ]; then start_keycloak_prod; return; fi
  local kc=$HOME_DIR/keycloak-$KEYCLOAK_VERSION
  install_keycloak "$kc" "$ROOT/deploy/keycloak/refnet-realm.json"
  # start-dev keeps its H2 data in the install folder; the realm is imported once and then kept
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME="$JAVA_HOME" \
    bash "$kc/bin/kc.sh" start-dev --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" --import-realm --health-enabled=true
  echo dev > "$RUN/keycloak.mode"
  await keycloak http "http://localhost:$KC_PORT/realms/refnet/.well-known/openid-configuration" 240
  say "Keycloak     http://localhost:$KC_PORT  (admin console: admin / admin)"
}

# A partner client's secret: from the environment, else made once and kept in $HOME_DIR/secrets.
partner_secret() {
  local client=$1 var value
  var=$(printf '%s' "$client" | tr 'a-z-' 'A-Z_')_SECRET
  value=${!var:-}
  if [ -z "$value" ]; then
    mkdir -p "$HOME_DIR/secrets" && chmod 700 "$HOME_DIR/secrets"
    [ -s "$HOME_DIR/secrets/$client" ] || (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$HOME_DIR/secrets/$client")
    value=$(cat "$HOME_DIR/secrets/$client")
  fi
  printf '%s=%s' "$var" "$value"
}

# Production mode, as on the cluster: `kc.sh start` (built once for PostgreSQL with health and metrics), its own
# database and login on the platform's PostgreSQL, a fixed hostname (the tokens' issuer), health and metrics on the
# management port, and the production realm (deploy/keycloak/refnet-realm-production.json, generated from the
# local realm file) with the partner clients' secrets from the environment. HTTP only because it listens on
# localhost (the realm requires TLS for every other address).
start_keycloak_prod() {
  local kc=$HOME_DIR/keycloak-$KEYCLOAK_VERSION-prod realm=$ROOT/deploy/keycloak/refnet-realm-production.json
  local hostname=${REFNET_KEYCLOAK_HOSTNAME:-http://localhost:$KC_PORT} secrets=() client
  install_keycloak "$kc" "$realm"
  for client in $(sed -n 's/.*"secret" *: *"\${\([A-Z0-9_]*\)_SECRET}".*/\1/p' "$realm" | tr 'A-Z_' 'a-z-'); do
    secrets+=("$(partner_secret "$client")")
  done
  if [ ! -f "$kc/refnet-built" ]; then
    say "Building Keycloak for production mode (first start only) ..."
    mkdir -p "$LOGS"
    env JAVA_HOME="$JAVA_HOME" bash "$kc/bin/kc.sh" build --db=postgres --health-enabled=true --metrics-enabled=true \
      >> "$LOGS/keycloak.log" 2>&1 || die "kc.sh build failed; see $LOGS/keycloak.log"
    touch "$kc/refnet-built"
  fi
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME="$JAVA_HOME" \
    KC_DB_URL="jdbc:postgresql://localhost:$PG_PORT/$KEYCLOAK_DATABASE" \
    KC_DB_USERNAME="$KEYCLOAK_DATABASE" KC_DB_PASSWORD="$KEYCLOAK_DATABASE" "${secrets[@]}" \
    bash "$kc/bin/kc.sh" start --optimized --hostname="$hostname" --http-enabled=true \
    --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" --import-realm
  echo prod > "$RUN/keycloak.mode"
  await keycloak http "http://localhost:$KC_MGMT_PORT/health/ready" 300
  await keycloak http "http://localhost:$KC_PORT/realms/refnet/.well-known/openid-configuration" 60
  say "Keycloak     $hostname  production mode on PostgreSQL (health: http://localhost:$KC_MGMT_PORT/health;"
  say "             partner secrets in $HOME_DIR/secrets unless PARTNER_<CLIENT>_SECRET is set; admin console admin / admin)"
}

# Zipkin keeps the spans in memory (lost when it stops; at most MEM_MAX_SPANS of them, which must fit its heap with
# room to spare: 200,000 filled 256 MB and left it collecting garbage on a whole core) and answers its UI and API on
# one port. The services send to it in the background: while it is down they drop spans, nothing else.
start_zipkin() {
  running zipkin && return
  local jar=$HOME_DIR/downloads/zipkin-server-$ZIPKIN_VERSION-exec.jar
  if [ ! -f "$jar" ]; then
    say "Fetching Zipkin $ZIPKIN_VERSION from Maven Central (first start only) ..."
    mkdir -p "$HOME_DIR/downloads"
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec \
      -DoutputDirectory="$HOME_DIR/downloads") || die "could not fetch Zipkin"
  fi
  launch zipkin env QUERY_PORT="$ZIPKIN_PORT" STORAGE_TYPE=mem MEM_MAX_SPANS=25000 \
    "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -jar "$jar"
  await zipkin http "http://localhost:$ZIPKIN_PORT/health" 120
  say "Zipkin       http://localhost:$ZIPKIN_PORT  (traces)"
}

start_service() {
  local i
  for i in $(instances "$1"); do start_instance "$1" "$i"; done
}

await_service() {
  local s=$1 i
  for i in $(instances "$s"); do
    await "$i" http "http://localhost:$(instance_port "$i")/q/health/ready" 120
    touch "$RUN/$i.was-ready"
  done
}

start_instance() {
  local name=$1 instance=$2 port jar
  port=$(instance_port "$instance")
  running_one "$instance" && return
  jar=$ROOT/$name/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  local archive_opts; archive_opts=$(class_data_options "$instance" "$ROOT/$name/target/quarkus-app")
  launch "$instance" env QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/${DATABASE[$name]}" \
    QUARKUS_DATASOURCE_USERNAME="${DATABASE[$name]}" QUARKUS_DATASOURCE_PASSWORD="${DATABASE[$name]}" \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KC_PORT/realms/refnet" \
    REFNET_WEBHOOKS_REQUIRE_HTTPS=false REFNET_WEB_ORIGIN="http://localhost:$WEB_PORT" \
    REFNET_TRACING_ZIPKIN_ENDPOINT="http://localhost:$ZIPKIN_PORT/api/v2/spans" \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED="$LOG_JSON" \
    "$JAVA_HOME/bin/java" $SERVICE_JAVA_OPTS $archive_opts -jar "$jar"
}

# A service's JVM starts from a class-data archive of the classes it loaded in its first run after a build, which
# writes the archive when it stops. Quarkus loads the application's classes from jars the JVM does not check, so after
# a build the JVM would take the old archive as valid and miss most of it (the referral service was ready in 7.3-7.8 s
# from the old one, 4.3-5.1 s from a fresh one, 6.2-7.5 s from none): it is dropped when any file of the build is
# newer. A run that never got ready (a failed start, a stop during boot) wrote too thin
# an archive: dropped too. (JDK 25's ahead-of-time cache was 8 % faster to ready, and 20 s slower to stop.)
class_data_options() {
  local instance=$1 build=$2 archive
  archive=$HOME_DIR/cds/$instance.jsa
  mkdir -p "$HOME_DIR/cds"
  if [ -n "$(find "$build" -newer "$archive" -print -quit 2>/dev/null)" ] \
      || { [ -f "$RUN/$instance.recording" ] && [ ! -f "$RUN/$instance.was-ready" ]; }; then
    rm -f "$archive"
  fi
  rm -f "$RUN/$instance.was-ready" "$RUN/$instance.recording"
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off"
  else
    touch "$RUN/$instance.recording"
    echo "-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# HAProxy in front of the replicas, on the services' usual ports. Health: /q/health/ready of each replica, every
# second; a replica that fails twice leaves the rotation, one that passes twice comes back.
# Retries: a request is tried again on another replica (option redispatch) when the connection to its replica
# failed, that is when the request never reached it (conn-failure, HAProxy's default), whatever its method. Only
# GET and HEAD, which change nothing, are also retried when the replica took the request and then closed without
# an answer (killed) or did not answer in time: a POST that may have reached a replica is never sent twice; its
# caller gets a 502/504 and retries it itself, with an Idempotency-Key where the endpoint takes one.
# Fail open: each replica is also a backup server without a check, used only when no replica is ready. Readiness
# includes Kafka, and the services answer while Kafka is away (the outbox keeps their events): with Kafka down every
# replica reports not ready, and HAProxy still sends to them instead of answering 503 itself.
write_haproxy_config() {
  local cfg=$HOME_DIR/haproxy.cfg s i
  {
    cat <<CFG
global
    # in the foreground (-db) HAProxy writes its warnings (a replica going down or up) to its log file
    maxconn 2000

defaults
    mode http
    option dontlognull
    timeout connect 2s
    timeout client 5m
    timeout server 60s
    timeout http-request 10s
    timeout queue 10s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 check
CFG
    for s in "${SERVICES[@]}"; do
      printf '\nfrontend %s\n    bind :%s\n    default_backend %s\n' "$s" "$(service_port "$s")" "$s"
      printf '\nbackend %s\n    balance roundrobin\n    option allbackups\n' "$s"
      printf '    http-request disable-l7-retry unless METH_GET\n'
      for i in $(instances "$s"); do
        printf '    server %s 127.0.0.1:%s\n' "replica-${i##*-}" "$(instance_port "$i")"
      done
      for i in $(instances "$s"); do
        printf '    server %s 127.0.0.1:%s backup no-check\n' "unready-${i##*-}" "$(instance_port "$i")"
      done
    done
  } > "$cfg"
  haproxy -c -q -f "$cfg" || die "the generated $cfg is not valid"
}

start_haproxy() {
  [ "$REPLICAS" -le 1 ] && return
  running_one haproxy && return
  write_haproxy_config
  launch haproxy haproxy -db -f "$HOME_DIR/haproxy.cfg"
  local s; for s in "${SERVICES[@]}"; do await haproxy tcp localhost "$(service_port "$s")" 30; done
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
  local do_build=1 do_demo=1 keycloak=dev arg s replicas="" previous="" i
  for arg in "$@"; do
    case $arg in
      --no-build) do_build=0 ;;
      --no-demo) do_demo=0 ;;
      --keycloak-prod) keycloak=prod; do_demo=0 ;;
      --replicas) ;;
      --replicas=*) replicas=${arg#--replicas=} ;;
      *) if [ "$previous" = --replicas ]; then replicas=$arg; else die "unknown option $arg"; fi ;;
    esac
    previous=$arg
  done
  [ "$previous" = --replicas ] && die "--replicas needs a number"
  load_replicas
  if [ -n "$replicas" ]; then
    [[ "$replicas" =~ ^[1-9]$ ]] || die "--replicas takes 1 to 9, not $replicas"
    if [ "$replicas" != "$REPLICAS" ]; then
      for c in "${SERVICES[@]}" haproxy; do
        for i in $c $c-{1..9}; do running_one "$i" && die "the platform runs with $REPLICAS replica(s): stop it first"; done
      done
      REPLICAS=$replicas
    fi
  fi
  if [ "$REPLICAS" -gt 1 ] && ! command -v haproxy >/dev/null; then
    die "--replicas needs HAProxy: apt-get install -y haproxy"
  fi
  mkdir -p "$RUN"
  echo "$REPLICAS" > "$RUN/replicas"
  pick_jdk
  local all_running=1 c
  for c in "${COMPONENTS[@]}"; do running "$c" || all_running=0; done
  if [ $all_running = 1 ] && [ "$(keycloak_mode)" = "$keycloak" ]; then
    say "The platform is already running (data in $HOME_DIR)."
    cmd_status
    return
  fi
  [ $do_build = 1 ] && build
  start_postgres
  start_kafka
  start_keycloak "$keycloak"
  start_zipkin
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  for s in "${SERVICES[@]}"; do await_service "$s"; done
  start_haproxy
  start_web
  for s in "${SERVICES[@]}"; do
    # through HAProxy once a replica has passed its health checks
    await "$s" http "http://localhost:$(service_port "$s")/q/health/ready" 60
    say "$(printf '%-30s' "$s") http://localhost:$(service_port "$s")/q/swagger-ui"
  done
  [ "$REPLICAS" -le 1 ] || say "$REPLICAS replicas of each service behind HAProxy (deploy/platform.sh status lists them)"
  await web http "http://localhost:$WEB_PORT/q/health/ready" 60
  say "$(printf '%-30s' web) http://localhost:$WEB_PORT"
  if [ $do_demo = 1 ]; then
    say "Loading demo data ..."
    "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.DemoData "http://localhost:$KC_PORT" \
      "http://localhost:$(service_port organization-registry-service)" "http://localhost:$(service_port case-service)" \
      "http://localhost:$(service_port referral-service)" || die "demo data could not be loaded"
  fi
  welcome "$keycloak"
}

welcome() {
  local keycloak=${1:-dev}
  cat <<TXT

RefNet BiH is up. Logs: $LOGS   Data: $HOME_DIR/data   Stop: deploy/platform.sh stop

  web app                http://localhost:$WEB_PORT   (dashboard, directory, referral desk: sign in as a demo user)
  organisation registry  http://localhost:$((PORT_BASE + 1))/q/swagger-ui
  case service           http://localhost:$((PORT_BASE + 2))/q/swagger-ui
  referral service       http://localhost:$((PORT_BASE + 3))/q/swagger-ui
  reporting service      http://localhost:$((PORT_BASE + 4))/q/swagger-ui
  event contracts        http://localhost:$((PORT_BASE + 1))/events/asyncapi.yaml
  Keycloak               http://localhost:$KC_PORT   (realm refnet; admin console admin / admin)
  traces (Zipkin)        http://localhost:$ZIPKIN_PORT   (a referral's trace: Run Query, or search serviceName=referral-service)
  metrics                http://localhost:$((PORT_BASE + 3))/q/metrics (each service's, Prometheus format)
  Kafka                  localhost:$KAFKA_PORT       PostgreSQL localhost:$PG_PORT

TXT
  if [ "$keycloak" = prod ]; then
    cat <<TXT
Keycloak runs in production mode with the production realm: no demo users (make users in the admin console; case
workers and organisation administrators set up a one-time-code app at their first login), no password grant.
Partner systems (client credentials): partner-csr-mostar, partner-sos-mostar; secrets in $HOME_DIR/secrets.

Try it:
  TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=partner-csr-mostar \\
    -d client_secret=\$(cat $HOME_DIR/secrets/partner-csr-mostar) \\
    http://localhost:$KC_PORT/realms/refnet/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" "http://localhost:$((PORT_BASE + 3))/referrals?direction=outgoing"
TXT
    return
  fi
  cat <<TXT
Demo users (password: demo): admin.mreza (network-admin), admin.sos / admin.savjetovaliste (org-admin),
  radnik.csr, radnik.sos, radnik.savjetovaliste, radnik.skola, radnik.pgk (case-worker), koordinator, analiticar.
Partner systems (client credentials): partner-csr-mostar / csr-mostar-demo-secret, partner-sos-mostar / sos-mostar-demo-secret.

Try it:
  TOKEN=\$(curl -s -d client_id=refnet-tools -d grant_type=password -d username=radnik.csr -d password=demo \\
    http://localhost:$KC_PORT/realms/refnet/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" "http://localhost:$((PORT_BASE + 3))/referrals?direction=outgoing"
TXT
}

# services' instances by their pid files, whatever the replica count they were started with, all at once
stop_services() {
  local s f names=()
  for s in "$@"; do
    for f in "$RUN/$s.pid" "$RUN/$s"-[0-9]*.pid; do [ -e "$f" ] && names+=("$(basename "$f" .pid)"); done
  done
  [ ${#names[@]} -eq 0 ] || stop_together "${names[@]}"
}

cmd_stop() {
  local c
  load_replicas
  if [ $# -gt 0 ]; then
    for c in "$@"; do
      if [[ " ${SERVICES[*]} " == *" $c "* ]]; then stop_services "$c"
      elif [[ " ${COMPONENTS[*]} " == *" $c "* ]]; then stop_one "$c"
      elif [[ " ${SERVICES[*]} " == *" ${c%-[0-9]*} "* ]] && [ -e "$RUN/$c.pid" ]; then stop_one "$c"
      else die "unknown component $c (one of: ${COMPONENTS[*]}, or a replica such as case-service-2)"
      fi
    done
    return
  fi
  stop_one web
  stop_one haproxy
  stop_services "${SERVICES[@]}"
  for c in zipkin keycloak kafka postgres; do stop_one "$c"; done
  rm -f "$RUN/replicas"
  say "The platform is stopped; data stays in $HOME_DIR/data."
}

cmd_status() {
  local c i state where
  load_replicas
  for c in "${COMPONENTS[@]}"; do
    [ "$c" = haproxy ] && [ "$REPLICAS" -le 1 ] && continue
    for i in $( [[ " ${SERVICES[*]} " == *" $c "* ]] && instances "$c" || echo "$c"); do
      if running_one "$i"; then state="running (pid $(pid_of "$i"))"; else state="stopped"; fi
      case $i in
        postgres) where="localhost:$PG_PORT" ;;
        kafka) where="localhost:$KAFKA_PORT" ;;
        keycloak) where="http://localhost:$KC_PORT ($(keycloak_mode) mode)" ;;
        web) where="http://localhost:$WEB_PORT" ;;
        zipkin) where="http://localhost:$ZIPKIN_PORT" ;;
        haproxy) where="localhost:$((PORT_BASE + 1))-$((PORT_BASE + ${#SERVICES[@]})) to the replicas" ;;
        *) where="http://localhost:$(instance_port "$i")" ;;
      esac
      printf '%-32s %-22s %s\n' "$i" "$state" "$where"
    done
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
  load_replicas
  stop_services "$name"
  "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.EmptySchema \
    "jdbc:postgresql://localhost:$PG_PORT/$db" "$db" "$db" || die "could not empty the $db database"
  "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" -cp "$LAUNCHER_CP" \
    org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "localhost:$KAFKA_PORT" \
    --delete --group reporting-service || say "(the consumer group had no offsets yet)"
  start_service "$name"
  await_service "$name"
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
  load_replicas
  [ "$REPLICAS" -le 1 ] || die "the benchmark measures one replica per service: start the platform without --replicas"
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

# Every test, then one service's image built and checked (the other three are built the same way: `images`).
cmd_test() {
  pick_jdk
  say "Running every test with JAVA_HOME=$JAVA_HOME"
  (cd "$ROOT" && ./mvnw -B verify "$@") || exit $?
  say "Building and checking one image (case-service) ..."
  cmd_images case-service
}

# The services' OCI images without a Docker daemon: Quarkus' Jib extension on the base image of
# deploy/images/base-image.sh (a jlinked JRE), kept as `docker save` archives by deploy/images/docker-to-tar,
# then each checked by the launcher's ImageCheck (non-root user, entrypoint, port, the application inside).
cmd_images() {
  pick_jdk
  local services=("$@") out=$ROOT/target/images s
  [ ${#services[@]} -gt 0 ] || services=("${SERVICES[@]}")
  for s in "${services[@]}"; do
    [[ " ${SERVICES[*]} " == *" $s "* ]] || die "unknown service $s (one of: ${SERVICES[*]})"
  done
  local jdk; jdk=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | tr -cd 'A-Za-z0-9.')
  local base=$ROOT/target/images/base/jre-base-$jdk.tar
  if [ ! -f "$base" ]; then
    say "Building the base image (a jlinked JRE, once per JDK) ..."
    rm -rf "$ROOT/target/images/base"
    bash "$ROOT/deploy/images/base-image.sh" "$base" || die "the base image could not be built"
  fi
  local modules; modules=$(IFS=,; echo "${services[*]}")
  say "Building the images of ${services[*]} ..."
  (cd "$ROOT" && REFNET_IMAGE_DIR=$out ./mvnw -B -q package -Dmaven.test.skip=true -pl "$modules,deploy/launcher" -am \
    -Dquarkus.container-image.build=true -Dquarkus.jib.base-jvm-image="tar://$base" \
    -Dquarkus.jib.docker-executable-name="$ROOT/deploy/images/docker-to-tar") || die "the images did not build"
  local version; version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
  for s in "${services[@]}"; do
    "$JAVA_HOME/bin/java" -cp "$LAUNCHER_CP" ba.refnet.launcher.ImageCheck "$out/$s-$version.tar" "$s" \
      || die "the image of $s is broken"
  done
  say "Images in $out (docker save archives: skopeo copy docker-archive:FILE docker://REGISTRY/..., or kind load image-archive FILE)"
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
  images) shift; cmd_images "$@" ;;
  *) sed -n '2,27p' "$0"; exit 2 ;;
esac
