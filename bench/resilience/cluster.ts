/*
 * The bench's private PostgreSQL cluster: created fresh for each run in the bench's work dir and
 * listening on its own port, so restarting it disturbs nobody else's database.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export class PrivateCluster {
  readonly dataDir: string;
  private readonly logFile: string;

  constructor(workDir: string, readonly port: number) {
    this.dataDir = path.join(workDir, 'pg');
    this.logFile = path.join(workDir, 'pg.log');
  }

  /** PostgreSQL refuses to run as root; as root, its tools run as the postgres user. */
  private run(tool: string, args: string[]) {
    const command = [path.join(PG_BIN, tool), ...args];
    if (process.getuid?.() === 0) {
      const quoted = command.map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' });
    } else {
      execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
    }
  }

  create() {
    fs.mkdirSync(path.dirname(this.dataDir), { recursive: true });
    if (process.getuid?.() === 0) {
      execFileSync('chown', ['postgres', path.dirname(this.dataDir)]);
    }
    this.run('initdb', ['-A', 'trust', '-U', 'postgres', '-D', this.dataDir]);
  }

  start() {
    this.run('pg_ctl', [
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
  stop() {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  isRunning(): boolean {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, 'status']);
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
