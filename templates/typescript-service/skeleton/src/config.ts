/** Settings from the environment (12-factor); the Helm chart sets them. */
export type ServiceConfig = {
  serviceName: string;
  httpPort: number;
{%- if values.api == 'grpc' %}
  grpcPort: number;
{%- endif %}
{%- if values.database == 'postgres' %}
  databaseUrl: string | undefined;
{%- endif %}
  logLevel: string;
};

function port(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${variable} must be a port number between 0 and 65535, got '${value}'`);
  }
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    serviceName: ${{ values.name | dump }},
    httpPort: port(env.PORT, ${{ values.httpPort }}, 'PORT'),
{%- if values.api == 'grpc' %}
    grpcPort: port(env.GRPC_PORT, ${{ values.grpcPort }}, 'GRPC_PORT'),
{%- endif %}
{%- if values.database == 'postgres' %}
    databaseUrl: env.DATABASE_URL || undefined,
{%- endif %}
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
