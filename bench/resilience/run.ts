/*
 * Resilience bench: two Paved backend replicas on one private PostgreSQL. Checks that scheduled
 * tasks run once per interval across replicas; that a provisioning request, a scaffolder task and
 * a DevEx event batch are processed exactly once; that a replica killed (SIGKILL) in the middle
 * of a provisioning request or a scaffolder task is covered by the other; that a PostgreSQL
 * restart during event ingestion gives clients 503s and loses no acknowledged event; and that
 * memory stays flat under a mixed-load soak. Run: `make resilience` (see bench/resilience/README.md).
 *
 * This file only wires: context.ts sets up the replicas, checks/ holds one file per check.
 */
import path from 'path';
import { checkExactlyOnce } from './checks/exactly-once';
import { checkKillDuringProvisioning } from './checks/kill-provisioning';
import { checkKillDuringScaffolderTask } from './checks/kill-scaffolder';
import { checkPostgresRestart } from './checks/postgres-restart';
import { checkScheduler } from './checks/scheduler';
import { checkSoak } from './checks/soak';
import {
  createContext,
  ResilienceContext,
  settingsFromEnv,
  setUp,
  tearDown,
} from './context';
import { REPO_ROOT } from './replicas';
import { log } from './report';

const checks: Record<string, (ctx: ResilienceContext) => Promise<void>> = {
  scheduler: checkScheduler,
  'exactly-once': checkExactlyOnce,
  'kill-provisioning': checkKillDuringProvisioning,
  'kill-scaffolder': checkKillDuringScaffolderTask,
  'postgres-restart': checkPostgresRestart,
  soak: checkSoak,
};
const chosen = (
  process.env.RESILIENCE_CHECKS ?? Object.keys(checks).join(',')
).split(',');
const resultsFile = path.join(REPO_ROOT, 'bench/results/resilience.json');

const ctx = createContext(settingsFromEnv());
const { settings, results } = ctx;

async function main() {
  for (const name of chosen) {
    if (!checks[name])
      throw new Error(
        `unknown check ${name}; known: ${Object.keys(checks).join(', ')}`,
      );
  }
  await setUp(ctx);
  for (const name of chosen) {
    log(`check: ${name}`);
    try {
      await checks[name](ctx);
    } catch (error) {
      results.report(name, false, { error: (error as Error).message });
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    results.report('interrupted', false, { signal });
    tearDown(ctx).finally(() => process.exit(130));
  });
}

main()
  .catch(error => {
    results.report('setup', false, { error: (error as Error).message });
  })
  .finally(async () => {
    await tearDown(ctx);
    results.writeFile(resultsFile, settings.soakSeconds);
    results.printSummary();
    console.log(
      `logs: ${settings.workDir}/replica-*.log, ${settings.workDir}/pg.log; figures: bench/results/resilience.json`,
    );
    process.exit(results.failed.length ? 1 : 0);
  });
