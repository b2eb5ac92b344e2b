import { AddressInfo } from 'node:net';
import { readConfig } from './config';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { createHttpServer } from './httpServer';
import { ReadinessCheck } from './readiness';
{%- if values.api == 'grpc' %}
import { bindGrpcServer, createGrpcServer } from './grpcServer';
{%- endif %}
{%- if values.database == 'postgres' %}
import { createDatabase } from './database';
{%- endif %}

async function main() {
  const config = readConfig();
  const logger = createLogger(config.serviceName, config.logLevel);
  const metrics = createMetrics();
  const readinessChecks: ReadinessCheck[] = [];
  const closers: Array<() => Promise<unknown>> = [];
{%- if values.database == 'postgres' %}

  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set');
  }
  const database = createDatabase(config.databaseUrl);
  readinessChecks.push(database.readiness);
  closers.push(database.close);
{%- endif %}

  const httpServer = createHttpServer({ logger, metrics, readinessChecks });
  await new Promise<void>(resolve => httpServer.listen(config.httpPort, resolve));
  logger.info({ port: (httpServer.address() as AddressInfo).port }, 'HTTP server listening');
  closers.unshift(() => new Promise(resolve => httpServer.close(resolve)));
{%- if values.api == 'grpc' %}

  const grpcServer = createGrpcServer(logger);
  const grpcPort = await bindGrpcServer(grpcServer, config.grpcPort);
  logger.info({ port: grpcPort }, 'gRPC server listening');
  closers.unshift(
    () => new Promise<void>(resolve => grpcServer.tryShutdown(() => resolve())),
  );
{%- endif %}

  // Kubernetes sends SIGTERM and waits terminationGracePeriodSeconds: finish in-flight requests.
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    for (const close of closers) {
      await close();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(error => {
  // The logger may not exist yet; a plain JSON line keeps the log format.
  console.error(JSON.stringify({ level: 'fatal', msg: 'failed to start', error: String(error) }));
  process.exit(1);
});
