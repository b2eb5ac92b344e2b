import { execFile } from 'node:child_process';

/** Result of one git invocation; stdout stays binary because blobs and archives are not text. */
export type GitResult = { stdout: Buffer; stderr: string };

/**
 * Runs the system `git` without a shell, so repository names and paths can never be interpreted
 * as shell syntax. isomorphic-git is not used because it cannot push to or write bare repositories
 * on a file path.
 */
export function runGit(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: {
          ...process.env,
          // Never let a user's or the machine's git configuration (hooks, signing, templates) leak in.
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_TERMINAL_PROMPT: '0',
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        const stderrText = stderr.toString('utf8');
        if (error) {
          reject(
            Object.assign(
              new Error(
                `git ${args[0]} failed: ${stderrText.trim() || error.message}`,
              ),
              { stderr: stderrText, code: (error as { code?: unknown }).code },
            ),
          );
          return;
        }
        resolve({ stdout, stderr: stderrText });
      },
    );
  });
}

/** Runs git and returns trimmed stdout as text. */
export async function gitText(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const { stdout } = await runGit(args, options);
  return stdout.toString('utf8').trim();
}
