import { spawn } from 'node:child_process';
import { withoutAbsolutePaths } from '@paved/backend-platform';

/** How to run one git command. */
export interface GitRunOptions {
  /** Working directory; git's own `-C`/`--git-dir` work too. */
  cwd?: string;
  /** Added to the isolated environment (identities, `GIT_INDEX_FILE`, ...); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to git's standard input, then closed. */
  input?: string | Buffer;
  /** Aborting kills git. */
  signal?: AbortSignal;
  /** Most bytes of standard output kept; more fails the command (default 256 MiB). */
  maxBuffer?: number;
  /**
   * Keep the first `maxBuffer` bytes and stop git instead of failing, for output shown to people
   * (a diff, a file); the result says `truncated`.
   */
  truncate?: boolean;
}

/** Result of one git command; stdout stays binary because blobs and archives are not text. */
export interface GitRunResult {
  stdout: Buffer;
  stderr: string;
  /** Standard output went past `maxBuffer` and was cut there (only with `truncate`). */
  truncated?: boolean;
}

const DEFAULT_MAX_BUFFER = 256 * 1024 * 1024;

/** `https://user:token@host/...` → `https://***@host/...`, so a credential never reaches a log. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

/** The git subcommand of an argument list: the first word that is neither an option nor its value. */
function subcommandOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-c' || arg === '-C') {
      i++;
    } else if (!arg.startsWith('-')) {
      return arg;
    }
  }
  return 'git';
}

/**
 * A git command that failed. The message names the subcommand and git's own words, with
 * credentials in URLs redacted and repositories named without the folders they live in (the
 * message reaches scaffolder logs, request histories and error bodies); `stderr` (credentials
 * redacted, paths kept, for the backend's log) and `exitCode` are there for callers that tell
 * failures apart, such as a push rejected because someone else pushed first.
 */
export class GitCommandError extends Error {
  readonly subcommand: string;
  readonly exitCode: number | null;
  readonly stderr: string;
  /** What git wrote to standard output before failing; some commands answer there (`merge-tree`). */
  readonly stdout: Buffer;

  constructor(options: {
    args: readonly string[];
    exitCode: number | null;
    stderr: string;
    stdout?: Buffer;
    cause?: unknown;
  }) {
    const subcommand = subcommandOf(options.args);
    const stderr = redactCredentials(options.stderr);
    const reason = withoutAbsolutePaths(
      stderr.trim().slice(0, 2000) ||
        (options.cause instanceof Error
          ? options.cause.message
          : `exit code ${options.exitCode}`),
    );
    super(`git ${subcommand} failed: ${reason}`, { cause: options.cause });
    this.name = 'GitCommandError';
    this.subcommand = subcommand;
    this.exitCode = options.exitCode;
    this.stderr = stderr;
    this.stdout = options.stdout ?? Buffer.alloc(0);
  }
}

/**
 * Variables that point git at another repository, index or object store. They are set while git
 * runs hooks, so a backend started from inside a hook would otherwise write somewhere else.
 */
const INHERITED_REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_COMMON_DIR',
];

/**
 * The environment every git process of the platform runs in: the machine's and the user's git
 * configuration ignored, no prompts, no inherited repository variables, plus `extra`. Exported for
 * git programs started without {@link runGit}, such as `git http-backend` streaming a clone.
 */
export function isolatedGitEnvironment(
  extra?: Record<string, string | undefined>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_REPOSITORY_VARIABLES) {
    delete env[name];
  }
  // What the platform commits must not depend on the machine's or a user's git configuration
  // (hooks, signing, templates, credential helpers), and git must never wait for a password.
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_CONFIG_GLOBAL = '/dev/null';
  env.GIT_TERMINAL_PROMPT = '0';
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) {
      delete env[name];
    } else {
      env[name] = value;
    }
  }
  return env;
}

/**
 * Runs the system `git` with an argument list and no shell, so repository names, paths and
 * messages are never read as shell syntax. isomorphic-git is not used: it cannot write bare
 * repositories on a path or push to them. Fails with a {@link GitCommandError} carrying stderr.
 */
export function runGit(
  args: readonly string[],
  options: GitRunOptions = {},
): Promise<GitRunResult> {
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: isolatedGitEnvironment(options.env),
      signal: options.signal,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let overflow = false;
    let settled = false;
    const fail = (exitCode: number | null, cause?: unknown) => {
      if (settled) return;
      settled = true;
      reject(
        new GitCommandError({
          args,
          exitCode,
          stderr: Buffer.concat(stderr).toString('utf8'),
          stdout: Buffer.concat(stdout),
          cause,
        }),
      );
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxBuffer) {
        overflow = true;
        if (options.truncate) {
          stdout.push(
            chunk.subarray(0, maxBuffer - (stdoutBytes - chunk.length)),
          );
        }
        child.kill('SIGKILL');
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', error => fail(null, error));
    child.on('close', code => {
      if (overflow && options.truncate && !settled) {
        settled = true;
        resolve({
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr).toString('utf8'),
          truncated: true,
        });
      } else if (overflow) {
        fail(code, new Error(`standard output exceeded ${maxBuffer} bytes`));
      } else if (code !== 0) {
        fail(code);
      } else if (!settled) {
        settled = true;
        resolve({
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      }
    });

    // git may exit before reading all of its input (a failed command); that is reported above.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  });
}

/** Runs git and returns its standard output as trimmed text. */
export async function gitText(
  args: readonly string[],
  options: GitRunOptions = {},
): Promise<string> {
  const { stdout } = await runGit(args, options);
  return stdout.toString('utf8').trim();
}
