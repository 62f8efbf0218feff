# bin/sigillum cluster start|stop|status [--nodes N] and start-node N: N WildFly nodes (standalone-ha.xml) from the one unpacked
# distribution, each an instance under var/cluster/nodeN at port offset SIGILLUM_CLUSTER_PORT_BASE + 100·N,
# on one throw-away PostgreSQL and one SoftHSM2 token shared by all nodes, behind HAProxy on
# 127.0.0.1:SIGILLUM_CLUSTER_PORT. JGroups runs over TCP with static discovery of the nodes' addresses.
# start-node N starts one node of a running cluster again, e.g. after it was killed.

CLUSTER_DIR="$VAR_DIR/cluster"
CLUSTER_PORT="${SIGILLUM_CLUSTER_PORT:-8080}"
CLUSTER_PORT_BASE="${SIGILLUM_CLUSTER_PORT_BASE:-0}"
CLUSTER_PG_PORT="${SIGILLUM_CLUSTER_PG_PORT:-25432}"
# outside the checkout, as for the tests: the postgres user must reach it
CLUSTER_PG_DIR="${TMPDIR:-/tmp}/sigillum-cluster-pg-$(id -u)-$CLUSTER_PG_PORT"
CLUSTER_TOKEN_LABEL=cluster
# WildFly's default ports, to which each node's offset is added
HTTP_BASE_PORT=8080
JGROUPS_TCP_BASE_PORT=7600

cluster_offset() {
    echo $((CLUSTER_PORT_BASE + 100 * $1))
}

cmd_cluster() {
    local sub="${1:-}" nodes=2 node=""
    [ $# -gt 0 ] && shift
    if [ "$sub" = start-node ]; then
        node="${1:-}"
        [ $# -gt 0 ] && shift
        [[ "$node" =~ ^[1-9][0-9]?$ ]] && [ -d "$CLUSTER_DIR/node$node" ] || die "start-node takes the number of a node of the cluster (see cluster status)"
    fi
    while [ $# -gt 0 ]; do
        case "$1" in
            --nodes) nodes="$2"; shift 2 ;;
            *) die "unknown option for cluster: $1" ;;
        esac
    done
    [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || die "--nodes takes a number from 1 to 99"
    case "$sub" in
        start) cluster_start "$nodes" ;;
        stop) cluster_stop; say "cluster stopped" ;;
        status) cluster_status ;;
        start-node) cluster_node_start "$node" ;;
        *) die "usage: bin/sigillum cluster start|stop|status [--nodes N], or start-node N" ;;
    esac
}

# cluster_start N [RUNNING]: a fresh database and token, N nodes prepared, the first RUNNING of them (default all)
# started one after the other, then the balancer in front of all N
cluster_start() {
    local nodes="$1" running="${2:-$1}" n inst
    require_tools
    require_packages postgresql haproxy
    build_if_needed
    cluster_stop
    rm -rf "$CLUSTER_DIR" && mkdir -p "$CLUSTER_DIR" && chmod 700 "$CLUSTER_DIR"
    provision_wildfly

    say "PostgreSQL on port $CLUSTER_PG_PORT"
    (umask 077 && random_secret 12 > "$CLUSTER_DIR/db.password")
    pg_start "$CLUSTER_PG_DIR" "$CLUSTER_PG_PORT" "$(cat "$CLUSTER_DIR/db.password")"

    # one token for all nodes, initialised once, with the key ceremony's wrapping and binding keys
    bootstrap_client_prepare "$CLUSTER_DIR/bootstrap-client.json"
    token_prepare "$CLUSTER_DIR/softhsm" "$CLUSTER_TOKEN_LABEL"
    key_ceremony "$CLUSTER_DIR/softhsm" "$CLUSTER_TOKEN_LABEL"

    for ((n = 1; n <= nodes; n++)); do
        inst="$CLUSTER_DIR/node$n"
        instance_prepare "$inst" ha
        echo $((HTTP_BASE_PORT + $(cluster_offset "$n"))) > "$inst/http.port"
    done
    cluster_environment
    for ((n = 1; n <= nodes; n++)); do
        instance_configure "$CLUSTER_DIR/node$n" postgresql ha
    done
    for ((n = 1; n <= running; n++)); do
        cluster_node_start "$n"
    done
    balancer_start "$nodes"
    wait_until_ready "http://127.0.0.1:$CLUSTER_PORT/health/ready"
    cluster_status
}

# cluster_environment: what every node is configured and started with, from the files cluster_start left in
# CLUSTER_DIR, so that a node can be (re)started later by another command
cluster_environment() {
    local n hosts=""
    export SIGILLUM_DB_URL="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/sigillum"
    export SIGILLUM_DB_USER=sigillum SIGILLUM_DB_PASSWORD
    SIGILLUM_DB_PASSWORD="$(cat "$CLUSTER_DIR/db.password")"
    export SOFTHSM2_CONF="$CLUSTER_DIR/softhsm/softhsm2.conf"
    export SIGILLUM_TOKEN_LABEL="$CLUSTER_TOKEN_LABEL"
    export SIGILLUM_TOKEN_PIN_SOURCE="file:$CLUSTER_DIR/softhsm/token.pin"
    export SIGILLUM_HTTP_PORT="$HTTP_BASE_PORT"
    export SIGILLUM_PUBLIC_URL="${SIGILLUM_PUBLIC_URL:-http://127.0.0.1:$CLUSTER_PORT}"
    for ((n = 1; n <= $(cluster_node_count); n++)); do
        hosts="${hosts:+$hosts,}127.0.0.1[$((JGROUPS_TCP_BASE_PORT + $(cluster_offset "$n")))]"
    done
    export SIGILLUM_CLUSTER_HOSTS="$hosts"
}

cluster_node_count() {
    ls -d "$CLUSTER_DIR"/node* 2>/dev/null | wc -l
}

# cluster_node_start N: starts node N (again, after a crash or a stop) and waits until it is ready
cluster_node_start() {
    local n="$1" inst="$CLUSTER_DIR/node$1"
    cluster_environment
    export SIGILLUM_VAR="$inst"
    SIGILLUM_JAVA_OPTS="-Djboss.node.name=node$n -Djboss.tx.node.id=node$n" \
        instance_start "$inst" "$(cluster_offset "$n")"
    wait_until_ready "http://127.0.0.1:$(cat "$inst/http.port")/health/ready"
}

# balancer_start N: HAProxy, round robin over the nodes that answer /health/ready
balancer_start() {
    local nodes="$1" n cfg="$CLUSTER_DIR/haproxy.cfg"
    {
        cat <<CFG
global
    maxconn 1024

defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    # a node slow to answer its readiness check under load is still up; with the check timing out after the 1 s
    # interval, an overloaded node was taken out and, with no other, every request got the balancer's 503
    timeout check 5s
    option redispatch
    retries 2

frontend sigillum
    bind 127.0.0.1:$CLUSTER_PORT
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 1
CFG
        for ((n = 1; n <= nodes; n++)); do
            echo "    server node$n 127.0.0.1:$(cat "$CLUSTER_DIR/node$n/http.port") check"
        done
    } > "$cfg"
    say "HAProxy on 127.0.0.1:$CLUSTER_PORT"
    haproxy -c -q -f "$cfg" || die "invalid HAProxy configuration $cfg"
    haproxy -f "$cfg" -D -p "$CLUSTER_DIR/haproxy.pid" || die "HAProxy did not start"
}

balancer_pid() {
    [ -f "$CLUSTER_DIR/haproxy.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/haproxy.pid")" 2>/dev/null \
        && cat "$CLUSTER_DIR/haproxy.pid"
}

cluster_stop() {
    local inst pid
    if pid=$(balancer_pid); then
        kill "$pid" 2>/dev/null || true
    fi
    rm -f "$CLUSTER_DIR/haproxy.pid"
    for inst in "$CLUSTER_DIR"/node*; do
        [ -d "$inst" ] && instance_stop "$inst"
    done
    pg_stop "$CLUSTER_PG_DIR"
}

# one line per node, then the balancer's: "nodeN pid=PID url=…" (pid=- when it is not running)
cluster_status() {
    local inst pid
    [ -d "$CLUSTER_DIR" ] || { echo "no cluster"; return 1; }
    for inst in $(ls -d "$CLUSTER_DIR"/node* 2>/dev/null | sort -V); do
        pid=$(instance_pid "$inst") || pid=-
        echo "$(basename "$inst") pid=$pid url=http://127.0.0.1:$(cat "$inst/http.port")"
    done
    pid=$(balancer_pid) || pid=-
    echo "balancer pid=$pid url=http://127.0.0.1:$CLUSTER_PORT"
}
