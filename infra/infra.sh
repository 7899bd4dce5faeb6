#!/usr/bin/env bash
# Starts and stops the infrastructure the platform and its tests need, without Docker:
# PostgreSQL (the local Debian cluster, installed only when missing) and a single-node KRaft Kafka broker
# run from Maven Central jars. State lives in .infra/ at the repository root.
#
#   infra/infra.sh start [--reset]   start what is missing; --reset wipes broker data and recreates the databases
#   infra/infra.sh stop              stop what this script started
#   infra/infra.sh status
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.infra"
KAFKA_DIR="$STATE/kafka"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_VERSION_DIR="$ROOT/infra/kafka"
PG_PORT="${PG_PORT:-5432}"
PG_ROLE="${POSTGRES_USER:-sync}"
PG_PASSWORD="${POSTGRES_PASSWORD:-sync}"
DATABASES="job_api scheduler change_detector provisioner schema_service"
# name:partitions[:compact] — keyed by job id, so partitions bound the parallelism across jobs.
TOPICS="sync.job-commands:3 sync.ticks:3 sync.job-events:3 sync.object-changes:6 sync.provisioning-logs:3 sync.schemas:3:compact sync.secrets:3:compact sync.dead-letter:1"

log() { printf '[infra] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

pg_install_if_missing() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(pg_version)" ]; then return; fi
  log "PostgreSQL not found: installing postgresql from Debian packages"
  test -x /usr/sbin/policy-rc.d || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
}

pg_start() {
  pg_install_if_missing
  local v; v="$(pg_version)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$v main"; then
    log "creating PostgreSQL $v cluster main"
    pg_createcluster "$v" main >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "starting PostgreSQL $v"
    pg_ctlcluster --skip-systemctl-redirect "$v" main start
    mkdir -p "$STATE"; touch "$STATE/postgres.started-by-infra"
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 0.5; done
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { log "PostgreSQL did not become ready"; exit 1; }
  psql_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB;
  ELSE
    ALTER ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB;
  END IF;
END \$\$;
SQL
  for db in $DATABASES; do
    if [ "$RESET" = 1 ]; then psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; fi
    if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
      psql_admin -c "CREATE DATABASE $db OWNER $PG_ROLE"
    fi
  done
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT (role $PG_ROLE, databases: $DATABASES)"
}

psql_admin() { (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$PG_PORT" "$@"); }

pg_stop() {
  if [ -f "$STATE/postgres.started-by-infra" ]; then
    log "stopping PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main stop -m fast || true
    rm -f "$STATE/postgres.started-by-infra"
  fi
}

kafka_libs() {
  if [ -f "$KAFKA_DIR/libs/.complete" ]; then return; fi
  log "fetching Kafka jars from Maven Central"
  rm -rf "$KAFKA_DIR/libs"; mkdir -p "$KAFKA_DIR/libs"
  mvn -B -q -f "$KAFKA_VERSION_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_DIR/libs"
  touch "$KAFKA_DIR/libs/.complete"
}

kafka_running() { [ -f "$KAFKA_DIR/kafka.pid" ] && kill -0 "$(cat "$KAFKA_DIR/kafka.pid")" 2>/dev/null; }

kafka_start() {
  kafka_libs
  if [ "$RESET" = 1 ]; then kafka_stop; rm -rf "$KAFKA_DIR/data"; fi
  if ! kafka_running; then
    if port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; then
      log "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is already in use by a process this script did not start; stop it first"
      exit 1
    fi
    mkdir -p "$KAFKA_DIR/data"
    sed -e "s#@DATA@#$KAFKA_DIR/data#" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      "$KAFKA_VERSION_DIR/server.properties" > "$KAFKA_DIR/server.properties"
    if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
      local cid; cid="$(java -cp "$KAFKA_DIR/libs/*" kafka.tools.StorageTool random-uuid | tail -1)"
      java -cp "$KAFKA_DIR/libs/*" kafka.tools.StorageTool format --cluster-id "$cid" \
        --config "$KAFKA_DIR/server.properties" >/dev/null
    fi
    log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
    nohup java -Xms128m -Xmx384m -XX:+UseSerialGC \
      -Dlog4j2.configurationFile="$KAFKA_VERSION_DIR/log4j2.properties" \
      -cp "$KAFKA_DIR/libs/*" kafka.Kafka "$KAFKA_DIR/server.properties" > "$KAFKA_DIR/kafka.log" 2>&1 &
    echo $! > "$KAFKA_DIR/kafka.pid"
  fi
  # shellcheck disable=SC2086
  java -cp "$KAFKA_DIR/libs/*" "$KAFKA_VERSION_DIR/KafkaAdmin.java" "127.0.0.1:$KAFKA_PORT" 90 $TOPICS \
    || { log "Kafka failed to start; last log lines:"; tail -20 "$KAFKA_DIR/kafka.log"; exit 1; }
}

kafka_stop() {
  if kafka_running; then
    local pid; pid="$(cat "$KAFKA_DIR/kafka.pid")"
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$KAFKA_DIR/kafka.pid"
}

RESET=0
cmd="${1:-}"; shift || true
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

case "$cmd" in
  start) pg_start; kafka_start ;;
  stop) kafka_stop; pg_stop ;;
  status)
    pg_isready -h 127.0.0.1 -p "$PG_PORT" || true
    if kafka_running; then log "Kafka running (pid $(cat "$KAFKA_DIR/kafka.pid"))"; else log "Kafka not running"; fi ;;
  *) echo "usage: $0 start [--reset] | stop | status" >&2; exit 2 ;;
esac
