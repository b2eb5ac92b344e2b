/*
 * Development defaults an attacker on the same network would use: a backend listening on every
 * interface (the development users sign anyone in), and a CI token or webhook secret that is the
 * same string in every checkout (anyone who read the repository could post DevEx events).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../..');
const appConfigText = fs.readFileSync(
  path.join(repoRoot, 'app-config.yaml'),
  'utf8',
);
const appConfig = parse(appConfigText);

describe('development defaults', () => {
  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(appConfig.backend.listen.host).toBe('${PAVED_LISTEN_HOST:-127.0.0.1}');
  });

  it('has no fixed secret in app-config.yaml: tokens and webhook secrets come from the environment alone', () => {
    const tokens = appConfig.backend.auth.externalAccess.map(
      (access: { options: { token: string } }) => access.options.token,
    );
    expect(tokens).toEqual(['${PAVED_CI_TOKEN}']);
    expect(appConfig.devex.github.webhookSecret).toBe(
      '${PAVED_GITHUB_WEBHOOK_SECRET}',
    );
    // No `${VAR:-default}` fallback for anything secret-like.
    expect(appConfigText).not.toMatch(/\$\{[A-Z_]*(TOKEN|SECRET)[A-Z_]*:-/);
  });

  describe('scripts/dev-secrets.sh', () => {
    // Two checkouts: the script and nothing else, in scratch folders.
    const checkouts = [0, 1].map(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-checkout-'));
      fs.mkdirSync(path.join(dir, 'scripts'));
      fs.copyFileSync(
        path.join(repoRoot, 'scripts/dev-secrets.sh'),
        path.join(dir, 'scripts/dev-secrets.sh'),
      );
      return dir;
    });
    afterAll(() =>
      checkouts.forEach(dir =>
        fs.rmSync(dir, { recursive: true, force: true }),
      ),
    );
    const secretsIn = (dir: string, env: Record<string, string> = {}) => {
      const { PAVED_CI_TOKEN: _t, PAVED_GITHUB_WEBHOOK_SECRET: _s, ...rest } =
        process.env;
      return execFileSync(
        'bash',
        [
          '-c',
          'source scripts/dev-secrets.sh; echo "$PAVED_CI_TOKEN $PAVED_GITHUB_WEBHOOK_SECRET"',
        ],
        { cwd: dir, env: { ...rest, ...env }, encoding: 'utf8' },
      )
        .trim()
        .split(' ');
    };

    it('generates long random secrets per checkout into .data/, readable by the owner only', () => {
      const [token, webhookSecret] = secretsIn(checkouts[0]);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(webhookSecret).toMatch(/^[0-9a-f]{64}$/);
      expect(webhookSecret).not.toBe(token);
      const file = path.join(checkouts[0], '.data/dev-secrets.env');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // Stable for the checkout, different in another.
      expect(secretsIn(checkouts[0])).toEqual([token, webhookSecret]);
      expect(secretsIn(checkouts[1])[0]).not.toBe(token);
    });

    it('lets the environment win', () => {
      expect(
        secretsIn(checkouts[0], {
          PAVED_CI_TOKEN: 'from-ci',
          PAVED_GITHUB_WEBHOOK_SECRET: 'from-env',
        }),
      ).toEqual(['from-ci', 'from-env']);
    });
  });
});
