#!/usr/bin/env bash
# Starts and stops the infrastructure the platform and its tests need, without Docker:
# PostgreSQL (the local Debian cluster, installed only when missing), a single-node KRaft Kafka broker
# run from Maven Central jars, a private OpenLDAP slapd with syncprov on a loopback port, and a private Samba AD
# domain controller on loopback (both installed from Debian packages when missing). State lives in .infra/ at the
# repository root. The "browser" part only installs Debian's Chromium and chromedriver, which the web console's
# browser test (e2e-tests WebConsoleIT) drives; without them that test is skipped, so an install failure only warns.
#
#   infra/infra.sh start [--reset] [postgres|kafka|ldap|samba|browser ...]   start what is missing (all by default);
#                                    --reset wipes broker data, directory data and recreates the databases
#   infra/infra.sh stop [postgres|kafka|ldap|samba|browser ...]              stop what this script started
#   infra/infra.sh status
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.infra"
# One broker per instance name (bin/platform runs its own, so tests never read the platform's records)
KAFKA_DIR="$STATE/${KAFKA_INSTANCE:-kafka}"
KAFKA_LIBS="$STATE/kafka/libs"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_VERSION_DIR="$ROOT/infra/kafka"
PG_PORT="${PG_PORT:-5432}"
PG_ROLE="${POSTGRES_USER:-sync}"
PG_PASSWORD="${POSTGRES_PASSWORD:-sync}"
LDAP_PORT="${LDAP_PORT:-3389}"
LDAP_PASSWORD="${LDAP_ADMIN_PASSWORD:-admin-password}"
SLAPD_DIR="$STATE/slapd"
SAMBA_DIR="$STATE/samba"
SAMBA_REALM="${SAMBA_REALM:-EXAMPLE.ORG}"
SAMBA_PASSWORD="${SAMBA_ADMIN_PASSWORD:-Admin-Passw0rd!}"
DATABASES="job_api scheduler change_detector provisioner schema_service"
# name:partitions[:compact] — keyed by job id, so partitions bound the parallelism across jobs.
TOPICS="sync.job-commands:3 sync.ticks:3 sync.job-events:3 sync.object-changes:6 sync.provisioning-logs:3 sync.inbound-records:3 sync.source-changes:3 sync.schemas:3:compact sync.secrets:3:compact sync.job-settings:3:compact sync.templates:1:compact sync.dead-letter:1"

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
  if [ -f "$KAFKA_LIBS/.complete" ]; then
    # a set fetched before the tools jars (console consumer, README "Events") were added gets them beside the others;
    # the broker needs none of them, so a failed fetch (offline) only warns
    if ! compgen -G "$KAFKA_LIBS/kafka-tools-[0-9]*.jar" > /dev/null; then
      log "fetching the Kafka tools jars from Maven Central"
      mvn -B -q -f "$KAFKA_VERSION_DIR/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$KAFKA_LIBS" || log "could not fetch the Kafka tools jars; the broker does not need them"
    fi
    return
  fi
  log "fetching Kafka jars from Maven Central"
  rm -rf "$KAFKA_LIBS"; mkdir -p "$KAFKA_LIBS"
  mvn -B -q -f "$KAFKA_VERSION_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete"
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
      local cid; cid="$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid | tail -1)"
      java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --cluster-id "$cid" \
        --config "$KAFKA_DIR/server.properties" >/dev/null
    fi
    log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
    nohup java -Xms128m -Xmx384m -XX:+UseSerialGC \
      -Dlog4j2.configurationFile="$KAFKA_VERSION_DIR/log4j2.properties" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" > "$KAFKA_DIR/kafka.log" 2>&1 &
    echo $! > "$KAFKA_DIR/kafka.pid"
  fi
  # shellcheck disable=SC2086
  java -cp "$KAFKA_LIBS/*" "$KAFKA_VERSION_DIR/KafkaAdmin.java" "127.0.0.1:$KAFKA_PORT" 90 $TOPICS \
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

slapd_install_if_missing() {
  if [ -x /usr/sbin/slapd ] && command -v ldapsearch >/dev/null 2>&1; then return; fi
  log "OpenLDAP not found: installing slapd and ldap-utils from Debian packages"
  # keep Debian's post-install from starting a system-wide slapd on port 389
  test -x /usr/sbin/policy-rc.d || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slapd ldap-utils >/dev/null
}

slapd_running() { [ -f "$SLAPD_DIR/run/slapd.pid" ] && kill -0 "$(cat "$SLAPD_DIR/run/slapd.pid")" 2>/dev/null; }

slapd_start() {
  slapd_install_if_missing
  if [ "$RESET" = 1 ]; then slapd_stop; rm -rf "$SLAPD_DIR"; fi
  if slapd_running; then return; fi
  if port_open "$LDAP_PORT"; then
    log "port $LDAP_PORT is already in use by a process this script did not start; stop it first"
    exit 1
  fi
  local fresh=0
  mkdir -p "$SLAPD_DIR/run"
  [ -d "$SLAPD_DIR/data" ] || { mkdir -p "$SLAPD_DIR/data"; fresh=1; }
  local indexes="$SLAPD_DIR/indexes"
  sed -e "s#@STATE@#$SLAPD_DIR#g" -e "s#@ROOTPW@#$(slappasswd -s "$LDAP_PASSWORD")#" \
    "$ROOT/infra/slapd/slapd.conf.template" > "$SLAPD_DIR/slapd.conf"
  if [ "$fresh" = 1 ]; then
    slapadd -q -f "$SLAPD_DIR/slapd.conf" -l "$ROOT/infra/slapd/base.ldif"
  elif ! grep '^index' "$SLAPD_DIR/slapd.conf" | cmp -s - "$indexes"; then
    # entries written before an index was added are missing from it: searches using it would not find them
    log "the slapd indexes changed: reindexing the existing entries"
    slapindex -q -f "$SLAPD_DIR/slapd.conf"
  fi
  grep '^index' "$SLAPD_DIR/slapd.conf" > "$indexes"
  log "starting OpenLDAP slapd on ldap://127.0.0.1:$LDAP_PORT (base dc=example,dc=org)"
  /usr/sbin/slapd -h "ldap://127.0.0.1:$LDAP_PORT/" -f "$SLAPD_DIR/slapd.conf"
  for _ in $(seq 1 50); do
    ldapsearch -x -H "ldap://127.0.0.1:$LDAP_PORT" -b "" -s base namingContexts >/dev/null 2>&1 && return
    sleep 0.2
  done
  log "slapd did not become ready"; exit 1
}

slapd_stop() {
  if slapd_running; then
    local pid; pid="$(cat "$SLAPD_DIR/run/slapd.pid")"
    log "stopping slapd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
}

samba_install_if_missing() {
  if command -v samba >/dev/null 2>&1 && command -v samba-tool >/dev/null 2>&1 && command -v ldapsearch >/dev/null 2>&1
  then return; fi
  log "Samba not found: installing the Samba AD DC from Debian packages"
  # keep Debian's post-install from starting smbd/nmbd/samba with the system-wide configuration
  test -x /usr/sbin/policy-rc.d || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends samba samba-ad-dc samba-ad-provision \
    samba-dsdb-modules samba-vfs-modules winbind python3-samba samba-common-bin ldap-utils openssl >/dev/null
}

browser_install_if_missing() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  log "Chromium not found: installing chromium and chromium-driver from Debian packages"
  apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
}

# samba writes its own samba.pid in the same folder and refuses to start when that names a live process
samba_running() { [ -f "$SAMBA_DIR/run/infra.pid" ] && kill -0 "$(cat "$SAMBA_DIR/run/infra.pid")" 2>/dev/null; }

# A private CA and a server certificate for localhost / 127.0.0.1 / dc1.<realm>, placed where Samba looks for its TLS
# files, so that clients verify the host name against a CA they trust explicitly (Samba's own self-signed
# certificate names only dc1.<realm>).
samba_certificates() {
  local tls="$SAMBA_DIR/private/tls" realm; realm="$(echo "$SAMBA_REALM" | tr '[:upper:]' '[:lower:]')"
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=OpenSync test Samba CA" \
    -keyout "$tls/ca-key.pem" -out "$tls/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=dc1.$realm" -keyout "$tls/key.pem" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,DNS:dc1.%s,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n' "$realm" \
    > "$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 3650 \
    -extfile "$tls/server.ext" -out "$tls/cert.pem" 2>/dev/null
  chmod 600 "$tls/key.pem" "$tls/ca-key.pem"
}

samba_provision() {
  log "provisioning a Samba AD DC (realm $SAMBA_REALM) in $SAMBA_DIR"
  rm -rf "$SAMBA_DIR"; mkdir -p "$SAMBA_DIR"
  samba-tool domain provision --use-rfc2307 --realm="$SAMBA_REALM" --domain="${SAMBA_REALM%%.*}" --server-role=dc \
    --dns-backend=NONE --adminpass="$SAMBA_PASSWORD" --targetdir="$SAMBA_DIR" --host-name=dc1 \
    --option="interfaces=lo" --option="bind interfaces only=yes" > "$SAMBA_DIR/provision.log" 2>&1 \
    || { log "Samba provisioning failed:"; tail -20 "$SAMBA_DIR/provision.log"; exit 1; }
  mkdir -p "$SAMBA_DIR/log" "$SAMBA_DIR/run" "$SAMBA_DIR/cache"
  # Provisioning drops some options: private paths, simple bind on ldap:// (tests bind over LDAPS or StartTLS, but
  # tools may not), and only the services a directory peer needs (no file serving, NetBIOS, DNS updates, NTP)
  sed -i "/^\[global\]/a\\
\tlog file = $SAMBA_DIR/log/log.%m\\
\tpid directory = $SAMBA_DIR/run\\
\tncalrpc dir = $SAMBA_DIR/run/ncalrpc\\
\twinbindd socket directory = $SAMBA_DIR/run/winbindd\\
\tntp signd socket directory = $SAMBA_DIR/run/ntp_signd\\
\tldap server require strong auth = no\\
\tserver services = ldap, cldap, rpc, kdc, drepl, kcc" "$SAMBA_DIR/etc/smb.conf"
  samba_certificates
}

samba_start() {
  # Without the packages the Active Directory tests skip (they say why); everything else still runs
  if ! samba_install_if_missing; then
    log "Samba could not be installed from Debian packages: no AD DC, the Active Directory tests will be skipped"
    return 0
  fi
  if [ "$RESET" = 1 ]; then samba_stop; rm -rf "$SAMBA_DIR"; fi
  if samba_running; then return; fi
  if port_open 389 || port_open 636; then
    log "port 389 or 636 is already in use by a process this script did not start; stop it first"
    exit 1
  fi
  [ -f "$SAMBA_DIR/etc/smb.conf" ] || samba_provision
  local base; base="$(echo "DC=${SAMBA_REALM//./,DC=}" | sed 's/=\([^,]*\)/=\L\1/g')"
  log "starting Samba AD DC on ldaps://127.0.0.1:636 (base $base)"
  nohup samba -i -s "$SAMBA_DIR/etc/smb.conf" > "$SAMBA_DIR/log/samba.out" 2>&1 &
  echo $! > "$SAMBA_DIR/run/infra.pid"
  for _ in $(seq 1 300); do
    LDAPTLS_CACERT="$SAMBA_DIR/private/tls/ca.pem" ldapsearch -x -H ldaps://127.0.0.1:636 \
      -D "administrator@$SAMBA_REALM" -w "$SAMBA_PASSWORD" -b "" -s base defaultNamingContext >/dev/null 2>&1 && return
    sleep 0.2
  done
  log "Samba did not become ready; last log lines:"; tail -20 "$SAMBA_DIR/log/samba.out"; exit 1
}

samba_stop() {
  if samba_running; then
    local pid; pid="$(cat "$SAMBA_DIR/run/infra.pid")"
    log "stopping Samba (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$SAMBA_DIR/run/infra.pid"
}

RESET=0
COMPONENTS=""
cmd="${1:-}"; shift || true
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=1 ;;
    postgres|kafka|ldap|samba|browser) COMPONENTS="$COMPONENTS $arg" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
COMPONENTS="${COMPONENTS:- postgres kafka ldap samba browser}"
wanted() { case " $COMPONENTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

case "$cmd" in
  start)
    if wanted postgres; then pg_start; fi
    if wanted kafka; then kafka_start; fi
    if wanted ldap; then slapd_start; fi
    if wanted samba; then samba_start; fi
    if wanted browser; then
      browser_install_if_missing || log "WARNING: Chromium could not be installed; the web console's browser test will be skipped"
    fi ;;
  stop)
    if wanted samba; then samba_stop; fi
    if wanted ldap; then slapd_stop; fi
    if wanted kafka; then kafka_stop; fi
    if wanted postgres; then pg_stop; fi ;;
  status)
    pg_isready -h 127.0.0.1 -p "$PG_PORT" || true
    if kafka_running; then log "Kafka running (pid $(cat "$KAFKA_DIR/kafka.pid"))"; else log "Kafka not running"; fi
    if slapd_running; then log "slapd running on port $LDAP_PORT"; else log "slapd not running"; fi
    if samba_running; then log "Samba AD DC running on ldaps://127.0.0.1:636"; else log "Samba AD DC not running"; fi
    if [ -x /usr/bin/chromedriver ]; then log "Chromium and chromedriver installed"; else log "Chromium not installed"; fi ;;
  *) echo "usage: $0 start [--reset] | stop | status" >&2; exit 2 ;;
esac
