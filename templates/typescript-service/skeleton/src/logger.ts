import pino from 'pino';

/** Structured logs: one JSON object per line on stdout, which the cluster's log pipeline reads. */
export function createLogger(serviceName: string, level: string) {
  return pino({
    name: serviceName,
    level,
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: label => ({ level: label }),
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
