# bin/sigillum cluster start|stop|status [--nodes N]: N WildFly nodes (standalone-ha.xml) from the one unpacked
# distribution, each an instance under var/cluster/nodeN at port offset SIGILLUM_CLUSTER_PORT_BASE + 100·N,
# on one throw-away PostgreSQL and one SoftHSM2 token shared by all nodes, behind HAProxy on
# 127.0.0.1:SIGILLUM_CLUSTER_PORT. JGroups runs over TCP with static discovery of the nodes' addresses, each node
# on a loopback address of its own (127.0.0.1+N), so that the link between two nodes is the traffic between two
# addresses. Faults for the failover tests: revive (start the nodes that are not running, as after a crash), cut and
# heal (the JGroups link between some nodes and the others), db-restart (PostgreSQL down and up again).

CLUSTER_TOKEN_LABEL=cluster
# WildFly's default ports, to which each node's offset is added
HTTP_BASE_PORT=8080
JGROUPS_TCP_BASE_PORT=7600

# cluster_settings: the cluster's directory, ports and PostgreSQL from SIGILLUM_CLUSTER_DIR, _PORT, _PORT_BASE and
# _PG_PORT; the test command sets these for a cluster of its own and calls it again
cluster_settings() {
    CLUSTER_DIR="${SIGILLUM_CLUSTER_DIR:-$VAR_DIR/cluster}"
    CLUSTER_PORT="${SIGILLUM_CLUSTER_PORT:-8080}"
    CLUSTER_PORT_BASE="${SIGILLUM_CLUSTER_PORT_BASE:-0}"
    CLUSTER_PG_PORT="${SIGILLUM_CLUSTER_PG_PORT:-25432}"
    # outside the checkout, as for the tests: the postgres user must reach it
    CLUSTER_PG_DIR="${TMPDIR:-/tmp}/sigillum-cluster-pg-$(id -u)-$CLUSTER_PG_PORT"
    # one nftables table per cluster, named by its port base: the rules of a cut never touch another cluster
    CLUSTER_NFT_TABLE="sigillum_cluster_$CLUSTER_PORT_BASE"
}
cluster_settings

cluster_offset() {
    echo $((CLUSTER_PORT_BASE + 100 * $1))
}

cluster_jgroups_address() {
    echo "127.0.0.$((1 + $1))"
}

cluster_jgroups_port() {
    echo $((JGROUPS_TCP_BASE_PORT + $(cluster_offset "$1")))
}

cluster_node_count() {
    ls -d "$CLUSTER_DIR"/node* 2>/dev/null | wc -l
}

cmd_cluster() {
    local sub="${1:-}" nodes=2
    [ $# -gt 0 ] && shift
    case "$sub" in
        start)
            while [ $# -gt 0 ]; do
                case "$1" in
                    --nodes) nodes="$2"; shift 2 ;;
                    *) die "unknown option for cluster start: $1" ;;
                esac
            done
            [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || die "--nodes takes a number from 1 to 99"
            cluster_start "$nodes" ;;
        stop) cluster_stop; say "cluster stopped" ;;
        status) cluster_status ;;
        revive) cluster_revive ;;
        cut) cluster_cut "$@" ;;
        heal) cluster_heal ;;
        db-restart) cluster_db_restart "${1:-0}" ;;
        *) die "usage: bin/sigillum cluster start [--nodes N] | stop | status | revive | cut N... | heal | db-restart [SECONDS]" ;;
    esac
}

# cluster_start N [RUNNING]: a fresh database and token, N nodes of which the first RUNNING (all by default) are
# started one after the other, then the balancer; cluster_revive starts the others later
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
    token_prepare "$CLUSTER_DIR/softhsm" "$CLUSTER_TOKEN_LABEL"
    key_ceremony "$CLUSTER_DIR/softhsm" "$CLUSTER_TOKEN_LABEL"
    cluster_environment "$nodes"

    for ((n = 1; n <= nodes; n++)); do
        inst="$CLUSTER_DIR/node$n"
        instance_prepare "$inst" ha
        instance_configure "$inst" postgresql ha
        echo $((HTTP_BASE_PORT + $(cluster_offset "$n"))) > "$inst/http.port"
    done
    for ((n = 1; n <= running; n++)); do
        cluster_node_start "$n"
    done
    balancer_start "$nodes"
    wait_until_ready "http://127.0.0.1:$CLUSTER_PORT/health/ready"
    cluster_status
}

# cluster_environment N: what every node of this cluster starts with (database, token, bootstrap client, the
# JGroups addresses of all N nodes); the same for the first start and a revival
cluster_environment() {
    local nodes="$1" n hosts=""
    export SIGILLUM_DB_URL="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/sigillum"
    export SIGILLUM_DB_USER=sigillum SIGILLUM_DB_PASSWORD
    SIGILLUM_DB_PASSWORD="$(cat "$CLUSTER_DIR/db.password")"
    bootstrap_client_prepare "$CLUSTER_DIR/bootstrap-client.json"
    export SOFTHSM2_CONF="$CLUSTER_DIR/softhsm/softhsm2.conf"
    export SIGILLUM_TOKEN_LABEL="$CLUSTER_TOKEN_LABEL"
    export SIGILLUM_TOKEN_PIN_SOURCE="file:$CLUSTER_DIR/softhsm/token.pin"
    export SIGILLUM_PUBLIC_URL="${SIGILLUM_PUBLIC_URL:-http://127.0.0.1:$CLUSTER_PORT}"
    for ((n = 1; n <= nodes; n++)); do
        hosts="${hosts:+$hosts,}$(cluster_jgroups_address "$n")[$(cluster_jgroups_port "$n")]"
    done
    export SIGILLUM_CLUSTER_HOSTS="$hosts"
}

# cluster_node_start N: node N, its JGroups channel on its own loopback address, until it is ready
cluster_node_start() {
    local n="$1" inst="$CLUSTER_DIR/node$1" jgroups
    jgroups=$(cluster_jgroups_address "$n")
    export SIGILLUM_VAR="$inst"
    SIGILLUM_JAVA_OPTS="-Djboss.node.name=node$n -Djboss.tx.node.id=node$n -Djboss.bind.address.private=$jgroups" \
        instance_start "$inst" "$(cluster_offset "$n")"
    wait_until_ready "http://127.0.0.1:$(cat "$inst/http.port")/health/ready"
}

# cluster_revive: every node of the existing cluster that is not running is started again, on the cluster's
# database and token, as an operator does after a crash; running nodes, PostgreSQL and the balancer stay as they are
cluster_revive() {
    local nodes n
    nodes=$(cluster_node_count)
    [ "$nodes" -gt 0 ] || die "no cluster to revive: bin/sigillum cluster start"
    require_tools
    cluster_environment "$nodes"
    for ((n = 1; n <= nodes; n++)); do
        instance_pid "$CLUSTER_DIR/node$n" >/dev/null || cluster_node_start "$n"
    done
    balancer_pid >/dev/null || balancer_start "$nodes"
    cluster_status
}

# cluster_cut N...: the JGroups link between the named nodes and the others is cut while every node keeps running:
# each TCP segment between the two sides' JGroups addresses, to or from a JGroups port of this cluster, is dropped in
# both directions (on loopback every segment passes the output hook once). HTTP and PostgreSQL, on 127.0.0.1, and
# other clusters' ports are untouched.
cluster_cut() {
    local nodes n side=() rest=() ports=()
    nodes=$(cluster_node_count)
    [ $# -gt 0 ] || die "usage: bin/sigillum cluster cut N... (the nodes on one side)"
    for n in "$@"; do
        [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le "$nodes" ] || die "no node $n in a cluster of $nodes"
    done
    for ((n = 1; n <= nodes; n++)); do
        ports+=("$(cluster_jgroups_port "$n")")
        if [[ " $* " == *" $n "* ]]; then side+=("$(cluster_jgroups_address "$n")"); else rest+=("$(cluster_jgroups_address "$n")"); fi
    done
    [ ${#rest[@]} -gt 0 ] || die "a cut needs nodes on both sides"
    require_packages nftables
    cluster_heal
    local a b p
    a="{ $(IFS=,; echo "${side[*]}") }" b="{ $(IFS=,; echo "${rest[*]}") }" p="{ $(IFS=,; echo "${ports[*]}") }"
    nft -f - <<NFT || die "nftables refused the cut"
table inet $CLUSTER_NFT_TABLE {
    chain output {
        type filter hook output priority 0; policy accept;
        ip saddr $a ip daddr $b tcp dport $p drop
        ip saddr $a ip daddr $b tcp sport $p drop
        ip saddr $b ip daddr $a tcp dport $p drop
        ip saddr $b ip daddr $a tcp sport $p drop
    }
}
NFT
    say "JGroups link cut between nodes $* and the others"
}

# cluster_heal: the rules of a cut removed (nothing to do when there are none)
cluster_heal() {
    if command -v nft >/dev/null && nft list table inet "$CLUSTER_NFT_TABLE" >/dev/null 2>&1; then
        nft delete table inet "$CLUSTER_NFT_TABLE" || die "could not remove the cut ($CLUSTER_NFT_TABLE)"
        say "JGroups link healed"
    fi
}

# cluster_db_restart SECONDS: PostgreSQL stopped in immediate mode (every connection cut, no shutdown checkpoint, as
# in a crash), kept down for SECONDS, then started again on the same data
cluster_db_restart() {
    local down="$1"
    [[ "$down" =~ ^[0-9]+$ ]] || die "db-restart takes the seconds PostgreSQL stays down"
    pg_stop "$CLUSTER_PG_DIR" immediate
    sleep "$down"
    pg_resume "$CLUSTER_PG_DIR" "$CLUSTER_PG_PORT"
}

# balancer_start N: HAProxy, round robin over the nodes that answer /health/ready; its own errors (no node ready, a
# node that failed or did not answer) in the API's JSON error format, as a node would give them
balancer_start() {
    local nodes="$1" n cfg="$CLUSTER_DIR/haproxy.cfg"
    balancer_error 502 "Bad Gateway" server_error "a node failed while answering"
    balancer_error 503 "Service Unavailable" temporarily_unavailable "no node is available"
    balancer_error 504 "Gateway Timeout" temporarily_unavailable "no node answered in time"
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
    errorfile 502 $CLUSTER_DIR/balancer-502.http
    errorfile 503 $CLUSTER_DIR/balancer-503.http
    errorfile 504 $CLUSTER_DIR/balancer-504.http

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

# balancer_error STATUS REASON ERROR DESCRIPTION: the raw HTTP response HAProxy sends for STATUS
balancer_error() {
    local body="{\"error\":\"$3\",\"error_description\":\"$4\"}"
    printf 'HTTP/1.1 %s %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s' \
        "$1" "$2" "${#body}" "$body" > "$CLUSTER_DIR/balancer-$1.http"
}

balancer_pid() {
    [ -f "$CLUSTER_DIR/haproxy.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/haproxy.pid")" 2>/dev/null \
        && cat "$CLUSTER_DIR/haproxy.pid"
}

cluster_stop() {
    local inst pid
    cluster_heal
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
