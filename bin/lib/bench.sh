# bin/sigillum bench NAME [--h2]: benchmarks against a server of their own (fresh token), stopped afterwards, on a
# throw-away PostgreSQL cluster as in production, or on H2 with --h2 (its ratio names then end in ".h2").
# hsm: the resource adapter against bare PKCS#11; signhash: CSC signHash end to end against the same baselines.
# cluster: a mixed load at a fixed rate on a cluster of its own (bin/sigillum cluster), one node then two.
# SIGILLUM_BENCH_PORT_OFFSET and SIGILLUM_BENCH_PG_PORT move the server and its PostgreSQL, so that two
# checkouts can benchmark side by side.

BENCH_DIR="$VAR_DIR/bench"
BENCH_PORT_OFFSET="${SIGILLUM_BENCH_PORT_OFFSET:-20000}"
BENCH_PG_PORT="${SIGILLUM_BENCH_PG_PORT:-15433}"
# outside the checkout, like the test command's cluster: the postgres user must be able to reach it
BENCH_PG_DIR="${TMPDIR:-/tmp}/sigillum-bench-pg-$(id -u)-$BENCH_PG_PORT"

bench_cleanup() {
    instance_stop "$BENCH_DIR/server"
    pg_stop "$BENCH_PG_DIR"
}

cmd_bench() {
    local name="${1:-}" seconds="${SIGILLUM_BENCH_SECONDS:-3}" db=postgresql
    local main
    [ "$name" = cluster ] && { shift; bench_cluster "$@"; return; }
    case "${2:-}" in
        --h2) db=h2 ;;
        "") ;;
        *) die "unknown option for bench $name: $2 (known: --h2)" ;;
    esac
    case "$name" in
        hsm) main=org.sigillum.bench.HsmBench ;;
        signhash) main=org.sigillum.bench.SignHashBench ;;
        documents) main=org.sigillum.bench.DocumentsBench ;;
        *) die "unknown benchmark '$name' (known: hsm, signhash, documents, cluster)" ;;
    esac
    require_tools
    build_if_needed
    bench_cleanup
    rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
    trap bench_cleanup EXIT
    local inst="$BENCH_DIR/server" http=$((8080 + BENCH_PORT_OFFSET))
    unset SIGILLUM_DB_URL SIGILLUM_BENCH_RESULT_SUFFIX
    if [ "$db" = postgresql ]; then
        require_packages postgresql
        SIGILLUM_DB_PASSWORD="$(random_secret 12)"
        pg_start "$BENCH_PG_DIR" "$BENCH_PG_PORT" "$SIGILLUM_DB_PASSWORD"
        export SIGILLUM_DB_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/sigillum"
        export SIGILLUM_DB_USER=sigillum SIGILLUM_DB_PASSWORD
    else
        export SIGILLUM_BENCH_RESULT_SUFFIX=.h2
    fi
    prepare_instance "$inst" bench "$db" "$BENCH_DIR/bootstrap-client.json"
    export SIGILLUM_PUBLIC_URL="http://127.0.0.1:$http"
    instance_start "$inst" "$BENCH_PORT_OFFSET"
    wait_until_ready "http://127.0.0.1:$http/health/ready"
    export SIGILLUM_BENCH_URL="http://127.0.0.1:$http"
    export SIGILLUM_BENCH_CLIENT_ID SIGILLUM_BENCH_CLIENT_SECRET
    SIGILLUM_BENCH_CLIENT_ID=$(bootstrap_client_field "$BENCH_DIR/bootstrap-client.json" client_id)
    SIGILLUM_BENCH_CLIENT_SECRET=$(bootstrap_client_field "$BENCH_DIR/bootstrap-client.json" client_secret)
    export SIGILLUM_BENCH_TOKEN_LABEL=bench
    export SIGILLUM_BENCH_PIN_FILE="$inst/softhsm/token.pin"
    # the server's CPU time per call is read from /proc of this process and its descendants (the JVM)
    export SIGILLUM_BENCH_SERVER_PID
    SIGILLUM_BENCH_SERVER_PID=$(instance_pid "$inst")
    say "benchmark $name on $db: $seconds s per phase (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    bench_java "$main" "$seconds"
}

# bench_java CLASS ARG...: a benchmark client; its standard error goes to BENCH_DIR/bench.err, shown if it fails
bench_java() {
    java -cp "$SIGILLUM_HOME/bench/target/classes:$(cat "$SIGILLUM_HOME/bench/target/classpath.txt")" \
        "$@" 2> "$BENCH_DIR/bench.err" || { cat "$BENCH_DIR/bench.err" >&2; die "benchmark failed"; }
}

# bench_cluster [--minutes M] [--rate R]: a two-node cluster with only node 1 running; the client (ClusterBench)
# starts node 2 between its phases and kills and restarts a node in the second, through bin/sigillum cluster
bench_cluster() {
    local minutes=3 rate=4
    while [ $# -gt 0 ]; do
        case "$1" in
            --minutes) minutes="$2"; shift 2 ;;
            --rate) rate="$2"; shift 2 ;;
            *) die "unknown option for bench cluster: $1 (known: --minutes M, --rate R)" ;;
        esac
    done
    [[ "$minutes" =~ ^[1-9][0-9]*$ ]] || die "--minutes takes a whole number of minutes, at least 1"
    [[ "$rate" =~ ^[0-9]+(\.[0-9]+)?$ ]] && awk "BEGIN { exit !($rate > 0) }" \
        || die "--rate takes flows per second above 0, e.g. 6 or 2.5"
    require_tools
    build_if_needed
    rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
    trap cluster_stop EXIT
    cluster_start 2 1
    export SIGILLUM_BENCH_URL="http://127.0.0.1:$CLUSTER_PORT"
    export SIGILLUM_BENCH_CLIENT_ID SIGILLUM_BENCH_CLIENT_SECRET
    SIGILLUM_BENCH_CLIENT_ID=$(bootstrap_client_field "$CLUSTER_DIR/bootstrap-client.json" client_id)
    SIGILLUM_BENCH_CLIENT_SECRET=$(bootstrap_client_field "$CLUSTER_DIR/bootstrap-client.json" client_secret)
    export SIGILLUM_BENCH_LOG_DIR="$BENCH_DIR"
    say "benchmark cluster: $minutes min of load at $rate flows/s (a third on one node, two thirds on two)"
    bench_java org.sigillum.bench.ClusterBench "$minutes" "$rate"
}
