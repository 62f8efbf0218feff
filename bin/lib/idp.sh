# Keycloak as the development and test identity provider (issue 10): the server distribution from Maven Central,
# the realm "sigillum" imported from idp/ at every start (the dev-mode database is thrown away), on the loopback
# interface only. See docs/federation.md for the realm's client and users.

KEYCLOAK_VERSION=26.5.6
KEYCLOAK_HOME="$DIST_DIR/keycloak-$KEYCLOAK_VERSION"
IDP_PORT="${SIGILLUM_IDP_PORT:-8380}"
IDP_DIR="$VAR_DIR/idp"
IDP_REALM=sigillum
IDP_OIDC_ALIAS=keycloak-oidc
IDP_SAML_ALIAS=keycloak-saml
# the realm's SAML client: its client ID is the SP entity ID Sigillum uses for this provider
IDP_SAML_CLIENT=urn:sigillum:saml-sp

# The build options are fixed once here (Quarkus augmentation takes minutes on a busy machine), so that every
# start is an optimized one: a file database of its own, local caches (never a cluster with another Keycloak on
# the machine), no management endpoints.
KEYCLOAK_BUILD_OPTIONS=(--db=dev-file --cache=local --health-enabled=false --metrics-enabled=false)

provision_keycloak() {
    local marker="$KEYCLOAK_HOME/.sigillum-built"
    [ -f "$marker" ] && [ "$(cat "$marker")" = "${KEYCLOAK_BUILD_OPTIONS[*]}" ] && return 0
    if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
        say "provisioning Keycloak $KEYCLOAK_VERSION from Maven Central"
        mkdir -p "$DIST_DIR"
        (cd "$SIGILLUM_HOME" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$DIST_DIR") \
            || die "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
        unzip -q -o "$DIST_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$DIST_DIR"
        rm -f "$DIST_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    fi
    say "building Keycloak's server image (once)"
    (cd "$KEYCLOAK_HOME" && bin/kc.sh build "${KEYCLOAK_BUILD_OPTIONS[@]}" > "$KEYCLOAK_HOME/build.log" 2>&1) \
        || { tail -n 30 "$KEYCLOAK_HOME/build.log" >&2; die "kc.sh build failed"; }
    echo "${KEYCLOAK_BUILD_OPTIONS[*]}" > "$marker"
}

idp_url() { echo "http://127.0.0.1:$IDP_PORT"; }
idp_issuer() { echo "$(idp_url)/realms/$IDP_REALM"; }

idp_pid() {
    local pid
    [ -f "$IDP_DIR/keycloak.pid" ] || return 1
    pid=$(cat "$IDP_DIR/keycloak.pid")
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

# idp_start: Keycloak on 127.0.0.1:$IDP_PORT with a fresh realm; the admin password and the client secret of
# the realm's OIDC client are made once and kept in var/idp/
idp_start() {
    command -v java >/dev/null || die "Java 17 is required (apt-get install -y openjdk-17-jdk-headless)"
    require_packages unzip curl jq
    if idp_pid >/dev/null; then
        say "Keycloak is already running"
        return 0
    fi
    provision_keycloak
    mkdir -p "$IDP_DIR"
    [ -s "$IDP_DIR/admin-password" ] || (umask 077 && random_secret 16 > "$IDP_DIR/admin-password")
    [ -s "$IDP_DIR/client-secret" ] || (umask 077 && random_secret 24 > "$IDP_DIR/client-secret")
    # a private copy of the distribution's data: the dev-mode H2 database and the realm to import
    rm -rf "$IDP_DIR/data" "$KEYCLOAK_HOME/data/h2" "$KEYCLOAK_HOME/data/import"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    sed "s/\${SIGILLUM_IDP_CLIENT_SECRET}/$(cat "$IDP_DIR/client-secret")/" "$SIGILLUM_HOME/idp/sigillum-realm.json" \
        > "$KEYCLOAK_HOME/data/import/sigillum-realm.json"
    say "starting Keycloak on $(idp_url)"
    (
        export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD
        KC_BOOTSTRAP_ADMIN_PASSWORD=$(cat "$IDP_DIR/admin-password")
        export JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m"
        cd "$KEYCLOAK_HOME"
        # the recorded PID is kc.sh's, the leader of a new process group that holds the JVM too
        setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' idp "$IDP_DIR/keycloak.pid" \
            bin/kc.sh start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$IDP_PORT" \
            --http-management-port="$((IDP_PORT + 1))" --hostname-strict=false --import-realm \
            > "$IDP_DIR/keycloak.log" 2>&1 < /dev/null &
    )
    if ! wait_for_http "$(idp_issuer)/.well-known/openid-configuration" 300; then
        tail -n 40 "$IDP_DIR/keycloak.log" >&2
        idp_stop
        die "Keycloak did not start"
    fi
}

# idp_for_tests [MAVEN ARGS]: a fresh Keycloak for the federation tests when the run includes them (all tests,
# or an -Dit.test pattern naming them), with the browser they drive; its coordinates for the tests
idp_for_tests() {
    local arg pattern=""
    for arg in "$@"; do
        case "$arg" in -Dit.test=*) pattern="${arg#-Dit.test=}" ;; esac
    done
    if [ -n "$pattern" ] && ! [[ "$pattern" =~ (Federat|Oidc|Saml|Keycloak|\*) ]]; then
        return 0
    fi
    require_packages chromium chromium-driver
    idp_stop
    idp_start
    export SIGILLUM_IT_IDP_ISSUER SIGILLUM_IT_IDP_CLIENT_SECRET SIGILLUM_IT_CHROMEDRIVER=/usr/bin/chromedriver \
        SIGILLUM_IT_IDP_ADMIN_PASSWORD
    SIGILLUM_IT_IDP_ADMIN_PASSWORD="$(cat "$IDP_DIR/admin-password")"
    SIGILLUM_IT_IDP_ISSUER="$(idp_issuer)"
    SIGILLUM_IT_IDP_CLIENT_SECRET="$(cat "$IDP_DIR/client-secret")"
}

idp_stop() {
    local pid i
    pid=$(idp_pid) || { rm -f "$IDP_DIR/keycloak.pid"; return 0; }
    # the PID leads its own process group (setsid): kc.sh and the JVM it forks go together
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 -- "-$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -0 -- "-$pid" 2>/dev/null && kill -9 -- "-$pid" 2>/dev/null
    rm -f "$IDP_DIR/keycloak.pid"
}

# the provider as Sigillum's admin API takes it, for the realm's OIDC client
idp_oidc_provider_json() {
    jq -n --arg alias "$IDP_OIDC_ALIAS" --arg issuer "$(idp_issuer)" --arg secret "$(cat "$IDP_DIR/client-secret")" \
        '{alias: $alias, kind: "OIDC", displayName: "Keycloak (OpenID Connect)", enabled: true,
          settings: {issuer: $issuer, clientId: "sigillum"}, secret: $secret,
          levelMapping: {"substantial": "substantial", "high": "high", "1": "substantial", "2": "high", "0": "low"}}'
}

# registers (or updates) aliases keycloak-oidc and keycloak-saml with the running quick-start server, if one runs
idp_register_quickstart() {
    local token body status
    if ! instance_pid "$SERVER_DIR" >/dev/null; then
        say "no quick-start server running: start it and run 'bin/sigillum idp start' again to register $IDP_OIDC_ALIAS"
        return 0
    fi
    token=$(cmd_token) || die "no admin token from the quick-start server"
    body=$(idp_oidc_provider_json)
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "$body" "http://127.0.0.1:$QUICKSTART_PORT/api/v1/identity-providers")
    if [ "$status" = 409 ]; then
        status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d "$body" \
            "http://127.0.0.1:$QUICKSTART_PORT/api/v1/identity-providers/$IDP_OIDC_ALIAS")
    fi
    case "$status" in
        200|201) say "registered $IDP_OIDC_ALIAS with the quick-start server" ;;
        *) die "registering $IDP_OIDC_ALIAS failed (HTTP $status)" ;;
    esac
    idp_register_provider "$token" "$IDP_SAML_ALIAS" "$(idp_saml_provider_json)"
    idp_trust_sigillum_saml "http://127.0.0.1:$QUICKSTART_PORT"
}

# the SAML provider as Sigillum's admin API takes it: Keycloak's metadata by URL; Keycloak 26.5 asserts the
# AuthnContextClassRef "unspecified" after its password form (SAML step-up is not in this version)
idp_saml_provider_json() {
    jq -n --arg alias "$IDP_SAML_ALIAS" --arg metadata "$(idp_issuer)/protocol/saml/descriptor" --arg sp "$IDP_SAML_CLIENT" \
        '{alias: $alias, kind: "SAML", displayName: "Keycloak (SAML)", enabled: true,
          settings: {metadataUrl: $metadata, spEntityId: $sp,
                     nameIdFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"},
          levelMapping: {"urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified": "substantial"}}'
}

# registers (or updates) one provider with the quick-start server
idp_register_provider() {
    local token=$1 alias=$2 body=$3 status
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "$body" "http://127.0.0.1:$QUICKSTART_PORT/api/v1/identity-providers")
    if [ "$status" = 409 ]; then
        status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d "$body" \
            "http://127.0.0.1:$QUICKSTART_PORT/api/v1/identity-providers/$alias")
    fi
    case "$status" in
        200|201) say "registered $alias with the quick-start server" ;;
        *) die "registering $alias failed (HTTP $status)" ;;
    esac
}

# puts Sigillum's SAML signing certificate (from its SP metadata) into the realm's SAML client, which requires
# signed AuthnRequests: the key is made in Sigillum's HSM at its first start, after the realm file was written
idp_trust_sigillum_saml() {
    local sigillum=$1 certificate admin id client
    certificate=$(curl -sSf "$sigillum/saml/metadata?alias=$IDP_SAML_ALIAS" | grep -o '<[^>]*X509Certificate>[^<]*' \
        | head -n 1 | sed 's/.*>//' | tr -d ' \n') || die "no SAML metadata from $sigillum"
    [ -n "$certificate" ] || die "Sigillum's SAML metadata names no signing certificate"
    admin=$(curl -sSf -d grant_type=password -d client_id=admin-cli -d username=admin \
        --data-urlencode "password=$(cat "$IDP_DIR/admin-password")" \
        "$(idp_url)/realms/master/protocol/openid-connect/token" | jq -r .access_token) || die "no Keycloak admin token"
    id=$(curl -sSf -H "Authorization: Bearer $admin" --get --data-urlencode "clientId=$IDP_SAML_CLIENT" \
        "$(idp_url)/admin/realms/$IDP_REALM/clients" | jq -r '.[0].id')
    client=$(curl -sSf -H "Authorization: Bearer $admin" "$(idp_url)/admin/realms/$IDP_REALM/clients/$id" \
        | jq --arg c "$certificate" '.attributes["saml.signing.certificate"] = $c')
    curl -sSf -o /dev/null -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$client" \
        "$(idp_url)/admin/realms/$IDP_REALM/clients/$id" || die "could not update the realm's SAML client"
    say "Keycloak's SAML client trusts Sigillum's SAML signing certificate"
}

cmd_idp() {
    case "${1:-}" in
        start) idp_start; idp_register_quickstart; idp_status ;;
        stop) idp_stop; say "Keycloak stopped" ;;
        status) idp_status ;;
        *) die "usage: bin/sigillum idp start|stop|status" ;;
    esac
}

idp_status() {
    local pid
    if pid=$(idp_pid); then
        echo "keycloak pid=$pid url=$(idp_url) realm=$IDP_REALM"
    else
        echo "stopped"
        return 1
    fi
}
