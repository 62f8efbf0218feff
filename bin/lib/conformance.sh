# bin/sigillum conformance URL [--user U --password P --pin PIN] [--cacert ROOT.pem]: the project's CSC
# conformance checks against any CSC server's base URL (/csc/v2 or /csc/v1); a JDK-only program, so that
# it needs no build and judges another server exactly as it judges Sigillum.
cmd_conformance() {
    [ $# -ge 1 ] || die "conformance needs the CSC base URL, e.g. http://127.0.0.1:8080/csc/v2"
    java "$SIGILLUM_HOME/bin/lib/conformance/CscConformance.java" "$@"
}
