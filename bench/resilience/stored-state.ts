/*
 * What the replicas really stored, read behind their backs: rows in the private cluster's plugin
 * databases and repositories on the shared local git host. The checks compare it with what the
 * portal answered.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { PrivateCluster } from './cluster';
import { BenchSettings, sharedDataDir } from './replicas';
import { waitFor } from './wait';

export class StoredState {
  constructor(
    private readonly cluster: PrivateCluster,
    private readonly settings: BenchSettings,
  ) {}

  /** A query in one plugin's database (`provisioning`, `scaffolder`, `devex`, ...). */
  query<T = any>(plugin: string, sql: string, params: unknown[] = []) {
    return this.cluster.query<T>(
      `${this.settings.databasePrefix}${plugin}`,
      sql,
      params,
    );
  }

  async deploymentIds(source: string): Promise<Set<string>> {
    const rows = await this.query<{ event_id: string }>(
      'devex',
      'SELECT event_id FROM devex_deployments WHERE source = $1',
      [source],
    );
    return new Set(rows.map(r => r.event_id));
  }

  /** A provisioning request's status and outputs, and the actions in its history, oldest first. */
  async requestHistory(id: string) {
    const [request] = await this.query(
      'provisioning',
      'SELECT status, outputs FROM provisioning_requests WHERE id = $1',
      [id],
    );
    const actions = await this.query<{ action: string }>(
      'provisioning',
      'SELECT action FROM provisioning_request_events WHERE request_id = $1 ORDER BY id',
      [id],
    );
    return { request, actions: actions.map(a => a.action) };
  }

  /** The databases the sandbox provider made for a request named `name`. */
  async sandboxDatabasesFor(name: string): Promise<string[]> {
    const rows = await this.cluster.query<{ datname: string }>(
      'postgres',
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`%${name.replace(/-/g, '_')}%`],
    );
    return rows.map(r => r.datname);
  }

  async taskStatus(taskId: string): Promise<string> {
    const [row] = await this.query<{ status: string }>(
      'scaffolder',
      'SELECT status FROM tasks WHERE id = $1',
      [taskId],
    );
    return row?.status;
  }

  /** Waits until a scaffolder task has ended (completed, failed or cancelled); its status. */
  taskEnded(taskId: string, what: string, timeoutMs: number) {
    return waitFor(
      what,
      async () => {
        const s = await this.taskStatus(taskId);
        return ['completed', 'failed', 'cancelled'].includes(s) ? s : undefined;
      },
      timeoutMs,
      1000,
    );
  }

  async taskEventTypes(taskId: string): Promise<string[]> {
    const rows = await this.query<{ event_type: string }>(
      'scaffolder',
      'SELECT event_type FROM task_events WHERE task_id = $1 ORDER BY id',
      [taskId],
    );
    return rows.map(r => r.event_type);
  }

  /** Repositories named `name` on the shared local git host, and the commits on main of each. */
  publishedRepository(name: string) {
    const gitDir = path.join(sharedDataDir(this.settings), 'git');
    const repos = fs.existsSync(gitDir)
      ? fs
          .readdirSync(gitDir)
          .filter(entry => entry.replace(/\.git$/, '') === name)
      : [];
    const commits = repos.map(repo =>
      Number(
        execFileSync('git', ['rev-list', '--count', 'main'], {
          cwd: path.join(gitDir, repo),
        })
          .toString()
          .trim(),
      ),
    );
    return { repositories: repos.length, commits };
  }
}
