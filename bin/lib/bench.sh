# bin/sigillum bench NAME: benchmarks against a server of their own (H2, fresh token), stopped afterwards.
# hsm: the resource adapter against bare PKCS#11; signhash: CSC signHash end to end against the same baselines.

BENCH_DIR="$VAR_DIR/bench"
BENCH_PORT_OFFSET=20000

bench_cleanup() {
    instance_stop "$BENCH_DIR/server"
}

cmd_bench() {
    local name="${1:-}" seconds="${SIGILLUM_BENCH_SECONDS:-3}"
    local main
    case "$name" in
        hsm) main=org.sigillum.bench.HsmBench ;;
        signhash) main=org.sigillum.bench.SignHashBench ;;
        documents) main=org.sigillum.bench.DocumentsBench ;;
        *) die "unknown benchmark '$name' (known: hsm, signhash, documents)" ;;
    esac
    require_tools
    build_if_needed
    bench_cleanup
    rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
    trap bench_cleanup EXIT
    local inst="$BENCH_DIR/server" http=$((8080 + BENCH_PORT_OFFSET))
    unset SIGILLUM_DB_URL
    prepare_instance "$inst" bench h2 "$BENCH_DIR/bootstrap-client.json"
    export SIGILLUM_PUBLIC_URL="http://127.0.0.1:$http"
    instance_start "$inst" "$BENCH_PORT_OFFSET"
    wait_until_ready "http://127.0.0.1:$http/health/ready"
    export SIGILLUM_BENCH_URL="http://127.0.0.1:$http"
    export SIGILLUM_BENCH_CLIENT_ID SIGILLUM_BENCH_CLIENT_SECRET
    SIGILLUM_BENCH_CLIENT_ID=$(bootstrap_client_field "$BENCH_DIR/bootstrap-client.json" client_id)
    SIGILLUM_BENCH_CLIENT_SECRET=$(bootstrap_client_field "$BENCH_DIR/bootstrap-client.json" client_secret)
    export SIGILLUM_BENCH_TOKEN_LABEL=bench
    export SIGILLUM_BENCH_PIN_FILE="$inst/softhsm/token.pin"
    say "benchmark $name: $seconds s per phase"
    java -cp "$SIGILLUM_HOME/bench/target/classes:$(cat "$SIGILLUM_HOME/bench/target/classpath.txt")" \
        "$main" "$seconds" 2> "$BENCH_DIR/bench.err" || { cat "$BENCH_DIR/bench.err" >&2; die "benchmark failed"; }
}
