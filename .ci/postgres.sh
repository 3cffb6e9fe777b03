# Sourced by .ci/run: a private PostgreSQL 15 for the database tests (the engine used when
# DATABASE_URL is set), in a temporary folder, on its own port and socket, run as a non-root user.
# pg_start exports DATABASE_URL, or says plainly why not (the tests then skip the server engine);
# pg_stop stops it and removes the folder.
PG_BIN=/usr/lib/postgresql/15/bin

pg_start() {
  # Installed apart from the other packages: without it only the server half of the database tests is skipped.
  if [ ! -x "$PG_BIN/initdb" ] && [ "$(id -u)" = 0 ]; then
    echo "Installing postgresql"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >/dev/null ||
      echo "apt-get install postgresql failed"
  fi
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 is not installed: the database tests run on the embedded engine only"
    return 0
  fi
  PG_DIR=$(mktemp -d /tmp/bilingual-pg.XXXXXX)
  local as=()
  # initdb refuses to run as root: run the cluster as the postgres user, in a folder it owns.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  if "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 &&
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $port -k $PG_DIR -c listen_addresses='' -c fsync=off" start >/dev/null; then
    export DATABASE_URL="postgresql://postgres@localhost/postgres?host=$PG_DIR&port=$port"
    echo "PostgreSQL 15 started for the tests on socket $PG_DIR, port $port"
  else
    echo "PostgreSQL 15 could not start (see below): the database tests run on the embedded engine only"
    tail -5 "$PG_DIR/initdb.log" "$PG_DIR/server.log" 2>/dev/null
  fi
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
    else
      "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
    fi
  fi
  rm -rf "$PG_DIR"
  PG_DIR=
}
