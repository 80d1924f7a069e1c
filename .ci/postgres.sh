# Sourced by .ci/run (or by hand: `source .ci/postgres.sh`): make sure a throwaway
# PostgreSQL cluster listens on 127.0.0.1 and export DRONEWATCH_TEST_POSTGRES_URL.
# Installs Debian's postgresql package when no server binaries are found.

pg_port="${DRONEWATCH_PG_PORT:-54329}"
pg_dir="${DRONEWATCH_PG_DIR:-/tmp/dronewatch-ci-pg}"

find_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! pg_bin=$(find_pg_bin); then
    echo "== installing PostgreSQL from Debian packages"
    if [ "$(id -u)" -eq 0 ]; then sudo_cmd=""; else sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin) || { echo "PostgreSQL install failed" >&2; exit 1; }
fi

# The server refuses to run as root: run it as the postgres user, created if missing.
if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as_pg=(runuser -u postgres --)
else
    as_pg=()
fi

if ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start >/dev/null
fi
export DRONEWATCH_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
