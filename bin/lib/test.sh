# bin/sigillum test: unit tests (with a real SoftHSM2 token), then black-box integration tests against a
# server this command starts on PostgreSQL with a fresh token, and stops again, then the failover tests (JUnit tag
# "cluster") against a two-node cluster of its own. With --big-pdf: only the large-PDF test, with a 200 MB PDF
# (SIGILLUM_BIG_PDF_MB) against a server with a 1 GiB heap. With --cluster: only the failover tests.

TEST_DIR="$VAR_DIR/test"
TEST_PORT_OFFSET="${SIGILLUM_TEST_PORT_OFFSET:-10000}"
TEST_PG_PORT="${SIGILLUM_TEST_PG_PORT:-15432}"
# outside the checkout: the postgres user, which runs the cluster when we are root, may not be able to
# traverse the directories above a clone (a home directory of mode 700, say)
TEST_PG_DIR="${TMPDIR:-/tmp}/sigillum-test-pg-$(id -u)-$TEST_PG_PORT"

test_cleanup() {
    instance_stop "$TEST_DIR/server"
    pg_stop "$TEST_PG_DIR"
    idp_stop
    smtp_stop
}

# smtp_start PORT MAILDIR: a real SMTP server (Debian's python3-aiosmtpd) that stores what it receives in a Maildir,
# where the integration tests read the one-time codes the server sends by e-mail
smtp_start() {
    local port="$1" maildir="$2"
    # the Maildir's own directories: the server creates them only for a directory that does not exist yet
    mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" \
        > "$TEST_DIR/smtp.log" 2>&1 < /dev/null &
    echo $! > "$TEST_DIR/smtp.pid"
    local i
    for ((i = 0; i < 50; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.2
    done
    cat "$TEST_DIR/smtp.log" >&2
    die "the test SMTP server did not start on port $port"
}

smtp_stop() {
    [ -f "$TEST_DIR/smtp.pid" ] || return 0
    kill "$(cat "$TEST_DIR/smtp.pid")" 2>/dev/null || true
    rm -f "$TEST_DIR/smtp.pid"
}

cmd_test() {
    local big_pdf=false only=""
    case "${1:-}" in
        --big-pdf) big_pdf=true ;;
        --it) only="${2:-}"; [ -n "$only" ] || die "test --it needs a failsafe pattern, e.g. 'CscSigningIT' or 'RevocationIT#*'" ;;
        --cluster) cluster_tests_build; cluster_tests "${2:-}"; return ;;
        "") ;;
        *) die "unknown option for test: $1 (known: --big-pdf, --cluster [PATTERN], --it PATTERN)" ;;
    esac
    require_tools
    # PostgreSQL for the server under test; pdfsig and xmlsec1 check signed documents independently of DSS
    # python3-aiosmtpd: the SMTP server that receives the e-mailed signing codes; chromium and chromium-driver: the
    # browser tests of the consent page (Selenium)
    require_packages postgresql poppler-utils xmlsec1 python3-aiosmtpd chromium chromium-driver
    test_cleanup
    rm -rf "$TEST_DIR" && mkdir -p "$TEST_DIR"
    trap test_cleanup EXIT
    SIGILLUM_PKCS11_LIBRARY="$(softhsm_library)"
    export SIGILLUM_PKCS11_LIBRARY

    if $big_pdf; then
        # the 200 MB PDF under a 1 GiB heap: only the large-document test, against a server with that heap
        say "build (unit tests skipped: --big-pdf)"
        (cd "$SIGILLUM_HOME" && mvn -B -ntp -q install -DskipTests) || die "build failed"
        export SIGILLUM_HEAP=1g SIGILLUM_IT_LARGE_PDF_MB="${SIGILLUM_BIG_PDF_MB:-200}"
        provision_wildfly
        integration_tests -Dit.test='DocumentApiIT#aLargePdfIsSignedFromDiskAndVerifies'
        return
    fi
    if [ -n "$only" ]; then
        # a developer's quick loop: no unit tests, only the integration tests that match the pattern
        say "build (unit tests skipped: --it $only)"
        (cd "$SIGILLUM_HOME" && mvn -B -ntp -q install -DskipTests) || die "build failed"
        provision_wildfly
        case "$only" in
            # a pattern that names the EUDI test asks for a server that publishes its HTTPS URL, which it needs
            *EudiClientIT*) export SIGILLUM_IT_PUBLIC_URL="${SIGILLUM_IT_PUBLIC_URL:-$(test_https_url)}" ;;
        esac
        integration_tests -Dit.test="$only" -Dfailsafe.failIfNoSpecifiedTests=false
        case "$only" in *EudiClientIT*) require_test_ran EudiClientIT ;; esac
        return
    fi
    say "unit tests"
    token_prepare "$TEST_DIR/unit-softhsm" unit-tests
    export SIGILLUM_UNIT_SOFTHSM2_CONF="$TEST_DIR/unit-softhsm/softhsm2.conf"
    export SIGILLUM_UNIT_TOKEN_LABEL=unit-tests
    export SIGILLUM_UNIT_PIN_FILE="$TEST_DIR/unit-softhsm/token.pin"
    (cd "$SIGILLUM_HOME" && mvn -B -ntp install) || die "unit tests failed"

    say "CLI scripts: each remove script undoes its configure script"
    provision_wildfly
    cli_check_inverses "$TEST_DIR/cli"
    integration_tests
    # the EUDI wallet's CSC library accepts only https service URLs: a fresh server that publishes its HTTPS URL
    test_cleanup
    rm -rf "$TEST_DIR/server" "$TEST_DIR/bootstrap-client.json"
    (export SIGILLUM_IT_PUBLIC_URL="$(test_https_url)"
     integration_tests -Dit.test=EudiClientIT)
    require_test_ran EudiClientIT
    # the cluster after the server of the integration tests is gone: its memory back, and nothing of its
    # environment (public URL, pool sizes, SIGILLUM_IT_*) carried over, as with --cluster alone
    test_cleanup
    require_packages nftables
    (unset SIGILLUM_PUBLIC_URL SIGILLUM_HSM_POOL_MIN SIGILLUM_HSM_POOL_MAX "${!SIGILLUM_IT_@}"; cluster_tests)
    say "all tests passed"
}

# integration_tests [MAVEN ARGS]: a server on a throw-away PostgreSQL cluster, and the ITs of it/ against it
integration_tests() {
    say "integration tests: PostgreSQL on port $TEST_PG_PORT, WildFly at port offset $TEST_PORT_OFFSET"
    SIGILLUM_TEST_DB_PASSWORD="$(random_secret 12)"
    pg_start "$TEST_PG_DIR" "$TEST_PG_PORT" "$SIGILLUM_TEST_DB_PASSWORD"
    export SIGILLUM_DB_URL="jdbc:postgresql://127.0.0.1:$TEST_PG_PORT/sigillum"
    export SIGILLUM_DB_USER=sigillum SIGILLUM_DB_PASSWORD="$SIGILLUM_TEST_DB_PASSWORD"
    local inst="$TEST_DIR/server" http=$((8080 + TEST_PORT_OFFSET)) mgmt=$((9990 + TEST_PORT_OFFSET))
    # one-time codes: e-mail to a local SMTP server, SMS to the gateway the tests run (OutOfBandCodesIT records what
    # arrives there); each in this run's port range
    export SIGILLUM_SMTP_HOST=127.0.0.1 SIGILLUM_SMTP_PORT=$((8025 + TEST_PORT_OFFSET))
    export SIGILLUM_IT_MAILDIR="$TEST_DIR/mail" SIGILLUM_IT_SMS_GATEWAY_PORT=$((8097 + TEST_PORT_OFFSET))
    export SIGILLUM_SMS_GATEWAY_URL="http://127.0.0.1:$SIGILLUM_IT_SMS_GATEWAY_PORT/sms"
    # codes one caller may have sent per window, low enough for OutOfBandCodesIT to reach (the default is 500)
    export SIGILLUM_OTP_MAX_PER_CLIENT=8 SIGILLUM_IT_OTP_MAX_PER_CLIENT=8
    # a device's approval window, short enough for DeviceApprovalIT to see one time out
    export SIGILLUM_DEVICE_APPROVAL_SECONDS=40 SIGILLUM_IT_DEVICE_APPROVAL_SECONDS=40
    export SIGILLUM_IT_DEVICE_CLIENT="$SIGILLUM_HOME/bin/device-client"
    smtp_stop
    smtp_start "$SIGILLUM_SMTP_PORT" "$SIGILLUM_IT_MAILDIR"
    prepare_instance "$inst" it-tests postgresql "$TEST_DIR/bootstrap-client.json"
    # SIGILLUM_IT_PUBLIC_URL=https://127.0.0.1:<8443 + offset>: the server publishes its HTTPS URL (EudiClientIT)
    export SIGILLUM_PUBLIC_URL="${SIGILLUM_IT_PUBLIC_URL:-http://127.0.0.1:$http}" SIGILLUM_HSM_POOL_MIN=2 SIGILLUM_HSM_POOL_MAX=4
    instance_start "$inst" "$TEST_PORT_OFFSET"
    wait_until_ready "http://127.0.0.1:$http/health/ready"

    export SIGILLUM_IT_URL="http://127.0.0.1:$http"
    tls_activate "$inst" "$TEST_PORT_OFFSET" "$SIGILLUM_IT_URL" "$TEST_DIR/ca-root.pem"
    export SIGILLUM_IT_HTTPS_URL="https://127.0.0.1:$((8443 + TEST_PORT_OFFSET))" SIGILLUM_IT_ROOT_PEM="$TEST_DIR/ca-root.pem"
    export SIGILLUM_IT_MANAGEMENT_URL="http://127.0.0.1:$mgmt"
    export SIGILLUM_IT_BOOTSTRAP_CLIENT_ID SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET
    SIGILLUM_IT_BOOTSTRAP_CLIENT_ID=$(bootstrap_client_field "$TEST_DIR/bootstrap-client.json" client_id)
    SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET=$(bootstrap_client_field "$TEST_DIR/bootstrap-client.json" client_secret)
    export SIGILLUM_IT_DB_URL="$SIGILLUM_DB_URL" SIGILLUM_IT_DB_USER=sigillum SIGILLUM_IT_DB_PASSWORD="$SIGILLUM_DB_PASSWORD"
    export SIGILLUM_IT_PG_DUMP="$(pg_bin)/pg_dump"
    export SIGILLUM_IT_SOFTHSM2_CONF="$inst/softhsm/softhsm2.conf"
    export SIGILLUM_IT_TOKEN_DIR="$inst/softhsm/tokens"
    export SIGILLUM_IT_TOKEN_LABEL=it-tests
    export SIGILLUM_IT_PIN_FILE="$inst/softhsm/token.pin"
    export SIGILLUM_IT_JBOSS_CLI="$JBOSS_HOME/bin/jboss-cli.sh"
    export SIGILLUM_IT_CONTROLLER="127.0.0.1:$mgmt"
    export SIGILLUM_IT_SERVER_LOG="$inst/standalone/log/server.log"
    # where TrustedListsIT serves the LOTL and trusted list it builds, in this run's port range
    export SIGILLUM_IT_TRUSTED_LISTS_PORT=$((8098 + TEST_PORT_OFFSET))
    # tests tagged public-https (EudiClientIT) run only against a server that publishes its HTTPS URL, and are
    # excluded, not skipped, against any other: a skip would hide a failure
    local groups=cluster,public-https
    case "$SIGILLUM_PUBLIC_URL" in https://*) groups=cluster ;; esac
    rm -rf "$SIGILLUM_HOME/it/target/failsafe-reports"
    # Keycloak and Chromium for the federation tests (docs/federation.md), when this run includes them
    idp_for_tests "$@"
    (cd "$SIGILLUM_HOME" && mvn -B -ntp -pl it verify -DskipITs=false -Dit.excludedGroups="$groups" "$@") \
        || die "integration tests failed"
    say "integration tests passed"
}

# test_https_url: the HTTPS listener of the server under test (8443 plus the test port offset)
test_https_url() {
    echo "https://127.0.0.1:$((8443 + TEST_PORT_OFFSET))"
}

# require_test_ran CLASS: the last integration run's failsafe report shows CLASS ran every test, none skipped;
# a phase that exists for one test fails when that test was filtered out or skipped itself
require_test_ran() {
    local report="$SIGILLUM_HOME/it/target/failsafe-reports/TEST-org.sigillum.it.$1.xml" tests skipped
    [ -f "$report" ] || die "$1 did not run (no failsafe report $report)"
    tests=$(sed -n 's/.*<testsuite [^>]*tests="\([0-9]*\)".*/\1/p' "$report" | head -1)
    skipped=$(sed -n 's/.*<testsuite [^>]*skipped="\([0-9]*\)".*/\1/p' "$report" | head -1)
    [ "${tests:-0}" -gt 0 ] && [ "${skipped:-1}" -eq 0 ] \
        || die "$1 did not run all its tests (tests=${tests:-?}, skipped=${skipped:-?}; $report)"
    say "$1 ran $tests test(s), none skipped"
}

# cluster_tests_build: what --cluster alone needs before cluster_tests (the default run has it already)
cluster_tests_build() {
    require_tools
    # nftables: the split test cuts the JGroups link with it
    require_packages nftables
    say "build (unit tests skipped: --cluster)"
    (cd "$SIGILLUM_HOME" && mvn -B -ntp -q install -DskipTests) || die "build failed"
    provision_wildfly
}

# cluster_tests [PATTERN]: the ITs tagged "cluster" (those matching the failsafe PATTERN, if given) against a
# fresh cluster (bin/sigillum cluster), stopped afterwards. Two nodes by default (SIGILLUM_CLUSTER_TEST_NODES), the
# smallest cluster that must survive losing one. The cluster is the tests' own: under var/test/cluster, its balancer
# at 8080 + SIGILLUM_TEST_PORT_OFFSET + 1000 and its nodes at port offsets from SIGILLUM_TEST_PORT_OFFSET + 1100,
# PostgreSQL on SIGILLUM_TEST_PG_PORT + 1, unless SIGILLUM_CLUSTER_PORT, _PORT_BASE and _PG_PORT say otherwise; an
# operator's cluster is never touched.
cluster_tests() {
    local nodes="${SIGILLUM_CLUSTER_TEST_NODES:-2}" only="${1:-}" n
    export SIGILLUM_CLUSTER_DIR="$TEST_DIR/cluster"
    export SIGILLUM_CLUSTER_PORT="${SIGILLUM_CLUSTER_PORT:-$((8080 + TEST_PORT_OFFSET + 1000))}"
    export SIGILLUM_CLUSTER_PORT_BASE="${SIGILLUM_CLUSTER_PORT_BASE:-$((TEST_PORT_OFFSET + 1000))}"
    export SIGILLUM_CLUSTER_PG_PORT="${SIGILLUM_CLUSTER_PG_PORT:-$((TEST_PG_PORT + 1))}"
    cluster_settings
    say "CLI scripts of the HA profile: each remove script undoes its configure script"
    cli_check_inverses_ha "$TEST_DIR/cluster-cli"
    trap cluster_stop EXIT
    cluster_start "$nodes"
    local urls="" pids="" controllers="" inst
    for ((n = 1; n <= nodes; n++)); do
        inst="$CLUSTER_DIR/node$n"
        urls="${urls:+$urls,}http://127.0.0.1:$(cat "$inst/http.port")"
        pids="${pids:+$pids,}$(instance_pid "$inst")"
        controllers="${controllers:+$controllers,}127.0.0.1:$((9990 + $(cluster_offset "$n")))"
    done
    export SIGILLUM_IT_URL="${urls%%,*}" SIGILLUM_IT_NODE_URLS="$urls" SIGILLUM_IT_NODE_PIDS="$pids"
    export SIGILLUM_IT_NODE_CONTROLLERS="$controllers" SIGILLUM_IT_JBOSS_CLI="$JBOSS_HOME/bin/jboss-cli.sh"
    export SIGILLUM_IT_BALANCER_URL="http://127.0.0.1:$CLUSTER_PORT"
    # the faults the tests cause (cut, heal, revive, db-restart) go through the cluster command, on this cluster
    # (the SIGILLUM_CLUSTER_* variables exported above)
    export SIGILLUM_IT_CLUSTER_COMMAND="$SIGILLUM_HOME/bin/sigillum"
    export SIGILLUM_IT_DB_URL="$SIGILLUM_DB_URL" SIGILLUM_IT_DB_USER="$SIGILLUM_DB_USER"
    export SIGILLUM_IT_DB_PASSWORD="$SIGILLUM_DB_PASSWORD"
    export SIGILLUM_IT_TOKEN_DIR="$CLUSTER_DIR/softhsm/tokens"
    export SIGILLUM_IT_BOOTSTRAP_CLIENT_ID SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET
    SIGILLUM_IT_BOOTSTRAP_CLIENT_ID=$(bootstrap_client_field "$CLUSTER_DIR/bootstrap-client.json" client_id)
    SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET=$(bootstrap_client_field "$CLUSTER_DIR/bootstrap-client.json" client_secret)
    say "cluster tests: nodes $urls"
    # in a fixed order: ClusterFailoverIT first, on the cluster as started (it records the nodes' PIDs and the token's
    # state before its faults), ShutdownAnchorClusterIT, which stops a node and revives it, last
    (cd "$SIGILLUM_HOME" && mvn -B -ntp -pl it verify -DskipITs=false -Dit.excludedGroups=none -Dgroups=cluster \
        -Dfailsafe.runOrder=alphabetical ${only:+-Dit.test="$only" -Dfailsafe.failIfNoSpecifiedTests=false}) \
        || die "cluster tests failed"
    say "cluster tests passed"
}
