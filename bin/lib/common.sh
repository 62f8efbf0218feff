# Shared helpers: messages, prerequisites, build.

WILDFLY_VERSION=39.0.1.Final
VAR_DIR="${SIGILLUM_VAR_DIR:-$SIGILLUM_HOME/var}"
DIST_DIR="$VAR_DIR/dist"
JBOSS_HOME="$DIST_DIR/wildfly-$WILDFLY_VERSION"
EAR="$SIGILLUM_HOME/ear/target/sigillum.ear"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

softhsm_library() {
    local candidate
    for candidate in "${SIGILLUM_PKCS11_LIBRARY:-}" /usr/lib/softhsm/libsofthsm2.so \
        /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so; do
        [ -n "$candidate" ] && [ -f "$candidate" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

# Installs Debian packages that are missing, when we are root; otherwise names them and stops.
require_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        say "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } \
            || die "apt-get could not install ${missing[*]}"
    else
        die "missing packages; run: sudo apt-get install -y ${missing[*]}"
    fi
}

require_tools() {
    command -v java >/dev/null || die "Java 17 is required (apt-get install -y openjdk-17-jdk-headless)"
    command -v mvn >/dev/null || die "Maven is required (apt-get install -y maven)"
    require_packages softhsm2 opensc unzip curl openssl jq
    softhsm_library >/dev/null || die "libsofthsm2.so not found; set SIGILLUM_PKCS11_LIBRARY"
}

# Builds the EAR when it is missing or older than any file of a module (sources, resources, CLI scripts,
# properties, POMs); tests are the test command's business.
build_if_needed() {
    if [ -f "$EAR" ] && [ -z "$(module_files_newer_than "$EAR")" ]; then
        return 0
    fi
    say "building Sigillum"
    (cd "$SIGILLUM_HOME" && mvn -q -B clean install -DskipTests) || die "build failed"
}

# module_files_newer_than FILE: the first file changed after FILE, leaving out build output, run-time state,
# the commands themselves and documentation
module_files_newer_than() {
    find "$SIGILLUM_HOME" \( -path "$VAR_DIR" -o -name target -o -name .git -o -path "$SIGILLUM_HOME/bin" \
        -o -path "$SIGILLUM_HOME/docs" -o -path "$SIGILLUM_HOME/.ci" \) -prune \
        -o -type f ! -name '*.md' -newer "$1" -print -quit
}

random_secret() {
    head -c "${1:-32}" /dev/urandom | od -An -tx1 | tr -d ' \n'
}

wait_for_http() {
    local url="$1" seconds="$2" i
    for ((i = 0; i < seconds * 2; i++)); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    return 1
}
