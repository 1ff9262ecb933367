#!/usr/bin/env bash
# A throwaway Virtuoso Open-Source on loopback, for tests/test_push.py and .ci/run.
#
#   tests/servers/virtuoso.sh start    start it (does nothing if it already answers), print its settings
#   tests/servers/virtuoso.sh stop     stop it and delete its folder (does nothing if it is not running)
#   tests/servers/virtuoso.sh status   exit 0 if it answers
#   tests/servers/virtuoso.sh env      print its settings as KEY=VALUE lines (for tests: source the env file)
#
# Needs Debian's package: apt-get install -y virtuoso-opensource
# Settings (environment): KG_VIRTUOSO_DIR (default ${TMPDIR:-/tmp}/kg-virtuoso),
# KG_VIRTUOSO_HTTP_PORT (default 18890), KG_VIRTUOSO_SQL_PORT (default 11111).
#
# Both ports listen on 127.0.0.1 only. A user "kgpush" with a random password
# and the SPARQL_UPDATE role writes through the Graph Store endpoint
# /sparql-graph-crud-auth (HTTP Digest); the dba password is also replaced by a
# random one. Settings go to $DIR/env (mode 600).
set -euo pipefail

DIR="${KG_VIRTUOSO_DIR:-${TMPDIR:-/tmp}/kg-virtuoso}"
HTTP_PORT="${KG_VIRTUOSO_HTTP_PORT:-18890}"
SQL_PORT="${KG_VIRTUOSO_SQL_PORT:-11111}"
PIDFILE="$DIR/virtuoso.pid"
URL="http://127.0.0.1:$HTTP_PORT"

log() { echo "virtuoso.sh: $*" >&2; }

answers() {
    python3 - "$URL/sparql?query=ASK%7B%7D" <<'EOF' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=3) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
}

running_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

isql() {  # isql USER PASSWORD STATEMENTS: fails if any statement does (isql-vt itself exits 0)
    local out
    out="$(isql-vt "127.0.0.1:$SQL_PORT" "$1" "$2" exec="$3" 2>&1)" || { echo "$out" >&2; return 1; }
    if grep -q "Error" <<<"$out"; then echo "$out" >&2; return 1; fi
}

write_ini() {
    cat >"$DIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $DIR/virtuoso.db
ErrorLogFile       = $DIR/virtuoso.log
LockFile           = $DIR/virtuoso.lck
TransactionFile    = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $DIR/virtuoso-temp.db
TransactionFile    = $DIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$SQL_PORT
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = $DIR
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000

[HTTPServer]
ServerPort           = 127.0.0.1:$HTTP_PORT
ServerRoot           = $DIR
MaxClientConnections = 10
ServerThreads        = 10
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
MaxQueryCostEstimationTime = 60
EOF
}

start() {
    if running_pid >/dev/null && answers; then
        log "already running at $URL"
        cat "$DIR/env"
        return 0
    fi
    command -v virtuoso-t >/dev/null || { log "virtuoso-t not found: apt-get install -y virtuoso-opensource"; exit 1; }
    stop quiet
    if answers; then
        log "something else already answers at $URL: set KG_VIRTUOSO_HTTP_PORT and KG_VIRTUOSO_SQL_PORT"
        exit 1
    fi
    mkdir -p "$DIR"
    chmod 700 "$DIR"
    write_ini
    # Foreground mode under nohup (which execs it): the pid we record is the server's own.
    (
        cd "$DIR"
        nohup virtuoso-t -c "$DIR/virtuoso.ini" +foreground >"$DIR/stdout.log" 2>&1 </dev/null &
        echo $! >"$PIDFILE"
    )
    for _ in $(seq 1 120); do
        answers && break
        running_pid >/dev/null || { log "virtuoso-t exited; see $DIR/virtuoso.log"; tail -20 "$DIR/virtuoso.log" >&2 || true; exit 1; }
        sleep 0.5
    done
    answers || { log "no answer from $URL after 60 s"; exit 1; }
    local pw dba
    pw="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
    dba="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
    isql dba dba "DB.DBA.USER_CREATE('kgpush', '$pw');"
    # Some builds give new users SPARQL_UPDATE already: an "already have role" answer is fine.
    isql dba dba "GRANT SPARQL_UPDATE TO \"kgpush\";" >/dev/null 2>&1 || true
    isql dba dba "DB.DBA.USER_PASSWORD_SET('dba', '$dba');"
    # Check that kgpush can write through the Graph Store endpoint before saying we are ready.
    python3 - "$URL/sparql-graph-crud-auth?graph=urn:kg:probe" "$pw" <<'EOF' || { log "kgpush cannot write"; exit 1; }
import sys, urllib.request
url, pw = sys.argv[1], sys.argv[2]
mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
mgr.add_password(None, url, "kgpush", pw)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.ProxyHandler({}))
for method, body in (("PUT", b"<urn:kg:s> <urn:kg:p> <urn:kg:o> .\n"), ("DELETE", None)):
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/n-triples"})
    opener.open(req, timeout=10).read()
EOF
    umask 077
    cat >"$DIR/env" <<EOF
KG_VIRTUOSO_URL=$URL
KG_VIRTUOSO_GSP=$URL/sparql-graph-crud-auth
KG_VIRTUOSO_SPARQL=$URL/sparql
KG_VIRTUOSO_USER=kgpush
KG_VIRTUOSO_PASSWORD=$pw
EOF
    log "running at $URL (pid $(cat "$PIDFILE"))"
    cat "$DIR/env"
}

stop() {
    local pid
    if pid="$(running_pid)"; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        [[ "${1:-}" == quiet ]] || log "stopped (pid $pid)"
    fi
    rm -rf "$DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) running_pid >/dev/null && answers ;;
    env) cat "$DIR/env" ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
