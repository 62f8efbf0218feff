# A throw-away PostgreSQL cluster for tests: initdb in a directory, loopback only, trust authentication.

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# as the PostgreSQL user: initdb refuses to run as root
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT PASSWORD: starts a fresh cluster with database and user "sigillum"
pg_start() {
    local dir="$1" port="$2" password="$3" bin
    bin=$(pg_bin) || { require_packages postgresql; bin=$(pg_bin) || die "PostgreSQL server binaries not found"; }
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null || die "initdb failed"
    pg_resume "$dir" "$port"
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE USER sigillum PASSWORD '$password'" \
        -c "CREATE DATABASE sigillum OWNER sigillum" >/dev/null || die "could not create the test database"
}

# pg_resume DIR PORT: starts the cluster initialised in DIR, loopback only
pg_resume() {
    local dir="$1" port="$2" bin
    bin=$(pg_bin) || die "PostgreSQL server binaries not found"
    as_pg "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -l "$dir/log" -w start \
        >/dev/null || { cat "$dir/log" >&2; die "PostgreSQL did not start"; }
}

# pg_stop DIR [MODE]: pg_ctl's shutdown mode, fast by default
pg_stop() {
    local dir="$1" mode="${2:-fast}" bin
    bin=$(pg_bin) || return 0
    [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null 2>&1 || true
}
