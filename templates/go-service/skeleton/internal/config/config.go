// Package config reads the service's settings from the environment (12-factor); the Helm chart
// sets them.
package config

import (
	"fmt"
	"log/slog"
	"strconv"
)

// Config holds the service's settings.
type Config struct {
	HTTPPort int
{%- if values.api == 'grpc' %}
	GRPCPort int
{%- endif %}

	DatabaseURL string
	LogLevel    slog.Level
}

// Read builds a Config from a getenv function such as os.Getenv.
func Read(getenv func(string) string) (Config, error) {
	httpPort, err := port(getenv("PORT"), ${{ values.httpPort }}, "PORT")
	if err != nil {
		return Config{}, err
	}
{%- if values.api == 'grpc' %}
	grpcPort, err := port(getenv("GRPC_PORT"), ${{ values.grpcPort }}, "GRPC_PORT")
	if err != nil {
		return Config{}, err
	}
{%- endif %}
	var level slog.Level
	if raw := getenv("LOG_LEVEL"); raw != "" {
		if err := level.UnmarshalText([]byte(raw)); err != nil {
			return Config{}, fmt.Errorf("LOG_LEVEL: %w", err)
		}
	}
	return Config{
		HTTPPort: httpPort,
{%- if values.api == 'grpc' %}
		GRPCPort: grpcPort,
{%- endif %}

		DatabaseURL: getenv("DATABASE_URL"),
		LogLevel:    level,
	}, nil
}

func port(raw string, fallback int, variable string) (int, error) {
	if raw == "" {
		return fallback, nil
	}
	value, err := strconv.Atoi(raw)
	if err != nil || value < 0 || value > 65535 {
		return 0, fmt.Errorf("%s must be a port number between 0 and 65535, got %q", variable, raw)
	}
	return value, nil
}
