// Package database holds the PostgreSQL connection pool. DATABASE_URL comes from the secret
// Paved's self-service provisioning creates (the chart's `database` values).
package database

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"

	"${{ values.goModule }}/internal/readiness"
)

// Open creates the pool; it connects lazily, so readiness reports an unreachable database.
func Open(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	config, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	config.MaxConns = 10
	return pgxpool.NewWithConfig(ctx, config)
}

// Readiness pings the database.
func Readiness(pool *pgxpool.Pool) readiness.Check {
	return readiness.Check{Name: "database", Check: pool.Ping}
}
