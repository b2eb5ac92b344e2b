/**
 * `platform`, Paved's command line.
 *
 * @packageDocumentation
 */
import readline from 'node:readline/promises';
import { runPlatform } from './program';

export { runPlatform } from './program';
export type { CliEnvironment } from './program';

/** The executable's entry: real streams, a terminal prompt when there is one. */
export async function main(argv: string[]): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return runPlatform(argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    confirm: interactive
      ? async question => {
          const prompt = readline.createInterface({
            input: process.stdin,
            output: process.stderr,
          });
          try {
            const answer = await prompt.question(`${question} [y/N] `);
            return /^y(es)?$/i.test(answer.trim());
          } finally {
            prompt.close();
          }
        }
      : undefined,
  });
}
