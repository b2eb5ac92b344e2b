import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPlatform, CliEnvironment } from '../program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = any>(): T;
}

/** A user's machine for the CLI: its own config home (XDG_CONFIG_HOME) and environment. */
export class TestUserMachine {
  readonly configHome = fs.mkdtempSync(
    path.join(os.tmpdir(), 'paved-cli-home-'),
  );

  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv = {},
    private readonly extra: Partial<CliEnvironment> = {},
  ) {}

  get credentialsFile(): string {
    return path.join(this.configHome, 'paved', 'credentials.json');
  }

  /** Runs `platform <args>` in-process, as the executable would, capturing its output. */
  async run(
    args: string[],
    options: { env?: NodeJS.ProcessEnv } & Partial<CliEnvironment> = {},
  ): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const { env, ...extra } = options;
    const code = await runPlatform(args, {
      env: {
        PATH: process.env.PATH,
        HOME: this.configHome,
        XDG_CONFIG_HOME: this.configHome,
        ...this.baseEnv,
        ...env,
      },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      ...this.extra,
      ...extra,
    });
    return {
      code,
      stdout,
      stderr,
      json: () => JSON.parse(stdout),
    };
  }

  cleanUp(): void {
    fs.rmSync(this.configHome, { recursive: true, force: true });
  }
}
