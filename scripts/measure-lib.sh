# Shared by scripts/bench, scripts/scale and scripts/replica-test (sourced, not run): root,
# wrk, free ports, a scratch PostgreSQL database that is dropped afterwards, and the sections of
# BENCHMARKS.md. Each script keeps its own `cleanup` and calls `pg_cleanup` from it.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# wrk from Debian's packages, installed when missing.
need_wrk() {
  command -v wrk >/dev/null || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null; }
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pg_server_url=""
pg_started=""
pg_database=""
# pg_fresh NAME: the local PostgreSQL (started when it is down, and then stopped by pg_cleanup)
# with an empty database NAME; sets pg_url to that database's URL.
pg_fresh() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1 || true)
  if [ -z "$version" ] || ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { f = 1 } END { exit !f }'; then
    pg_started=pending
  fi
  pg_server_url=$(scripts/postgres-up)
  if [ "$pg_started" = pending ]; then pg_started=$(ls /etc/postgresql | sort -n | tail -n 1); fi
  pg_database=$1
  psql -q "$pg_server_url" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >&2
  pg_url=${pg_server_url/\/khuyencong\?//$1?}
}

# Drops the database pg_fresh made (its server processes must be gone) and stops PostgreSQL if
# pg_fresh started it.
pg_cleanup() {
  if [ -n "$pg_database" ]; then psql -q "$pg_server_url" -c "DROP DATABASE IF EXISTS $pg_database" >&2 || true; fi
  if [ -n "$pg_started" ]; then as_root pg_ctlcluster "$pg_started" main stop >&2 || true; fi
}

# write_section NAME TEXT: TEXT (which starts with <!-- NAME:start --> and ends with
# <!-- NAME:end -->) replaces that section of BENCHMARKS.md, or is appended to it.
write_section() {
  python3 - "$1" "$2" <<'PY'
import pathlib, re, sys
name, new = sys.argv[1], sys.argv[2]
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nEvery figure here was printed by the script named in its section; rerun it to refresh.\n"
pattern = re.compile(rf"<!-- {name}:start -->.*<!-- {name}:end -->", flags=re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: new, text)
else:
    text = text.rstrip("\n") + "\n\n" + new + "\n"
path.write_text(text)
PY
}
