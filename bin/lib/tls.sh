# HTTPS of an instance: wildfly-config/cli/80-configure-https.cli points the https listener at a PKCS#12 store
# that the application fills at start with a certificate from its built-in CA. A server that started before
# the store existed (or with an older certificate) is told to read it again; the built-in root is written as
# PEM for clients to trust (curl --cacert, a Java trust store).

# tls_activate INST PORT_OFFSET HTTP_URL ROOT_PEM: load the instance's new certificate, export the root CA
tls_activate() {
    local inst="$1" offset="$2" url="$3" root_pem="$4" mgmt=$((9990 + $2))
    [ -s "$inst/standalone/data/sigillum-tls.p12" ] || die "the server issued no HTTPS certificate (see its log)"
    "$JBOSS_HOME/bin/jboss-cli.sh" -c --controller="127.0.0.1:$mgmt" \
        --commands="/subsystem=elytron/key-store=sigillumTlsKS:load,/subsystem=elytron/key-manager=sigillumTlsKM:init" \
        > "$inst/tls-activate.log" 2>&1 || { cat "$inst/tls-activate.log" >&2; die "the HTTPS certificate could not be loaded"; }
    mkdir -p "$(dirname "$root_pem")"
    curl -fsS "$url/ca/root.crt" | openssl x509 -inform DER -out "$root_pem" || die "cannot export the root CA to $root_pem"
}
