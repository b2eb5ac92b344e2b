package httpserver

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"${{ values.goModule }}/internal/readiness"
)

func get(t *testing.T, handler http.Handler, path string) (int, string) {
	t.Helper()
	recorder := httptest.NewRecorder()
	handler.ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(recorder.Result().Body)
	return recorder.Code, string(body)
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(io.Discard, nil))
}

func TestLiveness(t *testing.T) {
	status, body := get(t, NewHandler(quietLogger(), NewMetrics(), nil), "/healthz")
	if status != http.StatusOK || !strings.Contains(body, `"status":"ok"`) {
		t.Fatalf("GET /healthz = %d %s", status, body)
	}
}

func TestReadinessNamesTheFailingDependency(t *testing.T) {
	checks := []readiness.Check{
		{Name: "cache", Check: func(context.Context) error { return nil }},
		{Name: "database", Check: func(context.Context) error { return errors.New("connection refused") }},
	}
	status, body := get(t, NewHandler(quietLogger(), NewMetrics(), checks), "/readyz")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, `"database":"connection refused"`) {
		t.Fatalf("GET /readyz = %d %s", status, body)
	}
}

func TestMetricsCountRequests(t *testing.T) {
	handler := NewHandler(quietLogger(), NewMetrics(), nil)
	get(t, handler, "/healthz")
	get(t, handler, "/nowhere")
	_, body := get(t, handler, "/metrics")
	for _, want := range []string{
		`http_requests_total{method="GET",route="GET /healthz",status="200"} 1`,
		`http_requests_total{method="GET",route="unmatched",status="404"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
{%- if values.api == 'http' %}

func TestHello(t *testing.T) {
	handler := NewHandler(quietLogger(), NewMetrics(), nil)
	if status, body := get(t, handler, "/v1/hello?name=Ada"); status != http.StatusOK || !strings.Contains(body, "Hello, Ada") {
		t.Fatalf("GET /v1/hello = %d %s", status, body)
	}
	if status, _ := get(t, handler, "/v1/hello?name="+strings.Repeat("x", 101)); status != http.StatusBadRequest {
		t.Fatalf("over-long name answered %d", status)
	}
}
{%- endif %}
