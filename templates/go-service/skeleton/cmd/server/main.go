// Command server runs ${{ values.name }}.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
{%- if values.api == 'grpc' %}
	"net"
{%- endif %}
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"${{ values.goModule }}/internal/config"
{%- if values.database == 'postgres' %}
	"${{ values.goModule }}/internal/database"
{%- endif %}
{%- if values.api == 'grpc' %}
	"${{ values.goModule }}/internal/grpcserver"
{%- endif %}
	"${{ values.goModule }}/internal/httpserver"
	"${{ values.goModule }}/internal/readiness"
)

func main() {
	if err := run(); err != nil {
		// Structured even when failing to start, so the log pipeline parses it.
		slog.New(slog.NewJSONHandler(os.Stderr, nil)).Error("failed", "error", err.Error())
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Read(os.Getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: cfg.LogLevel})).
		With("service", ${{ values.name | dump }})

	// Kubernetes sends SIGTERM and waits terminationGracePeriodSeconds: finish in-flight requests.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	var checks []readiness.Check
{%- if values.database == 'postgres' %}
	if cfg.DatabaseURL == "" {
		return errors.New("DATABASE_URL is not set")
	}
	pool, err := database.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()
	checks = append(checks, database.Readiness(pool))
{%- endif %}

	httpServer := &http.Server{
		Addr:              fmt.Sprintf(":%d", cfg.HTTPPort),
		Handler:           httpserver.NewHandler(logger, httpserver.NewMetrics(), checks),
		ReadHeaderTimeout: 5 * time.Second,
	}
	errs := make(chan error, 2)
	go func() {
		logger.Info("HTTP server listening", "port", cfg.HTTPPort)
		if err := httpServer.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			errs <- err
		}
	}()
{%- if values.api == 'grpc' %}

	grpcServer := grpcserver.New(logger)
	listener, err := net.Listen("tcp", fmt.Sprintf(":%d", cfg.GRPCPort))
	if err != nil {
		return err
	}
	go func() {
		logger.Info("gRPC server listening", "port", cfg.GRPCPort)
		if err := grpcServer.Serve(listener); err != nil {
			errs <- err
		}
	}()
{%- endif %}

	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
{%- if values.api == 'grpc' %}
	grpcServer.GracefulStop()
{%- endif %}
	return httpServer.Shutdown(shutdownCtx)
}
