module ${{ values.goModule }}

go 1.23

// Run `go mod tidy` once to resolve the exact versions and write go.sum, then commit both.
require (
	github.com/prometheus/client_golang v1.20.5
{%- if values.api == 'grpc' %}
	google.golang.org/grpc v1.68.0
	google.golang.org/protobuf v1.35.2
{%- endif %}
{%- if values.database == 'postgres' %}
	github.com/jackc/pgx/v5 v5.7.1
{%- endif %}
)
