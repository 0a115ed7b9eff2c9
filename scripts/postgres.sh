#!/usr/bin/env bash
# Install (if missing) and start Debian's PostgreSQL, and make the test database.
# Prints nothing secret: the test role's password is only for this throwaway local database.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  $SUDO pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$version" main start
fi

as_postgres() { $SUDO runuser -u postgres -- "$@"; }
for _ in $(seq 1 30); do as_postgres pg_isready -q && break; sleep 0.5; done
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_test') THEN
    CREATE ROLE portal_test LOGIN PASSWORD 'portal_test' CREATEDB;
  END IF;
END $$;
SQL
if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'portal_test'" | grep -q 1; then
  as_postgres createdb -O portal_test portal_test
fi
echo "PostgreSQL $version ready: postgresql://portal_test:portal_test@127.0.0.1:5432/portal_test"
