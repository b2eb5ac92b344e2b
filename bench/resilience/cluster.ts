/*
 * The bench's private PostgreSQL cluster: created fresh for each run in the bench's work dir and
 * listening on its own port, so restarting it disturbs nobody else's database.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export class PrivateCluster {
  readonly dataDir: string;
  private readonly logFile: string;

  constructor(workDir: string, readonly port: number) {
    this.dataDir = path.join(workDir, 'pg');
    this.logFile = path.join(workDir, 'pg.log');
  }

  /**
   * PostgreSQL refuses to run as root; as root, its tools run as the postgres user. Asynchronous,
   * so the bench's clients keep sending (and timing) requests while the server stops and starts.
   */
  private async run(tool: string, args: string[]) {
    const command = [path.join(PG_BIN, tool), ...args];
    if (process.getuid?.() === 0) {
      const quoted = command.map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      await execFileAsync('su', ['postgres', '-c', quoted]);
    } else {
      await execFileAsync(command[0], command.slice(1));
    }
  }

  async create() {
    fs.mkdirSync(path.dirname(this.dataDir), { recursive: true });
    if (process.getuid?.() === 0) {
      await execFileAsync('chown', ['postgres', path.dirname(this.dataDir)]);
    }
    await this.run('initdb', ['-A', 'trust', '-U', 'postgres', '-D', this.dataDir]);
  }

  async start() {
    await this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300`,
      '-l',
      this.logFile,
      '-w',
      'start',
    ]);
  }

  /** Fast shutdown: open sessions are disconnected, as in a failover or a restart for an upgrade. */
  async stop() {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  async isRunning(): Promise<boolean> {
    try {
      await this.run('pg_ctl', ['-D', this.dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  async query<T = any>(
    database: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const client = new Client({
      host: '127.0.0.1',
      port: this.port,
      user: 'postgres',
      database,
    });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
