/*
 * The bench's output: a PASS/FAIL line with figures per check, timestamped progress lines, and at
 * the end a summary and bench/results/resilience.json.
 */
import fs from 'fs';
import path from 'path';

export interface CheckResult {
  check: string;
  pass: boolean;
  figures: Record<string, unknown>;
}

export function log(message: string) {
  console.log(
    `\x1b[2m[${new Date().toISOString().slice(11, 19)}] ${message}\x1b[0m`,
  );
}

export class Results {
  private readonly results: CheckResult[] = [];

  /** Records a check's outcome and prints it: PASS or FAIL, then one line per figure. */
  report(check: string, pass: boolean, figures: Record<string, unknown>) {
    this.results.push({ check, pass, figures });
    const colour = pass ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m';
    console.log(`${colour} ${check}`);
    for (const [key, value] of Object.entries(figures)) {
      console.log(
        `       ${key}: ${
          typeof value === 'object' ? JSON.stringify(value) : value
        }`,
      );
    }
  }

  get failed(): CheckResult[] {
    return this.results.filter(r => !r.pass);
  }

  writeFile(file: string, soakSeconds: number) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          runAt: new Date().toISOString(),
          soakSeconds,
          results: this.results,
        },
        null,
        2,
      ),
    );
  }

  printSummary() {
    const failed = this.failed;
    console.log(
      `\n${this.results.length - failed.length} of ${
        this.results.length
      } resilience checks passed` +
        (failed.length
          ? `; failed: ${failed.map(f => f.check).join('; ')}`
          : ''),
    );
  }
}
