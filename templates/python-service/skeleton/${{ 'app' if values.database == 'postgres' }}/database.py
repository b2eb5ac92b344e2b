"""The PostgreSQL connection pool.

DATABASE_URL comes from the secret Paved's self-service provisioning creates (see the chart's
`database` values; the password comes as PGPASSWORD, which libpq reads).
"""

from __future__ import annotations

from psycopg_pool import ConnectionPool

from .readiness import ReadinessCheck


def create_pool(database_url: str) -> ConnectionPool:
    return ConnectionPool(database_url, min_size=1, max_size=10, open=True)


def database_readiness(pool: ConnectionPool) -> ReadinessCheck:
    def check() -> None:
        with pool.connection(timeout=2) as connection:
            connection.execute("SELECT 1")

    return ReadinessCheck(name="database", check=check)
