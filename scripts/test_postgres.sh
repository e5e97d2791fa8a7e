# Sourced by test.sh: start a PostgreSQL server for the server tests and export its URL.
# Uses the distribution's cluster when running as root; leaves DANVAN_TEST_PG_URL as it
# is when the caller already set one.
if [ -z "${DANVAN_TEST_PG_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v pg_lsclusters >/dev/null; then
  read -r PG_VERSION PG_CLUSTER _ < <(pg_lsclusters --no-header | head -n 1)
  if [ -n "${PG_VERSION:-}" ]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 2>/dev/null || true
    for _ in $(seq 1 30); do
      su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
      sleep 1
    done
    su postgres -c "psql -qAt" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'danvan') THEN
    CREATE ROLE danvan LOGIN PASSWORD 'danvan' CREATEDB;
  END IF;
END $$;
SQL
    su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'danvan_test'\"" | grep -q 1 \
      || su postgres -c "createdb -O danvan danvan_test"
    export DANVAN_TEST_PG_URL="postgresql+psycopg://danvan:danvan@127.0.0.1:5432/danvan_test"
    export DANVAN_REQUIRE_PG=1
    echo "PostgreSQL $PG_VERSION/$PG_CLUSTER ready for the server tests"
  fi
fi
