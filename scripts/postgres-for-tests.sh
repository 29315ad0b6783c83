#!/usr/bin/env bash
# Prints a DATABASE_URL for running the test suite on PostgreSQL (make test does, after SQLite).
# With TEST_POSTGRES_URL set, that server is used as it is. Otherwise, as root (CI, a fresh
# machine): installs Debian's PostgreSQL if missing, starts its cluster, and creates a role
# that may create the test database. Without root and without TEST_POSTGRES_URL, prints nothing
# (make test then says the PostgreSQL run was skipped).
set -euo pipefail

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "$TEST_POSTGRES_URL"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  exit 0
fi

here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-system-deps.sh" postgresql >&2

if ! pg_lsclusters -h | grep -q .; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  pg_createcluster "$version" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi

# Only for tests on this machine: a local role with a fixed password that may create databases.
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'generator_test') THEN
    CREATE ROLE generator_test LOGIN PASSWORD 'generator_test' CREATEDB;
  END IF;
END $$;
SQL
echo "postgres://generator_test:generator_test@127.0.0.1:$port/generator_test"
