# The quick-start server: bin/sigillum start | stop | status | logs

# SIGILLUM_HTTP_PORT moves every port of the quick-start server (HTTP, HTTPS, management, transactions) by the same
# port offset, and names its own instance directory: two quick-start servers on different ports run side by side
QUICKSTART_PORT="${SIGILLUM_HTTP_PORT:-8080}"
if [ "$QUICKSTART_PORT" = 8080 ]; then SERVER_DIR="$VAR_DIR/server"; else SERVER_DIR="$VAR_DIR/server-$QUICKSTART_PORT"; fi
BOOTSTRAP_CLIENT_FILE="$VAR_DIR/bootstrap-client.json"
TOKEN_LABEL="${SIGILLUM_TOKEN_LABEL:-sigillum}"

# export_instance_env DIR LABEL: what the CLI expressions and the resource adapter read at run time
export_instance_env() {
    local inst="$1" label="$2"
    mkdir -p "$inst/db"
    export SIGILLUM_VAR="$inst"
    export SOFTHSM2_CONF="$inst/softhsm/softhsm2.conf"
    export SIGILLUM_TOKEN_LABEL="$label"
    export SIGILLUM_TOKEN_PIN_SOURCE="file:$inst/softhsm/token.pin"
    SIGILLUM_PKCS11_LIBRARY="$(softhsm_library)"
    export SIGILLUM_PKCS11_LIBRARY
}

# prepare_instance DIR LABEL DBKIND CLIENTFILE: everything but starting the server
prepare_instance() {
    local inst="$1" label="$2" dbkind="$3" client_file="$4"
    provision_wildfly
    instance_prepare "$inst"
    bootstrap_client_prepare "$client_file"
    token_prepare "$inst/softhsm" "$label"
    key_ceremony "$inst/softhsm" "$label"
    instance_configure "$inst" "$dbkind"
    export_instance_env "$inst" "$label"
}

wait_until_ready() {
    local url="$1"
    wait_for_http "$url" 60 || { curl -sS "$url" >&2 || true; die "server not ready: $url"; }
}

cmd_start() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --db-url) export SIGILLUM_DB_URL="$2"; shift 2 ;;
            --db-user) export SIGILLUM_DB_USER="$2"; shift 2 ;;
            --db-password) export SIGILLUM_DB_PASSWORD="$2"; shift 2 ;;
            *) die "unknown option for start: $1" ;;
        esac
    done
    local dbkind=h2 port="$QUICKSTART_PORT"
    if [ -n "${SIGILLUM_DB_URL:-}" ]; then
        dbkind=postgresql
        [ -n "${SIGILLUM_DB_PASSWORD:-}" ] || die "SIGILLUM_DB_PASSWORD (or --db-password) is required with PostgreSQL"
    fi
    # WildFly's default ports run from 4712 (transactions) to 9993 (management over HTTPS); each moves by the offset
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 4392 ] && [ "$port" -le 63622 ] \
        || die "SIGILLUM_HTTP_PORT must be a port from 4392 to 63622 (every other port moves with it)"
    require_tools
    build_if_needed
    mkdir -p "$VAR_DIR"
    prepare_instance "$SERVER_DIR" "$TOKEN_LABEL" "$dbkind" "$BOOTSTRAP_CLIENT_FILE"
    export SIGILLUM_PUBLIC_URL="${SIGILLUM_PUBLIC_URL:-http://127.0.0.1:$port}"
    instance_start "$SERVER_DIR" $((port - 8080))
    wait_until_ready "http://127.0.0.1:$port/health/ready"
    tls_activate "$SERVER_DIR" $((port - 8080)) "http://127.0.0.1:$port" "$VAR_DIR/ca/root.pem"
    # the commands for this server name its port when it is not the default one
    local prefix=""
    [ "$port" = 8080 ] || prefix="SIGILLUM_HTTP_PORT=$port "
    cat <<DONE

Sigillum is running (database: $dbkind, token: $TOKEN_LABEL).
  CSC API v2      http://127.0.0.1:$port/csc/v2/info
  CSC API v2      https://127.0.0.1:$((port + 363))/csc/v2/info  (server certificate from the built-in CA)
  CSC API v1      http://127.0.0.1:$port/csc/v1/info
  Root CA         $VAR_DIR/ca/root.pem  (curl --cacert; also at /ca/root.crt)
  OpenAPI         http://127.0.0.1:$port/openapi
  Readiness       http://127.0.0.1:$port/health/ready
  OAuth 2.0       http://127.0.0.1:$port/.well-known/oauth-authorization-server
  Admin API       http://127.0.0.1:$port/api/v1/  (Authorization: Bearer \$(${prefix}bin/sigillum token))
  Operator client $( [ -n "${SIGILLUM_BOOTSTRAP_CLIENT_FILE:-}" ] && echo "$SIGILLUM_BOOTSTRAP_CLIENT_FILE" || echo "SIGILLUM_BOOTSTRAP_CLIENT_ID")
  Logs            ${prefix}bin/sigillum logs
  Stop            ${prefix}bin/sigillum stop
DONE
}

# bin/sigillum token: an admin-scope access token for the bootstrap client (client_credentials grant)
cmd_token() {
    local id="${SIGILLUM_BOOTSTRAP_CLIENT_ID:-}" secret="${SIGILLUM_BOOTSTRAP_CLIENT_SECRET:-}" port="$QUICKSTART_PORT"
    if [ -z "$id" ] || [ -z "$secret" ]; then
        [ -f "$BOOTSTRAP_CLIENT_FILE" ] || die "no bootstrap client: run bin/sigillum start first"
        id=$(bootstrap_client_field "$BOOTSTRAP_CLIENT_FILE" client_id)
        secret=$(bootstrap_client_field "$BOOTSTRAP_CLIENT_FILE" client_secret)
    fi
    curl -fsS -u "$id:$secret" -d grant_type=client_credentials -d scope=admin \
        "http://127.0.0.1:$port/csc/v2/oauth2/token" | jq -er .access_token
}

cmd_stop() {
    instance_stop "$SERVER_DIR"
    say "stopped"
}

cmd_status() {
    local pid
    if pid=$(instance_pid "$SERVER_DIR"); then
        echo "running pid=$pid url=http://127.0.0.1:$QUICKSTART_PORT"
        curl -sS "http://127.0.0.1:$QUICKSTART_PORT/health/ready" || true
        echo
    else
        echo "stopped"
        return 1
    fi
}

cmd_logs() {
    local log="$SERVER_DIR/standalone/log/server.log"
    [ -f "$log" ] || die "no log yet: $log"
    tail -n 200 -F "$log"
}
