export interface Config {
  provisioning?: {
    /** The `paved:database:request` scaffolder step (this module); see README.md. */
    scaffolder?: {
      /** How often the step re-reads the request, in milliseconds (default 2000). */
      pollIntervalMs?: number;
      /** How long the step waits for a settled state before failing the task, in milliseconds (default 900000, 15 min). */
      timeoutMs?: number;
    };
  };
}
