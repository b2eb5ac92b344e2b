// Package httpserver serves the platform's probes and metrics{% if values.api == 'http' %} and the service's HTTP API{% endif %}.
package httpserver

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
{% if values.api == 'http' %}
	"${{ values.goModule }}/internal/greeting"
{%- endif %}
	"${{ values.goModule }}/internal/readiness"
)

// Metrics are the RED metrics of the HTTP server, on their own registry.
type Metrics struct {
	Registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers process and Go runtime metrics plus request counts and latencies.
func NewMetrics() *Metrics {
	registry := prometheus.NewRegistry()
	registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: registry,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total",
			Help: "HTTP requests, by method, route and status code",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "http_request_duration_seconds",
			Help:    "HTTP request latency, by method and route",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5},
		}, []string{"method", "route"}),
	}
	registry.MustRegister(m.requests, m.duration)
	return m
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// NewHandler builds the HTTP routes.
func NewHandler(logger *slog.Logger, metrics *Metrics, checks []readiness.Check) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ready, results := readiness.Run(r.Context(), checks, 2*time.Second)
		status, label := http.StatusOK, "ready"
		if !ready {
			status, label = http.StatusServiceUnavailable, "not ready"
		}
		writeJSON(w, status, map[string]any{"status": label, "checks": results})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(metrics.Registry, promhttp.HandlerOpts{}))
{%- if values.api == 'http' %}
	mux.HandleFunc("GET /v1/hello", func(w http.ResponseWriter, r *http.Request) {
		message, err := greeting.Greet(r.URL.Query().Get("name"))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"message": message})
	})
{%- endif %}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		_, pattern := mux.Handler(r)
		route := "unmatched" // one label for every unknown path keeps cardinality bounded
		if pattern != "" {
			route = pattern
		}
		mux.ServeHTTP(recorder, r)
		metrics.duration.WithLabelValues(r.Method, route).Observe(time.Since(started).Seconds())
		metrics.requests.WithLabelValues(r.Method, route, strconv.Itoa(recorder.status)).Inc()
		if r.URL.Path != "/healthz" && r.URL.Path != "/readyz" && r.URL.Path != "/metrics" {
			logger.Info("request", "method", r.Method, "route", route, "status", recorder.status)
		}
	})
}
