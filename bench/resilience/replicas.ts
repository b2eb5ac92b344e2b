/*
 * Backend replicas for the resilience bench: each is the real Paved backend (packages/backend)
 * run from source with app-config.yaml plus a generated override that points it at the bench's
 * private PostgreSQL. Both replicas share one data directory (the local git host and TechDocs
 * output), as replicas of a real deployment share a volume.
 */
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse as parseYaml } from 'yaml';
import { sleep, waitFor } from './wait';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');

export interface BenchSettings {
  /** Root of everything the bench writes: configs, logs, the shared data dir. */
  workDir: string;
  pgPort: number;
  /** Database name prefix, so the bench's databases are recognisable. */
  databasePrefix: string;
  ciToken: string;
  benchToken: string;
  /**
   * The replicas' V8 old-space limit (--max-old-space-size), as Node derives it from a
   * container's memory limit (about half of it); 0 leaves V8's default for this machine.
   */
  maxOldSpaceMb: number;
}

export interface ReplicaSpec {
  name: string;
  port: number;
  /** Port of the gate in front of PostgreSQL that this replica's sandbox provider connects through. */
  sandboxGatePort: number;
}

/** The data directory all replicas share (PAVED_DATA_DIR): the local git host, TechDocs output. */
export function sharedDataDir(settings: BenchSettings): string {
  return path.join(settings.workDir, 'shared');
}

const baseUrlOf = (spec: ReplicaSpec) => `http://localhost:${spec.port}`;

/** Per replica, so the bench can tell which replica runs a scaffolder task (its workspace). */
const workingDirectoryOf = (settings: BenchSettings, spec: ReplicaSpec) =>
  path.join(settings.workDir, spec.name, 'work');

function overrideConfig(settings: BenchSettings, spec: ReplicaSpec) {
  const baseUrl = baseUrlOf(spec);
  return {
    backend: {
      baseUrl,
      workingDirectory: workingDirectoryOf(settings, spec),
      listen: { port: spec.port },
      cors: { origin: baseUrl },
      database: {
        client: 'pg',
        prefix: settings.databasePrefix,
        connection: {
          host: '127.0.0.1',
          port: settings.pgPort,
          user: 'postgres',
          password: 'unused-with-trust-auth',
          application_name: `paved-${spec.name}`,
        },
        // As in app-config.production.yaml.
        knexConfig: {
          pool: { min: 0, max: 12 },
          acquireConnectionTimeout: 10000,
        },
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: settings.ciToken, subject: 'ci-pipelines' },
            accessRestrictions: [{ plugin: 'devex' }],
          },
          {
            type: 'static',
            options: {
              token: settings.benchToken,
              subject: 'resilience-bench',
            },
          },
        ],
      },
      reading: { allow: [{ host: `localhost:${spec.port}` }] },
    },
    catalog: {
      // Arrays replace rather than merge, so app-config.yaml's locations are repeated here.
      locations: [
        ...appConfigCatalogLocations(),
        {
          type: 'file',
          target: path.join(
            REPO_ROOT,
            'bench/resilience/template/template.yaml',
          ),
          rules: [{ allow: ['Template'] }],
        },
      ],
    },
    scaffolder: {
      taskRecovery: { enabled: true, staleTimeout: { seconds: 15 } },
    },
    provisioning: {
      processing: { frequencySeconds: 2, leaseSeconds: 15 },
      quotas: { default: { maxRequests: 500, maxStorageGB: 100000 } },
      providers: {
        sandbox: {
          connection: `postgresql://postgres@127.0.0.1:${spec.sandboxGatePort}/postgres`,
          host: '127.0.0.1',
          port: settings.pgPort,
        },
      },
    },
    devex: { demoData: { seed: false } },
  };
}

/**
 * app-config.yaml's catalog locations (the example organisation, the catalog, the templates), with
 * file targets made absolute: they are relative to packages/backend.
 */
function appConfigCatalogLocations(): Array<{ type: string; target: string }> {
  const appConfig = parseYaml(
    fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  return appConfig.catalog.locations.map(
    (location: { type: string; target: string }) =>
      location.type === 'file'
        ? { ...location, target: path.resolve(BACKEND_DIR, location.target) }
        : location,
  );
}

/** process.memoryUsage() right after a full GC, in MB (bench/gc-probe.cjs). */
export interface LiveMemory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export class Replica {
  private process?: ChildProcess;
  readonly baseUrl: string;
  readonly logFile: string;
  private exited?: Promise<void>;

  constructor(
    readonly spec: ReplicaSpec,
    private readonly settings: BenchSettings,
  ) {
    this.baseUrl = baseUrlOf(spec);
    this.logFile = path.join(settings.workDir, `${spec.name}.log`);
  }

  get pid(): number | undefined {
    return this.process?.exitCode === null ? this.process.pid : undefined;
  }

  get running(): boolean {
    return this.pid !== undefined;
  }

  /** The directory in which this replica's scaffolder keeps task workspaces. */
  get scaffolderDirectory(): string {
    return workingDirectoryOf(this.settings, this.spec);
  }

  start() {
    const configFile = path.join(
      this.settings.workDir,
      `${this.spec.name}.config.json`,
    );
    fs.mkdirSync(this.scaffolderDirectory, { recursive: true });
    // JSON is YAML, and Backstage's config loader reads both.
    fs.writeFileSync(
      configFile,
      JSON.stringify(overrideConfig(this.settings, this.spec), null, 2),
    );
    const log = fs.openSync(this.logFile, 'a');
    this.process = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
          paths: [REPO_ROOT],
        }),
        ...(this.settings.maxOldSpaceMb > 0
          ? [`--max-old-space-size=${this.settings.maxOldSpaceMb}`]
          : []),
        // A full GC and memoryUsage() on SIGUSR2, for the soak's live-memory samples.
        '--require',
        path.join(REPO_ROOT, 'bench/gc-probe.cjs'),
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        configFile,
      ],
      {
        cwd: BACKEND_DIR,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          PAVED_DATA_DIR: sharedDataDir(this.settings),
          PAVED_CI_TOKEN: this.settings.ciToken,
          GC_PROBE_OUT: this.gcProbeFile,
        },
        stdio: ['ignore', log, log],
      },
    );
    const child = this.process;
    this.exited = new Promise(resolve => child.once('exit', () => resolve()));
    fs.closeSync(log);
  }

  /** Waits for the readiness endpoint to answer; how long that took, in ms. */
  async waitUntilReady(timeoutMs = 300_000): Promise<number> {
    const started = Date.now();
    await waitFor(
      `${this.spec.name} to be ready; see ${this.logFile}`,
      async () => {
        if (!this.running) {
          throw new Error(
            `${this.spec.name} exited during start-up; see ${this.logFile}`,
          );
        }
        try {
          const res = await fetch(
            `${this.baseUrl}/.backstage/health/v1/readiness`,
          );
          return res.ok ? true : undefined;
        } catch {
          return undefined; // not listening yet
        }
      },
      timeoutMs,
      2000,
    );
    return Date.now() - started;
  }

  /** SIGKILL: no shutdown hooks, no lease release, as when a node or container dies. */
  async kill(): Promise<void> {
    if (!this.process || !this.running) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.process || !this.running) return;
    this.process.kill('SIGTERM');
    const stopped = await Promise.race([
      this.exited!.then(() => true),
      sleep(20_000).then(() => false),
    ]);
    if (!stopped) await this.kill();
  }

  /** Resident set size in MiB, from /proc. */
  rssMiB(): number | undefined {
    const pid = this.pid;
    if (!pid) return undefined;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  }

  private get gcProbeFile(): string {
    return path.join(this.settings.workDir, `${this.spec.name}.gc.json`);
  }

  /**
   * Memory right after a full garbage collection (bench/gc-probe.cjs, on SIGUSR2): what the
   * process really holds, without the garbage and reserved heap that make RSS swing.
   */
  async liveMemory(): Promise<LiveMemory | undefined> {
    const pid = this.pid;
    if (!pid) return undefined;
    fs.rmSync(this.gcProbeFile, { force: true });
    process.kill(pid, 'SIGUSR2');
    for (let waited = 0; waited < 30_000; waited += 200) {
      await sleep(200);
      try {
        return JSON.parse(
          fs.readFileSync(this.gcProbeFile, 'utf8'),
        ) as LiveMemory;
      } catch {
        // not written yet (or half-written)
      }
    }
    return undefined;
  }

  logContains(text: string): number {
    const log = fs.readFileSync(this.logFile, 'utf8');
    return log.split(text).length - 1;
  }
}
