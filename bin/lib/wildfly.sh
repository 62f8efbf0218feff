# WildFly: provisioning from Maven Central, server instances, CLI configuration, deployment, start and stop.
# An instance is a directory holding a WildFly base dir, a SoftHSM2 token, secrets and (for H2) the database.

CLI_DIR="$SIGILLUM_HOME/wildfly-config/cli"

provision_wildfly() {
    if [ ! -f "$JBOSS_HOME/jboss-modules.jar" ]; then
        say "provisioning WildFly $WILDFLY_VERSION from Maven Central"
        mkdir -p "$DIST_DIR"
        (cd "$SIGILLUM_HOME" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" -DoutputDirectory="$DIST_DIR") \
            || die "could not fetch org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip"
        unzip -q -o "$DIST_DIR/wildfly-dist-$WILDFLY_VERSION.zip" -d "$DIST_DIR"
        rm -f "$DIST_DIR/wildfly-dist-$WILDFLY_VERSION.zip"
    fi
    # JBoss modules the configuration refers to (the PostgreSQL driver); refreshed on every start
    cp -r "$SIGILLUM_HOME/wildfly-config/target/modules/." "$JBOSS_HOME/modules/"
}

# instance_prepare DIR [PROFILE]: a private copy of WildFly's standalone directory; PROFILE "ha" starts from
# standalone-ha.xml (clustering), the default from standalone.xml. The instance's configuration is always
# standalone.xml, so that starting and configuring it need not know the profile.
instance_prepare() {
    local inst="$1" profile="${2:-}"
    mkdir -p "$inst"
    chmod 700 "$inst"
    if [ ! -d "$inst/standalone" ]; then
        cp -a "$JBOSS_HOME/standalone" "$inst/standalone"
        cp "$inst/standalone/configuration/standalone${profile:+-$profile}.xml" \
            "$inst/standalone/configuration/standalone.xml.pristine"
    fi
}

# bootstrap_client_prepare FILE: the operator's first OAuth 2.0 client (scope admin), written once with mode 600,
# unless SIGILLUM_BOOTSTRAP_CLIENT_ID and SIGILLUM_BOOTSTRAP_CLIENT_SECRET name one; the server registers it
bootstrap_client_prepare() {
    local file="$1"
    if [ -n "${SIGILLUM_BOOTSTRAP_CLIENT_ID:-}" ] && [ -n "${SIGILLUM_BOOTSTRAP_CLIENT_SECRET:-}" ]; then
        unset SIGILLUM_BOOTSTRAP_CLIENT_FILE
        return 0
    fi
    if [ ! -f "$file" ]; then
        (umask 077 && jq -nc --arg id "operator-$(random_secret 4)" --arg secret "$(random_secret 32)" \
            '{client_id: $id, client_secret: $secret}' > "$file")
    fi
    export SIGILLUM_BOOTSTRAP_CLIENT_FILE="$file"
}

# bootstrap_client_field FILE NAME: one field of the bootstrap client file
bootstrap_client_field() {
    jq -er --arg name "$2" '.[$name]' "$1"
}

# instance_configure DIR DBKIND [PROFILE]: applies the CLI scripts to a pristine standalone.xml when they changed;
# PROFILE "ha" uses the replicated caches and adds the JGroups configuration
instance_configure() {
    local inst="$1" dbkind="$2" profile="${3:-}" digest
    local ha_scripts=()
    [ "$profile" = ha ] && ha_scripts=("$CLI_DIR/70-configure-jgroups-ha.cli")
    digest=$( (cat "$CLI_DIR"/*-configure-*.cli; echo "$dbkind${profile:+ $profile}") | sha256sum | cut -d' ' -f1)
    [ -f "$inst/config.sha" ] && [ "$(cat "$inst/config.sha")" = "$digest" ] && return 0
    # the configuration is rewritten offline: a running server would overwrite it on its next change
    instance_stop "$inst"
    say "configuring WildFly ($dbkind)"
    cp "$inst/standalone/configuration/standalone.xml.pristine" "$inst/standalone/configuration/standalone.xml"
    cli_run_embedded "$inst/standalone" "$CLI_DIR/10-configure-microprofile.cli" \
        "$CLI_DIR/20-configure-datasource-$dbkind.cli" "$CLI_DIR/30-configure-hsm.cli" \
        "$CLI_DIR/40-configure-cache${profile:+-$profile}.cli" "$CLI_DIR/50-configure-server.cli" \
        "$CLI_DIR/55-configure-http-listener.cli" "$CLI_DIR/60-configure-pki.cli" "$CLI_DIR/65-configure-mail.cli" "$CLI_DIR/80-configure-https.cli" \
        ${ha_scripts[@]+"${ha_scripts[@]}"} \
        || die "WildFly configuration failed"
    echo "$digest" > "$inst/config.sha"
}

# instance_pid DIR: the PID of the instance's JVM, the process whose death is the server's death, found by the base
# directory on its command line rather than through the standalone.sh wrapper that started it: a wrapper killed on
# its own leaves the JVM serving, and that JVM is still this instance's. Fails when no JVM runs for DIR.
instance_pid() {
    local base="-Djboss.server.base.dir=$1/standalone" file pid
    # /proc/PID/cmdline holds the arguments NUL-separated: whole-argument matches, so var/server never matches
    # var/server-9080, and the embedded CLI (org.jboss.as.cli) that configures the same base directory is no server
    for file in $(grep -lzFx -e "$base" /proc/[0-9]*/cmdline 2>/dev/null); do
        grep -qzFx -e org.jboss.as.standalone "$file" 2>/dev/null || continue
        pid="${file#/proc/}"
        echo "${pid%/cmdline}"
        return 0
    done
    return 1
}

# instance_start DIR PORT_OFFSET: the environment (SIGILLUM_*, SOFTHSM2_CONF) must be exported by the caller;
# SIGILLUM_JAVA_OPTS adds JVM options (a cluster node's name)
instance_start() {
    local inst="$1" offset="$2" deployments="$1/standalone/deployments"
    if instance_pid "$inst" >/dev/null; then
        if [ "$EAR" -nt "$deployments/sigillum.ear" ]; then
            say "redeploying the new EAR"
            rm -f "$deployments"/sigillum.ear.*
            cp "$EAR" "$deployments/sigillum.ear"
            wait_for_deployment "$inst"
        fi
        return 0
    fi
    # server.pid of earlier versions named the wrapper; instance_pid finds the JVM itself
    rm -f "$deployments"/sigillum.ear* "$inst/server.pid"
    cp "$EAR" "$deployments/sigillum.ear"
    export JAVA_OPTS="-Xms256m -Xmx${SIGILLUM_HEAP:-2g} -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m \
-Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true \
${SIGILLUM_JAVA_OPTS:-}"
    say "starting WildFly (instance $inst, port offset $offset)"
    # every socket binding (HTTP, HTTPS, management, transactions, JGroups) moves by the offset; no port of its own
    setsid "$JBOSS_HOME/bin/standalone.sh" -c standalone.xml -Djboss.server.base.dir="$inst/standalone" \
        -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        > "$inst/console.log" 2>&1 < /dev/null &
    local wrapper=$! i
    # not a job of this shell: a node killed on purpose (bench cluster) is no news to report when it dies
    disown
    for ((i = 0; i < 300; i++)); do
        instance_pid "$inst" >/dev/null && break
        kill -0 "$wrapper" 2>/dev/null || { tail -n 40 "$inst/console.log" >&2; die "WildFly exited during start"; }
        sleep 0.1
    done
    instance_pid "$inst" >/dev/null || die "no JVM for instance $inst after 30 s"
    wait_for_deployment "$inst"
}

# wait_for_deployment DIR: until the EAR is deployed, at most SIGILLUM_DEPLOY_TIMEOUT_SECONDS (300: a node revived
# on a busy two-core machine, joining the cluster's caches, took over 180 s)
wait_for_deployment() {
    local inst="$1" deployments="$1/standalone/deployments" i seconds="${SIGILLUM_DEPLOY_TIMEOUT_SECONDS:-300}"
    for ((i = 0; i < seconds * 2; i++)); do
        if [ -f "$deployments/sigillum.ear.deployed" ]; then
            return 0
        fi
        if [ -f "$deployments/sigillum.ear.failed" ]; then
            tail -n 60 "$inst/standalone/log/server.log" >&2 || true
            die "deployment failed: $(cat "$deployments/sigillum.ear.failed")"
        fi
        instance_pid "$inst" >/dev/null || { tail -n 40 "$inst/console.log" >&2; die "WildFly exited during start"; }
        sleep 0.5
    done
    die "deployment did not finish within $seconds s"
}

# instance_stop DIR: the instance's JVM, found by its base directory whatever happened to its wrapper, is asked to
# shut down (SIGTERM, WildFly's graceful stop) and killed after 30 s; the wrapper ends with it
instance_stop() {
    local inst="$1" pid i
    pid=$(instance_pid "$inst") || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    rm -f "$inst/server.pid"
}

# cli_run_embedded BASEDIR SCRIPT...: runs CLI scripts against an embedded, offline server
cli_run_embedded() {
    local base="$1" script="$1/session.cli"
    shift
    {
        echo "embed-server --std-out=discard --server-config=standalone.xml"
        cat "$@"
        echo "stop-embedded-server"
    } > "$script"
    JAVA_OPTS="-Djboss.server.base.dir=$base" "$JBOSS_HOME/bin/jboss-cli.sh" --file="$script" > "$base/cli.log" 2>&1 \
        || { cat "$base/cli.log" >&2; return 1; }
}

# cli_check_inverses DIR: every configure script followed by its remove script, in reverse order, must give
# back the configuration an untouched embedded server writes (for each database kind)
cli_check_inverses() {
    local dir="$1" dbkind base
    rm -rf "$dir" && mkdir -p "$dir"
    cp -a "$JBOSS_HOME/standalone" "$dir/baseline"
    cli_run_embedded "$dir/baseline" /dev/null || die "embedded CLI failed"
    for dbkind in h2 postgresql; do
        base="$dir/$dbkind"
        cp -a "$JBOSS_HOME/standalone" "$base"
        cli_run_embedded "$base" "$CLI_DIR/10-configure-microprofile.cli" "$CLI_DIR/20-configure-datasource-$dbkind.cli" \
            "$CLI_DIR/30-configure-hsm.cli" "$CLI_DIR/40-configure-cache.cli" "$CLI_DIR/50-configure-server.cli" \
            "$CLI_DIR/55-configure-http-listener.cli" "$CLI_DIR/60-configure-pki.cli" "$CLI_DIR/65-configure-mail.cli" "$CLI_DIR/80-configure-https.cli" \
            "$CLI_DIR/80-remove-https.cli" "$CLI_DIR/65-remove-mail.cli" "$CLI_DIR/60-remove-pki.cli" "$CLI_DIR/55-remove-http-listener.cli" \
            "$CLI_DIR/50-remove-server.cli" \
            "$CLI_DIR/40-remove-cache.cli" "$CLI_DIR/30-remove-hsm.cli" \
            "$CLI_DIR/20-remove-datasource-$dbkind.cli" "$CLI_DIR/10-remove-microprofile.cli" \
            || die "CLI scripts failed ($dbkind)"
        diff -u "$dir/baseline/configuration/standalone.xml" "$base/configuration/standalone.xml" >&2 \
            || die "the remove scripts do not undo the configure scripts ($dbkind)"
    done
}

# cli_check_inverses_ha DIR: the same for the HA profile (standalone-ha.xml, replicated caches, JGroups), on PostgreSQL
cli_check_inverses_ha() {
    local dir="$1" base
    rm -rf "$dir" && mkdir -p "$dir"
    for base in "$dir/baseline" "$dir/ha"; do
        cp -a "$JBOSS_HOME/standalone" "$base"
        cp "$base/configuration/standalone-ha.xml" "$base/configuration/standalone.xml"
    done
    cli_run_embedded "$dir/baseline" /dev/null || die "embedded CLI failed"
    cli_run_embedded "$dir/ha" "$CLI_DIR/10-configure-microprofile.cli" "$CLI_DIR/20-configure-datasource-postgresql.cli" \
        "$CLI_DIR/30-configure-hsm.cli" "$CLI_DIR/40-configure-cache-ha.cli" "$CLI_DIR/50-configure-server.cli" \
        "$CLI_DIR/55-configure-http-listener.cli" "$CLI_DIR/60-configure-pki.cli" "$CLI_DIR/65-configure-mail.cli" "$CLI_DIR/70-configure-jgroups-ha.cli" \
        "$CLI_DIR/80-configure-https.cli" "$CLI_DIR/80-remove-https.cli" "$CLI_DIR/70-remove-jgroups-ha.cli" \
        "$CLI_DIR/65-remove-mail.cli" "$CLI_DIR/60-remove-pki.cli" "$CLI_DIR/55-remove-http-listener.cli" \
        "$CLI_DIR/50-remove-server.cli" "$CLI_DIR/40-remove-cache-ha.cli" \
        "$CLI_DIR/30-remove-hsm.cli" "$CLI_DIR/20-remove-datasource-postgresql.cli" "$CLI_DIR/10-remove-microprofile.cli" \
        || die "CLI scripts failed (ha)"
    diff -u "$dir/baseline/configuration/standalone.xml" "$dir/ha/configuration/standalone.xml" >&2 \
        || die "the remove scripts do not undo the configure scripts (ha)"
}
