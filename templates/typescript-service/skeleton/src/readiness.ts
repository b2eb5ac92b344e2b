/** A dependency the service needs before it can take traffic. */
export type ReadinessCheck = {
  name: string;
  check: () => Promise<void>;
};

export type ReadinessReport = {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
};

/** Runs every check with a deadline, so a hung dependency reports as not ready instead of hanging the probe. */
export async function checkReadiness(
  checks: ReadinessCheck[],
  timeoutMs = 2000,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    ready: results.every(([, result]) => result === 'ok'),
    checks: Object.fromEntries(results),
  };
}
